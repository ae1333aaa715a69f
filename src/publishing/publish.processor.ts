import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, type OnApplicationBootstrap } from '@nestjs/common';
import { DelayedError, type Job } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '../core/config';
import { PUBLISH_QUEUE } from '../core/queue';
import type { PublishJobData } from './delivery-scheduler';
import { PublishEngine } from './publish-engine';

/**
 * Turns a wake-up into an engine run. A retry or a wait keeps the same job (same id) and moves it
 * back to delayed, so a target+version has at most one wake-up in the queue.
 */
@Processor(PUBLISH_QUEUE)
export class PublishProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly engine: PublishEngine,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    this.worker.concurrency = this.config.WORKER_CONCURRENCY;
  }

  async process(job: Job<PublishJobData>, token?: string): Promise<void> {
    const step = await this.engine.run(job.data.targetId, job.data.version);
    if (step.kind === 'wake-at' && token) {
      await job.moveToDelayed(step.at.getTime(), token);
      throw new DelayedError();
    }
  }
}
