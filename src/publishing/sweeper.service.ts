import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../core/config';
import { PrismaService } from '../core/database';
import { PublisherRegistry, ambiguousRetryOf } from '../publishers';
import { recordAudit, SWEEPER } from '../core/audit';
import { DeliveryScheduler, type WakeTarget } from './delivery-scheduler';
import { safeToRetryAmbiguous } from './failure-policy';
import { HoldResumeService } from './hold-resume.service';
import { PublishingMetrics } from './metrics';
import { SweeperRepository } from './sweeper.repository';
import { DeliveryNotices } from '../notifications/notifier';

const BATCH = 500;
/** How long before its time a post still in review makes coordinators look (issue 13). */
export const APPROVAL_DUE_WARNING_MS = 60 * 60 * 1000;

export interface SweepReport {
  requeued: number;
  leasesResolved: number;
  notApprovedExpired: number;
  holdsLifted: number;
  approvalsDueWarned: number;
}

/**
 * The safety net (docs/architecture.md, publishing 5), run by BullMQ's job scheduler every SWEEP_INTERVAL_MS:
 * every repair is a conditional write, so two sweepers at once do no harm.
 */
@Injectable()
export class SweeperService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly prisma: PrismaService,
    private readonly sweeps: SweeperRepository,
    private readonly scheduler: DeliveryScheduler,
    private readonly publishers: PublisherRegistry,
    private readonly holds: HoldResumeService,
    private readonly notifier: DeliveryNotices,
    private readonly metrics: PublishingMetrics,
  ) {}

  async sweep(): Promise<SweepReport> {
    const report: SweepReport = {
      leasesResolved: await this.resolveExpiredLeases(),
      requeued: await this.requeueLostWakeUps(),
      notApprovedExpired: await this.expireNotApprovedInTime(),
      holdsLifted: await this.holds.resumeDueHolds(),
      approvalsDueWarned: await this.warnApprovalsDueSoon(),
    };
    for (const [repair, count] of Object.entries(report))
      if (count > 0) this.metrics.sweeperRepairs.inc({ repair }, count);
    return report;
  }

  /** SCHEDULED targets due soon whose wake-up is gone (Redis flushed or restarted). */
  async requeueLostWakeUps(): Promise<number> {
    const horizon = new Date(Date.now() + 2 * this.config.SWEEP_INTERVAL_MS);
    const rows = await this.sweeps.dueScheduled(horizon, BATCH);
    const lost: WakeTarget[] = [];
    for (const row of rows)
      if (!(await this.scheduler.hasLiveWakeUp(row.id, row.version, row.attempts ?? 0))) lost.push(row);
    await this.scheduler.wake(lost);
    return lost.length;
  }

  /**
   * PUBLISHING targets whose worker died: the call may or may not have happened, so this is an
   * AMBIGUOUS outcome. Retried where the platform makes that safe, otherwise UNCONFIRMED.
   */
  async resolveExpiredLeases(): Promise<number> {
    const expired = await this.sweeps.expiredLeases(new Date(), BATCH);
    const wake: WakeTarget[] = [];
    const notificationIds: string[] = [];
    for (const target of expired) {
      const mode = ambiguousRetryOf(this.publishers.get(target.account.platform), target.account.settings);
      const retry = safeToRetryAmbiguous(mode) && target.attempts + 1 < this.config.MAX_PUBLISH_ATTEMPTS;
      const now = new Date();
      await this.prisma.$transaction(async (tx) => {
        if (!(await this.sweeps.endExpiredLease(tx, target.workspaceId, target, retry, now))) return;
        await recordAudit(tx, {
          workspaceId: target.workspaceId,
          actor: SWEEPER,
          action: retry ? 'target.retry' : 'target.unconfirmed',
          subjectType: 'target',
          subjectId: target.id,
          summary: { version: target.version, reason: 'lease_expired' },
        });
        if (retry) wake.push({ id: target.id, version: target.version, dueAt: now, attempts: target.attempts + 1 });
        else {
          notificationIds.push(
            ...(await this.notifier.delivery(tx, target.workspaceId, target.id, 'TARGET_UNCONFIRMED', {
              reason: 'worker stopped while publishing',
            })),
          );
        }
      });
    }
    await this.scheduler.wake(wake);
    await this.notifier.dispatch(notificationIds);
    return wake.length + notificationIds.length;
  }

  /** docs/architecture.md, publishing 8: targets still PENDING at the post's time expire; coordinators are told once per post. */
  async expireNotApprovedInTime(): Promise<number> {
    const posts = await this.sweeps.postsPastTimeWithPending(new Date(), BATCH);
    const notificationIds: string[] = [];
    let expired = 0;
    for (const post of posts) {
      await this.prisma.$transaction(async (tx) => {
        const count = await this.sweeps.expirePending(tx, post.workspaceId, post.id);
        if (count === 0) return;
        expired += count;
        await recordAudit(tx, {
          workspaceId: post.workspaceId,
          actor: SWEEPER,
          action: 'post.not_approved_in_time',
          subjectType: 'post',
          subjectId: post.id,
          summary: { version: post.version, status: post.status, targets: count },
        });
        notificationIds.push(...(await this.notifier.notApprovedInTime(tx, post.workspaceId, post.id)));
      });
    }
    await this.notifier.dispatch(notificationIds);
    return expired;
  }

  /**
   * Posts still in review whose time is within APPROVAL_DUE_WARNING_MS: coordinators are told once
   * per version (an edit makes a new version, which is worth a new warning). The stamp is a
   * conditional write in the notification's transaction, so two sweepers warn once.
   */
  async warnApprovalsDueSoon(now = new Date()): Promise<number> {
    const posts = await this.sweeps.inReviewDueBy(now, new Date(now.getTime() + APPROVAL_DUE_WARNING_MS), BATCH);
    const notificationIds: string[] = [];
    for (const post of posts) {
      await this.prisma.$transaction(async (tx) => {
        if (!(await this.sweeps.stampApprovalDueWarning(tx, post))) return;
        await recordAudit(tx, {
          workspaceId: post.workspaceId,
          actor: SWEEPER,
          action: 'post.approval_due_soon',
          subjectType: 'post',
          subjectId: post.id,
          summary: { version: post.version, scheduledAt: post.scheduledAt?.toISOString() ?? null },
        });
        notificationIds.push(...(await this.notifier.approvalDueSoon(tx, post.workspaceId, post.id)));
      });
    }
    await this.notifier.dispatch(notificationIds);
    return notificationIds.length;
  }
}
