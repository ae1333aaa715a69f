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

/**
 * Cancels the pending deliveries matching `where` (which must carry the workspace id) and returns
 * them as they were, with state and version: their audit, and the wake-ups they leave behind
 * (staleWakeUps). Disconnecting an account and leaving a joint campaign both cancel with it.
 */
export async function cancelPendingDeliveries(
  tx: Tx,
  where: Prisma.PostTargetWhereInput & { workspaceId: string },
): Promise<Array<{ id: string; state: string; version: number }>> {
  const pending = await tx.postTarget.findMany({
    where: { ...where, state: { in: [...PENDING_DELIVERY_STATES] } },
    select: { id: true, state: true, version: true },
  });
  if (pending.length === 0) return [];
  await tx.postTarget.updateMany({
    where: { id: { in: pending.map((t) => t.id) }, state: { in: [...PENDING_DELIVERY_STATES] } },
    data: { state: 'CANCELLED' },
  });
  return pending;
}
