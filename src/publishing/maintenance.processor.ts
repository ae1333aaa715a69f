import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, type OnApplicationBootstrap } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '../core/config';
import { MAINTENANCE_QUEUE } from '../core/queue';
import { MaintenanceTasks } from './maintenance-tasks';
import { WEBHOOK_DELIVERY_JOB, type WebhookDeliveryJobData } from './notifier';
import { SweeperService } from './sweeper.service';
import { WebhookDeliveryService } from './webhook-delivery.service';

export const SWEEP_JOB = 'sweep';
export const SWEEP_SCHEDULER_ID = 'publishing-sweeper';

/** The sweeper (BullMQ job scheduler) and outgoing notification webhooks. */
@Processor(MAINTENANCE_QUEUE)
export class MaintenanceProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectQueue(MAINTENANCE_QUEUE) private readonly queue: Queue,
    private readonly sweeper: SweeperService,
    private readonly webhooks: WebhookDeliveryService,
    private readonly tasks: MaintenanceTasks,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(
      SWEEP_SCHEDULER_ID,
      { every: this.config.SWEEP_INTERVAL_MS },
      { name: SWEEP_JOB, data: {}, opts: { removeOnComplete: true, removeOnFail: 100 } },
    );
  }

  async process(job: Job): Promise<unknown> {
    if (job.name === SWEEP_JOB) return this.sweeper.sweep();
    if (job.name === WEBHOOK_DELIVERY_JOB) return this.webhooks.deliver(job.data as WebhookDeliveryJobData);
    return this.tasks.handler(job.name)?.();
  }
}
