import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../core/config';
import type { Platform } from '../../core/database';
import { PlatformHttp } from '../http/platform-http';
import { PublishError } from '../publish-error';
import type {
  AccountContext,
  MediaItem,
  PlatformLimits,
  PublishContent,
  PublishRequest,
  PublishResult,
  Publisher,
  ValidationIssue,
  VerifiedIdentity,
} from '../publisher';
import { commonIssues, type TextLimitWording } from '../publisher-helpers';
import { telegramError } from './telegram-errors';
import { TELEGRAM_CONNECT } from './telegram.connect';

interface TelegramChat {
  id: number;
  type: string;
  title?: string;
  username?: string;
  first_name?: string;
}

interface TelegramMessage {
  message_id: number;
  chat: TelegramChat;
}

const PLATFORM = 'telegram';
/** Telegram limits "characters" in UTF-16 code units (its entity offsets use them too). */
const TEXT_LIMIT = 4096;
const CAPTION_LIMIT = 1024;
const TEXT_WORDING: TextLimitWording = { where: { id: 'untuk Telegram', en: 'for Telegram' } };
const CAPTION_WORDING: TextLimitWording = {
  ...TEXT_WORDING,
  code: 'caption_too_long',
  note: { id: 'keterangan foto', en: 'photo caption' },
};

/**
 * Telegram channels and groups through the Bot API. The bot must be an admin of the channel with
 * the right to post. Telegram has no idempotency key, so an ambiguous outcome is never retried.
 */
@Injectable()
export class TelegramPublisher implements Publisher {
  /** How an admin connects an account (read by src/accounts through PUBLISHER_CLASSES). */
  static readonly connect = TELEGRAM_CONNECT;
  readonly platform: Platform = 'TELEGRAM';
  readonly limits: PlatformLimits = {
    maxChars: TEXT_LIMIT,
    counting: 'utf16',
    maxMedia: 10,
    media: {
      imageFormats: ['image/jpeg', 'image/png', 'image/webp'],
      maxImageBytes: 10 * 1024 * 1024,
      maxImageEdge: 5000,
      maxImagePixels: 5000 * 5000,
      aspectRatio: { min: 1 / 20, max: 20 },
      videoFormats: ['video/mp4'],
      maxVideoBytes: 50 * 1024 * 1024,
    },
    requiresMedia: false,
    requiresText: false,
    requiresTitle: false,
    rateBudget: null,
  };
  readonly ambiguousRetry = 'none' as const;

