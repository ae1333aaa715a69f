import type { Post, PostDraft } from '../../api/post-types';
import { wallClock } from '../../app/zone';
import { instantOf } from '../../ui/zoned-input';

/** What the composer holds while a post is written; times are wall-clock in `zone`. */
export interface ComposerState {
  postId?: string;
  title: string;
  baseText: string;
  campaignId: string | null;
  accountIds: string[];
  /** An account's own text; absent or null: the base text. */
  texts: Record<string, string | null>;
  mediaIds: string[];
  at: string;
  zone: string;
  publishNow: boolean;
  notAfter: string;
}

export const emptyState = (at: string, zone: string, campaignId: string | null): ComposerState => ({
  title: '',
  baseText: '',
  campaignId,
  accountIds: [],
  texts: {},
  mediaIds: [],
  at,
  zone,
  publishNow: false,
  notAfter: '',
});

export function stateOf(post: Post, displayZone: string): ComposerState {
  const zone = post.scheduleZone ?? displayZone;
  return {
    postId: post.id,
    title: post.title ?? '',
    baseText: post.baseText,
    campaignId: post.campaign?.id ?? null,
    accountIds: post.targets.map((t) => t.accountId),
    texts: Object.fromEntries(post.targets.map((t) => [t.accountId, t.text])),
    mediaIds: post.mediaIds,
    at: post.scheduledAt ? wallClock(post.scheduledAt, zone) : '',
    zone,
    publishNow: post.publishNow ?? false,
    notAfter: post.notAfter ? wallClock(post.notAfter, zone) : '',
  };
}

export function draftOf(state: ComposerState): PostDraft {
  const notAfter = state.notAfter ? instantOf(state.notAfter, state.zone) : undefined;
  return {
    campaignId: state.campaignId,
    title: state.title.trim() || null,
    baseText: state.baseText,
    targets: state.accountIds.map((accountId) => ({ accountId, text: state.texts[accountId] ?? null })),
    schedule: state.at && !state.publishNow ? { at: state.at, zone: state.zone } : null,
    publishNow: state.publishNow,
    notAfter: notAfter ? notAfter.toISOString() : null,
    mediaIds: state.mediaIds,
  };
}

/** The text an account will carry: its own, else the base text. */
export const textFor = (state: ComposerState, accountId: string): string => state.texts[accountId] ?? state.baseText;

/** A chosen time already past (the API refuses it too); publish-now has no time to check. */
export function timePassed(state: ComposerState, now = Date.now()): boolean {
  if (state.publishNow || !state.at) return false;
  const instant = instantOf(state.at, state.zone);
  return instant !== undefined && instant.getTime() <= now;
}
