import type { CalendarPost, DeliveryState } from '../../api/types';

/** What a communicator needs to know about a post, from its editorial status and its deliveries. */
export const DISPLAY_STATUSES = ['DRAFT', 'IN_REVIEW', 'CHANGES_REQUESTED', 'APPROVED', 'PUBLISHED', 'FAILED', 'UNCONFIRMED', 'HELD', 'EXPIRED', 'CANCELLED'] as const;
export type DisplayStatus = (typeof DISPLAY_STATUSES)[number];

/** A delivery that needs a human outranks the rest: failed, then unknown, held, expired. */
const DELIVERY_FIRST: { state: DeliveryState; shows: DisplayStatus }[] = [
  { state: 'FAILED', shows: 'FAILED' },
  { state: 'UNCONFIRMED', shows: 'UNCONFIRMED' },
  { state: 'HELD', shows: 'HELD' },
  { state: 'EXPIRED', shows: 'EXPIRED' },
];

export function displayStatus(post: CalendarPost): DisplayStatus {
  if (post.status === 'CANCELLED') return 'CANCELLED';
  const states = post.targets.map((t) => t.state);
  for (const { state, shows } of DELIVERY_FIRST) if (states.includes(state)) return shows;
  const live = states.filter((s) => s !== 'CANCELLED');
  if (live.length > 0 && live.every((s) => s === 'PUBLISHED')) return 'PUBLISHED';
  return post.status;
}

/**
 * One colour per status, each dark enough for white text (WCAG AA, >= 4.5:1), and each status is
 * also written in words: colour is never the only signal.
 */
export const STATUS_COLOURS: Record<DisplayStatus, string> = {
  DRAFT: '#495057',
  IN_REVIEW: '#1864ab',
  CHANGES_REQUESTED: '#9c4a00',
  APPROVED: '#1f6f35',
  PUBLISHED: '#5f3dc4',
  FAILED: '#b02525',
  UNCONFIRMED: '#7a5200',
  HELD: '#7a1f3d',
  EXPIRED: '#343a40',
  CANCELLED: '#6b7075',
};

/** Short marks for the platforms (with the full name for screen readers and tooltips). */
export const PLATFORM_MARKS: Record<string, string> = {
  FACEBOOK: 'FB',
  INSTAGRAM: 'IG',
  X: 'X',
  THREADS: 'TH',
  LINKEDIN: 'IN',
  TELEGRAM: 'TG',
  MASTODON: 'MA',
  BLUESKY: 'BS',
  WORDPRESS: 'WP',
  WEBHOOK: 'WH',
  FEED: 'RSS',
};

export const PLATFORM_NAMES: Record<string, string> = {
  FACEBOOK: 'Facebook',
  INSTAGRAM: 'Instagram',
  X: 'X',
  THREADS: 'Threads',
  LINKEDIN: 'LinkedIn',
  TELEGRAM: 'Telegram',
  MASTODON: 'Mastodon',
  BLUESKY: 'Bluesky',
  WORDPRESS: 'WordPress',
  WEBHOOK: 'Webhook',
  FEED: 'Atom/RSS',
};
