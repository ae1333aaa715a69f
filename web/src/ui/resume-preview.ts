import type { Campaign, Post } from '../api/post-types';

/** The API's grace for posts without a campaign (docs/publishing.md, "Late policy on resume"). */
const NO_CAMPAIGN_GRACE_MINUTES = 5;
const WAITING = ['HELD', 'SCHEDULED', 'PENDING'];

export interface LateOutcome {
  post: Post;
  lateMinutes: number;
}

/**
 * What resuming now does to the approved posts whose time passed during the hold, by the late
 * policy the engine applies (docs/publishing.md): published late within the campaign's grace
 * (PUBLISH_LATE), expired otherwise. Posts still in the future simply publish on time.
 */
export function resumePreview(posts: Post[], campaigns: Campaign[], now = Date.now()): { late: LateOutcome[]; expire: LateOutcome[] } {
  const late: LateOutcome[] = [];
  const expire: LateOutcome[] = [];
  for (const post of posts) {
    if (post.status !== 'APPROVED' || !post.scheduledAt) continue;
    if (!post.targets.some((t) => WAITING.includes(t.state))) continue;
    const lateMinutes = Math.floor((now - Date.parse(post.scheduledAt)) / 60_000);
    if (lateMinutes < 1) continue;
    const campaign = campaigns.find((c) => c.id === post.campaign?.id);
    const grace = !campaign ? NO_CAMPAIGN_GRACE_MINUTES : campaign.latePolicy === 'PUBLISH_LATE' ? campaign.lateGraceMinutes : 0;
    const notAfterPassed = post.notAfter !== null && Date.parse(post.notAfter) <= now;
    (lateMinutes <= grace && !notAfterPassed ? late : expire).push({ post, lateMinutes });
  }
  return { late, expire };
}

/** The state people read on a campaign page: a held campaign's waiting posts read HELD. */
export function stateOf(post: Post, held: boolean): string {
  const live = post.targets.filter((t) => t.state !== 'CANCELLED');
  if (held && post.status === 'APPROVED' && live.some((t) => WAITING.includes(t.state))) return 'HELD';
  if (post.displayState) return post.displayState;
  for (const state of ['FAILED', 'UNCONFIRMED', 'HELD', 'EXPIRED']) if (live.some((t) => t.state === state)) return state;
  if (live.length > 0 && live.every((t) => t.state === 'PUBLISHED')) return 'PUBLISHED';
  return post.status;
}
