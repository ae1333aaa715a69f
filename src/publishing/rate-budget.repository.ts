import { Injectable } from '@nestjs/common';
import { PrismaService, type Tx } from '../core/database';
import type { RateBudget } from '../publishers';

/**
 * When the rolling window frees a slot, or null when the budget allows a post now. Counts ledger
 * rows that may have posted (PUBLISHED and AMBIGUOUS: a platform counts what it accepted) and the
 * account's publishes in flight, in one statement: the same SQL function the claim decides with
 * (its migration, 20261130020000_rate_budget_counts_in_flight, says why). A row's window runs from
 * the attempt's end, when the platform had surely received the post
 * (20261130121600_rate_budget_from_attempt_end). The account id comes from a row already scoped to
 * its workspace (the claimed target).
 */
export async function rateWindowOpensAt(tx: Tx, accountId: string, budget: RateBudget): Promise<Date | null> {
  // Raw SQL: the window is computed by the database function gaung_rate_window_opens_at, which the
  // claim (gaung_claim) also calls, so both count the same rows under the same lock.
  const rows = await tx.$queryRaw<Array<{ opensAt: Date | null }>>`
    SELECT gaung_rate_window_opens_at(${accountId}::uuid, ${budget.posts}::int, ${budget.windowMs}::int) AS "opensAt"`;
  return rows[0]?.opensAt ?? null;
}

/** What is left of an account's budget now and when the window next frees a slot (null: nothing used). */
export interface RateBudgetLeft {
  left: number;
  nextSlotAt: Date | null;
}

/** The rate budget's counts, for RateBudgetChecker; every method takes the workspace id. */
@Injectable()
export class RateBudgetRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** The workspace's connected accounts and their platforms (which decide the budget). */
  connectedAccounts(workspaceId: string) {
    return this.prisma.connectedAccount.findMany({
      where: { workspaceId, disconnectedAt: null },
      select: { id: true, platform: true },
      orderBy: { id: 'asc' },
    });
  }

  async platformOf(workspaceId: string, accountId: string) {
    const account = await this.prisma.connectedAccount.findFirst({
      where: { id: accountId, workspaceId },
      select: { platform: true },
    });
    return account?.platform ?? null;
  }

  /**
   * The budget left now, for the accounts page: gaung_rate_budget_used asks the claim's own function
   * (gaung_rate_window_opens_at) how many uses fill the window, so the page and the engine cannot
   * disagree. The next slot is when the oldest counted use ages out (when the budget is spent, the
   * very moment the claim will wait for). The account must be one of connectedAccounts(workspaceId).
   */
  async budgetLeft(accountId: string, budget: RateBudget): Promise<RateBudgetLeft> {
    // Raw SQL: both figures come from the database functions the claim itself uses (see above).
    const rows = await this.prisma.$queryRaw<Array<{ used: number; nextSlotAt: Date | null }>>`
      SELECT u.used,
             CASE WHEN u.used > 0 THEN gaung_rate_window_opens_at(${accountId}::uuid, u.used, ${budget.windowMs}::int) END AS "nextSlotAt"
        FROM (SELECT gaung_rate_budget_used(${accountId}::uuid, ${budget.posts}::int, ${budget.windowMs}::int) AS used) u`;
    const used = rows[0]?.used ?? 0;
    return { left: budget.posts - used, nextSlotAt: rows[0]?.nextSlotAt ?? null };
  }

  /** The account's deliveries (published, or planned and not yet done) in the window (from, until]. */
  deliveriesInWindow(
    workspaceId: string,
    accountId: string,
    from: Date,
    until: Date,
    excludeTargetId?: string,
  ): Promise<number> {
    return this.prisma.postTarget.count({
      where: {
        accountId,
        workspaceId,
        ...(excludeTargetId ? { id: { not: excludeTargetId } } : {}),
        OR: [
          { state: { in: ['SCHEDULED', 'PUBLISHING', 'HELD'] }, dueAt: { gt: from, lte: until } },
          { state: 'PUBLISHED', publishedAt: { gt: from, lte: until } },
        ],
      },
    });
  }
}
