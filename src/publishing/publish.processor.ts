import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DelayedError, type Job } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '../core/config';
import { PUBLISH_QUEUE } from '../core/queue';
import { DeliveryScheduler, publishJobId, type PublishJobData } from './delivery-scheduler';
import { PublishEngine } from './publish-engine';

/**
 * A killed worker leaves its job "active" until BullMQ's stall check: a short lock (renewed every
 * half lock while a job runs, so long publishes are fine) finds it within ~15 s instead of ~60 s.
 */
const PUBLISH_WORKER_OPTIONS = { lockDuration: 10_000, stalledInterval: 5_000, maxStalledCount: 5 };

/**
 * Turns a wake-up into an engine run. A wait keeps the same job and moves it back to delayed; a
 * counted retry gets the next attempt's job id (see publishJobId).
 */
@Processor(PUBLISH_QUEUE, PUBLISH_WORKER_OPTIONS)
export class PublishProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(PublishProcessor.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly engine: PublishEngine,
    private readonly scheduler: DeliveryScheduler,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    this.worker.concurrency = this.config.WORKER_CONCURRENCY;
  }

  async process(job: Job<PublishJobData>, token?: string): Promise<void> {
    const { targetId, version } = job.data;
    const step = await this.engine.run(targetId, version, () => !this.worker.closing);
    if (step.kind !== 'wake-at') return;
    if (publishJobId(targetId, version, step.attempts) === job.id && token) {
      // Same attempt count (a wait, a rate limit): this very job goes back to sleep.
      await job.moveToDelayed(step.at.getTime(), token);
      throw new DelayedError();
    }
    // A counted retry: a fresh wake-up for the next attempt; this one completes.
    await this.scheduler.wake([{ id: targetId, version, dueAt: step.at, attempts: step.attempts }]);
  }

  /** A lost Redis connection is reported here and retried by BullMQ; it must never crash the worker. */
  @OnWorkerEvent('error')
  onWorkerError(error: Error): void {
    this.logger.warn({ msg: 'queue worker error', error: error.message });
  }
}
