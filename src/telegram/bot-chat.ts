import type { ReplyMarkup, TelegramBotApi, TelegramMessage } from '../notifications/telegram/bot-api';

/** One bot's side of a conversation while an update is handled: its token opened once, for these calls only. */
export class BotChat {
  constructor(
    private readonly api: TelegramBotApi,
    private readonly token: string,
  ) {}

  send(chatId: number, text: string, markup?: ReplyMarkup): Promise<TelegramMessage> {
    return this.api.sendMessage(this.token, chatId, text, markup);
  }

  async answer(callbackQueryId: string, text: string, alert = false): Promise<void> {
    await this.api.answerCallbackQuery(this.token, callbackQueryId, text, alert);
  }

  /** Rewrites a message (its buttons go: they have been used). */
  async edit(message: TelegramMessage, text: string): Promise<void> {
    await this.api.editMessageText(this.token, message.chat.id, message.message_id, text);
  }
}
