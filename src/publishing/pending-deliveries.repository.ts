import type { Prisma, Tx } from '../core/database';

/** Deliveries that have not happened yet: what disconnecting an account or leaving a joint campaign cancels. */
export const PENDING_DELIVERY_STATES = ['PENDING', 'SCHEDULED', 'HELD'] as const;

/**
 * The pending deliveries matching `where` (which must carry the workspace id) with their posts,
 * soonest first; the action itself cancels with the same `where`. A function over `db` (the app's
 * client or a transaction) because the accounts' and the campaigns' repositories both ask it.
 */
export function findPendingDeliveries(db: Tx, where: Prisma.PostTargetWhereInput & { workspaceId: string }) {
  return db.postTarget.findMany({
    where: { ...where, state: { in: [...PENDING_DELIVERY_STATES] } },
    select: {
      id: true,
      state: true,
      text: true,
      post: { select: { id: true, title: true, baseText: true, scheduledAt: true } },
    },
    orderBy: [{ post: { scheduledAt: { sort: 'asc', nulls: 'last' } } }, { id: 'asc' }],
  });
}
