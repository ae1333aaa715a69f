import { z } from 'zod';
import type { DeliveryState, PostStatus } from '../core/database';

/**
 * What a post looks like to people, from its editorial status and its deliveries together. The
 * editorial status alone says "IN_REVIEW" for a post whose deliveries all expired because nobody
 * approved it in time; people need "EXPIRED". The status field stays as it is (review rules read
 * it); this is computed here only, for post views and calendar items alike.
 */
const DISPLAY_STATES = [
  'DRAFT',
  'IN_REVIEW',
  'CHANGES_REQUESTED',
  'SCHEDULED',
  'HELD',
  'PUBLISHING',
  'PUBLISHED',
  'PARTLY_PUBLISHED',
  'UNCONFIRMED',
  'FAILED',
  'EXPIRED',
  'CANCELLED',
] as const;
export type DisplayState = (typeof DISPLAY_STATES)[number];

export const zDisplayState = z.enum(DISPLAY_STATES).meta({
  id: 'DisplayState',
  description: 'What the post looks like to people, from its status and its deliveries together',
});

const FINAL: ReadonlySet<DeliveryState> = new Set(['PUBLISHED', 'FAILED', 'EXPIRED']);

export function displayStateOf(status: PostStatus, deliveries: readonly DeliveryState[]): DisplayState {
  const published = deliveries.filter((state) => state === 'PUBLISHED').length;
  // Cancelled deliveries (a cancelled post, a disconnected account, a partner that left) no longer count.
  const live = deliveries.filter((state) => state !== 'CANCELLED');
  if (status === 'CANCELLED' || (deliveries.length > 0 && live.length === 0))
    return published > 0 ? 'PARTLY_PUBLISHED' : 'CANCELLED';
  if (live.includes('PUBLISHING')) return 'PUBLISHING';
  if (live.includes('UNCONFIRMED')) return 'UNCONFIRMED';
  if (published > 0) return published === deliveries.length ? 'PUBLISHED' : 'PARTLY_PUBLISHED';
  if (live.length > 0 && live.every((state) => FINAL.has(state))) return live.includes('FAILED') ? 'FAILED' : 'EXPIRED';
  if (status === 'APPROVED') return live.includes('HELD') ? 'HELD' : 'SCHEDULED';
  return status;
}
