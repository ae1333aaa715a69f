import { Injectable } from '@nestjs/common';
import { roleAtLeast } from '../auth/roles';
import { Role } from '../core/database';
import { AppError } from '../core/errors';
import { postLabel } from '../notifications/catalog';
import type { TelegramMessage, TelegramUpdate } from '../notifications/telegram/bot-api';
import { parseReviewCallback } from '../notifications/telegram/telegram-content';
import { TelegramRepository } from '../notifications/telegram/telegram.repository';
import { commentSchema } from '../posts/posts.schemas';
import { PostsService } from '../posts/posts.service';
import { ReviewService } from '../review/review.service';
import { type ChatActor, ChatActors, type ChatBot, localeOfTelegramUser, say } from './chat-actors';
import type { BotChat } from './bot-chat';
import { TELEGRAM_TEXT } from './telegram.messages';

/** How long "request changes" waits for the comment. */
const PROMPT_TTL_MS = 60 * 60_000;

type CallbackQuery = NonNullable<TelegramUpdate['callback_query']>;

/**
 * Approve and request changes from a review request's buttons. The person pressing acts as their
 * linked member, with their current role, through the same ReviewService as the app (same rules,
 * same audit); the version in the button is the one the message showed, so a post edited since
 * is refused (version_changed) and the message says so.
 */
@Injectable()
export class ChatReviewService {
  constructor(
    private readonly actors: ChatActors,
    private readonly repository: TelegramRepository,
    private readonly review: ReviewService,
    private readonly posts: PostsService,
  ) {}

  async onCallback(bot: ChatBot, chat: BotChat, query: CallbackQuery): Promise<void> {
    const actor = await this.actors.of(bot, query.from.id);
    if (!actor) return chat.answer(query.id, say(TELEGRAM_TEXT.notLinked, localeOfTelegramUser(query.from)), true);
    const pressed = parseReviewCallback(query.data);
    const message = query.message;
    if (!pressed || !message) return chat.answer(query.id, say(TELEGRAM_TEXT.help, actor.locale), true);
    if (!roleAtLeast(actor.access.role, Role.COORDINATOR)) return chat.answer(query.id, refusal(actor, AppError.forbidden()), true);
    try {
      if (pressed.action === 'approve') {
        await this.review.approve(actor.access, pressed.postId, pressed.version);
        await chat.answer(query.id, say(TELEGRAM_TEXT.approvedAnswer, actor.locale));
        await chat.edit(message, withLine(message.text, say(TELEGRAM_TEXT.approvedBy, actor.locale, { name: actor.name, version: pressed.version })));
        return;
      }
      const post = await this.posts.get(actor.access, pressed.postId);
      if (post.version !== pressed.version) return await this.stale(chat, query.id, message, actor, { seen: pressed.version, current: post.version });
      const prompt = await chat.send(message.chat.id, say(TELEGRAM_TEXT.askComment, actor.locale, { post: postLabel(post) }), {
        force_reply: true,
        input_field_placeholder: say(TELEGRAM_TEXT.commentPlaceholder, actor.locale),
      });
      await this.repository.createPrompt({
        botId: bot.id,
        chatId: BigInt(message.chat.id),
        messageId: prompt.message_id,
        userId: actor.access.userId,
        postId: pressed.postId,
        version: pressed.version,
        expiresAt: new Date(Date.now() + PROMPT_TTL_MS),
      });
      await chat.answer(query.id, say(TELEGRAM_TEXT.askCommentAnswer, actor.locale));
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      // The review machine's own refusal (review-machine.ts) when the version shown is not the current one.
      if (error.code === 'version_changed') return this.stale(chat, query.id, message, actor, error.params);
      await chat.answer(query.id, refusal(actor, error), true);
    }
  }

  /** The post changed since the message showed it: nothing is done, and the message says so. */
  private async stale(chat: BotChat, queryId: string, message: TelegramMessage, actor: ChatActor, versions: Record<string, string | number>): Promise<void> {
    const text = say(TELEGRAM_TEXT.changedSince, actor.locale, versions);
    await chat.answer(queryId, text, true);
    await chat.edit(message, withLine(message.text, text));
  }

  /** A reply to a "request changes" prompt: the comment, sent back by the person who pressed the button. */
  async onReply(bot: ChatBot, chat: BotChat, message: TelegramMessage & { reply_to_message: { message_id: number } }): Promise<void> {
    const prompt = await this.repository.takePrompt(bot.id, message.chat.id, message.reply_to_message.message_id, new Date());
    const actor = message.from ? await this.actors.of(bot, message.from.id) : null;
    if (!actor) return void (await chat.send(message.chat.id, say(TELEGRAM_TEXT.notLinked, localeOfTelegramUser(message.from))));
    if (!prompt || prompt.userId !== actor.access.userId) return void (await chat.send(message.chat.id, say(TELEGRAM_TEXT.promptExpired, actor.locale)));
    const comment = commentSchema.safeParse({ body: message.text ?? '' });
    if (!comment.success) return void (await chat.send(message.chat.id, say(TELEGRAM_TEXT.promptExpired, actor.locale)));
    try {
      if (!roleAtLeast(actor.access.role, Role.COORDINATOR)) throw AppError.forbidden();
      const post = await this.posts.get(actor.access, prompt.postId);
      if (post.version !== prompt.version) return void (await chat.send(message.chat.id, say(TELEGRAM_TEXT.changedSince, actor.locale, { seen: prompt.version, current: post.version })));
      await this.review.requestChanges(actor.access, prompt.postId, comment.data.body);
      await chat.send(message.chat.id, say(TELEGRAM_TEXT.changesRequested, actor.locale));
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      await chat.send(message.chat.id, refusal(actor, error));
    }
  }
}

/** The message as shown, with a last line added; the original is cut, never the line, at Telegram's 4,096. */
function withLine(original: string | undefined, line: string): string {
  return `${(original ?? '').slice(0, 4096 - line.length - 3)}\n\n${line}`;
}

function refusal(actor: ChatActor, error: AppError): string {
  return say(TELEGRAM_TEXT.refused, actor.locale, { reason: error.messageIn(actor.locale) });
}

