import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { WorkspaceAccess } from '../auth/auth-context';
import { accessActor, AuditService } from '../core/audit';
import { APP_CONFIG, type AppConfig } from '../core/config';
import { hashToken, newSecretToken } from '../core/crypto';
import { PrismaService } from '../core/database';
import { AppError } from '../core/errors';
import { TelegramApiError, TelegramBotApi } from '../notifications/telegram/bot-api';
import { BotTokens } from '../notifications/telegram/bot-tokens';
import { TelegramRepository } from '../notifications/telegram/telegram.repository';
import { TELEGRAM_TEXT } from './telegram.messages';

/** How long a deep link (https://t.me/<bot>?start=<token>) may be used, once. */
export const LINK_TTL_MS = 15 * 60_000;

/** Where Telegram posts a bot's updates in webhook mode: the row id names the bot, the secret header proves it is Telegram. */
export const webhookPath = (botRowId: string) => `/telegram/webhook/${botRowId}`;

/**
 * Connecting a workspace's notification bot (admins) and each person's link to it. The token is
 * checked with getMe, sealed (BotTokens) and never shown again; in webhook mode the webhook is set
 * with a fresh secret whose hash alone is kept.
 */
@Injectable()
export class TelegramSetupService {
  private readonly logger = new Logger(TelegramSetupService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly prisma: PrismaService,
    private readonly repository: TelegramRepository,
    private readonly api: TelegramBotApi,
    private readonly tokens: BotTokens,
    private readonly audit: AuditService,
  ) {}

  async bot(access: WorkspaceAccess) {
    const bot = await this.repository.botOf(access.workspaceId);
    return bot ? this.botView(bot) : null;
  }

  async connect(access: WorkspaceAccess, token: string) {
    const me = await this.ask(() => this.api.getMe(token));
    if (!me.username)
      throw AppError.unprocessable('telegram_token_refused', TELEGRAM_TEXT.tokenRefused, { reason: 'no username' });
    const id = randomUUID();
    const sealed = this.tokens.seal({ id, workspaceId: access.workspaceId }, token);
    let secret: string | null = null;
    if (this.config.TELEGRAM_UPDATES === 'webhook') {
      secret = newSecretToken();
      await this.ask(() => this.api.setWebhook(token, `${this.config.PUBLIC_BASE_URL}${webhookPath(id)}`, secret!));
    } else {
      // getUpdates is refused while a webhook is set.
      await this.ask(() => this.api.deleteWebhook(token));
    }
    const bot = await this.prisma.$transaction(async (tx) => {
      const saved = await this.repository.replaceBot(tx, {
        id,
        workspaceId: access.workspaceId,
        telegramBotId: BigInt(me.id),
        username: me.username!,
        tokenCiphertext: sealed.ciphertext,
        tokenKeyId: sealed.keyId,
        webhookSecretHash: secret ? hashToken(secret) : null,
        connectedById: access.userId,
      });
      await this.audit.record(tx, {
        workspaceId: access.workspaceId,
        actor: accessActor(access),
        action: 'telegram.bot_connected',
        subjectType: 'workspace',
        subjectId: access.workspaceId,
        summary: { bot: me.username!, updates: this.config.TELEGRAM_UPDATES },
      });
      return saved;
    });
    return this.botView(bot);
  }

  async disconnect(access: WorkspaceAccess): Promise<void> {
    const bot = await this.repository.botOf(access.workspaceId);
    if (!bot) throw AppError.notFound(TELEGRAM_TEXT.bot);
    await this.api.deleteWebhook(this.tokens.open(bot)).catch((error: unknown) =>
      this.logger.warn({
        msg: 'telegram webhook not removed',
        error: error instanceof Error ? error.message : String(error),
      }),
    );
    await this.prisma.$transaction(async (tx) => {
      await this.repository.deleteBot(tx, access.workspaceId);
      await this.audit.record(tx, {
        workspaceId: access.workspaceId,
        actor: accessActor(access),
        action: 'telegram.bot_disconnected',
        subjectType: 'workspace',
        subjectId: access.workspaceId,
        summary: { bot: bot.username },
      });
    });
  }

  /** The caller's own link: the workspace's bot (if any) and their linked chat (if any). */
  async link(access: WorkspaceAccess) {
    const [bot, link] = await Promise.all([
      this.repository.botOf(access.workspaceId),
      this.repository.linkOf(access.workspaceId, access.userId),
    ]);
    return {
      bot: bot ? { username: bot.username, url: `https://t.me/${bot.username}` } : null,
      linked: link ? { telegramUsername: link.telegramUsername, linkedAt: link.linkedAt.toISOString() } : null,
    };
  }

  /** A one-time deep link for the caller; opening it and pressing Start links their private chat. */
  async startLink(access: WorkspaceAccess, now = new Date()) {
    const bot = await this.repository.botOf(access.workspaceId);
    if (!bot) throw AppError.conflict('telegram_no_bot', TELEGRAM_TEXT.noBot);
    const token = newSecretToken();
    const expiresAt = new Date(now.getTime() + LINK_TTL_MS);
    await this.repository.createLinkToken({
      tokenHash: hashToken(token),
      botId: bot.id,
      workspaceId: access.workspaceId,
      userId: access.userId,
      expiresAt,
    });
    return {
      url: `https://t.me/${bot.username}?start=${token}`,
      botUsername: bot.username,
      expiresAt: expiresAt.toISOString(),
    };
  }

  async unlink(access: WorkspaceAccess): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      const removed = await this.repository.unlink(tx, access.workspaceId, access.userId);
      if (removed > 0)
        await this.audit.record(tx, {
          workspaceId: access.workspaceId,
          actor: accessActor(access),
          action: 'telegram.unlinked',
          subjectType: 'user',
          subjectId: access.userId,
        });
    });
  }

  private botView(bot: { username: string; createdAt: Date }) {
    return {
      username: bot.username,
      url: `https://t.me/${bot.username}`,
      updates: this.config.TELEGRAM_UPDATES,
      connectedAt: bot.createdAt.toISOString(),
    };
  }

  /** A Bot API call on the admin's behalf: a refused token is the admin's to fix (422), anything else is Telegram's (503). */
  private async ask<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      if (!(error instanceof TelegramApiError)) throw error;
      if (error.retryable)
        throw new AppError(503, 'telegram_unreachable', TELEGRAM_TEXT.telegramUnreachable, {
          reason: error.description,
        });
      throw AppError.unprocessable('telegram_token_refused', TELEGRAM_TEXT.tokenRefused, { reason: error.description });
    }
  }
}
