import { Injectable } from '@nestjs/common';
import { AppError } from '../core/errors';
import { PrismaService, type DeliveryState, type Tx } from '../core/database';
import { recordAudit } from '../core/audit';
import { DeliveryScheduler } from './delivery-scheduler';
import { isPublishable } from './publishable';

export interface Actor {
  userId: string;
  kind?: 'user' | 'api-token';
}

const TARGET = { id: 'Target pengiriman', en: 'Delivery target' };

/** What people do about deliveries the engine could not finish by itself. Every action is audited. */
@Injectable()
export class TargetActionsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly scheduler: DeliveryScheduler,
  ) {}

  /** FAILED -> SCHEDULED now, with fresh attempts. */
  retryFailed(workspaceId: string, targetId: string, actor: Actor) {
    return this.reschedule(workspaceId, targetId, actor, 'FAILED', 'target.retry_requested');
  }

  /** UNCONFIRMED, and a person checked that it is not on the platform: publish again. */
  publishAgain(workspaceId: string, targetId: string, actor: Actor) {
    return this.reschedule(workspaceId, targetId, actor, 'UNCONFIRMED', 'target.publish_again');
  }

  /** UNCONFIRMED, and a person found it on the platform: PUBLISHED with its URL. */
  async confirmPublished(workspaceId: string, targetId: string, url: string, actor: Actor): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      const changed = await tx.postTarget.updateMany({
        where: { id: targetId, workspaceId, state: 'UNCONFIRMED' },
        data: { state: 'PUBLISHED', externalUrl: url, publishedAt: new Date(), lastError: null, lastErrorCode: null },
      });
      if (changed.count === 0) await this.explainRefusal(tx, workspaceId, targetId, 'UNCONFIRMED');
      await recordAudit(tx, { workspaceId, actor: { userId: actor.userId, kind: actor.kind ?? 'user' }, action: 'target.confirmed_published', subjectType: 'target', subjectId: targetId, summary: { url } });
      await resolveNotifications(tx, workspaceId, targetId);
    });
  }

  private async reschedule(workspaceId: string, targetId: string, actor: Actor, from: DeliveryState, action: string): Promise<void> {
    const target = await this.prisma.$transaction(async (tx) => {
      const row = await tx.postTarget.findFirst({ where: { id: targetId, workspaceId }, select: { version: true, state: true, post: { select: { status: true, approvedVersion: true } } } });
      if (!row) throw AppError.notFound(TARGET);
      if (!isPublishable(row.post, row.version)) {
        throw AppError.conflict('post_not_approved', { id: 'Unggahan tidak lagi disetujui pada versi ini.', en: 'The post is no longer approved at this version.' });
      }
      const dueAt = new Date();
      const changed = await tx.postTarget.updateMany({
        where: { id: targetId, workspaceId, state: from, version: row.version },
        data: { state: 'SCHEDULED', dueAt, attempts: 0, lastOutcome: null, lastError: null, lastErrorCode: null },
      });
      if (changed.count === 0) await this.explainRefusal(tx, workspaceId, targetId, from);
      await recordAudit(tx, { workspaceId, actor: { userId: actor.userId, kind: actor.kind ?? 'user' }, action, subjectType: 'target', subjectId: targetId, summary: { version: row.version, from } });
      await resolveNotifications(tx, workspaceId, targetId);
      return { id: targetId, version: row.version, dueAt };
    });
    await this.scheduler.wake([target]);
  }

  private async explainRefusal(tx: Tx, workspaceId: string, targetId: string, expected: DeliveryState): Promise<never> {
    const row = await tx.postTarget.findFirst({ where: { id: targetId, workspaceId }, select: { state: true } });
    if (!row) throw AppError.notFound(TARGET);
    throw AppError.conflict(
      'target_state',
      { id: 'Tindakan ini hanya untuk target berstatus {expected}; statusnya sekarang {state}.', en: 'This action is only for {expected} targets; this one is {state}.' },
      { expected, state: row.state },
    );
  }
}

async function resolveNotifications(tx: Tx, workspaceId: string, targetId: string): Promise<void> {
  await tx.notification.updateMany({ where: { workspaceId, targetId, resolvedAt: null }, data: { resolvedAt: new Date() } });
}
