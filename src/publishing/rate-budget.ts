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

/** What is left of an account's budget now and when the window next frees a slot (null: nothing used). */
export interface RateBudgetLeft {
  left: number;
  nextSlotAt: Date | null;
}

/**
 * The budget left now, for the accounts page: gaung_rate_budget_used asks the claim's own function
 * (gaung_rate_window_opens_at) how many uses fill the window, so the page and the engine cannot
 * disagree. The next slot is when the oldest counted use ages out (when the budget is spent, the
 * very moment the claim will wait for).
 */
export async function rateBudgetLeft(tx: Tx, accountId: string, budget: RateBudget): Promise<RateBudgetLeft> {
  const rows = await tx.$queryRaw<Array<{ used: number; nextSlotAt: Date | null }>>`
    SELECT u.used,
           CASE WHEN u.used > 0 THEN gaung_rate_window_opens_at(${accountId}::uuid, u.used, ${budget.windowMs}::int) END AS "nextSlotAt"
      FROM (SELECT gaung_rate_budget_used(${accountId}::uuid, ${budget.posts}::int, ${budget.windowMs}::int) AS used) u`;
  const used = rows[0]?.used ?? 0;
  return { left: budget.posts - used, nextSlotAt: rows[0]?.nextSlotAt ?? null };
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

  /** The budget left on each connected account of the workspace whose platform has one. */
  async budgetsLeft(workspaceId: string): Promise<Array<RateBudgetLeft & { accountId: string; budget: RateBudget }>> {
    const accounts = await this.prisma.connectedAccount.findMany({ where: { workspaceId, disconnectedAt: null }, select: { id: true, platform: true }, orderBy: { id: 'asc' } });
    const result: Array<RateBudgetLeft & { accountId: string; budget: RateBudget }> = [];
    for (const account of accounts) {
      const budget = this.publishers.get(account.platform).limits.rateBudget;
      if (budget) result.push({ accountId: account.id, budget, ...(await rateBudgetLeft(this.prisma, account.id, budget)) });
    }
    return result;
  }

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
