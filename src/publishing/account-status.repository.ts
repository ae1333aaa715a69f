import { Injectable } from '@nestjs/common';
import type { Tx } from '../core/database';

/** An account's connection status, written in the caller's transaction. */
@Injectable()
export class AccountStatusRepository {
  /**
   * ACTIVE -> NEEDS_RECONNECT with its reason (and the check's time, when a health check found it);
   * false when the account was not ACTIVE (another call got there first).
   */
  async markNeedsReconnect(
    tx: Tx,
    workspaceId: string,
    accountId: string,
    reason: string,
    checkedAt?: Date,
  ): Promise<boolean> {
    const changed = await tx.connectedAccount.updateMany({
      where: { id: accountId, workspaceId, status: 'ACTIVE' },
      data: {
        status: 'NEEDS_RECONNECT',
        statusReason: reason.slice(0, 1000),
        ...(checkedAt ? { lastCheckedAt: checkedAt } : {}),
      },
    });
    return changed.count > 0;
  }
}
