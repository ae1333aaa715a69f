import { Injectable } from '@nestjs/common';
import { Prisma, PrismaService, type ConnectedAccount } from '../../core/database';

/**
 * The accounts the health check works on. A run spans every workspace (the worker's daily job)
 * unless given one workspace id (an admin's "check now", tests); writes take the account's own.
 */
@Injectable()
export class AccountHealthRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** ACTIVE accounts with credentials whose token expires by `until`, soonest first. */
  expiring(scope: { workspaceId?: string }, until: Date, take: number): Promise<ConnectedAccount[]> {
    return this.prisma.connectedAccount.findMany({
      where: { ...scope, status: 'ACTIVE', credentialsCiphertext: { not: null }, tokenExpiresAt: { lte: until } },
      orderBy: { tokenExpiresAt: 'asc' },
      take,
    });
  }

  /** ACTIVE accounts never checked, or last checked by `checkedBefore`, least recently checked first. */
  dueForCheck(scope: { workspaceId?: string }, checkedBefore: Date, take: number): Promise<ConnectedAccount[]> {
    return this.prisma.connectedAccount.findMany({
      where: { ...scope, status: 'ACTIVE', OR: [{ lastCheckedAt: null }, { lastCheckedAt: { lte: checkedBefore } }] },
      orderBy: { lastCheckedAt: { sort: 'asc', nulls: 'first' } },
      take,
    });
  }

  /** The account as stored now (a refresh earlier in the run may have changed its credentials). */
  current(workspaceId: string, accountId: string): Promise<ConnectedAccount> {
    return this.prisma.connectedAccount.findUniqueOrThrow({ where: { id: accountId, workspaceId } });
  }

  /** Stamps a successful check and keeps what the platform said about the identity, while still ACTIVE. */
  async checked(workspaceId: string, accountId: string, settings: Prisma.InputJsonValue): Promise<void> {
    await this.prisma.connectedAccount.updateMany({
      where: { id: accountId, workspaceId, status: 'ACTIVE' },
      data: { lastCheckedAt: new Date(), settings },
    });
  }
}
