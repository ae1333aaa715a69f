import { Injectable } from '@nestjs/common';
import { PublisherRegistry, type RateBudget } from '../publishers';
import { RateBudgetRepository, type RateBudgetLeft } from './rate-budget.repository';

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
    private readonly budgets: RateBudgetRepository,
    private readonly publishers: PublisherRegistry,
  ) {}

  /** The budget left on each connected account of the workspace whose platform has one. */
  async budgetsLeft(workspaceId: string): Promise<Array<RateBudgetLeft & { accountId: string; budget: RateBudget }>> {
    const accounts = await this.budgets.connectedAccounts(workspaceId);
    const result: Array<RateBudgetLeft & { accountId: string; budget: RateBudget }> = [];
    for (const account of accounts) {
      const budget = this.publishers.get(account.platform).limits.rateBudget;
      if (budget)
        result.push({ accountId: account.id, budget, ...(await this.budgets.budgetLeft(account.id, budget)) });
    }
    return result;
  }

  async warningFor(
    workspaceId: string,
    accountId: string,
    plannedAt: Date,
    excludeTargetId?: string,
  ): Promise<RateBudgetWarning | null> {
    const platform = await this.budgets.platformOf(workspaceId, accountId);
    if (!platform) return null;
    const budget = this.publishers.get(platform).limits.rateBudget;
    if (!budget) return null;
    const from = new Date(plannedAt.getTime() - budget.windowMs);
    const deliveriesInWindow = await this.budgets.deliveriesInWindow(
      workspaceId,
      accountId,
      from,
      plannedAt,
      excludeTargetId,
    );
    return deliveriesInWindow + 1 > budget.posts ? { accountId, budget, deliveriesInWindow } : null;
  }
}
