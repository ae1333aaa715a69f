import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { MAINTENANCE_QUEUE } from '../../core/queue';
import { NotificationsRepository } from '../notifications.repository';
import { TelegramApiError, TelegramBotApi } from './bot-api';
import { BotTokens } from './bot-tokens';
import { CardMessagesRepository, type NewCardMessage } from './card-messages.repository';
import { actedLine, withLine } from './telegram-content';
import { TelegramRepository } from './telegram.repository';

export const TELEGRAM_CARDS_SETTLE_JOB = 'notification-telegram-settle';

/** Ids only: the approval's notification names the post, who acted, and the workspace. */
export interface TelegramCardsSettleJobData {
  notificationId: string;
}

/**
 * The cards sent to Telegram (a review request, a statement waiting for release: messages with
 * buttons), kept so that once someone approves or releases the post, from the app or from
 * Telegram, everyone else's card loses its buttons and says who did it. The edits are a job queued
 * after the change committed, retried on their own; a card is edited once (CardMessagesRepository).
 */
@Injectable()
export class CardMessages {
  constructor(
    @InjectQueue(MAINTENANCE_QUEUE) private readonly jobs: Queue<TelegramCardsSettleJobData>,
    private readonly repository: CardMessagesRepository,
    private readonly notifications: NotificationsRepository,
    private readonly telegram: TelegramRepository,
    private readonly api: TelegramBotApi,
    private readonly tokens: BotTokens,
  ) {}

  remember(card: NewCardMessage): Promise<void> {
    return this.repository.remember(card);
  }

  /** After commit: one job per approval (a statement's release is one) whose post has cards still showing buttons. */
  async queueSettle(notificationIds: string[]): Promise<void> {
    for (const approval of (await this.notifications.kinds(notificationIds)).filter(
      (n) => n.kind === 'POST_APPROVED',
    )) {
      if (!(await this.repository.anyOpen(approval.workspaceId, approval.subjectId))) continue;
      await this.jobs.add(
        TELEGRAM_CARDS_SETTLE_JOB,
        { notificationId: approval.id },
        {
          jobId: `tg-settle-${approval.id}`,
          attempts: 6,
          backoff: { type: 'exponential', delay: 1_000 },
          removeOnComplete: true,
          removeOnFail: 1000,
        },
      );
    }
  }

  /**
   * Edits every card of the approved post that still shows its buttons: the text as sent, with a
   * last line "approved / released by <name> (version n)" in its reader's language. A card Telegram
   * will never edit (deleted, too old) is left; one it could not edit now is tried again (the
   * others are not held back).
   */
  async settle({ notificationId }: TelegramCardsSettleJobData): Promise<void> {
    const approval = await this.notifications.forDelivery(notificationId);
    if (!approval || approval.kind !== 'POST_APPROVED') return;
    const [bot, post] = await Promise.all([
      this.telegram.botOf(approval.workspaceId),
      this.telegram.reviewCard(approval.workspaceId, approval.subjectId),
    ]);
    if (!bot || !post) return;
    const by = { name: actorOf(approval.params), version: post.approvedVersion ?? post.version };
    const token = this.tokens.open(bot);
    let retry: unknown = null;
    for (const card of await this.repository.open(approval.workspaceId, bot.id, post.id)) {
      if (!(await this.repository.settle(card.id))) continue;
      try {
        const reader = await this.notifications.reader(approval.workspaceId, card.userId);
        await this.api.editMessageText(
          token,
          card.chatId,
          card.messageId,
          withLine(card.text, actedLine(card.statement, reader.locale, by)),
        );
      } catch (error) {
        if (error instanceof TelegramApiError && !error.retryable) continue;
        await this.repository.reopen(card.id);
        retry ??= error;
      }
    }
    if (retry) throw retry;
  }
}

function actorOf(params: unknown): string {
  const actor = params && typeof params === 'object' ? (params as { actor?: unknown }).actor : undefined;
  return typeof actor === 'string' ? actor : 'Gaung';
}
