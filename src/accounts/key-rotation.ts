import { forgetUnusedKeyChecks, SecretDecryptionError, verifyCredentialKeys, type SecretBox } from '../core/crypto';
import type { PrismaClient } from '../core/database';
import { AccountCredentialsStore } from '../core/credentials';
import { BotTokens } from '../notifications/telegram/bot-tokens';
import { KeyRotationRepository } from './key-rotation.repository';
import { storedSample, webhookBinding } from './stored-keys';

export interface RotationCounts {
  /** Rows re-sealed under the newest key. */
  resealed: number;
  /** Rows already under the newest key. */
  current: number;
  /** Rows that could not be opened with any configured key (left untouched, listed by id). */
  failed: number;
}

export interface RotationReport {
  newestKeyId: string;
  accounts: RotationCounts;
  webhooks: RotationCounts;
  telegramBots: RotationCounts;
  failedIds: string[];
}

/**
 * Re-seals every connected account's credentials, every webhook endpoint's secret and every
 * Telegram notification bot's token under the
 * newest key (CREDENTIAL_KEYS' first entry), in batches of `batchSize` rows, each row updated only
 * if it still holds the ciphertext that was read (a concurrent refresh wins). Idempotent: a second
 * run finds everything current. Never logs or returns a secret. Refuses to start (ConfigError) when
 * a configured key does not open what is stored under its id; afterwards the check values of ids
 * nothing is sealed under any more are forgotten (docs/security.md).
 */
export async function rotateKeys(
  prisma: PrismaClient,
  box: SecretBox,
  options: { batchSize?: number; progress?: (line: string) => void; workspaceId?: string } = {},
): Promise<RotationReport> {
  const batchSize = options.batchSize ?? 200;
  // One workspace only when given (tests on a shared database); the CLI rotates everything.
  const rotation = new KeyRotationRepository(prisma);
  await verifyCredentialKeys(prisma, box, storedSample(prisma));
  const report: RotationReport = {
    newestKeyId: box.currentKeyId,
    accounts: counts(),
    webhooks: counts(),
    telegramBots: counts(),
    failedIds: [],
  };

  for (let after: string | undefined; ;) {
    const rows = await rotation.sealedAccounts(options.workspaceId, after, batchSize);
    if (rows.length === 0) break;
    for (const row of rows) {
      const sealed = { keyId: row.credentialsKeyId ?? '', ciphertext: new Uint8Array(row.credentialsCiphertext!) };
      await step(
        report,
        'accounts',
        row.id,
        () => box.reseal(sealed, AccountCredentialsStore.binding(row)),
        (next) => rotation.resealAccount(row, next),
      );
    }
    after = rows[rows.length - 1]!.id;
    options.progress?.(`accounts: ${JSON.stringify(report.accounts)}`);
  }

  for (let after: string | undefined; ;) {
    const rows = await rotation.webhooks(options.workspaceId, after, batchSize);
    if (rows.length === 0) break;
    for (const row of rows) {
      const sealed = { keyId: row.secretKeyId, ciphertext: new Uint8Array(row.secretCiphertext) };
      await step(
        report,
        'webhooks',
        row.id,
        () => box.reseal(sealed, webhookBinding(row)),
        (next) => rotation.resealWebhook(row, next),
      );
    }
    after = rows[rows.length - 1]!.id;
    options.progress?.(`webhooks: ${JSON.stringify(report.webhooks)}`);
  }

  for (let after: string | undefined; ;) {
    const rows = await rotation.telegramBots(options.workspaceId, after, batchSize);
    if (rows.length === 0) break;
    for (const row of rows) {
      const sealed = { keyId: row.tokenKeyId, ciphertext: new Uint8Array(row.tokenCiphertext) };
      await step(
        report,
        'telegramBots',
        row.id,
        () => box.reseal(sealed, BotTokens.binding(row)),
        (next) => rotation.resealTelegramBot(row, next),
      );
    }
    after = rows[rows.length - 1]!.id;
    options.progress?.(`telegram bots: ${JSON.stringify(report.telegramBots)}`);
  }
  await forgetUnusedKeyChecks(prisma, box, await rotation.keyIdsInUse());
  return report;
}

type Sealed = { keyId: string; ciphertext: Uint8Array<ArrayBuffer> };

const FAILED_PREFIX = { accounts: 'account', webhooks: 'webhook', telegramBots: 'telegram-bot' } as const;

async function step(
  report: RotationReport,
  kind: keyof typeof FAILED_PREFIX,
  id: string,
  reseal: () => Sealed | null,
  write: (next: Sealed) => Promise<boolean>,
): Promise<void> {
  let next: Sealed | null;
  try {
    next = reseal();
  } catch (error) {
    if (!(error instanceof SecretDecryptionError)) throw error;
    report[kind].failed++;
    report.failedIds.push(`${FAILED_PREFIX[kind]}:${id}`);
    return;
  }
  if (!next) {
    report[kind].current++;
    return;
  }
  // A row changed since it was read (refreshed, reconnected) was sealed by the new key already.
  if (await write(next)) report[kind].resealed++;
  else report[kind].current++;
}

function counts(): RotationCounts {
  return { resealed: 0, current: 0, failed: 0 };
}
