import { Injectable } from '@nestjs/common';
import type { DeliveryState, Tx } from '../core/database';

/** The writes behind TargetActionsService (what people do about unfinished deliveries), in its transactions. */
@Injectable()
export class TargetActionsRepository {
  /** The target's version and state with its post's approval (to check it is still publishable). */
  findForReschedule(tx: Tx, workspaceId: string, targetId: string) {
    return tx.postTarget.findFirst({
      where: { id: targetId, workspaceId },
      select: { version: true, state: true, post: { select: { status: true, approvedVersion: true } } },
    });
  }

  /** The target's current state, to say why an action was refused; null when it does not exist. */
  async stateOf(tx: Tx, workspaceId: string, targetId: string): Promise<DeliveryState | null> {
    const row = await tx.postTarget.findFirst({ where: { id: targetId, workspaceId }, select: { state: true } });
    return row?.state ?? null;
  }

  /** UNCONFIRMED -> PUBLISHED with its URL; false when the target was not UNCONFIRMED. */
  async confirmPublished(tx: Tx, workspaceId: string, targetId: string, url: string): Promise<boolean> {
    const changed = await tx.postTarget.updateMany({
      where: { id: targetId, workspaceId, state: 'UNCONFIRMED' },
      data: { state: 'PUBLISHED', externalUrl: url, publishedAt: new Date(), lastError: null, lastErrorCode: null },
    });
    return changed.count > 0;
  }

  /** `from` at this version -> SCHEDULED at dueAt with fresh attempts; false when it was not. */
  async reschedule(
    tx: Tx,
    workspaceId: string,
    targetId: string,
    from: DeliveryState,
    version: number,
    dueAt: Date,
  ): Promise<boolean> {
    const changed = await tx.postTarget.updateMany({
      where: { id: targetId, workspaceId, state: from, version },
      data: { state: 'SCHEDULED', dueAt, attempts: 0, lastOutcome: null, lastError: null, lastErrorCode: null },
    });
    return changed.count > 0;
  }

  /** A person dealt with the target: its open notifications are resolved. */
  async resolveNotifications(tx: Tx, workspaceId: string, targetId: string): Promise<void> {
    await tx.notification.updateMany({
      where: { workspaceId, targetId, resolvedAt: null },
      data: { resolvedAt: new Date() },
    });
  }
}
