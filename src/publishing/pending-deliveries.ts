import { z } from 'zod';
import type { Prisma, Tx } from '../core/database';
import { zDeliveryState, zTimestamp, zUuid } from '../core/http';

/** Deliveries that have not happened yet: what disconnecting an account or leaving a joint campaign cancels. */
export const PENDING_DELIVERY_STATES = ['PENDING', 'SCHEDULED', 'HELD'] as const;

/** How much of a post's text a confirmation shows. */
const EXCERPT_CHARS = 140;

/** What an action would cancel: the deliveries not yet made, soonest first. */
export const pendingDeliveriesView = z
  .object({
    deliveries: z.array(
      z.object({
        targetId: zUuid,
        postId: zUuid,
        state: zDeliveryState,
        scheduledAt: zTimestamp.nullable(),
        title: z.string().nullable(),
        excerpt: z.string(),
      }),
    ),
  })
  .meta({ id: 'PendingDeliveries' });

/**
 * The pending deliveries matching `where` (which must carry the workspace id), as the
 * confirmation dialogs show them; the action itself cancels with the same `where`.
 */
export async function pendingDeliveries(db: Tx, where: Prisma.PostTargetWhereInput & { workspaceId: string }) {
  const targets = await db.postTarget.findMany({
    where: { ...where, state: { in: [...PENDING_DELIVERY_STATES] } },
    select: { id: true, state: true, text: true, post: { select: { id: true, title: true, baseText: true, scheduledAt: true } } },
    orderBy: [{ post: { scheduledAt: { sort: 'asc', nulls: 'last' } } }, { id: 'asc' }],
  });
  return {
    deliveries: targets.map((target) => ({
      targetId: target.id,
      postId: target.post.id,
      state: target.state,
      scheduledAt: target.post.scheduledAt,
      title: target.post.title,
      excerpt: (target.text ?? target.post.baseText).slice(0, EXCERPT_CHARS),
    })),
  };
}
