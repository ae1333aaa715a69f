import { Injectable } from '@nestjs/common';
import { type Platform, PrismaService } from '../core/database';
import { recordAudit, SWEEPER } from '../core/audit';
import { DeliveryScheduler, type WakeTarget } from './delivery-scheduler';
import { DeliveryNotices } from '../notifications/notifier';
import { HoldResumeRepository } from './hold-resume.repository';
import { resumeDecision, type ResumeDecision, type ResumeScope } from './resume-rule';

export interface ResumeSummary {
  rescheduled: number;
  expired: number;
}

export interface ResumeOutcome {
  targetId: string;
  postId: string;
  workspaceId: string;
  title: string | null;
  text: string;
  accountName: string;
  platform: Platform;
  dueAt: Date | null;
  lateMinutes: number;
  policy: ResumeDecision['policy'];
}

/** A dry run of a resume: which held deliveries would publish (late) and which would expire. */
export interface ResumePreview {
  publish: ResumeOutcome[];
  expire: ResumeOutcome[];
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
    private readonly holds: HoldResumeRepository,
    private readonly scheduler: DeliveryScheduler,
    private readonly notifier: DeliveryNotices,
  ) {}

  async resumeAfterHold(scope: { workspaceId: string } | { campaignId: string }): Promise<ResumeSummary> {
    return this.resume(scope);
  }

  /**
   * What resuming `scope` now would do, writing nothing: the same query and the same rule as the
   * resume itself (resume-rule.ts), with the scope's own hold counted as lifted.
   */
  async preview(scope: { workspaceId: string } | { campaignId: string }): Promise<ResumePreview> {
    const held = await this.holds.heldTargets(scope, true);
    const now = new Date();
    const answer: ResumePreview = { publish: [], expire: [] };
    for (const target of held) {
      const decision = resumeDecision(target, now);
      if (!decision) continue;
      answer[decision.publish ? 'publish' : 'expire'].push({
        targetId: target.id,
        postId: target.post.id,
        workspaceId: target.workspaceId,
        title: target.post.title,
        text: target.post.baseText.slice(0, 140),
        accountName: target.account.displayName,
        platform: target.account.platform,
        dueAt: target.dueAt,
        lateMinutes: decision.lateMinutes,
        policy: decision.policy,
      });
    }
    return answer;
  }

  /** Call after the account is ACTIVE again: targets parked by an AUTH failure resume. */
  async accountReconnected(accountId: string): Promise<ResumeSummary> {
    return this.resume({ accountId });
  }

  private async resume(scope: ResumeScope): Promise<ResumeSummary> {
    const held = await this.holds.heldTargets(scope);
    const wake: WakeTarget[] = [];
    const notificationIds: string[] = [];
    const now = new Date();
    for (const target of held) {
      const decision = resumeDecision(target, now);
      if (!decision) continue;
      const { publish: publishLate, lateMinutes, policy } = decision;
      const dueAt = target.dueAt ?? now;
      await this.prisma.$transaction(async (tx) => {
        const next = publishLate
          ? { state: 'SCHEDULED' as const, dueAt: dueAt > now ? dueAt : now }
          : { state: 'EXPIRED' as const };
        if (!(await this.holds.leaveHeld(tx, target.workspaceId, target, next))) return;
        await recordAudit(tx, {
          workspaceId: target.workspaceId,
          actor: { userId: null, kind: 'system' },
          action: publishLate ? 'target.resumed' : 'target.expired',
          subjectType: 'target',
          subjectId: target.id,
          summary: { version: target.version, lateMinutes, policy },
        });
        if (publishLate) {
          wake.push({ id: target.id, version: target.version, dueAt: next.dueAt ?? now, attempts: target.attempts });
        } else {
          notificationIds.push(
            ...(await this.notifier.delivery(tx, target.workspaceId, target.id, 'TARGET_EXPIRED', {
              cause: 'hold',
              lateMinutes,
            })),
          );
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
    const workspaces = await this.holds.dueWorkspaceHolds(now);
    for (const workspace of workspaces) {
      const done = await this.prisma.$transaction(async (tx) => {
        if (!(await this.holds.liftWorkspaceHold(tx, workspace.id, workspace.holdResumeAt))) return false;
        await recordAudit(tx, {
          workspaceId: workspace.id,
          actor: SWEEPER,
          action: 'workspace.hold_lifted',
          subjectType: 'workspace',
          subjectId: workspace.id,
          summary: { automatic: true },
        });
        await this.notifier.holdLifted(tx, workspace.id, null);
        return true;
      });
      if (done) {
        lifted++;
        await this.resumeAfterHold({ workspaceId: workspace.id });
      }
    }
    const campaigns = await this.holds.dueCampaignHolds(now);
    for (const campaign of campaigns) {
      const done = await this.prisma.$transaction(async (tx) => {
        if (!(await this.holds.liftCampaignHold(tx, campaign.workspaceId, campaign.id, campaign.holdResumeAt)))
          return false;
        await recordAudit(tx, {
          workspaceId: campaign.workspaceId,
          actor: SWEEPER,
          action: 'campaign.hold_lifted',
          subjectType: 'campaign',
          subjectId: campaign.id,
          summary: { automatic: true },
        });
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
