import type { ServerResponse } from 'node:http';
import { ContractServer, dropConnection, hang, sendJson, type RecordedRequest } from '../contract-server';
import { multipartFields, parseMultipart, type MultipartPart } from '../multipart';

/**
 * The Telegram Bot API as documented at core.telegram.org/bots/api: POST /bot<token>/<method>,
 * answers {ok:true,result} or {ok:false,error_code,description,parameters}; 404 "Not Found" for a
 * malformed token, 401 "Unauthorized" for a revoked one, 429 with parameters.retry_after for flood
 * control; text up to 4096 and captions up to 1024 UTF-16 code units; albums of 2-10 items.
 * Also the notification bot's side: updates (getUpdates with offset confirmation, or a webhook set
 * with secret_token, never both: 409), inline keyboards and force_reply, answerCallbackQuery (once
 * per query) and editMessageText ("message is not modified" when nothing changes).
 */
export interface TelegramChatState {
  id: number;
  type: 'channel' | 'supergroup' | 'group' | 'private';
  title: string;
  username?: string;
  /** How the bot stands in the chat. */
  bot: 'administrator' | 'no_rights' | 'kicked' | 'left';
}

export type TelegramFault =
  | { kind: 'error'; status: number; description: string; parameters?: Record<string, number> }
  | { kind: 'drop-after-send' }
  | { kind: 'hang' };

export interface SentMessage {
  chatId: number;
  messageId: number;
  text?: string;
  caption?: string;
  files: MultipartPart[];
  /** inline_keyboard or force_reply, as sent. */
  replyMarkup?: { inline_keyboard?: Array<Array<{ text: string; callback_data: string }>>; force_reply?: boolean };
  /** Texts it was edited to (editMessageText), oldest first. */
  edits: string[];
}

/** A Telegram user (a person talking to the bot in a private chat, whose id is also the chat's id). */
export interface TelegramPerson {
  id: number;
  first_name: string;
  username?: string;
  language_code?: string;
}

export interface AnsweredCallback {
  callbackQueryId: string;
  text: string;
  showAlert: boolean;
}

const TOKEN_FORMAT = /^\d+:[A-Za-z0-9_-]{30,}$/;

export class TelegramContract {
  readonly server = new ContractServer();
  readonly validTokens = new Set<string>();
  readonly chats = new Map<string, TelegramChatState>();
  readonly sent: SentMessage[] = [];
  readonly answered: AnsweredCallback[] = [];
  /** The webhook set with setWebhook (url and secret_token), or null. */
  webhook: { url: string; secretToken: string | null } | null = null;
  /** Updates not yet confirmed through getUpdates' offset. */
  private readonly pending: Array<Record<string, unknown> & { update_id: number }> = [];
  private nextUpdateId = 5000;
  private nextCallbackId = 1;
  private readonly faults: TelegramFault[] = [];
  private readonly editFaults: Array<Extract<TelegramFault, { kind: 'error' }>> = [];
  private nextMessageId = 100;

  constructor(readonly bot = { id: 777000111, username: 'gaung_bot', first_name: 'Gaung' }) {
    this.server.route('POST', /^\/bot[^/]+\/[A-Za-z]+$/, (req, res) => this.handle(req, res));
  }

  /** On a free port, or on `port` when the app under test was configured with this address (the browser tests). */
  async start(port = 0): Promise<this> {
    await this.server.start(port);
    return this;
  }

  stop(): Promise<void> {
    return this.server.stop();
  }

  get baseUrl(): string {
    return this.server.baseUrl;
  }

  addChat(chat: TelegramChatState): void {
    this.chats.set(String(chat.id), chat);
    if (chat.username) this.chats.set(`@${chat.username}`, chat);
  }

  /** A person's private chat with the bot (its id is the person's id). */
  addPerson(person: TelegramPerson): void {
    this.addChat({
      id: person.id,
      type: 'private',
      title: person.first_name,
      ...(person.username ? { username: person.username } : {}),
      bot: 'administrator',
    });
  }

  /** A message a person writes to the bot; kept for getUpdates and returned (to post to a webhook). */
  personWrites(person: TelegramPerson, text: string, replyToMessageId?: number) {
    return this.queueUpdate({
      message: {
        message_id: this.nextMessageId++,
        date: Math.floor(Date.now() / 1000),
        chat: { id: person.id, type: 'private', first_name: person.first_name },
        from: { ...person, is_bot: false },
        text,
        ...(replyToMessageId !== undefined
          ? { reply_to_message: { message_id: replyToMessageId, chat: { id: person.id, type: 'private' } } }
          : {}),
      },
    });
  }

