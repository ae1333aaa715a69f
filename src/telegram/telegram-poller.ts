import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '../core/config';
import { MAINTENANCE_QUEUE } from '../core/queue';
import { TelegramBotApi } from '../notifications/telegram/bot-api';
import { BotTokens } from '../notifications/telegram/bot-tokens';
import { TelegramRepository } from '../notifications/telegram/telegram.repository';
import { MaintenanceTasks } from '../publishing';
import { TelegramUpdatesService } from './telegram-updates.service';

export const TELEGRAM_POLL_JOB = 'telegram-poll';
const TELEGRAM_POLL_SCHEDULER_ID = 'telegram-poll';

/**
 * Long polling (TELEGRAM_UPDATES=polling), in the worker: a BullMQ job scheduler runs one poll at a
 * time for the whole deployment, asking each bot for the updates after the last one acted on.
 */
@Injectable()
export class TelegramPoller implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger(TelegramPoller.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectQueue(MAINTENANCE_QUEUE) private readonly queue: Queue,
    private readonly tasks: MaintenanceTasks,
    private readonly repository: TelegramRepository,
    private readonly api: TelegramBotApi,
    private readonly tokens: BotTokens,
    private readonly updates: TelegramUpdatesService,
  ) {}

  onModuleInit(): void {
    this.tasks.register(TELEGRAM_POLL_JOB, () => this.pollOnce());
  }

  async onApplicationBootstrap(): Promise<void> {
    // Test apps share one database: a scheduled poll would read other tests' bots. Tests call pollOnce.
    if (this.config.TELEGRAM_UPDATES !== 'polling' || this.config.NODE_ENV === 'test') {
      await this.queue.removeJobScheduler(TELEGRAM_POLL_SCHEDULER_ID);
      return;
    }
    await this.queue.upsertJobScheduler(
      TELEGRAM_POLL_SCHEDULER_ID,
      { every: this.config.TELEGRAM_POLL_INTERVAL_MS },
      { name: TELEGRAM_POLL_JOB, data: {}, opts: { removeOnComplete: true, removeOnFail: 100 } },
    );
  }

  /** One round over every bot; returns how many updates arrived. A bot Telegram refuses is skipped, not the others. */
  async pollOnce(workspaceId?: string): Promise<number> {
    let received = 0;
    for (const bot of await this.repository.allBots()) {
      if (workspaceId && bot.workspaceId !== workspaceId) continue;
      try {
        const offset = bot.lastUpdateId === null ? null : Number(bot.lastUpdateId) + 1;
        const updates = await this.api.getUpdates(this.tokens.open(bot), offset);
        for (const update of updates) await this.updates.handle(bot, update);
        received += updates.length;
      } catch (error) {
        this.logger.warn({
          msg: 'telegram poll failed',
          botId: bot.id,
          error: error instanceof Error ? error.message : String(error),
        });
      }
    }
    return received;
  }
}
