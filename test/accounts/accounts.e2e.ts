import { execFileSync } from 'node:child_process';
import { AccountCredentialsStore } from '../../src/core/credentials';
import { SecretDecryptionError } from '../../src/core/crypto';
import { BlueskyContract } from '../contracts/bluesky/bluesky-contract';
import { TelegramContract } from '../contracts/telegram/telegram-contract';
import { WordpressContract } from '../contracts/wordpress/wordpress-contract';
import { bearer, createWorkspace, type FixtureWorkspace } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/test-app';
import { TEST_DATABASE_URL } from '../support/test-config';
import { deliveryTo } from './account-fixtures';

const BOT_TOKEN = '123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsawX';
const NEW_BOT_TOKEN = '123456789:BBHdqTcvCH1vGWJxfSeofSAs0K5PALDsawY';
const BSKY_PASSWORD = 'abcd-efgh-ijkl-mnop';
const WP_PASSWORD = 'AbCd EfGh IjKl MnOp QrSt UvWx';
const WEBHOOK_SECRET = 'webhook-secret-0123456789-abcdef';

describe('connected accounts API', () => {
  let t: TestApp;
  let ws: FixtureWorkspace;
  let telegram: TelegramContract;
  let bluesky: BlueskyContract;
  let wordpress: WordpressContract;
  const base = () => `/workspaces/${ws.slug}/accounts`;
  const admin = () => bearer(ws.users.ADMIN);

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
    bluesky = await new BlueskyContract().start();
    bluesky.addAccount({ did: 'did:plc:kspi123', handle: 'kspi.bsky.social', appPassword: BSKY_PASSWORD });
    wordpress = await new WordpressContract().start();
    wordpress.users.push({ id: 7, username: 'redaksi', name: 'Redaksi', appPassword: WP_PASSWORD, canPublish: true });
    t = await startTestApp({ config: { TELEGRAM_API_URL: telegram.baseUrl, PUBLISH_TIMEOUT_MS: '3000' } });
    ws = await createWorkspace(t.prisma);
  });
  afterAll(async () => {
    await t.close();
    await Promise.all([telegram.stop(), bluesky.stop(), wordpress.stop()]);
  });

  const connect = (body: object) => t.http().post(base()).set(admin()).send(body);

  it('connects Telegram, Bluesky, WordPress, webhook and feed with forms, verified with each platform', async () => {
    const tg = await connect({ platform: 'TELEGRAM', botToken: BOT_TOKEN, chatId: '@serikat_kita' }).expect(201);
    expect(tg.body).toMatchObject({
      platform: 'TELEGRAM',
      displayName: 'Serikat Kita',
      handle: '@serikat_kita',
      externalId: '-1001234567890',
      status: 'ACTIVE',
      hasCredentials: true,
    });
    expect(tg.body.settings).toMatchObject({ chatType: 'channel', botUsername: 'gaung_bot' });

    const bs = await connect({
      platform: 'BLUESKY',
      identifier: 'kspi.bsky.social',
      appPassword: BSKY_PASSWORD,
      serviceUrl: bluesky.baseUrl,
      postingSlots: [{ weekday: 1, time: '09:00' }],
    }).expect(201);
    expect(bs.body).toMatchObject({
      platform: 'BLUESKY',
      externalId: 'did:plc:kspi123',
      handle: 'kspi.bsky.social',
      baseUrl: bluesky.baseUrl,
      postingSlots: [{ weekday: 1, time: '09:00' }],
    });

    const wp = await connect({
      platform: 'WORDPRESS',
      siteUrl: `${wordpress.baseUrl}/`,
      username: 'redaksi',
      applicationPassword: WP_PASSWORD,
      displayName: 'Situs Berita',
    }).expect(201);
    expect(wp.body).toMatchObject({
      platform: 'WORDPRESS',
      displayName: 'Situs Berita',
      baseUrl: wordpress.baseUrl,
      externalId: '7',
    });

    const given = await connect({ platform: 'WEBHOOK', url: 'http://127.0.0.1:9/hook', secret: WEBHOOK_SECRET }).expect(
      201,
    );
    expect(given.body.secret).toBeUndefined();
    const generated = await connect({ platform: 'WEBHOOK', url: 'http://127.0.0.1:9/other' }).expect(201);
    expect(generated.body.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    // The same receiver twice is one channel (docs/accounts.md): 409, nothing written.
    for (const url of ['http://127.0.0.1:9/hook', 'HTTP://127.0.0.1:9/hook', 'http://127.0.0.1:9/hook#x']) {
      const again = await connect({ platform: 'WEBHOOK', url }).expect(409);
      expect(again.body.error.code).toBe('already_connected');
    }

    const feed = await connect({ platform: 'FEED', handle: 'berita-kspi' }).expect(201);
    expect(feed.body).toMatchObject({ platform: 'FEED', hasCredentials: false, externalId: feed.body.id });

    const audit = await t.prisma.auditEvent.findMany({ where: { workspaceId: ws.id, action: 'account.connected' } });
    expect(audit).toHaveLength(6);
    expect(JSON.stringify(audit.map((event) => event.summary))).not.toContain(BOT_TOKEN);

    // The generated secret is shown once and only once: never again in a read.
    const list = await t.http().get(base()).set(bearer(ws.users.VIEWER)).expect(200);
    expect(list.body.accounts).toHaveLength(6);
    const readable =
      JSON.stringify(list.body) +
      JSON.stringify(
        (await t.http().get(`${base()}/${generated.body.id}`).set(bearer(ws.users.VIEWER)).expect(200)).body,
      );
    for (const secret of [BOT_TOKEN, BSKY_PASSWORD, WP_PASSWORD, WEBHOOK_SECRET, generated.body.secret as string])
      expect(readable).not.toContain(secret);
    expect(readable).not.toMatch(/"credentials"|ciphertext|credentialsKeyId/i);
  });

  it('refuses credentials the platform rejects with its reason (422) and writes nothing', async () => {
    const before = {
      accounts: await t.prisma.connectedAccount.count({ where: { workspaceId: ws.id } }),
      audit: await t.prisma.auditEvent.count({ where: { workspaceId: ws.id } }),
    };
    const badToken = await connect({
      platform: 'TELEGRAM',
      botToken: '999999999:ZZHdqTcvCH1vGWJxfSeofSAs0K5PALDsawX',
      chatId: '@serikat_kita',
    }).expect(422);
    expect(badToken.body.error.code).toBe('verification_failed');
    expect(badToken.body.error.message).toMatch(/Platform menolak kredensial ini: .*Unauthorized/);
    expect(JSON.stringify(badToken.body)).not.toContain('999999999:ZZ');
    const badPassword = await connect({
      platform: 'WORDPRESS',
      siteUrl: wordpress.baseUrl,
      username: 'redaksi',
      applicationPassword: 'wrong wrong wrong',
    }).expect(422);
    expect(badPassword.body.error.message).toMatch(/password/i);
    await connect({
      platform: 'BLUESKY',
      identifier: 'kspi.bsky.social',
      appPassword: 'nope-nope-nope-nope',
      serviceUrl: bluesky.baseUrl,
    }).expect(422);
    const unreachable = await connect({
      platform: 'MASTODON',
      instanceUrl: 'http://127.0.0.1:9',
      accessToken: 'x',
    }).expect(422);
    expect(unreachable.body.error.code).toBe('platform_unreachable');
    await connect({ platform: 'TELEGRAM', botToken: BOT_TOKEN, chatId: '@serikat_kita' }).expect(409);
    await connect({ platform: 'X', accessToken: 'a' }).expect(400);
    expect({
      accounts: await t.prisma.connectedAccount.count({ where: { workspaceId: ws.id } }),
      audit: await t.prisma.auditEvent.count({ where: { workspaceId: ws.id } }),
    }).toEqual(before);
  });

  it('keeps credentials encrypted at rest, bound to their own row', async () => {
    const secrets = [BOT_TOKEN, BSKY_PASSWORD, WP_PASSWORD, WEBHOOK_SECRET];
    const rows = await t.prisma.$queryRaw<
      Array<{ row: string }>
    >`SELECT a::text AS row FROM "ConnectedAccount" a WHERE "workspaceId" = ${ws.id}::uuid`;
    expect(rows.length).toBeGreaterThanOrEqual(6);
    const asText = rows.map((r) => r.row).join('\n');
    // bytea is shown as hex in a text dump: look for the hex form too.
    for (const secret of secrets) {
      expect(asText).not.toContain(secret);
      expect(asText).not.toContain(Buffer.from(secret).toString('hex'));
    }
    const dump = execFileSync('pg_dump', ['--data-only', '--table="ConnectedAccount"', TEST_DATABASE_URL], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(dump).toContain(ws.id);
    for (const secret of secrets) expect(dump).not.toContain(secret);

    const store = t.app.get(AccountCredentialsStore);
    const tg = (await t.prisma.connectedAccount.findFirst({ where: { workspaceId: ws.id, platform: 'TELEGRAM' } }))!;
    const wp = (await t.prisma.connectedAccount.findFirst({ where: { workspaceId: ws.id, platform: 'WORDPRESS' } }))!;
    expect(store.open(tg)).toEqual({ botToken: BOT_TOKEN });
    // The Telegram ciphertext copied onto the WordPress row does not open there.
    await t.prisma.connectedAccount.update({
      where: { id: wp.id },
      data: { credentialsCiphertext: tg.credentialsCiphertext, credentialsKeyId: tg.credentialsKeyId },
    });
    const moved = (await t.prisma.connectedAccount.findUniqueOrThrow({ where: { id: wp.id } }))!;
    expect(() => store.open(moved)).toThrow(SecretDecryptionError);
    await t.prisma.connectedAccount.update({
      where: { id: wp.id },
      data: { credentialsCiphertext: wp.credentialsCiphertext, credentialsKeyId: wp.credentialsKeyId },
    });
    expect(store.open((await t.prisma.connectedAccount.findUniqueOrThrow({ where: { id: wp.id } }))!)).toMatchObject({
      username: 'redaksi',
    });
  });

  it('updates the name, posting slots and base URL; validates slots; finds the next free slot', async () => {
    const bs = (await t.prisma.connectedAccount.findFirst({ where: { workspaceId: ws.id, platform: 'BLUESKY' } }))!;
    await t
      .http()
      .patch(`${base()}/${bs.id}`)
      .set(admin())
      .send({ postingSlots: [{ weekday: 8, time: '25:00' }] })
      .expect(400);
    await t.http().patch(`${base()}/${bs.id}`).set(bearer(ws.users.COORDINATOR)).send({ displayName: 'x' }).expect(403);
    // Mondays and Wednesdays 09:00 WIB (02:00 UTC).
    const updated = await t
      .http()
      .patch(`${base()}/${bs.id}`)
      .set(admin())
      .send({
        displayName: 'KSPI di Bluesky',
        postingSlots: [
          { weekday: 1, time: '09:00' },
          { weekday: 3, time: '09:00' },
        ],
      })
      .expect(200);
    expect(updated.body).toMatchObject({
      displayName: 'KSPI di Bluesky',
      postingSlots: [
        { weekday: 1, time: '09:00' },
        { weekday: 3, time: '09:00' },
      ],
    });
    const after = '2027-03-01T00:00:00Z'; // a Monday
    const first = await t
      .http()
      .get(`${base()}/${bs.id}/next-slot`)
      .query({ after })
      .set(bearer(ws.users.VIEWER))
      .expect(200);
    expect(first.body).toMatchObject({ slot: '2027-03-01T02:00:00.000Z', timeZone: 'Asia/Jakarta' });
    await t.prisma.post.create({
      data: {
        workspaceId: ws.id,
        authorId: ws.users.EDITOR.id,
        baseText: 'Sudah terjadwal',
        status: 'APPROVED',
        approvedVersion: 1,
        scheduledAt: new Date('2027-03-01T02:00:00Z'),
        targets: {
          create: { workspaceId: ws.id, accountId: bs.id, state: 'SCHEDULED', dueAt: new Date('2027-03-01T02:00:00Z') },
        },
      },
    });
    const next = await t
      .http()
      .get(`${base()}/${bs.id}/next-slot`)
      .query({ after })
      .set(bearer(ws.users.VIEWER))
      .expect(200);
    expect(next.body.slot).toBe('2027-03-03T02:00:00.000Z');
    expect(await t.prisma.auditEvent.count({ where: { subjectId: bs.id, action: 'account.updated' } })).toBe(1);
  });

  it('disconnect wipes credentials and cancels every delivery not yet made, in one audited step', async () => {
    const tg = (await t.prisma.connectedAccount.findFirst({ where: { workspaceId: ws.id, platform: 'TELEGRAM' } }))!;
    const pending = await deliveryTo(t.prisma, ws, tg.id, 'PENDING');
    const scheduled = await deliveryTo(t.prisma, ws, tg.id, 'SCHEDULED');
    const held = await deliveryTo(t.prisma, ws, tg.id, 'HELD');
    const published = await deliveryTo(t.prisma, ws, tg.id, 'PUBLISHED', -3600_000);
    await t.http().post(`${base()}/${tg.id}/disconnect`).set(bearer(ws.users.COORDINATOR)).expect(403);
    // The confirmation lists exactly what the disconnect will cancel, soonest first.
    await t.http().get(`${base()}/${tg.id}/pending-deliveries`).set(bearer(ws.users.COORDINATOR)).expect(403);
    const preview = await t.http().get(`${base()}/${tg.id}/pending-deliveries`).set(admin()).expect(200);
    expect(preview.body.deliveries.map((d: { targetId: string }) => d.targetId).sort()).toEqual(
      [pending.id, scheduled.id, held.id].sort(),
    );
    expect(preview.body.deliveries[0]).toMatchObject({
      postId: expect.any(String),
      excerpt: expect.stringMatching(/^Aksi buruh /),
      scheduledAt: expect.any(String),
    });
    const res = await t.http().post(`${base()}/${tg.id}/disconnect`).set(admin()).expect(200);
    expect(res.body).toMatchObject({ status: 'DISABLED', hasCredentials: false, cancelledDeliveries: 3 });
    const row = await t.prisma.connectedAccount.findUniqueOrThrow({ where: { id: tg.id } });
    expect(row).toMatchObject({ status: 'DISABLED', credentialsCiphertext: null, credentialsKeyId: null });
    expect(row.disconnectedAt).toBeInstanceOf(Date);
    const states = await t.prisma.postTarget.findMany({
      where: { id: { in: [pending.id, scheduled.id, held.id, published.id] } },
    });
    expect(Object.fromEntries(states.map((s) => [s.id, s.state]))).toEqual({
      [pending.id]: 'CANCELLED',
      [scheduled.id]: 'CANCELLED',
      [held.id]: 'CANCELLED',
      [published.id]: 'PUBLISHED',
    });
    expect(
      await t.prisma.auditEvent.count({
        where: {
          workspaceId: ws.id,
          action: 'target.cancelled',
          subjectId: { in: [pending.id, scheduled.id, held.id] },
        },
      }),
    ).toBe(3);
    expect(await t.prisma.auditEvent.count({ where: { subjectId: tg.id, action: 'account.disconnected' } })).toBe(1);
    await t.http().post(`${base()}/${tg.id}/disconnect`).set(admin()).expect(409);
    expect(
      (await t.http().get(base()).set(admin()).expect(200)).body.accounts.map((a: { id: string }) => a.id),
    ).not.toContain(tg.id);
    expect(
      (await t.http().get(base()).query({ include: 'all' }).set(admin()).expect(200)).body.accounts.map(
        (a: { id: string }) => a.id,
      ),
    ).toContain(tg.id);
  });

  it('reconnect verifies new credentials, brings NEEDS_RECONNECT back to ACTIVE and resumes parked deliveries', async () => {
    telegram.validTokens.add(NEW_BOT_TOKEN);
    telegram.addChat({
      id: -1005555555555,
      type: 'channel',
      title: 'Aksi Buruh',
      username: 'aksi_buruh',
      bot: 'administrator',
    });
    const created = await connect({ platform: 'TELEGRAM', botToken: BOT_TOKEN, chatId: '@aksi_buruh' }).expect(201);
    const id = created.body.id as string;
    await t.prisma.connectedAccount.update({
      where: { id },
      data: { status: 'NEEDS_RECONNECT', statusReason: 'Unauthorized' },
    });
    await t.prisma.notification.create({
      data: {
        workspaceId: ws.id,
        kind: 'ACCOUNT_NEEDS_RECONNECT',
        subjectType: 'ACCOUNT',
        subjectId: id,
        params: { account: 'x', reason: 'x' },
      },
    });
    const held = await deliveryTo(t.prisma, ws, id, 'HELD');
    telegram.validTokens.delete(BOT_TOKEN);

    await t
      .http()
      .post(`${base()}/${id}/reconnect`)
      .set(admin())
      .send({ platform: 'TELEGRAM', botToken: BOT_TOKEN, chatId: '@aksi_buruh' })
      .expect(422);
    await t.http().post(`${base()}/${id}/reconnect`).set(admin()).send({ platform: 'FEED' }).expect(422);
    await t
      .http()
      .post(`${base()}/${id}/reconnect`)
      .set(admin())
      .send({ platform: 'TELEGRAM', botToken: NEW_BOT_TOKEN, chatId: '@serikat_kita' })
      .expect(422);
    expect((await t.prisma.postTarget.findUniqueOrThrow({ where: { id: held.id } })).state).toBe('HELD');

    const res = await t
      .http()
      .post(`${base()}/${id}/reconnect`)
      .set(admin())
      .send({ platform: 'TELEGRAM', botToken: NEW_BOT_TOKEN, chatId: '@aksi_buruh' })
      .expect(200);
    expect(res.body).toMatchObject({ id, status: 'ACTIVE', statusReason: null });
    const row = await t.prisma.connectedAccount.findUniqueOrThrow({ where: { id } });
    expect(t.app.get(AccountCredentialsStore).open(row)).toEqual({ botToken: NEW_BOT_TOKEN });
    expect((await t.prisma.postTarget.findUniqueOrThrow({ where: { id: held.id } })).state).toBe('SCHEDULED');
    expect(await t.prisma.notification.count({ where: { subjectId: id, resolvedAt: null } })).toBe(0);
    expect(await t.prisma.auditEvent.count({ where: { subjectId: id, action: 'account.reconnected' } })).toBe(1);
    telegram.validTokens.add(BOT_TOKEN);
  });

  it('two concurrent connects of the same account create one row', async () => {
    telegram.addChat({
      id: -1007777777777,
      type: 'channel',
      title: 'Serentak',
      username: 'serentak',
      bot: 'administrator',
    });
    const form = { platform: 'TELEGRAM', botToken: BOT_TOKEN, chatId: '@serentak' };
    const statuses = (await Promise.all([connect(form), connect(form), connect(form)])).map((res) => res.status).sort();
    expect(statuses).toEqual([201, 409, 409]);
    expect(await t.prisma.connectedAccount.count({ where: { workspaceId: ws.id, externalId: '-1007777777777' } })).toBe(
      1,
    );
  });
});
