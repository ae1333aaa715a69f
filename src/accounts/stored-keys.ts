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
  return async (keyId) => {
    const account = await prisma.connectedAccount.findFirst({ where: { credentialsKeyId: keyId, credentialsCiphertext: { not: null } }, select: { id: true, workspaceId: true, credentialsCiphertext: true } });
    if (account) return { sealed: { keyId, ciphertext: new Uint8Array(account.credentialsCiphertext!) }, binding: AccountCredentialsStore.binding(account) };
    const webhook = await prisma.webhookEndpoint.findFirst({ where: { secretKeyId: keyId }, select: { id: true, workspaceId: true, secretCiphertext: true } });
    if (webhook) return { sealed: { keyId, ciphertext: new Uint8Array(webhook.secretCiphertext) }, binding: webhookBinding(webhook) };
    const bot = await new KeyRotationRepository(prisma).telegramBotSealedUnder(keyId);
    return bot ? { sealed: { keyId, ciphertext: new Uint8Array(bot.tokenCiphertext) }, binding: BotTokens.binding(bot) } : null;
  };
}

/** Every key id something is sealed under. */
export async function keyIdsInUse(prisma: PrismaClient): Promise<string[]> {
  const accounts = await prisma.connectedAccount.findMany({ where: { credentialsKeyId: { not: null } }, distinct: ['credentialsKeyId'], select: { credentialsKeyId: true } });
  const webhooks = await prisma.webhookEndpoint.findMany({ distinct: ['secretKeyId'], select: { secretKeyId: true } });
  const bots = await new KeyRotationRepository(prisma).telegramBotKeyIds();
  return [...new Set([...accounts.map((row) => row.credentialsKeyId!), ...webhooks.map((row) => row.secretKeyId), ...bots])];
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
