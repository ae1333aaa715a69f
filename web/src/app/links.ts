/**
 * Addresses features link to without importing each other (the composer and the post page belong
 * to their own feature folders; the calendar only needs to send people there).
 */
export const composePath = (workspace: string) => `/${workspace}/compose`;
/** `at` is a wall-clock time `YYYY-MM-DDTHH:mm` in `zone` (an IANA name). */
export const composeSearch = (at: string, zone: string) => ({ at, zone });
export const postPath = (workspace: string, postId: string) => `/${workspace}/posts/${postId}`;
export const notificationsPath = (workspace: string) => `/${workspace}/notifications`;
