import type { Post } from '../../api/post-types';

/**
 * What this browser last showed of a post (its version and texts), so a reviewer sees what changed
 * since. Kept on the device: the API keeps no text of earlier versions.
 */
export interface SeenVersion {
  version: number;
  text: string;
}

const key = (postId: string) => `gaung.seen.${postId}`;

/** The texts of a post as one reviewable text: the base text, then each account's own text. */
export const reviewText = (post: Post): string =>
  [post.title ? `# ${post.title}` : '', post.baseText, ...post.targets.filter((t) => t.text !== null).map((t) => `[${t.accountName}] ${t.text}`)]
    .filter(Boolean)
    .join('\n\n');

export function lastSeen(postId: string): SeenVersion | undefined {
  try {
    const value = JSON.parse(localStorage.getItem(key(postId)) ?? 'null') as SeenVersion | null;
    return value && typeof value.version === 'number' && typeof value.text === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

export function markSeen(post: Post): void {
  localStorage.setItem(key(post.id), JSON.stringify({ version: post.version, text: reviewText(post) } satisfies SeenVersion));
}
