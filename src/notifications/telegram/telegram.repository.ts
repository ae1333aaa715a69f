import { Injectable } from '@nestjs/common';
import { PrismaService, type Tx } from '../../core/database';

const BOT_FIELDS = {
  id: true,
  workspaceId: true,
  telegramBotId: true,
  username: true,
  tokenCiphertext: true,
  tokenKeyId: true,
  webhookSecretHash: true,
  lastUpdateId: true,
  createdAt: true,
} as const;

export interface NewBot {
  id: string;
  workspaceId: string;
  telegramBotId: bigint;
  username: string;
  tokenCiphertext: Uint8Array<ArrayBuffer>;
  tokenKeyId: string;
  webhookSecretHash: string | null;
  connectedById: string;
}

/**
 * The Telegram channel's rows: each workspace's notification bot, each person's linked chat, the
 * one-time link tokens and the prompts waiting for a "request changes" comment. Look-ups by bot id
 * or chat (an update from Telegram names no workspace) span workspaces on purpose: the bot found
 * is what names the workspace from then on.
 */
@Injectable()
export class TelegramRepository {
  constructor(private readonly prisma: PrismaService) {}

  botOf(workspaceId: string) {
    return this.prisma.telegramBot.findUnique({ where: { workspaceId }, select: BOT_FIELDS });
  }

  /** An incoming webhook names the bot's row id in its path (across workspaces on purpose). */
  botById(id: string) {
    return this.prisma.telegramBot.findUnique({ where: { id }, select: BOT_FIELDS });
  }

  /** Every bot (long polling, across workspaces on purpose). */
  allBots() {
    return this.prisma.telegramBot.findMany({ select: BOT_FIELDS, orderBy: { id: 'asc' } });
  }

  /** Replaces the workspace's bot (its links and tokens go with the old one: they were chats with another bot). */
  async replaceBot(tx: Tx, bot: NewBot) {
    await tx.telegramBot.deleteMany({
      where: { OR: [{ workspaceId: bot.workspaceId }, { telegramBotId: bot.telegramBotId }] },
    });
    return tx.telegramBot.create({ data: bot, select: BOT_FIELDS });
  }

  async deleteBot(tx: Tx, workspaceId: string): Promise<number> {
    return (await tx.telegramBot.deleteMany({ where: { workspaceId } })).count;
  }

  /** True once per update: a redelivered or already polled update is not acted on twice. */
  async claimUpdate(botId: string, updateId: number): Promise<boolean> {
    const { count } = await this.prisma.telegramBot.updateMany({
      where: { id: botId, OR: [{ lastUpdateId: null }, { lastUpdateId: { lt: updateId } }] },
      data: { lastUpdateId: updateId },
    });
    return count === 1;
  }

  /** A new link token; the person's earlier ones in this workspace stop working (one live link at a time). */
  async createLinkToken(row: {
    tokenHash: string;
    botId: string;
    workspaceId: string;
    userId: string;
    expiresAt: Date;
  }): Promise<void> {
    await this.prisma.$transaction([
      this.prisma.telegramLinkToken.deleteMany({ where: { workspaceId: row.workspaceId, userId: row.userId } }),
      this.prisma.telegramLinkToken.create({ data: row }),
    ]);
  }

  /** Uses a link token once: the one whose hash this is, for this bot, unused and unexpired (null otherwise). */
  async useLinkToken(botId: string, tokenHash: string, now: Date) {
    return this.prisma.$transaction(async (tx) => {
      const { count } = await tx.telegramLinkToken.updateMany({
        where: { tokenHash, botId, usedAt: null, expiresAt: { gt: now } },
        data: { usedAt: now },
      });
      return count === 1
        ? tx.telegramLinkToken.findUnique({ where: { tokenHash }, select: { workspaceId: true, userId: true } })
        : null;
    });
  }

  /** Links a chat to a person; a chat or person linked before is linked only here from now on. */
  async link(
    tx: Tx,
    row: { botId: string; workspaceId: string; userId: string; chatId: bigint; telegramUsername: string | null },
  ): Promise<void> {
    await tx.telegramLink.deleteMany({
      where: { botId: row.botId, OR: [{ chatId: row.chatId }, { userId: row.userId }] },
    });
    await tx.telegramLink.create({ data: row });
  }

