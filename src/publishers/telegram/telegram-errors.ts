import { PublishError } from '../publish-error';
import { firstText, unexpectedReason } from '../platform-reason';

/** The Bot API's error envelope: {ok:false, error_code, description, parameters}. */
export interface TelegramErrorBody {
  ok?: false;
  error_code?: number;
  description?: string;
  parameters?: { retry_after?: number; migrate_to_chat_id?: number };
}

/**
 * Problems of the connection between the bot and the chat, not of one post: the bot token is
 * revoked (401), the token is malformed (404), the bot was removed (403), the chat does not exist
 * for this bot, or the bot lost its right to post. An admin must fix them on Telegram, so they are
 * AUTH (account -> NEEDS_RECONNECT, targets wait) rather than PERMANENT (every post failing).
 */
const ACCOUNT_PROBLEMS = [
  /chat not found/i,
  /not enough rights/i,
  /need administrator rights/i,
  /bot is not a member/i,
  /bot was kicked/i,
  /have no rights/i,
];

export function telegramError(status: number, body: unknown): PublishError {
  const envelope = (typeof body === 'object' && body !== null ? body : {}) as TelegramErrorBody;
  const code = envelope.error_code ?? status;
  const description = firstText(envelope.description) ?? unexpectedReason('Telegram', status, body);
  const options = { httpStatus: status };
  if (code === 429) {
    const seconds = envelope.parameters?.retry_after;
    return PublishError.notSent('telegram.429', description, {
      ...options,
      rateLimited: true,
      retryAfterMs: typeof seconds === 'number' ? seconds * 1000 : undefined,
    });
  }
  if (code === 401 || code === 403 || code === 404) return PublishError.auth(`telegram.${code}`, description, options);
  if (code === 400 && envelope.parameters?.migrate_to_chat_id !== undefined) {
    return PublishError.auth(
      'telegram.chat_migrated',
      `${description} (new chat id ${envelope.parameters.migrate_to_chat_id})`,
      options,
    );
  }
  if (ACCOUNT_PROBLEMS.some((pattern) => pattern.test(description)))
    return PublishError.auth(`telegram.${code}`, description, options);
  if (code >= 500) return PublishError.ambiguous(`telegram.${code}`, description, options);
  return PublishError.permanent(`telegram.${code}`, description, options);
}
