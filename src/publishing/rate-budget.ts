import { Injectable } from '@nestjs/common';
import { PrismaService, type Tx } from '../core/database';
import { PublisherRegistry, type RateBudget } from '../publishers';

/**
 * When the rolling window frees a slot, or null when the budget allows a post now. Counts ledger
 * rows that may have posted (PUBLISHED and AMBIGUOUS: a platform counts what it accepted) and the
 * account's publishes in flight, in one statement: the same SQL function the claim decides with
 * (its migration, 20261130020000_rate_budget_counts_in_flight, says why).
 */
export async function rateWindowOpensAt(tx: Tx, accountId: string, budget: RateBudget): Promise<Date | null> {
  const rows = await tx.$queryRaw<Array<{ opensAt: Date | null }>>`
    SELECT gaung_rate_window_opens_at(${accountId}::uuid, ${budget.posts}::int, ${budget.windowMs}::int) AS "opensAt"`;
  return rows[0]?.opensAt ?? null;
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
    if (!account) return null;
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
