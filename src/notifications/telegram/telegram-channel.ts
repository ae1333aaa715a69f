import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { type Queue, UnrecoverableError } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '../../core/config';
import { MAINTENANCE_QUEUE } from '../../core/queue';
import { NotificationsRepository } from '../notifications.repository';
import { sendAfter } from '../preferences';
import { PreferencesRepository } from '../preferences.repository';
import { TelegramApiError, TelegramBotApi, type TelegramMessage } from './bot-api';
import { BotTokens } from './bot-tokens';
import { CardMessages } from './card-messages';
import { isCardKind, telegramMessage } from './telegram-content';
import { TelegramRepository } from './telegram.repository';

export const NOTIFICATION_TELEGRAM_JOB = 'notification-telegram';

/** Ids only: the job reads the notification, the chat and the person's choices when it runs. */
export interface NotificationTelegramJobData {
  notificationId: string;
  userId: string;
}

/**
 * The Telegram channel: one queued job per recipient who linked a chat with the workspace's bot and
 * wants this kind there, delayed to the end of their quiet hours (a hold or a failure is not). Each
 * job retries on its own (flood control, Telegram down), so one person's failure never holds back
 * the others, nor the change (queued after commit).
 */
@Injectable()
export class TelegramChannel {
  private readonly logger = new Logger(TelegramChannel.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectQueue(MAINTENANCE_QUEUE) private readonly jobs: Queue<NotificationTelegramJobData>,
    private readonly preferences: PreferencesRepository,
    private readonly notifications: NotificationsRepository,
    private readonly telegram: TelegramRepository,
    private readonly api: TelegramBotApi,
    private readonly tokens: BotTokens,
    private readonly cards: CardMessages,
  ) {}

  async queue(notificationIds: string[], now = new Date()): Promise<void> {
    const wanted = (await this.preferences.recipientsWithChoices(notificationIds)).filter((r) =>
      r.choices.telegramKinds.includes(r.kind),
    );
    const linked = new Set<string>();
    for (const workspaceId of new Set(wanted.map((r) => r.workspaceId))) {
      const userIds = wanted.filter((r) => r.workspaceId === workspaceId).map((r) => r.userId);
      for (const link of await this.telegram.linkedChats(workspaceId, userIds))
        linked.add(`${workspaceId}/${link.userId}`);
    }
    const jobs = wanted.filter((r) => linked.has(`${r.workspaceId}/${r.userId}`));
    if (jobs.length === 0) return;
    await this.jobs.addBulk(
      jobs.map((r) => ({
        name: NOTIFICATION_TELEGRAM_JOB,
        data: { notificationId: r.notificationId, userId: r.userId },
        opts: {
          jobId: `tg-${r.notificationId}-${r.userId}`,
          delay: Math.max(0, sendAfter(r.kind, r.choices, r.timeZone, now).getTime() - now.getTime()),
          attempts: 6,
          backoff: { type: 'exponential', delay: 1_000 },
          removeOnComplete: true,
          removeOnFail: 1000,
        },
      })),
    );
  }

  /**
   * Sends one message; throws when it may go out later (BullMQ retries), and gives up at once when
   * Telegram refuses it for good (the person blocked the bot, the chat is gone). Read again at send
   * time: a kind turned off, a chat unlinked or a bot disconnected since is respected.
   */
  async send({ notificationId, userId }: NotificationTelegramJobData): Promise<void> {
    const row = await this.telegram.notificationFor(notificationId, userId);
    if (!row) return;
    const kinds =
      row.user.notificationPreference?.telegramKinds ?? (await this.preferences.choices(userId)).telegramKinds;
    if (!kinds.includes(row.notification.kind)) return;
    const [bot, link] = await Promise.all([
      this.telegram.botOf(row.workspaceId),
      this.telegram.linkOf(row.workspaceId, userId),
    ]);
    if (!bot || !link) return;
    const reader = await this.notifications.reader(row.workspaceId, userId);
    const card = isCardKind(row.notification.kind)
      ? await this.telegram.reviewCard(row.workspaceId, row.notification.subjectId)
      : null;
    const message = telegramMessage(row.notification, reader, this.config.PUBLIC_BASE_URL, card);
    let sent: TelegramMessage;
    try {
      sent = await this.api.sendMessage(
        this.tokens.open(bot),
        link.chatId,
        message.text,
        message.buttons ? { inline_keyboard: message.buttons } : undefined,
      );
    } catch (error) {
      if (error instanceof TelegramApiError && !error.retryable) throw new UnrecoverableError(error.message);
      throw error;
    }
    if (!card || !message.buttons) return;
    // Kept after it went out: a failure here is logged, never a second message from a retried job.
    await this.cards
      .remember({
        botId: bot.id,
        workspaceId: row.workspaceId,
        userId,
        postId: card.id,
        chatId: link.chatId,
        messageId: sent.message_id,
        statement: card.statement,
        text: message.text,
      })
      .catch((error: unknown) =>
        this.logger.warn({
          msg: 'Telegram card not kept',
          notificationId,
          error: error instanceof Error ? error.message : String(error),
        }),
      );
  }
}