  constructor(
    private readonly http: PlatformHttp,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  validate(content: PublishContent): ValidationIssue[] {
    // With media the text is the caption, which has its own, lower limit.
    if (content.media.length > 0)
      return commonIssues(PLATFORM, content, { ...this.limits, maxChars: CAPTION_LIMIT }, CAPTION_WORDING);
    return commonIssues(PLATFORM, content, this.limits, TEXT_WORDING);
  }

  async publish(request: PublishRequest): Promise<PublishResult> {
    const { account, content, signal } = request;
    const chatId = requireChatId(account);
    const media = content.media;
    let message: TelegramMessage;
    if (media.length === 0) {
      message = await this.call<TelegramMessage>(
        account,
        'sendMessage',
        { chat_id: chatId, text: content.text },
        signal,
      );
    } else if (media.length === 1) {
      const form = await mediaForm(chatId, media[0]!, content.text);
      message = await this.call<TelegramMessage>(
        account,
        media[0]!.kind === 'VIDEO' ? 'sendVideo' : 'sendPhoto',
        form,
        signal,
      );
    } else {
      const messages = await this.call<TelegramMessage[]>(
        account,
        'sendMediaGroup',
        await mediaGroupForm(chatId, media, content.text),
        signal,
      );
      message = messages[0]!;
    }
    return { externalId: String(message.message_id), url: messageUrl(message) };
  }

  async verifyCredentials(account: AccountContext, signal: AbortSignal): Promise<VerifiedIdentity> {
    const bot = await this.call<{ id: number; username?: string }>(account, 'getMe', {}, signal);
    const chat = await this.call<TelegramChat>(account, 'getChat', { chat_id: requireChatId(account) }, signal);
    if (chat.type === 'channel') await this.ensureCanPost(account, bot.id, signal);
    return {
      externalId: String(chat.id),
      displayName: chat.title ?? chat.first_name ?? chat.username ?? String(chat.id),
      handle: chat.username ? `@${chat.username}` : null,
      settings: { botId: bot.id, botUsername: bot.username ?? null, chatType: chat.type },
    };
  }

  /** In a channel only administrators with "Post messages" can post: catch a missing right at connect time. */
  private async ensureCanPost(account: AccountContext, botId: number, signal: AbortSignal): Promise<void> {
    const member = await this.call<{ status: string; can_post_messages?: boolean }>(
      account,
      'getChatMember',
      { chat_id: requireChatId(account), user_id: botId },
      signal,
    );
    const canPost =
      member.status === 'creator' || (member.status === 'administrator' && member.can_post_messages !== false);
    if (!canPost) {
      throw PublishError.auth(
        'telegram.not_admin',
        `The bot is not an administrator with the right to post in this channel (status: ${member.status})`,
      );
    }
  }

  /** One Bot API method; the token lives in the URL, so transport errors drop their cause. */
  private async call<T>(
    account: AccountContext,
    method: string,
    data: FormData | Record<string, unknown>,
    signal: AbortSignal,
  ): Promise<T> {
    const token = account.credentials.botToken;
    if (typeof token !== 'string' || token === '')
      throw PublishError.auth('telegram.no_token', 'The Telegram bot token is missing');
    const base = (account.baseUrl ?? this.config.TELEGRAM_API_URL).replace(/\/+$/, '');
    let response;
    try {
      response = await this.http.request<{ ok: boolean; result: T }>('telegram', {
        method: 'POST',
        url: `${base}/bot${token}/${method}`,
        data,
        signal,
        timeout: this.config.PUBLISH_TIMEOUT_MS,
      });
    } catch (error) {
      if (error instanceof PublishError)
        throw new PublishError(error.kind, error.code, error.message, {
          httpStatus: error.httpStatus,
          cause: error.cause,
        });
      throw error;
    }
    if (response.status === 200 && response.data?.ok === true) return response.data.result;
    throw telegramError(response.status, response.data);
  }
}

function requireChatId(account: AccountContext): string {
  if (!account.externalId)
    throw PublishError.auth('telegram.no_chat', 'The Telegram chat (channel) id is not set for this account');
  return account.externalId;
}

async function mediaForm(chatId: string, item: MediaItem, caption: string): Promise<FormData> {
  const form = new FormData();
  form.set('chat_id', chatId);
  if (caption) form.set('caption', caption);
  form.set(item.kind === 'VIDEO' ? 'video' : 'photo', await fileOf(item), fileName(item, 0));
  return form;
}

/** Several photos/videos as one album; the caption on the first item is shown for the album. */
async function mediaGroupForm(chatId: string, items: MediaItem[], caption: string): Promise<FormData> {
  const form = new FormData();
  form.set('chat_id', chatId);
  const media = items.map((item, index) => ({
    type: item.kind === 'VIDEO' ? 'video' : 'photo',
    media: `attach://file${index}`,
    ...(index === 0 && caption ? { caption } : {}),
  }));
  form.set('media', JSON.stringify(media));
  for (const [index, item] of items.entries()) form.set(`file${index}`, await fileOf(item), fileName(item, index));
  return form;
}

async function fileOf(item: MediaItem): Promise<Blob> {
  return new Blob([new Uint8Array(await item.read())], { type: item.mimeType });
}

function fileName(item: MediaItem, index: number): string {
  const extension = item.mimeType.split('/')[1]?.replace(/[^a-z0-9]/gi, '') || 'bin';
  return `media${index}.${extension}`;
}

/** Public channels and groups have t.me links; private supergroups/channels have t.me/c links for members. */
function messageUrl(message: TelegramMessage): string | null {
  if (message.chat.username) return `https://t.me/${message.chat.username}/${message.message_id}`;
  const id = String(message.chat.id);
  if (id.startsWith('-100')) return `https://t.me/c/${id.slice(4)}/${message.message_id}`;
  return null;
}