  /** A person presses an inline button of a message the bot sent. */
  personPresses(person: TelegramPerson, message: SentMessage, callbackData: string) {
    return this.queueUpdate({
      callback_query: {
        id: `cq${this.nextCallbackId++}`,
        from: { ...person, is_bot: false },
        chat_instance: '1',
        data: callbackData,
        message: {
          message_id: message.messageId,
          date: Math.floor(Date.now() / 1000),
          chat: { id: message.chatId, type: 'private' },
          text: message.edits.at(-1) ?? message.text,
        },
      },
    });
  }

  private queueUpdate<B extends Record<string, unknown>>(body: B): B & { update_id: number } {
    const update = { update_id: this.nextUpdateId++, ...body };
    this.pending.push(update);
    return update;
  }

  /** The next send* call answers with this fault instead of posting (or posts, then drops). */
  failNext(fault: TelegramFault): void {
    this.faults.push(fault);
  }

  /** The next editMessageText call answers with this error instead of editing. */
  failNextEdit(fault: Extract<TelegramFault, { kind: 'error' }>): void {
    this.editFaults.push(fault);
  }

  private handle(req: RecordedRequest, res: ServerResponse): void {
    const [, tokenPart, method] = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(req.path)!;
    const token = decodeURIComponent(tokenPart!);
    if (!TOKEN_FORMAT.test(token)) return fail(res, 404, 'Not Found');
    if (!this.validTokens.has(token)) return fail(res, 401, 'Unauthorized');
    const parts = parseMultipart(req);
    const params: Record<string, unknown> =
      parts.length > 0 ? multipartFields(parts) : ((req.json as Record<string, unknown>) ?? {});
    if (method === 'getMe') return ok(res, { ...this.bot, is_bot: true });
    const editFault = method === 'editMessageText' ? this.editFaults.shift() : undefined;
    if (editFault) return fail(res, editFault.status, editFault.description, editFault.parameters);
    const bot = this.botMethod(method!, params);
    if (bot !== undefined)
      return typeof bot === 'string' ? fail(res, bot.startsWith('Conflict') ? 409 : 400, bot) : ok(res, bot);
    const chat = this.chats.get(String(params.chat_id ?? ''));
    if (!chat) return fail(res, 400, 'Bad Request: chat not found');
    if (method === 'getChat') return ok(res, publicChat(chat));
    if (method === 'getChatMember') return ok(res, this.member(chat, Number(params.user_id)));
    if (!method!.startsWith('send')) return fail(res, 404, 'Not Found');
    if (chat.bot === 'kicked') return fail(res, 403, `Forbidden: bot was kicked from the ${chat.type} chat`);
    if (chat.bot === 'left') return fail(res, 403, `Forbidden: bot is not a member of the ${chat.type} chat`);
    if (chat.bot === 'no_rights')
      return fail(res, 400, `Bad Request: need administrator rights in the ${chat.type} chat`);
    const fault = this.faults.shift();
    if (fault?.kind === 'error') return fail(res, fault.status, fault.description, fault.parameters);
    if (fault?.kind === 'hang') return hang();
    const result = this.send(method!, chat, params, parts);
    if (typeof result === 'string') return fail(res, 400, result);
    if (fault?.kind === 'drop-after-send') return dropConnection(res);
    ok(res, result);
  }

  /** Methods about the bot itself and its updates (no chat_id); undefined for the others, a string for a 400/409. */
  private botMethod(method: string, params: Record<string, unknown>): unknown {
    if (method === 'setWebhook') {
      const secret = params.secret_token === undefined ? null : String(params.secret_token);
      if (secret !== null && !/^[A-Za-z0-9_-]{1,256}$/.test(secret))
        return 'Bad Request: secret token contains unallowed characters';
      this.webhook = { url: String(params.url ?? ''), secretToken: secret };
      return true;
    }
    if (method === 'deleteWebhook') {
      this.webhook = null;
      return true;
    }
    if (method === 'getUpdates') {
      if (this.webhook)
        return "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first";
      // An offset confirms every update before it: they are never returned again.
      const offset = params.offset === undefined ? null : Number(params.offset);
      if (offset !== null)
        this.pending.splice(0, this.pending.length, ...this.pending.filter((u) => u.update_id >= offset));
      return this.pending.slice(0, 100);
    }
    if (method === 'answerCallbackQuery') {
      const id = String(params.callback_query_id ?? '');
      if (!id.startsWith('cq') || this.answered.some((a) => a.callbackQueryId === id))
        return 'Bad Request: query is too old and response timeout expired or query ID is invalid';
      this.answered.push({
        callbackQueryId: id,
        text: String(params.text ?? ''),
        showAlert: params.show_alert === true,
      });
      return true;
    }
    if (method === 'editMessageText') {
      const message = this.sent.find(
        (m) => m.chatId === Number(params.chat_id) && m.messageId === Number(params.message_id),
      );
      if (!message) return 'Bad Request: message to edit not found';
      const text = String(params.text ?? '');
      if (text.length === 0 || text.length > 4096) return 'Bad Request: message text is empty or too long';
      if (text === (message.edits.at(-1) ?? message.text)) return 'Bad Request: message is not modified';
      message.edits.push(text);
      delete message.replyMarkup; // no reply_markup given: the inline keyboard is removed
      return { message_id: message.messageId, chat: { id: message.chatId, type: 'private' }, text };
    }
    return undefined;
  }

