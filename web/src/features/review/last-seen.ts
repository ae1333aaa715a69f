import type { Post } from '../../api/post-types';

/**
 * The version of a post this browser last showed the reviewer. Only the number stays on the device:
 * the texts of that version come from the API (GET .../posts/:id/versions), so "what changed" is
 * always against what the server kept, never a copy the page made. Keeping the number here rather
 * than on the server keeps reading a card free of writes; the cost is that another device starts
 * without one (and shows no diff until the reviewer has seen the post there).
 */
const key = (postId: string) => `gaung.seen.${postId}`;

export function lastSeenVersion(postId: string): number | undefined {
  try {
    // Earlier builds stored { version, text }: the version is all that is read now.
    const value = JSON.parse(localStorage.getItem(key(postId)) ?? 'null') as { version?: unknown } | null;
    return value && typeof value.version === 'number' ? value.version : undefined;
  } catch {
    return undefined;
  }
}

export function markSeen(post: Pick<Post, 'id' | 'version'>): void {
  localStorage.setItem(key(post.id), JSON.stringify({ version: post.version }));
}
