import { Injectable } from '@nestjs/common';
import { PrismaService, type Tx } from '../core/database';
import { PublisherRegistry, type RateBudget } from '../publishers';

/**
 * When the rolling window frees a slot, or null when the budget allows a post now. Counts ledger
 * rows that may have posted (PUBLISHED and AMBIGUOUS): a platform counts what it accepted.
 */
export async function rateWindowOpensAt(tx: Tx, accountId: string, budget: RateBudget): Promise<Date | null> {
  const rows = await tx.$queryRaw<Array<{ startedAt: Date }>>`
    SELECT "startedAt" FROM "PublishAttempt"
     WHERE "accountId" = ${accountId}::uuid AND outcome IN ('PUBLISHED', 'AMBIGUOUS')
       AND "startedAt" > now() - make_interval(secs => ${budget.windowMs / 1000}::float8)
     ORDER BY "startedAt" DESC OFFSET ${budget.posts - 1} LIMIT 1`;
  const oldestCounted = rows[0];
  return oldestCounted ? new Date(oldestCounted.startedAt.getTime() + budget.windowMs) : null;
}

export interface RateBudgetWarning {
  accountId: string;
  budget: RateBudget;
  /** Deliveries of the account (published or scheduled) in the window ending at the planned time. */
  deliveriesInWindow: number;
}

/**
 * The scheduling-time check (docs/architecture.md, publishing 9): a warning, never a refusal. At claim time the
 * engine waits for the window instead (see ClaimRepository).
 */
@Injectable()
export class RateBudgetChecker {
  constructor(
    private readonly prisma: PrismaService,
    private readonly publishers: PublisherRegistry,
  ) {}

  async warningFor(workspaceId: string, accountId: string, plannedAt: Date, excludeTargetId?: string): Promise<RateBudgetWarning | null> {
    const account = await this.prisma.connectedAccount.findFirst({ where: { id: accountId, workspaceId }, select: { platform: true } });
    if (!account || !this.publishers.has(account.platform)) return null;
    const budget = this.publishers.get(account.platform).limits.rateBudget;
    if (!budget) return null;
    const from = new Date(plannedAt.getTime() - budget.windowMs);
    const deliveriesInWindow = await this.prisma.postTarget.count({
      where: {
        accountId,
        workspaceId,
        ...(excludeTargetId ? { id: { not: excludeTargetId } } : {}),
        OR: [
          { state: { in: ['SCHEDULED', 'PUBLISHING', 'HELD'] }, dueAt: { gt: from, lte: plannedAt } },
          { state: 'PUBLISHED', publishedAt: { gt: from, lte: plannedAt } },
        ],
      },
    });
    return deliveriesInWindow + 1 > budget.posts ? { accountId, budget, deliveriesInWindow } : null;
  }
}
