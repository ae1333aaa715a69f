import type { ServerResponse } from 'node:http';
import { ContractServer, dropConnection, hang, sendJson, type RecordedRequest } from '../contract-server';
import { multipartFields, parseMultipart, type MultipartPart } from '../multipart';

/**
 * The Telegram Bot API as documented at core.telegram.org/bots/api: POST /bot<token>/<method>,
 * answers {ok:true,result} or {ok:false,error_code,description,parameters}; 404 "Not Found" for a
 * malformed token, 401 "Unauthorized" for a revoked one, 429 with parameters.retry_after for flood
 * control; text up to 4096 and captions up to 1024 UTF-16 code units; albums of 2-10 items.
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
}

const TOKEN_FORMAT = /^\d+:[A-Za-z0-9_-]{30,}$/;

export class TelegramContract {
  readonly server = new ContractServer();
  readonly validTokens = new Set<string>();
  readonly chats = new Map<string, TelegramChatState>();
  readonly sent: SentMessage[] = [];
  private readonly faults: TelegramFault[] = [];
  private nextMessageId = 100;

  constructor(readonly bot = { id: 777000111, username: 'gaung_bot', first_name: 'Gaung' }) {
    this.server.route('POST', /^\/bot[^/]+\/[A-Za-z]+$/, (req, res) => this.handle(req, res));
  }

  async start(): Promise<this> {
    await this.server.start();
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

  /** The next send* call answers with this fault instead of posting (or posts, then drops). */
  failNext(fault: TelegramFault): void {
    this.faults.push(fault);
  }

  private handle(req: RecordedRequest, res: ServerResponse): void {
    const [, tokenPart, method] = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(req.path)!;
    const token = decodeURIComponent(tokenPart!);
    if (!TOKEN_FORMAT.test(token)) return fail(res, 404, 'Not Found');
    if (!this.validTokens.has(token)) return fail(res, 401, 'Unauthorized');
    const parts = parseMultipart(req);
    const params: Record<string, unknown> = parts.length > 0 ? multipartFields(parts) : ((req.json as Record<string, unknown>) ?? {});
    if (method === 'getMe') return ok(res, { ...this.bot, is_bot: true });
    const chat = this.chats.get(String(params.chat_id ?? ''));
    if (!chat) return fail(res, 400, 'Bad Request: chat not found');
    if (method === 'getChat') return ok(res, publicChat(chat));
    if (method === 'getChatMember') return ok(res, this.member(chat, Number(params.user_id)));
    if (!method!.startsWith('send')) return fail(res, 404, 'Not Found');
    if (chat.bot === 'kicked') return fail(res, 403, `Forbidden: bot was kicked from the ${chat.type} chat`);
    if (chat.bot === 'left') return fail(res, 403, `Forbidden: bot is not a member of the ${chat.type} chat`);
    if (chat.bot === 'no_rights') return fail(res, 400, `Bad Request: need administrator rights in the ${chat.type} chat`);
    const fault = this.faults.shift();
    if (fault?.kind === 'error') return fail(res, fault.status, fault.description, fault.parameters);
    if (fault?.kind === 'hang') return hang();
    const result = this.send(method!, chat, params, parts);
    if (typeof result === 'string') return fail(res, 400, result);
    if (fault?.kind === 'drop-after-send') return dropConnection(res);
    ok(res, result);
  }

  /** ChatMember of the bot: administrator (with or without can_post_messages), left or kicked. */
  private member(chat: TelegramChatState, userId: number): Record<string, unknown> {
    const user = { id: userId, is_bot: true, first_name: this.bot.first_name, username: this.bot.username };
    if (userId !== this.bot.id) return { status: 'left', user };
    if (chat.bot === 'kicked') return { status: 'kicked', user, until_date: 0 };
    if (chat.bot === 'left') return { status: 'left', user };
    return { status: 'administrator', user, can_be_edited: false, can_manage_chat: true, can_post_messages: chat.bot === 'administrator', can_edit_messages: true, can_delete_messages: true };
  }

  /** Performs a send* method; returns the Bot API result, or a 400 description. */
  private send(method: string, chat: TelegramChatState, params: Record<string, unknown>, parts: MultipartPart[]): unknown {
    const files = parts.filter((p) => p.filename !== undefined);
    if (method === 'sendMessage') {
      const text = String(params.text ?? '');
      if (text.length === 0) return 'Bad Request: message text is empty';
      if (text.length > 4096) return 'Bad Request: message is too long';
      return this.record(chat, { text, files: [] });
    }
    if (method === 'sendPhoto' || method === 'sendVideo') {
      const caption = params.caption === undefined ? undefined : String(params.caption);
      if (caption && caption.length > 1024) return 'Bad Request: message caption is too long';
      const field = method === 'sendPhoto' ? 'photo' : 'video';
      const file = files.find((p) => p.name === field);
      if (!file || file.data.length === 0) return `Bad Request: there is no ${field} in the request`;
      return this.record(chat, { caption, files: [file] });
    }
    if (method === 'sendMediaGroup') {
      const media = JSON.parse(String(params.media ?? '[]')) as Array<{ type: string; media: string; caption?: string }>;
      if (media.length < 2 || media.length > 10) return 'Bad Request: wrong number of media in the group';
      const messages = [];
      for (const item of media) {
        const attached = files.find((p) => `attach://${p.name}` === item.media);
        if (!attached) return 'Bad Request: wrong file identifier/HTTP URL specified';
        if (item.caption && item.caption.length > 1024) return 'Bad Request: message caption is too long';
        messages.push(this.record(chat, { caption: item.caption, files: [attached] }));
      }
      return messages;
    }
    return 'Bad Request: method not supported by the contract server';
  }

  private record(chat: TelegramChatState, message: Omit<SentMessage, 'chatId' | 'messageId'>) {
    const messageId = this.nextMessageId++;
    this.sent.push({ chatId: chat.id, messageId, ...message });
    return { message_id: messageId, date: Math.floor(Date.now() / 1000), chat: publicChat(chat), text: message.text, caption: message.caption };
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
