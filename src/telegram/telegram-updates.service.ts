import { Inject, Injectable, Logger } from '@nestjs/common';
import { roleAtLeast } from '../auth/roles';
import { AuditService } from '../core/audit';
import { APP_CONFIG, type AppConfig } from '../core/config';
import { hashToken } from '../core/crypto';
import { PrismaService, Role } from '../core/database';
import { AppError } from '../core/errors';
import { DEFAULT_LOCALE, isLocale } from '../core/i18n';
import { TelegramBotApi, type TelegramMessage, type TelegramUpdate } from '../notifications/telegram/bot-api';
import { BotTokens } from '../notifications/telegram/bot-tokens';
import { TelegramRepository } from '../notifications/telegram/telegram.repository';
import { holdSchema } from '../workspaces/workspaces.schemas';
import { WorkspacesService } from '../workspaces/workspaces.service';
import { BotChat } from './bot-chat';
import { ChatActors, localeOfTelegramUser, say } from './chat-actors';
import { ChatReviewService } from './chat-review.service';
import { TELEGRAM_TEXT } from './telegram.messages';

/** A bot row as the handler needs it. */
export interface UpdateBot {
  id: string;
  workspaceId: string;
  tokenKeyId: string;
  tokenCiphertext: Uint8Array;
}

const COMMAND = /^\/([A-Za-z_]+)(?:@\w+)?(?:\s+([\s\S]*))?$/;

/**
 * Everything a notification bot receives, by webhook or long polling (one per deployment): /start
 * with a link token, /tahan <alasan> from an admin, the review buttons and the replies that carry a
 * "request changes" comment. Each update is acted on once (claimUpdate), whichever way it came.
 */
@Injectable()
export class TelegramUpdatesService {
  private readonly logger = new Logger(TelegramUpdatesService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly prisma: PrismaService,
    private readonly repository: TelegramRepository,
    private readonly api: TelegramBotApi,
    private readonly tokens: BotTokens,
    private readonly actors: ChatActors,
    private readonly review: ChatReviewService,
    private readonly workspaces: WorkspacesService,
    private readonly audit: AuditService,
  ) {}

  async handle(bot: UpdateBot, update: TelegramUpdate): Promise<void> {
    if (!Number.isSafeInteger(update.update_id) || !(await this.repository.claimUpdate(bot.id, update.update_id)))
      return;
    const chat = new BotChat(this.api, this.tokens.open(bot));
    try {
      if (update.callback_query) return await this.review.onCallback(bot, chat, update.callback_query);
      const message = update.message;
      if (!message?.text || !message.from) return;
      if (message.reply_to_message)
        return await this.review.onReply(bot, chat, { ...message, reply_to_message: message.reply_to_message });
      const [, command, argument = ''] = COMMAND.exec(message.text.trim()) ?? [];
      if (command === 'start' && argument) return await this.onStart(bot, chat, message, argument.trim());
      if (command === 'tahan') return await this.onHold(bot, chat, message, argument.trim());
      const actor = await this.actors.of(bot, message.from.id);
      await chat.send(message.chat.id, say(TELEGRAM_TEXT.help, actor?.locale ?? localeOfTelegramUser(message.from)));
    } catch (error) {
      // The update is claimed: Telegram is not asked to send it again; the person can press again.
      this.logger.warn({
        msg: 'telegram update not handled',
        botId: bot.id,
        updateId: update.update_id,
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }

  /** "/start <token>" from a deep link: links this private chat to the member who made the link. */
  private async onStart(bot: UpdateBot, chat: BotChat, message: TelegramMessage, token: string): Promise<void> {
    const from = message.from!;
    const fallback = localeOfTelegramUser(from);
    if (message.chat.type !== 'private' || message.chat.id !== from.id)
      return void (await chat.send(message.chat.id, say(TELEGRAM_TEXT.privateOnly, fallback)));
    const used = token.length <= 64 ? await this.repository.useLinkToken(bot.id, hashToken(token), new Date()) : null;
    const member =
      used && used.workspaceId === bot.workspaceId
        ? await this.repository.membership(bot.workspaceId, used.userId)
        : null;
    if (!used || !member) return void (await chat.send(message.chat.id, say(TELEGRAM_TEXT.linkInvalid, fallback)));
    await this.prisma.$transaction(async (tx) => {
      await this.repository.link(tx, {
        botId: bot.id,
        workspaceId: bot.workspaceId,
        userId: used.userId,
        chatId: BigInt(message.chat.id),
        telegramUsername: from.username?.slice(0, 64) ?? null,
      });
      await this.audit.record(tx, {
        workspaceId: bot.workspaceId,
        actor: { userId: used.userId, kind: 'user' },
        action: 'telegram.linked',
        subjectType: 'user',
        subjectId: used.userId,
        summary: { telegramUsername: from.username ?? null },
      });
    });
    const [person, workspace] = await Promise.all([
      this.repository.person(used.userId),
      this.repository.workspaceName(bot.workspaceId),
    ]);
    const locale = isLocale(person.locale) ? person.locale : DEFAULT_LOCALE;
    await chat.send(
      message.chat.id,
      say(TELEGRAM_TEXT.linked, locale, { workspace: workspace.name, name: person.name }),
    );
  }

  /** "/tahan <alasan>": a linked admin holds the whole workspace, as the app's hold does; it is lifted only in the app. */
  private async onHold(bot: UpdateBot, chat: BotChat, message: TelegramMessage, reason: string): Promise<void> {
    const actor = await this.actors.of(bot, message.from!.id);
    if (!actor)
      return void (await chat.send(message.chat.id, say(TELEGRAM_TEXT.notLinked, localeOfTelegramUser(message.from))));
    const input = holdSchema.safeParse({ reason });
    if (!input.success) return void (await chat.send(message.chat.id, say(TELEGRAM_TEXT.holdUsage, actor.locale)));
    try {
      if (!roleAtLeast(actor.access.role, Role.ADMIN)) throw AppError.forbidden();
      const held = await this.workspaces.hold(actor.access, input.data.reason);
      const link = `${this.config.PUBLIC_BASE_URL}/app/${encodeURIComponent(held.slug)}/settings`;
      await chat.send(
        message.chat.id,
        say(TELEGRAM_TEXT.held, actor.locale, { workspace: held.name, reason: input.data.reason, link }),
      );
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      await chat.send(
        message.chat.id,
        say(TELEGRAM_TEXT.refused, actor.locale, { reason: error.messageIn(actor.locale) }),
      );
    }
  }
}
