import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../core/database';

export interface NewCardMessage {
  botId: string;
  workspaceId: string;
  userId: string;
  postId: string;
  chatId: bigint;
  messageId: number;
  statement: boolean;
  text: string;
}

/** Whether a message's buttons were taken away here, by someone else before, or the message was never kept. */
export type SettleOutcome = 'settled' | 'settled-before' | 'unknown';

/**
 * The Telegram messages sent with buttons, one per recipient, and whether their buttons are gone
 * yet. Taking them away is a conditional UPDATE, so each message is edited once, whether by the
 * person who pressed or by the job that tells the others.
 */
@Injectable()
export class CardMessagesRepository {
  constructor(private readonly prisma: PrismaService) {}

  async remember(row: NewCardMessage): Promise<void> {
    await this.prisma.telegramCardMessage.create({ data: row });
  }

  /** Whether any message about this post still shows its buttons. */
  async anyOpen(workspaceId: string, postId: string): Promise<boolean> {
    return (await this.prisma.telegramCardMessage.count({ where: { workspaceId, postId, settledAt: null } })) > 0;
  }

  /** The messages about this post, sent by this bot, that still show their buttons. */
  open(workspaceId: string, botId: string, postId: string) {
    return this.prisma.telegramCardMessage.findMany({
      where: { workspaceId, botId, postId, settledAt: null },
      select: { id: true, userId: true, chatId: true, messageId: true, statement: true, text: true },
      orderBy: { id: 'asc' },
    });
  }

  /** True for the one caller that takes this message's buttons away. */
  async settle(id: string): Promise<boolean> {
    return (
      (
        await this.prisma.telegramCardMessage.updateMany({
          where: { id, settledAt: null },
          data: { settledAt: new Date() },
        })
      ).count === 1
    );
  }

  /** Gives a message back its turn: the edit did not reach Telegram and will be tried again. */
  async reopen(id: string): Promise<void> {
    await this.prisma.telegramCardMessage.updateMany({ where: { id }, data: { settledAt: null } });
  }

  /** The message a button was pressed on (an update names the bot and chat, not the workspace). */
  async settleByChat(botId: string, chatId: number, messageId: number): Promise<SettleOutcome> {
    const { count } = await this.prisma.telegramCardMessage.updateMany({
      where: { botId, chatId, messageId, settledAt: null },
      data: { settledAt: new Date() },
    });
    if (count === 1) return 'settled';
    return (await this.prisma.telegramCardMessage.count({ where: { botId, chatId, messageId } })) > 0
      ? 'settled-before'
      : 'unknown';
  }

  /** The pressed card back to showing its buttons: the press was refused. */
  async reopenByChat(botId: string, chatId: number, messageId: number): Promise<void> {
    await this.prisma.telegramCardMessage.updateMany({
      where: { botId, chatId, messageId },
      data: { settledAt: null },
    });
  }
}
