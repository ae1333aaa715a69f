import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '../../core/config';
import { MAINTENANCE_QUEUE } from '../../core/queue';
import { MaintenanceTasks } from '../../publishing';
import { AccountHealthService } from './account-health.service';

export const ACCOUNT_HEALTH_JOB = 'account-health';
export const ACCOUNT_HEALTH_SCHEDULER_ID = 'account-health';
/** Hourly: refreshes happen within the 24 h window, daily checks spread over the day. */
const ACCOUNT_HEALTH_EVERY_MS = 3600_000;

/** Registers the health job with the maintenance processor and its BullMQ job scheduler (worker role). */
@Injectable()
export class AccountHealthScheduler implements OnModuleInit, OnApplicationBootstrap {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectQueue(MAINTENANCE_QUEUE) private readonly queue: Queue,
    private readonly tasks: MaintenanceTasks,
    private readonly health: AccountHealthService,
  ) {}

  onModuleInit(): void {
    this.tasks.register(ACCOUNT_HEALTH_JOB, () => this.health.run());
  }

  async onApplicationBootstrap(): Promise<void> {
    // An `every` scheduler runs at once. Test apps share one database and point platforms at their
    // own stand-ins: a run there would check every other test's accounts (and real platform hosts).
    // Tests call AccountHealthService.run with a workspace scope instead.
    if (this.config.NODE_ENV === 'test') return;
    await this.queue.upsertJobScheduler(
      ACCOUNT_HEALTH_SCHEDULER_ID,
      { every: ACCOUNT_HEALTH_EVERY_MS },
      { name: ACCOUNT_HEALTH_JOB, data: {}, opts: { removeOnComplete: true, removeOnFail: 100 } },
    );
  }
}
