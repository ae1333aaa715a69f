import type { AppConfig } from '../core/config';
import { SecretBox, verifyCredentialKeys, type SecretBinding, type StoredSample } from '../core/crypto';
import { openPrismaClient, type PrismaClient } from '../core/database';
import { AccountCredentialsStore } from '../core/credentials';
import { BotTokens } from '../notifications/telegram/bot-tokens';
import { KeyRotationRepository } from './key-rotation.repository';

/** What a webhook endpoint's secret is bound to (its ciphertext opens only in its own row). */
export function webhookBinding(row: { id: string; workspaceId: string }): SecretBinding {
  return { workspaceId: row.workspaceId, subject: `webhook:${row.id}` };
}

/** One stored ciphertext under the key id (an account's credentials, else a webhook's secret, else a bot's token), if any. */
export function storedSample(prisma: PrismaClient): StoredSample {
  const stored = new KeyRotationRepository(prisma);
  return async (keyId) => {
    const account = await stored.sampleAccount(keyId);
    if (account)
      return {
        sealed: { keyId, ciphertext: new Uint8Array(account.credentialsCiphertext!) },
        binding: AccountCredentialsStore.binding(account),
      };
    const webhook = await stored.sampleWebhook(keyId);
    if (webhook)
      return {
        sealed: { keyId, ciphertext: new Uint8Array(webhook.secretCiphertext) },
        binding: webhookBinding(webhook),
      };
    const bot = await stored.telegramBotSealedUnder(keyId);
    return bot
      ? { sealed: { keyId, ciphertext: new Uint8Array(bot.tokenCiphertext) }, binding: BotTokens.binding(bot) }
      : null;
  };
}

/** Before the API or a worker starts: every configured key must open what is stored under its id (throws ConfigError). */
export async function checkKeysBeforeStart(config: AppConfig): Promise<void> {
  const prisma = openPrismaClient(config.DATABASE_URL);
  try {
    await verifyCredentialKeys(prisma, new SecretBox(config), storedSample(prisma));
  } finally {
    await prisma.$disconnect();
  }
}
