import { InjectQueue, OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '../core/config';
import { MAINTENANCE_QUEUE } from '../core/queue';
import { MaintenanceTasks } from './maintenance-tasks';
import { WEBHOOK_DELIVERY_JOB, type WebhookDeliveryJobData } from '../notifications/notifier';
import { WebhookDeliveryService } from '../notifications/webhook-delivery.service';
import { MailChannel, NOTIFICATION_MAIL_JOB, type NotificationMailJobData } from '../notifications/mail-channel';
import {
  NOTIFICATION_TELEGRAM_JOB,
  type NotificationTelegramJobData,
  TelegramChannel,
} from '../notifications/telegram/telegram-channel';
import {
  CardMessages,
  TELEGRAM_CARDS_SETTLE_JOB,
  type TelegramCardsSettleJobData,
} from '../notifications/telegram/card-messages';
import {
  DigestChannel,
  NOTIFICATION_DIGEST_JOB,
  type NotificationDigestJobData,
} from '../notifications/digest-channel';
import { SweeperService } from './sweeper.service';

const SWEEP_JOB = 'sweep';
const SWEEP_SCHEDULER_ID = 'publishing-sweeper';

/** The sweeper (BullMQ job scheduler), outgoing notification webhooks, notification e-mails and Telegram messages. */
@Processor(MAINTENANCE_QUEUE)
export class MaintenanceProcessor extends WorkerHost implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(MaintenanceProcessor.name);
  private refresh?: NodeJS.Timeout;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectQueue(MAINTENANCE_QUEUE) private readonly queue: Queue,
    private readonly sweeper: SweeperService,
    private readonly webhooks: WebhookDeliveryService,
    private readonly tasks: MaintenanceTasks,
    private readonly mail: MailChannel,
    private readonly telegram: TelegramChannel,
    private readonly digest: DigestChannel,
    private readonly telegramCards: CardMessages,
  ) {
    super();
  }

  /**
   * Registers the sweeper's job scheduler, and registers it again now and then: a Redis that was
   * flushed or restarted without persistence has forgotten it, and the sweeper is what repairs that.
   */
  async onApplicationBootstrap(): Promise<void> {
    if (this.config.SWEEP_INTERVAL_MS === 0) {
      await this.queue.removeJobScheduler(SWEEP_SCHEDULER_ID);
      return;
    }
    await this.upsertScheduler();
    this.refresh = setInterval(
      () => void this.upsertScheduler().catch(() => undefined),
      Math.min(60_000, 5 * this.config.SWEEP_INTERVAL_MS),
    );
    this.refresh.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.refresh);
  }

  private async upsertScheduler(): Promise<void> {
    await this.queue.upsertJobScheduler(
      SWEEP_SCHEDULER_ID,
      { every: this.config.SWEEP_INTERVAL_MS },
      { name: SWEEP_JOB, data: {}, opts: { removeOnComplete: true, removeOnFail: 100 } },
    );
  }

  async process(job: Job): Promise<unknown> {
    if (job.name === SWEEP_JOB) {
      const report = await this.sweeper.sweep();
      if (Object.values(report).some((count) => count > 0)) this.logger.log({ msg: 'sweeper repaired', ...report });
      return report;
    }
    if (job.name === WEBHOOK_DELIVERY_JOB) return this.webhooks.deliver(job.data as WebhookDeliveryJobData);
    if (job.name === NOTIFICATION_MAIL_JOB) return this.mail.send(job.data as NotificationMailJobData);
    if (job.name === NOTIFICATION_TELEGRAM_JOB) return this.telegram.send(job.data as NotificationTelegramJobData);
    if (job.name === TELEGRAM_CARDS_SETTLE_JOB)
      return this.telegramCards.settle(job.data as TelegramCardsSettleJobData);
    if (job.name === NOTIFICATION_DIGEST_JOB) return this.digest.send(job.data as NotificationDigestJobData);
    return this.tasks.handler(job.name)?.();
  }

  /** A lost Redis connection is reported here and retried by BullMQ; it must never crash the worker. */
  @OnWorkerEvent('error')
  onWorkerError(error: Error): void {
    this.logger.warn({ msg: 'queue worker error', error: error.message });
  }
}
