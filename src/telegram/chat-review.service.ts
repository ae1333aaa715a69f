import { Injectable } from '@nestjs/common';
import { roleAtLeast } from '../auth/roles';
import { Role } from '../core/database';
import { AppError } from '../core/errors';
import { postLabel } from '../notifications/catalog';
import type { TelegramMessage, TelegramUpdate } from '../notifications/telegram/bot-api';
import { CardMessagesRepository, type SettleOutcome } from '../notifications/telegram/card-messages.repository';
import { actedLine, type CardAction, parseCardCallback, withLine } from '../notifications/telegram/telegram-content';
import { TelegramRepository } from '../notifications/telegram/telegram.repository';
import { commentSchema } from '../posts/posts.schemas';
import { PostsService } from '../posts/posts.service';
import { ReviewService } from '../review/review.service';
import { StatementsService } from '../review/statements.service';
import { type ChatActor, ChatActors, type ChatBot, localeOfTelegramUser, say } from './chat-actors';
import type { BotChat } from './bot-chat';
import { TELEGRAM_TEXT } from './telegram.messages';

/** How long "request changes" waits for the comment. */
const PROMPT_TTL_MS = 60 * 60_000;

/** Refusals of a post no longer waiting: no longer in review, or already (being) published. */
const ACTED_SINCE = ['invalid_transition', 'already_published'];

type CallbackQuery = NonNullable<TelegramUpdate['callback_query']>;

/** The card a button was pressed on, and who pressed it. */
interface Pressed {
  bot: ChatBot;
  chat: BotChat;
  queryId: string;
  message: TelegramMessage;
  actor: ChatActor;
  action: CardAction;
  postId: string;
  version: number;
  /** The card taken before acting (null for "request changes", which leaves the buttons). */
  claimed: SettleOutcome | null;
}

/**
 * The buttons of a card: approve and request changes on a review request, release on a statement
 * waiting for release. The person pressing acts as their linked member, with their current role,
 * through the same services as the app (ReviewService, StatementsService: same rules, same audit);
 * the version in the button is the one the message showed, so a post edited since is refused
 * (version_changed) and the message says so, and one approved or released since says by whom.
 */
@Injectable()
export class ChatReviewService {
  constructor(
    private readonly actors: ChatActors,
    private readonly repository: TelegramRepository,
    private readonly cards: CardMessagesRepository,
    private readonly review: ReviewService,
    private readonly statements: StatementsService,
    private readonly posts: PostsService,
  ) {}

  async onCallback(bot: ChatBot, chat: BotChat, query: CallbackQuery): Promise<void> {
    const actor = await this.actors.of(bot, query.from.id);
    if (!actor) return chat.answer(query.id, say(TELEGRAM_TEXT.notLinked, localeOfTelegramUser(query.from)), true);
    const button = parseCardCallback(query.data);
    if (!button || !query.message) return chat.answer(query.id, say(TELEGRAM_TEXT.help, actor.locale), true);
    if (!roleAtLeast(actor.access.role, Role.COORDINATOR))
      return chat.answer(query.id, refusal(actor, AppError.forbidden()), true);
    // An approval or release takes the card first, so the job that edits everyone else's cards
    // (CardMessages) leaves it alone; a refusal gives it back.
    const claimed =
      button.action === 'changes'
        ? null
        : await this.cards.settleByChat(bot.id, query.message.chat.id, query.message.message_id);
    const pressed: Pressed = { bot, chat, queryId: query.id, message: query.message, actor, claimed, ...button };
    try {
      if (pressed.action === 'changes') return await this.askForComment(pressed);
      if (pressed.action === 'release') await this.statements.release(actor.access, pressed.postId, pressed.version);
      else await this.review.approve(actor.access, pressed.postId, pressed.version);
      const statement = pressed.action === 'release';
      await chat.answer(
        query.id,
        say(statement ? TELEGRAM_TEXT.releasedAnswer : TELEGRAM_TEXT.approvedAnswer, actor.locale),
      );
      await this.closeCard(pressed, actedLine(statement, actor.locale, { name: actor.name, version: pressed.version }));
    } catch (error) {
      // The review machine's own refusal (review-machine.ts) when the version shown is not the current one.
      if (error instanceof AppError && error.code === 'version_changed') return this.stale(pressed, error.params);
      if (error instanceof AppError && ACTED_SINCE.includes(error.code) && (await this.actedBefore(pressed))) return;
      if (claimed === 'settled') await this.cards.reopenByChat(bot.id, query.message.chat.id, query.message.message_id);
      if (!(error instanceof AppError)) throw error;
      await chat.answer(query.id, refusal(actor, error), true);
    }
  }

