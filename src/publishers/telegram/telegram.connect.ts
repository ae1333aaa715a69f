import { z } from 'zod';
import { credentialForm, zHttpUrl, zSecret, type ConnectMethod } from '../connect-method';

/** A bot token and the chat to post in; a self-hosted Bot API server is optional. */
export const TELEGRAM_CONNECT: ConnectMethod = {
  platform: 'TELEGRAM',
  name: 'Telegram',
  form: credentialForm(
    {
      botToken: { schema: zSecret(200), secret: true },
      chatId: { schema: z.string().trim().min(1).max(100) },
      apiBaseUrl: { schema: zHttpUrl.optional(), advanced: true },
    },
    (form) => ({
      baseUrl: form.apiBaseUrl ?? null,
      externalId: form.chatId,
      handle: null,
      credentials: { botToken: form.botToken },
      revealedSecret: null,
    }),
  ),
};
