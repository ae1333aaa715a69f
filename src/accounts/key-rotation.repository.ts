import type { PrismaClient } from '../core/database';

type Sealed = { keyId: string; ciphertext: Uint8Array<ArrayBuffer> };

/**
 * The sealed rows key rotation reads and re-seals. Built over a Prisma client rather than injected:
 * rotation runs from the command line (src/cli/rotate-keys.ts), outside the Nest app. The
 * workspace id is optional on purpose: the command rotates every workspace, tests one only.
 */
export class KeyRotationRepository {
  constructor(private readonly prisma: PrismaClient) {}

  /** Accounts with credentials, by id after `after`, `take` at a time. */
  sealedAccounts(workspaceId: string | undefined, after: string | undefined, take: number) {
    return this.prisma.connectedAccount.findMany({
      where: {
        ...(workspaceId ? { workspaceId } : {}),
        credentialsCiphertext: { not: null },
        ...(after ? { id: { gt: after } } : {}),
      },
      select: { id: true, workspaceId: true, credentialsCiphertext: true, credentialsKeyId: true },
      orderBy: { id: 'asc' },
      take,
    });
  }

  /** Writes the re-sealed credentials only if the row still holds what was read; false otherwise. */
  async resealAccount(
    row: {
      id: string;
      workspaceId: string;
      credentialsKeyId: string | null;
      credentialsCiphertext: Uint8Array<ArrayBuffer> | null;
    },
    next: Sealed,
  ): Promise<boolean> {
    const { count } = await this.prisma.connectedAccount.updateMany({
      where: {
        id: row.id,
        workspaceId: row.workspaceId,
        credentialsKeyId: row.credentialsKeyId,
        credentialsCiphertext: row.credentialsCiphertext,
      },
      data: { credentialsCiphertext: next.ciphertext, credentialsKeyId: next.keyId },
    });
    return count === 1;
  }

  /** Webhook endpoints, by id after `after`, `take` at a time. */
  webhooks(workspaceId: string | undefined, after: string | undefined, take: number) {
    return this.prisma.webhookEndpoint.findMany({
      where: { ...(workspaceId ? { workspaceId } : {}), ...(after ? { id: { gt: after } } : {}) },
      select: { id: true, workspaceId: true, secretCiphertext: true, secretKeyId: true },
      orderBy: { id: 'asc' },
      take,
    });
  }

  /** Writes the re-sealed secret only if the row still holds what was read; false otherwise. */
  async resealWebhook(
    row: { id: string; workspaceId: string; secretKeyId: string; secretCiphertext: Uint8Array<ArrayBuffer> },
    next: Sealed,
  ): Promise<boolean> {
    const { count } = await this.prisma.webhookEndpoint.updateMany({
      where: {
        id: row.id,
        workspaceId: row.workspaceId,
        secretKeyId: row.secretKeyId,
        secretCiphertext: row.secretCiphertext,
      },
      data: { secretCiphertext: next.ciphertext, secretKeyId: next.keyId },
    });
    return count === 1;
  }

  /**
   * One stored ciphertext under a key id, in any workspace (the key check at start-up proves the key
   * opens what the whole database holds): an account's credentials, else a webhook's secret, else a
   * bot's token (telegramBotSealedUnder).
   */
  sampleAccount(keyId: string) {
    return this.prisma.connectedAccount.findFirst({
      where: { credentialsKeyId: keyId, credentialsCiphertext: { not: null } },
      select: { id: true, workspaceId: true, credentialsCiphertext: true },
    });
  }

  sampleWebhook(keyId: string) {
    return this.prisma.webhookEndpoint.findFirst({
      where: { secretKeyId: keyId },
      select: { id: true, workspaceId: true, secretCiphertext: true },
    });
  }

  /** Every key id something is sealed under, across workspaces. */
  async keyIdsInUse(): Promise<string[]> {
    const accounts = await this.prisma.connectedAccount.findMany({
      where: { credentialsKeyId: { not: null } },
      distinct: ['credentialsKeyId'],
      select: { credentialsKeyId: true },
    });
    const webhooks = await this.prisma.webhookEndpoint.findMany({
      distinct: ['secretKeyId'],
      select: { secretKeyId: true },
    });
    const bots = await this.prisma.telegramBot.findMany({ distinct: ['tokenKeyId'], select: { tokenKeyId: true } });
    return [
      ...new Set([
        ...accounts.map((row) => row.credentialsKeyId!),
        ...webhooks.map((row) => row.secretKeyId),
        ...bots.map((row) => row.tokenKeyId),
      ]),
    ];
  }

  /** Workspaces' Telegram notification bots, by id after `after`, `take` at a time. */
  telegramBots(workspaceId: string | undefined, after: string | undefined, take: number) {
    return this.prisma.telegramBot.findMany({
      where: { ...(workspaceId ? { workspaceId } : {}), ...(after ? { id: { gt: after } } : {}) },
      select: { id: true, workspaceId: true, tokenCiphertext: true, tokenKeyId: true },
      orderBy: { id: 'asc' },
      take,
    });
  }

  /** Writes the re-sealed bot token only if the row still holds what was read; false otherwise. */
  async resealTelegramBot(
    row: { id: string; workspaceId: string; tokenKeyId: string; tokenCiphertext: Uint8Array<ArrayBuffer> },
    next: Sealed,
  ): Promise<boolean> {
    const { count } = await this.prisma.telegramBot.updateMany({
      where: {
        id: row.id,
        workspaceId: row.workspaceId,
        tokenKeyId: row.tokenKeyId,
        tokenCiphertext: row.tokenCiphertext,
      },
      data: { tokenCiphertext: next.ciphertext, tokenKeyId: next.keyId },
    });
    return count === 1;
  }

  /** One bot token sealed under this key id (the key check), or null. */
  telegramBotSealedUnder(keyId: string) {
    return this.prisma.telegramBot.findFirst({
      where: { tokenKeyId: keyId },
      select: { id: true, workspaceId: true, tokenCiphertext: true },
    });
  }
}