  /** ChatMember of the bot: administrator (with or without can_post_messages), left or kicked. */
  private member(chat: TelegramChatState, userId: number): Record<string, unknown> {
    const user = { id: userId, is_bot: true, first_name: this.bot.first_name, username: this.bot.username };
    if (userId !== this.bot.id) return { status: 'left', user };
    if (chat.bot === 'kicked') return { status: 'kicked', user, until_date: 0 };
    if (chat.bot === 'left') return { status: 'left', user };
    return {
      status: 'administrator',
      user,
      can_be_edited: false,
      can_manage_chat: true,
      can_post_messages: chat.bot === 'administrator',
      can_edit_messages: true,
      can_delete_messages: true,
    };
  }

  /** Performs a send* method; returns the Bot API result, or a 400 description. */
  private send(
    method: string,
    chat: TelegramChatState,
    params: Record<string, unknown>,
    parts: MultipartPart[],
  ): unknown {
    const files = parts.filter((p) => p.filename !== undefined);
    if (method === 'sendMessage') {
      const text = String(params.text ?? '');
      if (text.length === 0) return 'Bad Request: message text is empty';
      if (text.length > 4096) return 'Bad Request: message is too long';
      const markup = typeof params.reply_markup === 'string' ? JSON.parse(params.reply_markup) : params.reply_markup;
      return this.record(chat, {
        text,
        files: [],
        edits: [],
        ...(markup ? { replyMarkup: markup as SentMessage['replyMarkup'] } : {}),
      });
    }
    if (method === 'sendPhoto' || method === 'sendVideo') {
      const caption = params.caption === undefined ? undefined : String(params.caption);
      if (caption && caption.length > 1024) return 'Bad Request: message caption is too long';
      const field = method === 'sendPhoto' ? 'photo' : 'video';
      const file = files.find((p) => p.name === field);
      if (!file || file.data.length === 0) return `Bad Request: there is no ${field} in the request`;
      return this.record(chat, { caption, files: [file], edits: [] });
    }
    if (method === 'sendMediaGroup') {
      const media = JSON.parse(String(params.media ?? '[]')) as Array<{
        type: string;
        media: string;
        caption?: string;
      }>;
      if (media.length < 2 || media.length > 10) return 'Bad Request: wrong number of media in the group';
      const messages = [];
      for (const item of media) {
        const attached = files.find((p) => `attach://${p.name}` === item.media);
        if (!attached) return 'Bad Request: wrong file identifier/HTTP URL specified';
        if (item.caption && item.caption.length > 1024) return 'Bad Request: message caption is too long';
        messages.push(this.record(chat, { caption: item.caption, files: [attached], edits: [] }));
      }
      return messages;
    }
    return 'Bad Request: method not supported by the contract server';
  }

  private record(chat: TelegramChatState, message: Omit<SentMessage, 'chatId' | 'messageId'>) {
    const messageId = this.nextMessageId++;
    this.sent.push({ chatId: chat.id, messageId, ...message });
    return {
      message_id: messageId,
      date: Math.floor(Date.now() / 1000),
      chat: publicChat(chat),
      text: message.text,
      caption: message.caption,
    };
  }
}

function publicChat(chat: TelegramChatState) {
  return { id: chat.id, type: chat.type, title: chat.title, ...(chat.username ? { username: chat.username } : {}) };
}

function ok(res: ServerResponse, result: unknown): void {
  sendJson(res, 200, { ok: true, result });
}

function fail(res: ServerResponse, status: number, description: string, parameters?: Record<string, number>): void {
  sendJson(res, status, { ok: false, error_code: status, description, ...(parameters ? { parameters } : {}) });
}