  async unlink(tx: Tx, workspaceId: string, userId: string): Promise<number> {
    return (await tx.telegramLink.deleteMany({ where: { workspaceId, userId } })).count;
  }

  /** Someone's membership of the bot's workspace now (their role as it is today), or null. */
  membership(workspaceId: string, userId: string) {
    return this.prisma.membership.findFirst({
      where: { workspaceId, userId },
      select: { role: true, workspace: { select: { slug: true, timeZone: true } } },
    });
  }

  /** A person's name and language, for what the bot says to them and about them. */
  person(userId: string) {
    return this.prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { name: true, locale: true } });
  }

  workspaceName(workspaceId: string) {
    return this.prisma.workspace.findUniqueOrThrow({ where: { id: workspaceId }, select: { name: true, slug: true } });
  }

  linkOf(workspaceId: string, userId: string) {
    return this.prisma.telegramLink.findFirst({
      where: { workspaceId, userId },
      select: { chatId: true, telegramUsername: true, linkedAt: true },
    });
  }

  /** Who a private chat with this bot belongs to (the Telegram user's id is their private chat's id). */
  linkByChat(botId: string, chatId: number) {
    return this.prisma.telegramLink.findUnique({
      where: { botId_chatId: { botId, chatId } },
      select: { userId: true, workspaceId: true },
    });
  }

  /** The linked chats of these people with the workspace's bot. */
  linkedChats(workspaceId: string, userIds: string[]) {
    return this.prisma.telegramLink.findMany({
      where: { workspaceId, userId: { in: userIds } },
      select: { userId: true, chatId: true },
    });
  }

  /** A prompt waiting for its reply; the bot's prompts nobody answered in time go. */
  async createPrompt(row: {
    botId: string;
    chatId: bigint;
    messageId: number;
    userId: string;
    postId: string;
    version: number;
    expiresAt: Date;
  }): Promise<void> {
    await this.prisma.$transaction([
      this.prisma.telegramPrompt.deleteMany({ where: { botId: row.botId, expiresAt: { lt: new Date() } } }),
      this.prisma.telegramPrompt.create({ data: row }),
    ]);
  }

  /** The prompt this message answers, taken once (deleted); null when none, or it expired. */
  async takePrompt(botId: string, chatId: number, messageId: number, now: Date) {
    const where = { botId_chatId_messageId: { botId, chatId, messageId } };
    const prompt = await this.prisma.telegramPrompt.findUnique({
      where,
      select: { userId: true, postId: true, version: true, expiresAt: true },
    });
    if (!prompt) return null;
    const { count } = await this.prisma.telegramPrompt.deleteMany({ where: { botId, chatId, messageId } });
    return count === 1 && prompt.expiresAt > now ? prompt : null;
  }

  /**
   * What a review request or a statement shows: the text, targets and time of the post as it is
   * now (its version), and who approved or released which version, once someone did.
   */
  reviewCard(workspaceId: string, postId: string) {
    return this.prisma.post.findFirst({
      where: { id: postId, workspaceId },
      select: {
        id: true,
        version: true,
        status: true,
        statement: true,
        approvedVersion: true,
        approvedById: true,
        baseText: true,
        scheduledAt: true,
        publishNow: true,
        targets: { select: { account: { select: { displayName: true, platform: true } } }, orderBy: { id: 'asc' } },
      },
    });
  }

  /** One recipient's notification for the Telegram channel; null when gone, or they left the workspace since. */
  async notificationFor(notificationId: string, userId: string) {
    const row = await this.prisma.notificationRecipient.findUnique({
      where: { notificationId_userId: { notificationId, userId } },
      select: {
        workspaceId: true,
        user: { select: { notificationPreference: { select: { telegramKinds: true } } } },
        notification: {
          select: {
            id: true,
            kind: true,
            params: true,
            subjectType: true,
            subjectId: true,
            createdAt: true,
            workspaceId: true,
            workspace: { select: { slug: true, name: true } },
          },
        },
      },
    });
    if (!row) return null;
    const member = await this.prisma.membership.count({ where: { workspaceId: row.workspaceId, userId } });
    return member > 0 ? row : null;
  }
}
