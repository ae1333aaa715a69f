import type { Post } from '../../api/post-types';

const WAITING = ['HELD', 'SCHEDULED', 'PENDING'];

/** The state people read on a campaign page: a held campaign's waiting posts read HELD. */
export function stateOf(post: Post, held: boolean): string {
  const live = post.targets.filter((t) => t.state !== 'CANCELLED');
  if (held && post.status === 'APPROVED' && live.some((t) => WAITING.includes(t.state))) return 'HELD';
  if (post.displayState) return post.displayState;
  for (const state of ['FAILED', 'UNCONFIRMED', 'HELD', 'EXPIRED'])
    if (live.some((t) => t.state === state)) return state;
  if (live.length > 0 && live.every((t) => t.state === 'PUBLISHED')) return 'PUBLISHED';
  return post.status;
}
