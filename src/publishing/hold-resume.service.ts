import { Injectable } from '@nestjs/common';
import { PrismaService, type Prisma } from '../core/database';
import { recordAudit, SWEEPER } from '../core/audit';
import { DeliveryScheduler, type WakeTarget } from './delivery-scheduler';
import { DeliveryNotices } from '../notifications/notifier';
import { isPublishable } from './publishable';

/** Posts without a campaign have no late policy: they publish late only within this grace, else expire. */
export const NO_CAMPAIGN_GRACE_MINUTES = 5;

export type ResumeScope = { workspaceId: string } | { campaignId: string } | { accountId: string };

export interface ResumeSummary {
  rescheduled: number;
  expired: number;
}

/**
 * Brings HELD targets back after a hold is lifted or an account reconnected. A target becomes HELD
 * when its wake-up finds the workspace or campaign on hold, or the account not ACTIVE (AUTH failure).
 * Whose time passed meanwhile follows the campaign's latePolicy: PUBLISH_LATE within
 * lateGraceMinutes publishes now, anything else EXPIRES with a notification.
 */
@Injectable()
export class HoldResumeService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly scheduler: DeliveryScheduler,
    private readonly notifier: DeliveryNotices,
  ) {}

  async resumeAfterHold(scope: { workspaceId: string } | { campaignId: string }): Promise<ResumeSummary> {
    return this.resume(scope);
  }

  /** Call after the account is ACTIVE again: targets parked by an AUTH failure resume. */
  async accountReconnected(accountId: string): Promise<ResumeSummary> {
    return this.resume({ accountId });
  }

  private async resume(scope: ResumeScope): Promise<ResumeSummary> {
    const where: Prisma.PostTargetWhereInput = {
      state: 'HELD',
      workspace: { heldAt: null },
      account: { status: 'ACTIVE' },
      post: { status: 'APPROVED', OR: [{ campaignId: null }, { campaign: { heldAt: null } }] },
      ...('workspaceId' in scope ? { workspaceId: scope.workspaceId } : {}),
      ...('accountId' in scope ? { accountId: scope.accountId } : {}),
      ...('campaignId' in scope ? { post: { status: 'APPROVED', campaignId: scope.campaignId, campaign: { heldAt: null } } } : {}),
    };
    const held = await this.prisma.postTarget.findMany({
      where,
      select: { id: true, version: true, attempts: true, dueAt: true, workspaceId: true, post: { select: { status: true, approvedVersion: true, campaign: { select: { latePolicy: true, lateGraceMinutes: true } } } } },
    });
    const wake: WakeTarget[] = [];
    const notificationIds: string[] = [];
    const now = new Date();
    for (const target of held) {
      if (!isPublishable(target.post, target.version)) continue;
      const dueAt = target.dueAt ?? now;
      const lateMinutes = (now.getTime() - dueAt.getTime()) / 60_000;
      const campaign = target.post.campaign;
      const publishLate = lateMinutes <= 0 || (campaign ? campaign.latePolicy === 'PUBLISH_LATE' && lateMinutes <= campaign.lateGraceMinutes : lateMinutes <= NO_CAMPAIGN_GRACE_MINUTES);
      await this.prisma.$transaction(async (tx) => {
        const next = publishLate ? { state: 'SCHEDULED' as const, dueAt: dueAt > now ? dueAt : now } : { state: 'EXPIRED' as const };
        const changed = await tx.postTarget.updateMany({ where: { id: target.id, version: target.version, state: 'HELD' }, data: { ...next, lastError: null, lastErrorCode: null } });
        if (changed.count === 0) return;
        const policy = campaign ? campaign.latePolicy : 'NO_CAMPAIGN';
        await recordAudit(tx, {
          workspaceId: target.workspaceId,
          actor: { userId: null, kind: 'system' },
          action: publishLate ? 'target.resumed' : 'target.expired',
          subjectType: 'target',
          subjectId: target.id,
          summary: { version: target.version, lateMinutes: Math.max(0, Math.round(lateMinutes)), policy },
        });
        if (publishLate) {
          wake.push({ id: target.id, version: target.version, dueAt: next.dueAt ?? now, attempts: target.attempts });
        } else {
          notificationIds.push(...(await this.notifier.delivery(tx, target.workspaceId, target.id, 'TARGET_EXPIRED', { cause: 'hold', lateMinutes: Math.round(lateMinutes) })));
        }
      });
    }
    await this.scheduler.wake(wake);
    await this.notifier.dispatch(notificationIds);
    return { rescheduled: wake.length, expired: notificationIds.length };
  }

  /** Lifts holds whose holdResumeAt passed (the sweeper calls this), then resumes their targets. */
  async resumeDueHolds(): Promise<number> {
    const now = new Date();
    let lifted = 0;
    const workspaces = await this.prisma.workspace.findMany({ where: { heldAt: { not: null }, holdResumeAt: { lte: now } }, select: { id: true, holdResumeAt: true } });
    for (const workspace of workspaces) {
      const done = await this.prisma.$transaction(async (tx) => {
        const changed = await tx.workspace.updateMany({ where: { id: workspace.id, holdResumeAt: workspace.holdResumeAt }, data: { heldAt: null, holdReason: null, holdResumeAt: null, heldById: null } });
        if (changed.count === 0) return false;
        await recordAudit(tx, { workspaceId: workspace.id, actor: SWEEPER, action: 'workspace.hold_lifted', subjectType: 'workspace', subjectId: workspace.id, summary: { automatic: true } });
        await this.notifier.holdLifted(tx, workspace.id, null);
        return true;
      });
      if (done) {
        lifted++;
        await this.resumeAfterHold({ workspaceId: workspace.id });
      }
    }
    const campaigns = await this.prisma.campaign.findMany({ where: { heldAt: { not: null }, holdResumeAt: { lte: now } }, select: { id: true, workspaceId: true, holdResumeAt: true } });
    for (const campaign of campaigns) {
      const done = await this.prisma.$transaction(async (tx) => {
        const changed = await tx.campaign.updateMany({ where: { id: campaign.id, holdResumeAt: campaign.holdResumeAt }, data: { heldAt: null, holdReason: null, holdResumeAt: null, heldById: null } });
        if (changed.count === 0) return false;
        await recordAudit(tx, { workspaceId: campaign.workspaceId, actor: SWEEPER, action: 'campaign.hold_lifted', subjectType: 'campaign', subjectId: campaign.id, summary: { automatic: true } });
        await this.notifier.holdLifted(tx, campaign.workspaceId, campaign.id);
        return true;
      });
      if (done) {
        lifted++;
        await this.resumeAfterHold({ campaignId: campaign.id });
      }
    }
    return lifted;
  }
}
