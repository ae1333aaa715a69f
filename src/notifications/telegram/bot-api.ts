import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../core/config';
import { Egress } from '../../core/egress';

const CALL_TIMEOUT_MS = 10_000;

/** Telegram's answer {ok:false, error_code, description, parameters} (core.telegram.org/bots/api#making-requests). */
export class TelegramApiError extends Error {
  constructor(
    readonly status: number,
    readonly description: string,
    /** Flood control: seconds to wait (parameters.retry_after). */
    readonly retryAfterSeconds: number | null,
  ) {
    super(`Telegram ${status}: ${description}`);
    this.name = 'TelegramApiError';
  }

  /** Worth trying again later: flood control, Telegram's own trouble, or no answer at all (status 0). */
  get retryable(): boolean {
    return this.status === 0 || this.status === 429 || this.status >= 500;
  }
}

export interface TelegramUser {
  id: number;
  is_bot?: boolean;
  first_name?: string;
  username?: string;
  language_code?: string;
}

export interface TelegramMessage {
  message_id: number;
  chat: { id: number; type: string };
  from?: TelegramUser;
  text?: string;
  reply_to_message?: { message_id: number };
}

export interface TelegramUpdate {
  update_id: number;
  message?: TelegramMessage;
  callback_query?: { id: string; from: TelegramUser; message?: TelegramMessage; data?: string };
}

export interface InlineButton {
  text: string;
  callback_data: string;
}

export type ReplyMarkup =
  { inline_keyboard: InlineButton[][] } | { force_reply: true; input_field_placeholder?: string };

/**
 * The few Bot API methods the notification bot uses, through the guarded egress to TELEGRAM_API_URL.
 * The token sits in the URL, so errors carry Telegram's description only, never the request.
 */
@Injectable()
export class TelegramBotApi {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly egress: Egress,
  ) {}

  getMe(token: string): Promise<TelegramUser> {
    return this.call(token, 'getMe', {});
  }

  sendMessage(token: string, chatId: number | bigint, text: string, markup?: ReplyMarkup): Promise<TelegramMessage> {
    return this.call(token, 'sendMessage', {
      chat_id: Number(chatId),
      text: text.slice(0, 4096),
      link_preview_options: { is_disabled: true },
      ...(markup ? { reply_markup: markup } : {}),
    });
  }

  editMessageText(token: string, chatId: number | bigint, messageId: number, text: string): Promise<unknown> {
    // Without reply_markup the inline keyboard is removed: the buttons have been used.
    return this.call(token, 'editMessageText', {
      chat_id: Number(chatId),
      message_id: messageId,
      text: text.slice(0, 4096),
    });
  }

  answerCallbackQuery(token: string, callbackQueryId: string, text: string, showAlert = false): Promise<unknown> {
    return this.call(token, 'answerCallbackQuery', {
      callback_query_id: callbackQueryId,
      text: text.slice(0, 200),
      show_alert: showAlert,
    });
  }

  setWebhook(token: string, url: string, secretToken: string): Promise<unknown> {
    return this.call(token, 'setWebhook', {
      url,
      secret_token: secretToken,
      allowed_updates: ['message', 'callback_query'],
    });
  }

  deleteWebhook(token: string): Promise<unknown> {
    return this.call(token, 'deleteWebhook', {});
  }

  getUpdates(token: string, offset: number | null): Promise<TelegramUpdate[]> {
    return this.call(token, 'getUpdates', {
      ...(offset !== null ? { offset } : {}),
      timeout: 0,
      allowed_updates: ['message', 'callback_query'],
    });
  }

  private async call<T>(token: string, method: string, body: Record<string, unknown>): Promise<T> {
    const url = `${this.config.TELEGRAM_API_URL.replace(/\/+$/, '')}/bot${token}/${method}`;
    let response;
    try {
      response = await this.egress.request<{
        ok?: boolean;
        result?: T;
        description?: string;
        parameters?: { retry_after?: number };
      }>({
        method: 'POST',
        url,
        data: body,
        headers: { 'content-type': 'application/json' },
        timeout: CALL_TIMEOUT_MS,
      });
    } catch (error) {
      // The transport error may name the URL, and with it the token: keep its kind only.
      throw new TelegramApiError(0, error instanceof Error ? error.name : 'request failed', null);
    }
    const answer = typeof response.data === 'object' && response.data !== null ? response.data : {};
    if (response.status === 200 && answer.ok === true) return answer.result as T;
    throw new TelegramApiError(
      response.status,
      String(answer.description ?? `HTTP ${response.status}`).slice(0, 300),
      answer.parameters?.retry_after ?? null,
    );
  }
}
