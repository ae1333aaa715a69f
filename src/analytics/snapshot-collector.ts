import { Inject, Injectable, Logger } from '@nestjs/common';
import { AccountCredentialsStore } from '../core/credentials';
import { APP_CONFIG, type AppConfig } from '../core/config';
import { PrismaService, type MetricStage } from '../core/database';
import { RateLimiter } from '../core/queue';
import { accountContextOf, type AccountContext, MetricsReaderRegistry, PublishError, summarise } from '../publishers';
import { nextStep } from '../publishing/failure-policy';
import { DeliveryNotices } from '../notifications/notifier';
import { OutcomeRepository } from '../publishing/outcome.repository';
import { SnapshotRepository, type SnapshotSubject } from './snapshot.repository';

/** What the job does next: nothing more, or run again after a delay. */
export type SnapshotStep = { kind: 'done' } | { kind: 'again'; delayMs: number; countsAsAttempt: boolean };

/**
 * Takes one snapshot of one published delivery. Failures follow the publishing taxonomy through
 * the same policy as publishing (src/publishing/failure-policy.ts); a read changes nothing
 * remotely, so an ambiguous one is always safe to repeat. AUTH parks the account as publishing does.
 */
@Injectable()
export class SnapshotCollector {
  private readonly logger = new Logger(SnapshotCollector.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly snapshots: SnapshotRepository,
    private readonly readers: MetricsReaderRegistry,
    private readonly credentials: AccountCredentialsStore,
    private readonly limiter: RateLimiter,
    private readonly outcomes: OutcomeRepository,
    private readonly prisma: PrismaService,
    private readonly notifier: DeliveryNotices,
  ) {}

  async take(targetId: string, stage: MetricStage, attemptsBefore = 0): Promise<SnapshotStep> {
    const subject = await this.snapshots.subject(targetId);
    if (!subject || subject.accountStatus !== 'ACTIVE') return { kind: 'done' };
    const reader = this.readers.find(subject.platform);
    if (!reader) {
      await this.snapshots.record(subject, { stage, state: 'NOT_AVAILABLE' });
      return { kind: 'done' };
    }
    const budget = await this.limiter.hit(
      ['metrics', subject.accountId],
      reader.readBudget.posts,
      reader.readBudget.windowMs,
    );
    if (!budget.allowed) return { kind: 'again', delayMs: budget.retryAfterSeconds * 1000, countsAsAttempt: false };
    let account: AccountContext;
    try {
      account = this.accountContext(subject);
    } catch {
      await this.snapshots.record(subject, { stage, state: 'FAILED', errorCode: 'engine.credentials' });
      return { kind: 'done' };
    }
    try {
      const reading = await reader.read(
        account,
        subject.externalId,
        AbortSignal.timeout(this.config.PUBLISH_TIMEOUT_MS),
      );
      if (reading.state !== 'OK') await this.snapshots.record(subject, { stage, state: reading.state });
      else
        await this.snapshots.record(subject, {
          stage,
          state: 'OK',
          counts: reading.counts,
          ...summarise(reading.counts),
        });
      return { kind: 'done' };
    } catch (thrown) {
      const error =
        thrown instanceof PublishError
          ? thrown
          : PublishError.ambiguous(`${subject.platform.toLowerCase()}.unexpected`, String(thrown));
      return this.afterFailure(subject, stage, error, attemptsBefore);
    }
  }

  private async afterFailure(
    subject: SnapshotSubject,
    stage: MetricStage,
    error: PublishError,
    attemptsBefore: number,
  ): Promise<SnapshotStep> {
    const step = nextStep(error, attemptsBefore, this.config.MAX_PUBLISH_ATTEMPTS, 'idempotency-key');
    this.logger.warn({
      msg: 'metrics read failed',
      targetId: subject.targetId,
      code: error.code,
      kind: error.kind,
      next: step.kind,
    });
    switch (step.kind) {
      case 'retry':
        return { kind: 'again', delayMs: step.delayMs, countsAsAttempt: step.countsAsAttempt };
      case 'park-account':
        // No snapshot: once the account is reconnected the planner takes this stage again.
        const notificationIds = await this.prisma.$transaction((tx) =>
          this.outcomes.markNeedsReconnect(tx, subject.workspaceId, subject.accountId, error.message),
        );
        await this.notifier.dispatch(notificationIds);
        return { kind: 'done' };
      default:
        await this.snapshots.record(subject, { stage, state: 'FAILED', errorCode: error.code });
        return { kind: 'done' };
    }
  }

  private accountContext(subject: SnapshotSubject): AccountContext {
    return accountContextOf(this.credentials, {
      ...subject,
      id: subject.accountId,
      externalId: subject.accountExternalId,
    });
  }
}
