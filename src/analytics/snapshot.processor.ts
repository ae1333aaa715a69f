import { InjectQueue, OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DelayedError, type Job, type Queue } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '../core/config';
import { METRICS_QUEUE } from './metrics-queue';
import { SnapshotCollector } from './snapshot-collector';
import { PLAN_JOB, PLAN_SCHEDULER_ID, type SnapshotJobData } from './snapshot-plan';
import { SnapshotScheduler } from './snapshot-scheduler';

/** Planning runs (a BullMQ job scheduler) and snapshot jobs; a wait sends the same job back to sleep. */
@Processor(METRICS_QUEUE, { concurrency: 4 })
export class SnapshotProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(SnapshotProcessor.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectQueue(METRICS_QUEUE) private readonly queue: Queue,
    private readonly collector: SnapshotCollector,
    private readonly scheduler: SnapshotScheduler,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.METRICS_PLAN_INTERVAL_MS === 0) {
      await this.queue.removeJobScheduler(PLAN_SCHEDULER_ID);
      return;
    }
    await this.queue.upsertJobScheduler(
      PLAN_SCHEDULER_ID,
      { every: this.config.METRICS_PLAN_INTERVAL_MS },
      { name: PLAN_JOB, data: {}, opts: { removeOnComplete: true, removeOnFail: 100 } },
    );
  }

  async process(job: Job, token?: string): Promise<unknown> {
    if (job.name === PLAN_JOB) return this.scheduler.planDue();
    const data = job.data as SnapshotJobData;
    const attempts = data.attempts ?? 0;
    const step = await this.collector.take(data.targetId, data.stage, attempts);
    if (step.kind === 'done' || !token) return undefined;
    await job.updateData({ ...data, attempts: step.countsAsAttempt ? attempts + 1 : attempts });
    await job.moveToDelayed(Date.now() + step.delayMs, token);
    throw new DelayedError();
  }

  /** A lost Redis connection is reported here and retried by BullMQ; it must never crash the worker. */
  @OnWorkerEvent('error')
  onWorkerError(error: Error): void {
    this.logger.warn({ msg: 'metrics worker error', error: error.message });
  }
}
