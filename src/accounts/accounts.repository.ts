import { Injectable } from '@nestjs/common';
import { PrismaService, type Platform, type Prisma, type Tx } from '../core/database';
import { cancelPendingDeliveries } from '../publishing';

@Injectable()
export class AccountsRepository {
  constructor(private readonly prisma: PrismaService) {}

  list(workspaceId: string, includeDisconnected: boolean) {
    return this.prisma.connectedAccount.findMany({
      where: { workspaceId, ...(includeDisconnected ? {} : { status: { not: 'DISABLED' } }) },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    });
  }

  find(workspaceId: string, accountId: string) {
    return this.prisma.connectedAccount.findFirst({ where: { id: accountId, workspaceId } });
  }

  /** Locks the account row for a change; null when it is not this workspace's. */
  async lock(tx: Tx, workspaceId: string, accountId: string) {
    await tx.$queryRaw`SELECT id FROM "ConnectedAccount" WHERE id = ${accountId}::uuid AND "workspaceId" = ${workspaceId}::uuid FOR UPDATE`;
    return tx.connectedAccount.findFirst({ where: { id: accountId, workspaceId } });
  }

  /**
   * The connected (not disconnected) account of this workspace with the platform's own id, if any.
   * Takes a transaction-scoped advisory lock on that identity first, so two concurrent connects of
   * the same account cannot both find nothing and create two rows.
   */
  async findConnected(tx: Tx, workspaceId: string, platform: Platform, externalId: string) {
    await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext(${`account:${workspaceId}:${platform}:${externalId}`}))::text`;
    return tx.connectedAccount.findFirst({ where: { workspaceId, platform, externalId, status: { not: 'DISABLED' } } });
  }

  create(tx: Tx, workspaceId: string, data: Omit<Prisma.ConnectedAccountUncheckedCreateInput, 'workspaceId'>) {
    return tx.connectedAccount.create({ data: { ...data, workspaceId } });
  }

  update(tx: Tx, workspaceId: string, accountId: string, data: Prisma.ConnectedAccountUncheckedUpdateInput) {
    return tx.connectedAccount.update({ where: { id: accountId, workspaceId }, data });
  }

  /** Cancels the account's deliveries not yet made; returns them as they were (for their audit and stale wake-ups). */
  cancelPendingDeliveries(tx: Tx, workspaceId: string, accountId: string) {
    return cancelPendingDeliveries(tx, { workspaceId, accountId });
  }

  /** The account's open "needs reconnect" notifications are settled once it works again. */
  async resolveReconnectNotifications(tx: Tx, workspaceId: string, accountId: string): Promise<void> {
    await tx.notification.updateMany({
      where: { workspaceId, kind: 'ACCOUNT_NEEDS_RECONNECT', subjectId: accountId, resolvedAt: null },
      data: { resolvedAt: new Date() },
    });
  }

  /** Instants already booked on the account from `after` on (scheduled or about to be). */
  async takenInstants(workspaceId: string, accountId: string, after: Date): Promise<Date[]> {
    const targets = await this.prisma.postTarget.findMany({
      where: {
        workspaceId,
        accountId,
        state: { in: ['PENDING', 'SCHEDULED', 'HELD', 'PUBLISHING'] },
        post: { status: { not: 'CANCELLED' }, scheduledAt: { gte: after } },
      },
      select: { post: { select: { scheduledAt: true } } },
    });
    return targets.flatMap((t) => (t.post.scheduledAt ? [t.post.scheduledAt] : []));
  }
}
