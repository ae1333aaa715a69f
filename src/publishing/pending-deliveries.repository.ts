import { Prisma, type Tx } from '../core/database';

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
 *
 * The rows are locked (`FOR UPDATE`, in id order) and re-read before the update, so what is
 * returned is exactly what was cancelled: a delivery the engine claimed meanwhile (its uncommitted
 * conditional UPDATE holds the row) is read again once the claim commits, is no longer pending, and
 * is neither cancelled, counted, audited nor has its wake-ups forgotten (a retry's would be).
 */
export async function cancelPendingDeliveries(
  tx: Tx,
  where: Prisma.PostTargetWhereInput & { workspaceId: string },
): Promise<Array<{ id: string; state: string; version: number }>> {
  const candidates = await tx.postTarget.findMany({
    where: { ...where, state: { in: [...PENDING_DELIVERY_STATES] } },
    select: { id: true },
  });
  if (candidates.length === 0) return [];
  const pending = await tx.$queryRaw<Array<{ id: string; state: string; version: number }>>`
    SELECT id, state::text AS state, version FROM "PostTarget"
     WHERE id = ANY(${candidates.map((t) => t.id)}::uuid[])
       AND state::text IN (${Prisma.join([...PENDING_DELIVERY_STATES])})
     ORDER BY id
       FOR UPDATE`;
  if (pending.length === 0) return [];
  await tx.postTarget.updateMany({
    where: { id: { in: pending.map((t) => t.id) } },
    data: { state: 'CANCELLED' },
  });
  return pending;
}
