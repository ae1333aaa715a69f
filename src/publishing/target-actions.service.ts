import { Injectable } from '@nestjs/common';
import { AppError } from '../core/errors';
import { PrismaService, type DeliveryState, type Tx } from '../core/database';
import { recordAudit } from '../core/audit';
import { DeliveryScheduler } from './delivery-scheduler';
import { isPublishable } from './publishable';
import { TargetActionsRepository } from './target-actions.repository';

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
    private readonly targets: TargetActionsRepository,
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
      if (!(await this.targets.confirmPublished(tx, workspaceId, targetId, url)))
        await this.explainRefusal(tx, workspaceId, targetId, 'UNCONFIRMED');
      await recordAudit(tx, {
        workspaceId,
        actor: { userId: actor.userId, kind: actor.kind ?? 'user' },
        action: 'target.confirmed_published',
        subjectType: 'target',
        subjectId: targetId,
        summary: { url },
      });
      await this.targets.resolveNotifications(tx, workspaceId, targetId);
    });
  }

  private async reschedule(
    workspaceId: string,
    targetId: string,
    actor: Actor,
    from: DeliveryState,
    action: string,
  ): Promise<void> {
    const target = await this.prisma.$transaction(async (tx) => {
      const row = await this.targets.findForReschedule(tx, workspaceId, targetId);
      if (!row) throw AppError.notFound(TARGET);
      if (!isPublishable(row.post, row.version)) {
        throw AppError.conflict('post_not_approved', {
          id: 'Unggahan tidak lagi disetujui pada versi ini.',
          en: 'The post is no longer approved at this version.',
        });
      }
      const dueAt = new Date();
      if (!(await this.targets.reschedule(tx, workspaceId, targetId, from, row.version, dueAt)))
        await this.explainRefusal(tx, workspaceId, targetId, from);
      await recordAudit(tx, {
        workspaceId,
        actor: { userId: actor.userId, kind: actor.kind ?? 'user' },
        action,
        subjectType: 'target',
        subjectId: targetId,
        summary: { version: row.version, from },
      });
      await this.targets.resolveNotifications(tx, workspaceId, targetId);
      return { id: targetId, version: row.version, dueAt };
    });
    await this.scheduler.wake([target]);
  }

  private async explainRefusal(tx: Tx, workspaceId: string, targetId: string, expected: DeliveryState): Promise<never> {
    const state = await this.targets.stateOf(tx, workspaceId, targetId);
    if (!state) throw AppError.notFound(TARGET);
    throw AppError.conflict(
      'target_state',
      {
        id: 'Tindakan ini hanya untuk target berstatus {expected}; statusnya sekarang {state}.',
        en: 'This action is only for {expected} targets; this one is {state}.',
      },
      { expected, state },
    );
  }
}