  /** "Request changes": the version is checked, then a force_reply prompt asks for the comment. */
  private async askForComment(pressed: Pressed): Promise<void> {
    const { actor, chat, message } = pressed;
    const post = await this.posts.get(actor.access, pressed.postId);
    if (post.version !== pressed.version) return this.stale(pressed, { seen: pressed.version, current: post.version });
    const prompt = await chat.send(
      message.chat.id,
      say(TELEGRAM_TEXT.askComment, actor.locale, { post: postLabel(post) }),
      {
        force_reply: true,
        input_field_placeholder: say(TELEGRAM_TEXT.commentPlaceholder, actor.locale),
      },
    );
    await this.repository.createPrompt({
      botId: pressed.bot.id,
      chatId: BigInt(message.chat.id),
      messageId: prompt.message_id,
      userId: actor.access.userId,
      postId: pressed.postId,
      version: pressed.version,
      expiresAt: new Date(Date.now() + PROMPT_TTL_MS),
    });
    await chat.answer(pressed.queryId, say(TELEGRAM_TEXT.askCommentAnswer, actor.locale));
  }

  /** The post changed since the message showed it: nothing is done, and the message says so. */
  private async stale(pressed: Pressed, versions: Record<string, string | number>): Promise<void> {
    const text = say(
      pressed.action === 'release' ? TELEGRAM_TEXT.statementChangedSince : TELEGRAM_TEXT.changedSince,
      pressed.actor.locale,
      versions,
    );
    await pressed.chat.answer(pressed.queryId, text, true);
    await this.closeCard(pressed, text);
  }

  /** Pressed on a post someone approved or released since: nothing is done; the answer and the card say who did. */
  private async actedBefore(pressed: Pressed): Promise<boolean> {
    const post = await this.repository.reviewCard(pressed.actor.access.workspaceId, pressed.postId);
    if (post?.status !== 'APPROVED' || !post.approvedById) return false;
    const by = {
      name: (await this.repository.person(post.approvedById)).name,
      version: post.approvedVersion ?? post.version,
    };
    const answer = post.statement ? TELEGRAM_TEXT.releasedBefore : TELEGRAM_TEXT.approvedBefore;
    await pressed.chat.answer(pressed.queryId, say(answer, pressed.actor.locale, by), true);
    await this.closeCard(pressed, actedLine(post.statement, pressed.actor.locale, by));
    return true;
  }

  /**
   * The pressed card loses its buttons, with a last line, unless it was edited before (by the job
   * that tells everyone else, or an earlier press): each card is edited once. A card sent before
   * cards were kept is edited here.
   */
  private async closeCard({ bot, chat, message, claimed }: Pressed, line: string): Promise<void> {
    if ((claimed ?? (await this.cards.settleByChat(bot.id, message.chat.id, message.message_id))) === 'settled-before')
      return;
    await chat.edit(message, withLine(message.text, line));
  }

  /** A reply to a "request changes" prompt: the comment, sent back by the person who pressed the button. */
  async onReply(
    bot: ChatBot,
    chat: BotChat,
    message: TelegramMessage & { reply_to_message: { message_id: number } },
  ): Promise<void> {
    const prompt = await this.repository.takePrompt(
      bot.id,
      message.chat.id,
      message.reply_to_message.message_id,
      new Date(),
    );
    const actor = message.from ? await this.actors.of(bot, message.from.id) : null;
    if (!actor)
      return void (await chat.send(message.chat.id, say(TELEGRAM_TEXT.notLinked, localeOfTelegramUser(message.from))));
    if (!prompt || prompt.userId !== actor.access.userId)
      return void (await chat.send(message.chat.id, say(TELEGRAM_TEXT.promptExpired, actor.locale)));
    const comment = commentSchema.safeParse({ body: message.text ?? '' });
    if (!comment.success)
      return void (await chat.send(message.chat.id, say(TELEGRAM_TEXT.promptExpired, actor.locale)));
    try {
      if (!roleAtLeast(actor.access.role, Role.COORDINATOR)) throw AppError.forbidden();
      const post = await this.posts.get(actor.access, prompt.postId);
      if (post.version !== prompt.version)
        return void (await chat.send(
          message.chat.id,
          say(TELEGRAM_TEXT.changedSince, actor.locale, { seen: prompt.version, current: post.version }),
        ));
      await this.review.requestChanges(actor.access, prompt.postId, comment.data.body);
      await chat.send(message.chat.id, say(TELEGRAM_TEXT.changesRequested, actor.locale));
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      await chat.send(message.chat.id, refusal(actor, error));
    }
  }
}

function refusal(actor: ChatActor, error: AppError): string {
  return say(TELEGRAM_TEXT.refused, actor.locale, { reason: error.messageIn(actor.locale) });
}
