import { randomInt, randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { AccountCredentialsStore } from '../../src/core/credentials';
import {
  ACCOUNT_HEALTH_JOB,
  ACCOUNT_HEALTH_SCHEDULER_ID,
  AccountHealthScheduler,
} from '../../src/accounts/health/account-health.scheduler';
import { AccountHealthService, type HealthReport } from '../../src/accounts/health/account-health.service';
import { AccountHealthRepository } from '../../src/accounts/health/account-health.repository';
import { rotateKeys } from '../../src/accounts/key-rotation';
import { AuditService } from '../../src/core/audit';
import { APP_CONFIG, type AppConfig } from '../../src/core/config';
import { SecretBox } from '../../src/core/crypto';
import type { Platform } from '../../src/core/database';
import { MAINTENANCE_QUEUE } from '../../src/core/queue';
import { PublisherRegistry } from '../../src/publishers';
import { MaintenanceTasks } from '../../src/publishing';
import { Notifier } from '../../src/notifications/notifier';
import { BotTokens } from '../../src/notifications/telegram/bot-tokens';
import { TelegramContract } from '../contracts/telegram/telegram-contract';
import { XContract } from '../contracts/x/x-contract';
import { createWorkspace, type FixtureWorkspace } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/test-app';
import { TEST_CREDENTIAL_KEY, testConfig } from '../support/test-config';

const BOT_TOKEN = '123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsawX';
const REVOKED_TOKEN = '123456789:REVOKEDcvCH1vGWJxfSeofSAs0K5PALDsawX';
const NEW_KEY = Buffer.alloc(32, 9).toString('base64');

describe('account health and key rotation', () => {
  let t: TestApp;
  let ws: FixtureWorkspace;
  let telegram: TelegramContract;
  let x: XContract;
  let store: AccountCredentialsStore;
  let health: AccountHealthService;

  beforeAll(async () => {
    telegram = await new TelegramContract().start();
    telegram.validTokens.add(BOT_TOKEN);
    telegram.addChat({
      id: -1001234567890,
      type: 'channel',
      title: 'Serikat Kita',
      username: 'serikat_kita',
      bot: 'administrator',
    });
    x = await new XContract().start();
    t = await startTestApp({
      config: { TELEGRAM_API_URL: telegram.baseUrl, X_API_URL: x.baseUrl, PUBLISH_TIMEOUT_MS: '2000' },
    });
    ws = await createWorkspace(t.prisma);
    store = t.app.get(AccountCredentialsStore);
    // The worker's service, built from the API app's parts (starting the worker role here would run
    // the scheduled job over every workspace of the shared test database).
    health = new AccountHealthService(
      t.app.get<AppConfig>(APP_CONFIG),
      t.prisma,
      t.app.get(PublisherRegistry),
      store,
      t.app.get(AuditService),
      t.app.get(Notifier, { strict: false }),
      new AccountHealthRepository(t.prisma),
    );
  });
  afterAll(async () => {
    await t.close();
    await Promise.all([telegram.stop(), x.stop()]);
  });

  async function account(
    platform: Platform,
    credentials: Record<string, unknown>,
    extra: { externalId?: string; baseUrl?: string; tokenExpiresAt?: Date; lastCheckedAt?: Date | null } = {},
  ) {
    const id = randomUUID();
    const sealed = store.seal({ id, workspaceId: ws.id }, credentials);
    return t.prisma.connectedAccount.create({
      data: {
        id,
        workspaceId: ws.id,
        platform,
        displayName: `${platform} ${id.slice(0, 4)}`,
        credentialsCiphertext: sealed.ciphertext,
        credentialsKeyId: sealed.keyId,
        lastCheckedAt: new Date(),
        ...extra,
      },
    });
  }

  it('refreshes a token that expires within 24 hours and stores the rotated refresh token', async () => {
    x.addUser({ id: '2244994945', name: 'KSPI', username: 'kspi' }, 'xat-old', 'xrt-old');
    const acc = await account(
      'X',
      {
        accessToken: 'xat-old',
        refreshToken: 'xrt-old',
        clientId: x.client.clientId,
        clientSecret: x.client.clientSecret,
      },
      { tokenExpiresAt: new Date(Date.now() + 3600_000) },
    );
    const later = await account(
      'X',
      { accessToken: 'xat-other', refreshToken: 'xrt-other', clientId: x.client.clientId },
      { tokenExpiresAt: new Date(Date.now() + 3 * 86_400_000) },
    );
    const report = await health.run(new Date(), { workspaceId: ws.id });
    expect(report).toMatchObject<Partial<HealthReport>>({ refreshed: 1, needsReconnect: 0 });
    const row = await t.prisma.connectedAccount.findUniqueOrThrow({ where: { id: acc.id } });
    const credentials = store.open(row);
    expect(credentials.accessToken).toMatch(/^xat-(?!old)/);
    expect(credentials.refreshToken).toMatch(/^xrt-(?!old)/);
    expect(x.refreshTokens.has('xrt-old')).toBe(false); // X rotated it: the new one had to be stored
    expect(x.refreshTokens.has(String(credentials.refreshToken))).toBe(true);
    expect(row.tokenExpiresAt!.getTime() - Date.now()).toBeGreaterThan(7000_000);
    expect(await t.prisma.auditEvent.count({ where: { subjectId: acc.id, action: 'account.token_refreshed' } })).toBe(
      1,
    );
    expect(store.open(await t.prisma.connectedAccount.findUniqueOrThrow({ where: { id: later.id } }))).toMatchObject({
      refreshToken: 'xrt-other',
    });
  });

  it('a daily check that the platform refuses puts the account in NEEDS_RECONNECT with one notification; others are only checked', async () => {
    const revoked = await account(
      'TELEGRAM',
      { botToken: REVOKED_TOKEN },
      { externalId: '@serikat_kita', lastCheckedAt: null },
    );
    const fine = await account(
      'TELEGRAM',
      { botToken: BOT_TOKEN },
      { externalId: '@serikat_kita', lastCheckedAt: new Date(Date.now() - 2 * 86_400_000) },
    );
    const unreachable = await account(
      'MASTODON',
      { accessToken: 'm' },
      { baseUrl: 'http://127.0.0.1:9', lastCheckedAt: null },
    );
    const report = await health.run(new Date(), { workspaceId: ws.id });
    expect(report.needsReconnect).toBe(1);
    expect(report.errors).toBe(1);
    const row = await t.prisma.connectedAccount.findUniqueOrThrow({ where: { id: revoked.id } });
    expect(row.status).toBe('NEEDS_RECONNECT');
    expect(row.statusReason).toMatch(/Unauthorized/);
    const notifications = await t.prisma.notification.findMany({
      where: { workspaceId: ws.id, kind: 'ACCOUNT_NEEDS_RECONNECT', subjectId: revoked.id },
    });
    expect(notifications).toHaveLength(1);
    expect(JSON.stringify(notifications[0]!.params)).not.toContain(REVOKED_TOKEN);
    expect(
      await t.prisma.auditEvent.count({ where: { subjectId: revoked.id, action: 'account.needs_reconnect' } }),
    ).toBe(1);
    expect(
      (await t.prisma.connectedAccount.findUniqueOrThrow({ where: { id: fine.id } })).lastCheckedAt!.getTime(),
    ).toBeGreaterThan(Date.now() - 60_000);
    expect((await t.prisma.connectedAccount.findUniqueOrThrow({ where: { id: unreachable.id } })).status).toBe(
      'ACTIVE',
    );
    await health.run(new Date(), { workspaceId: ws.id });
    expect(
      await t.prisma.notification.count({ where: { kind: 'ACCOUNT_NEEDS_RECONNECT', subjectId: revoked.id } }),
    ).toBe(1);
  });

  it('registers the hourly health job with the maintenance processor and its job scheduler', async () => {
    const tasks = new MaintenanceTasks();
    const config = testConfig();
    const queue = new Queue(MAINTENANCE_QUEUE, { connection: { url: config.REDIS_URL }, prefix: config.QUEUE_PREFIX });
    try {
      const scheduler = new AccountHealthScheduler(testConfig({ NODE_ENV: 'production' }), queue, tasks, health);
      scheduler.onModuleInit();
      expect(tasks.handler(ACCOUNT_HEALTH_JOB)).toBeDefined();
      await scheduler.onApplicationBootstrap();
      const job = await queue.getJobScheduler(ACCOUNT_HEALTH_SCHEDULER_ID);
      expect(job).toMatchObject({ name: ACCOUNT_HEALTH_JOB, every: 3600_000 });
      // Test apps (NODE_ENV=test) never schedule it: a run would touch other tests' accounts.
      await queue.removeJobScheduler(ACCOUNT_HEALTH_SCHEDULER_ID);
      await new AccountHealthScheduler(testConfig(), queue, tasks, health).onApplicationBootstrap();
      expect(await queue.getJobScheduler(ACCOUNT_HEALTH_SCHEDULER_ID)).toBeFalsy();
    } finally {
      await queue.obliterate({ force: true });
      await queue.close();
    }
  });

  it('rotation re-seals every credential and webhook secret under the new key, idempotently, and they still work', async () => {
    const webhookId = randomUUID();
    const oldBox = new SecretBox(t.config);
    const webhookSecret = oldBox.seal('webhook-signing-secret-123456', {
      workspaceId: ws.id,
      subject: `webhook:${webhookId}`,
    });
    await t.prisma.webhookEndpoint.create({
      data: {
        id: webhookId,
        workspaceId: ws.id,
        url: 'http://127.0.0.1:9/hook',
        secretCiphertext: webhookSecret.ciphertext,
        secretKeyId: webhookSecret.keyId,
        events: ['TARGET_FAILED'],
      },
    });
    const botId = randomUUID();
    const botToken = oldBox.seal('777000999:AAH-notification-bot-token-abcdefghijk', {
      workspaceId: ws.id,
      subject: `telegram-bot:${botId}`,
    });
    await t.prisma.telegramBot.create({
      data: {
        id: botId,
        workspaceId: ws.id,
        telegramBotId: randomInt(1, 2 ** 47),
        username: 'rotation_bot',
        tokenCiphertext: botToken.ciphertext,
        tokenKeyId: botToken.keyId,
      },
    });
    const working = await account('TELEGRAM', { botToken: BOT_TOKEN }, { externalId: '@serikat_kita' });
    const sealedRows = await t.prisma.connectedAccount.count({
      where: { workspaceId: ws.id, credentialsCiphertext: { not: null } },
    });
    expect(sealedRows).toBeGreaterThanOrEqual(5);

    const rotated = new SecretBox(testConfig({ CREDENTIAL_KEYS: `k2:${NEW_KEY},test1:${TEST_CREDENTIAL_KEY}` }));
    const lines: string[] = [];
    const report = await rotateKeys(t.prisma, rotated, {
      workspaceId: ws.id,
      batchSize: 2,
      progress: (line) => lines.push(line),
    });
    expect(report).toMatchObject({
      newestKeyId: 'k2',
      accounts: { resealed: sealedRows, current: 0, failed: 0 },
      webhooks: { resealed: 1, current: 0, failed: 0 },
      telegramBots: { resealed: 1, current: 0, failed: 0 },
      failedIds: [],
    });
    expect(lines.join('\n')).not.toContain(BOT_TOKEN);
    const rows = await t.prisma.connectedAccount.findMany({
      where: { workspaceId: ws.id, credentialsCiphertext: { not: null } },
    });
    expect(new Set(rows.map((r) => r.credentialsKeyId))).toEqual(new Set(['k2']));
    expect((await t.prisma.webhookEndpoint.findUniqueOrThrow({ where: { id: webhookId } })).secretKeyId).toBe('k2');
    expect((await t.prisma.telegramBot.findUniqueOrThrow({ where: { id: botId } })).tokenKeyId).toBe('k2');

    // Idempotent: nothing left to do.
    const again = await rotateKeys(t.prisma, rotated, { workspaceId: ws.id });
    expect(again.accounts).toEqual({ resealed: 0, current: sealedRows, failed: 0 });

    // The old key can now be dropped: an app with only the new key opens everything and the account still works.
    const t2 = await startTestApp({
      config: { CREDENTIAL_KEYS: `k2:${NEW_KEY}`, TELEGRAM_API_URL: telegram.baseUrl, PUBLISH_TIMEOUT_MS: '2000' },
    });
    try {
      const newStore = t2.app.get(AccountCredentialsStore);
      for (const row of rows) expect(() => newStore.open(row)).not.toThrow();
      const row = rows.find((r) => r.id === working.id)!;
      const identity = await t2.app
        .get(PublisherRegistry)
        .get('TELEGRAM')
        .verifyCredentials(
          {
            accountId: row.id,
            workspaceId: ws.id,
            platform: 'TELEGRAM',
            baseUrl: null,
            externalId: row.externalId,
            handle: null,
            settings: {},
            credentials: newStore.open(row),
          },
          AbortSignal.timeout(2000),
        );
      expect(identity.externalId).toBe('-1001234567890');
      const webhook = await t2.prisma.webhookEndpoint.findUniqueOrThrow({ where: { id: webhookId } });
      expect(
        new SecretBox(t2.config).open(
          { keyId: webhook.secretKeyId, ciphertext: new Uint8Array(webhook.secretCiphertext) },
          { workspaceId: ws.id, subject: `webhook:${webhookId}` },
        ),
      ).toBe('webhook-signing-secret-123456');
      expect(t2.app.get(BotTokens).open(await t2.prisma.telegramBot.findUniqueOrThrow({ where: { id: botId } }))).toBe(
        '777000999:AAH-notification-bot-token-abcdefghijk',
      );
    } finally {
      await t2.close();
    }
    // And the old app, which no longer has the key, refuses instead of guessing.
    expect(() => store.open(rows[0]!)).toThrow(/unknown key id k2/);
  });

  it('rotation reports rows no configured key opens, leaving them untouched', async () => {
    const other = await createWorkspace(t.prisma);
    const id = randomUUID();
    const foreign = new SecretBox(
      testConfig({ CREDENTIAL_KEYS: `lost:${Buffer.alloc(32, 3).toString('base64')}` }),
    ).seal('{"botToken":"x"}', { workspaceId: other.id, subject: `account:${id}` });
    await t.prisma.connectedAccount.create({
      data: {
        id,
        workspaceId: other.id,
        platform: 'TELEGRAM',
        displayName: 'lost',
        credentialsCiphertext: foreign.ciphertext,
        credentialsKeyId: foreign.keyId,
      },
    });
    const report = await rotateKeys(
      t.prisma,
      new SecretBox(testConfig({ CREDENTIAL_KEYS: `k2:${NEW_KEY},test1:${TEST_CREDENTIAL_KEY}` })),
      { workspaceId: other.id },
    );
    expect(report.accounts).toEqual({ resealed: 0, current: 0, failed: 1 });
    expect(report.failedIds).toEqual([`account:${id}`]);
    expect((await t.prisma.connectedAccount.findUniqueOrThrow({ where: { id } })).credentialsKeyId).toBe('lost');
  });
});
