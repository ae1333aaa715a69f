import { z } from 'zod';
import type { Prisma, Tx } from '../core/database';
import { zDeliveryState, zTimestamp, zUuid } from '../core/http';
import { findPendingDeliveries } from './pending-deliveries.repository';

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

/** The pending deliveries matching `where` (which must carry the workspace id), as the confirmation dialogs show them. */
export async function pendingDeliveries(db: Tx, where: Prisma.PostTargetWhereInput & { workspaceId: string }) {
  const targets = await findPendingDeliveries(db, where);
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
