import { displayStateValues } from '../../api/schema';
import type { components } from '../../api/schema';
import type { Platform } from '../../api/types';

/**
 * What a post looks like to people (the API's `displayState`: its editorial status and its
 * deliveries together; the API decides it, the page only shows it). The list is the API's.
 */
export const DISPLAY_STATUSES = displayStateValues;
export type DisplayStatus = components['schemas']['DisplayState'];

/**
 * One colour per status, each dark enough for white text (WCAG AA, >= 4.5:1), and each status is
 * also written in words: colour is never the only signal.
 */
export const STATUS_COLOURS: Record<DisplayStatus, string> = {
  DRAFT: '#495057',
  IN_REVIEW: '#1864ab',
  CHANGES_REQUESTED: '#9c4a00',
  SCHEDULED: '#1f6f35',
  HELD: '#7a1f3d',
  PUBLISHING: '#0b6e69',
  PUBLISHED: '#5f3dc4',
  PARTLY_PUBLISHED: '#7048a8',
  UNCONFIRMED: '#7a5200',
  FAILED: '#b02525',
  EXPIRED: '#343a40',
  CANCELLED: '#6b7075',
};

/** Short marks for the platforms (with the full name for screen readers and tooltips). */
export const PLATFORM_MARKS: Record<Platform, string> = {
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
