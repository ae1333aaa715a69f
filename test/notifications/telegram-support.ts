import type { SentMessage, TelegramContract, TelegramPerson } from '../contracts/telegram/telegram-contract';
import { bearer } from '../support/fixtures';
import type { TestApp } from '../support/test-app';

export const BOT_TOKEN = '777000111:AAH-telegram-contract-token-abcdefghij';

/** Waits (up to 5 s) until a message the bot sent to this chat matches. */
export async function sentTo(
  telegram: TelegramContract,
  chatId: number,
  matches: (m: SentMessage) => boolean = () => true,
): Promise<SentMessage> {
  for (let i = 0; i < 200; i++) {
    const found = telegram.sent
      .filter((m) => m.chatId === chatId)
      .reverse()
      .find(matches);
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(
    `no message to chat ${chatId} matched; sent: ${JSON.stringify(telegram.sent.filter((m) => m.chatId === chatId).map((m) => m.text))}`,
  );
}

/** Posts an update to the app's webhook as Telegram does: to the URL given to setWebhook, with its secret header. */
export function deliver(
  t: TestApp,
  telegram: TelegramContract,
  update: object,
  secret = telegram.webhook?.secretToken ?? '',
) {
  const path = new URL(telegram.webhook!.url).pathname;
  return t.http().post(path).set('X-Telegram-Bot-Api-Secret-Token', secret).send(update);
}

/** A member's deep link token (POST .../telegram/link), as the URL the app shows. */
export async function deepLinkToken(t: TestApp, slug: string, user: { token: string }): Promise<string> {
  const res = await t.http().post(`/workspaces/${slug}/telegram/link`).set(bearer(user)).send({}).expect(201);
  const match = /^https:\/\/t\.me\/gaung_bot\?start=([A-Za-z0-9_-]{20,64})$/.exec(res.body.url);
  if (!match) throw new Error(`unexpected deep link ${res.body.url}`);
  return match[1]!;
}

// Telegram user ids of their own per test file (files share one database).
let nextPersonId = 91_000_000 + Math.floor(Math.random() * 1_000_000) * 100;
export function newPerson(name: string, language_code = 'id'): TelegramPerson {
  return { id: nextPersonId++, first_name: name, username: name.toLowerCase(), language_code };
}

/** Waits (up to 5 s) until the message's latest edit matches; answers that text. */
export async function editedTo(message: SentMessage, matches: RegExp): Promise<string> {
  for (let i = 0; i < 200; i++) {
    const latest = message.edits.at(-1);
    if (latest !== undefined && matches.test(latest)) return latest;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`message ${message.messageId} was not edited to ${matches}; edits: ${JSON.stringify(message.edits)}`);
}
