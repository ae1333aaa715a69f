import { recordAudit, type Actor } from '../core/audit';
import type { Tx } from '../core/database';
import type { DeliveryNotices } from '../notifications/notifier';
import { AccountStatusRepository } from './account-status.repository';

/** The repository holds no state (it writes in the caller's transaction): one instance serves every caller. */
const STATUS = new AccountStatusRepository();

/**
 * The one rule for "this account needs a reconnect" (an AUTH failure while publishing, or the
 * health check): ACTIVE -> NEEDS_RECONNECT once, audited and told to the admins, all in `tx`.
 * Returns the notification ids to dispatch after commit; none when another call got there first.
 */
export async function markNeedsReconnect(
  tx: Tx,
  notices: DeliveryNotices,
  change: { workspaceId: string; accountId: string; reason: string; actor: Actor; checkedAt?: Date },
): Promise<string[]> {
  if (!(await STATUS.markNeedsReconnect(tx, change.workspaceId, change.accountId, change.reason, change.checkedAt)))
    return [];
  await recordAudit(tx, {
    workspaceId: change.workspaceId,
    actor: change.actor,
    action: 'account.needs_reconnect',
    subjectType: 'account',
    subjectId: change.accountId,
    summary: { reason: change.reason.slice(0, 500) },
  });
  return notices.accountNeedsReconnect(tx, change.workspaceId, change.accountId, change.reason);
}
