import { SecretBox } from '../../src/core/crypto';
import { PublisherRegistry, type Publisher } from '../../src/publishers';
import { PublishEngine } from '../../src/publishing';
import { WebhookContractServer } from '../contracts/webhook/webhook-contract-server';
import { overridePublisher, waitForState, WEBHOOK_SECRET } from '../publishing/engine-fixtures';
import { DateTime } from 'luxon';
import { bearer, createWorkspace, type FixtureUser, type FixtureWorkspace } from '../support/fixtures';
import { mailsTo } from '../support/outbox';
import { startTestApp, type TestApp } from '../support/test-app';

const OUT = ['PUBLISHED', 'FAILED', 'UNCONFIRMED', 'HELD', 'EXPIRED', 'CANCELLED'];

/**
 * Rapid response (issue 13, item 4): written by one person, released by a different coordinator or
 * admin, then published to every target at once through the normal engine.
 */
describe('rapid-response statements', () => {
  let t: TestApp;
  let receiver: WebhookContractServer;

  beforeAll(async () => {
    receiver = await new WebhookContractServer(WEBHOOK_SECRET).start();
    // One delivery at a time: the hold test below needs the second target to start after the first.
    t = await startTestApp({
      roles: ['api', 'worker'],
      config: { WORKER_CONCURRENCY: '1', PUBLISH_TIMEOUT_MS: '2000' },
    });
  });
  afterAll(async () => {
    await t?.close();
    await receiver?.stop();
  });

  /** A workspace (one member per role) with `count` WEBHOOK accounts at the contract server. */
  async function workspaceWithAccounts(count: number): Promise<{ ws: FixtureWorkspace; accountIds: string[] }> {
    const ws = await createWorkspace(t.prisma);
    const accountIds: string[] = [];
    for (let i = 0; i < count; i++) {
      const account = await t.prisma.connectedAccount.create({
        data: { workspaceId: ws.id, platform: 'WEBHOOK', displayName: `Kanal ${i + 1}`, baseUrl: receiver.url },
      });
      const sealed = t.app
        .get(SecretBox)
        .seal(JSON.stringify({ secret: WEBHOOK_SECRET }), { workspaceId: ws.id, subject: `account:${account.id}` });
      await t.prisma.connectedAccount.update({
        where: { id: account.id },
        data: { credentialsCiphertext: sealed.ciphertext, credentialsKeyId: sealed.keyId },
      });
      accountIds.push(account.id);
    }
    return { ws, accountIds };
  }

  const write = (
    ws: FixtureWorkspace,
    who: FixtureUser,
    accountIds: string[],
    text = 'Kami menolak PHK sepihak hari ini.',
  ) =>
    t
      .http()
      .post(`/workspaces/${ws.slug}/statements`)
      .set(bearer(who))
      .send({ baseText: text, targets: accountIds.map((accountId) => ({ accountId })) });
  const release = (ws: FixtureWorkspace, who: FixtureUser, id: string, version = 1) =>
    t.http().post(`/workspaces/${ws.slug}/statements/${id}/release`).set(bearer(who)).send({ version });
  const requestsFor = (targetId: string) =>
    receiver.requests.filter((r) => (r.json as { targetId?: string } | undefined)?.targetId === targetId).length;

  it('a single person cannot publish: the writer cannot release, even where self-approval is allowed, and nothing moves', async () => {
    const { ws, accountIds } = await workspaceWithAccounts(2);
    await t
      .http()
      .patch(`/workspaces/${ws.slug}`)
      .set(bearer(ws.users.ADMIN))
      .send({ allowSelfApproval: true })
      .expect(200);
    const written = await write(ws, ws.users.COORDINATOR, accountIds).expect(201);
    expect(written.body).toMatchObject({ statement: true, status: 'IN_REVIEW', publishNow: true, scheduledAt: null });
    expect(written.body.actions.approve).toBe(false);

    const refused = await release(ws, ws.users.COORDINATOR, written.body.id).expect(403);
    expect(refused.body.error.code).toBe('statement_needs_second_person');
    expect(refused.body.error.message).toContain('koordinator atau admin lain');
    // The ordinary approve route keeps the same rule.
    expect(
      (
        await t
          .http()
          .post(`/workspaces/${ws.slug}/posts/${written.body.id}/approve`)
          .set(bearer(ws.users.COORDINATOR))
          .send({ version: 1 })
          .expect(403)
      ).body.error.code,
    ).toBe('statement_needs_second_person');
    // An editor may write but never release.
    await release(ws, ws.users.EDITOR, written.body.id).expect(403);

    const stored = await t.prisma.post.findUniqueOrThrow({
      where: { id: written.body.id },
      include: { targets: true },
    });
    expect(stored).toMatchObject({ status: 'IN_REVIEW', approvedVersion: null });
    expect(stored.targets.map((target) => target.state)).toEqual(['PENDING', 'PENDING']);
    expect(
      await t.prisma.auditEvent.count({ where: { subjectId: written.body.id, action: 'statement.released' } }),
    ).toBe(0);

    // Another coordinator who edits it becomes a writer too: a third person releases.
    const edited = await t
      .http()
      .patch(`/workspaces/${ws.slug}/posts/${written.body.id}`)
      .set(bearer(ws.users.ADMIN))
      .send({ baseText: 'Kami menolak PHK sepihak.' })
      .expect(200);
    expect((await release(ws, ws.users.ADMIN, written.body.id, edited.body.version).expect(403)).body.error.code).toBe(
      'statement_needs_second_person',
    );
    // A statement gets no time.
    expect(
      (
        await t
          .http()
          .patch(`/workspaces/${ws.slug}/posts/${written.body.id}`)
          .set(bearer(ws.users.EDITOR))
          .send({ schedule: { at: new Date(Date.now() + 3600_000).toISOString(), zone: 'WIB' } })
          .expect(422)
      ).body.error.code,
    ).toBe('statement_has_no_time');
    await release(ws, ws.users.OWNER, written.body.id, edited.body.version).expect(200);
  });

  it('two people can: released by another coordinator, it publishes to every target once, audited, coordinators told it waits', async () => {
    const { ws, accountIds } = await workspaceWithAccounts(3);
    // The coordinator is in quiet hours: the statement's e-mail comes all the same (urgent).
    const now = DateTime.now().setZone('Asia/Jakarta');
    const quietHours = {
      from: now.minus({ hours: 1 }).toFormat('HH:mm'),
      until: now.plus({ hours: 2 }).toFormat('HH:mm'),
    };
    const defaults = (await t.http().get('/me/notification-preferences').set(bearer(ws.users.COORDINATOR)).expect(200))
      .body.emailKinds as string[];
    expect(defaults).toContain('STATEMENT_AWAITING_RELEASE');
    await t
      .http()
      .put('/me/notification-preferences')
      .set(bearer(ws.users.COORDINATOR))
      .send({ emailKinds: defaults, quietHours, digestHour: now.plus({ hours: 3 }).hour })
      .expect(200);
    const written = await write(ws, ws.users.EDITOR, accountIds).expect(201);
    const id = written.body.id as string;
    const [mail] = await mailsTo(t.config.MAIL_OUTBOX_DIR, ws.users.COORDINATOR.email);
    expect(mail!.text).toMatch(/^Subject: .*Pernyataan cepat dari .* menunggu dirilis ke 3 akun/m);
    expect(mail!.text).toContain(`Buka di Gaung: ${t.config.PUBLIC_BASE_URL}/app/${ws.slug}/statements`);

    // Coordinators+ are told it waits (the writer is not); the notification is urgent.
    const waiting = await t.prisma.notification.findFirstOrThrow({
      where: { subjectId: id, kind: 'STATEMENT_AWAITING_RELEASE' },
      include: { recipients: true },
    });
    expect(waiting.recipients.map((r) => r.userId).sort()).toEqual(
      [ws.users.COORDINATOR.id, ws.users.ADMIN.id, ws.users.OWNER.id].sort(),
    );
    const bell = await t
      .http()
      .get(`/workspaces/${ws.slug}/notifications/mine`)
      .set(bearer(ws.users.COORDINATOR))
      .expect(200);
    expect(bell.body.notifications[0].message).toMatch(/Pernyataan cepat dari .* menunggu dirilis ke 3 akun/);

    // Two coordinators press release at once: one wins, the other sees it is no longer waiting.
    const [first, second] = await Promise.all([release(ws, ws.users.COORDINATOR, id), release(ws, ws.users.ADMIN, id)]);
    expect([first.status, second.status].sort()).toEqual([200, 409]);
    const released = first.status === 200 ? first : second;
    expect(released.body.status).toBe('APPROVED');
    expect(
      released.body.targets.every((target: { state: string }) =>
        ['SCHEDULED', 'PUBLISHING', 'PUBLISHED'].includes(target.state),
      ),
    ).toBe(true);

    // Extra wake-ups for every target (as a lost-and-found sweeper or a retried job would make) change nothing.
    const engine = t.app.get(PublishEngine);
    const targets = await t.prisma.postTarget.findMany({ where: { postId: id } });
    await Promise.all(
      targets.flatMap((target) => [engine.run(target.id, target.version), engine.run(target.id, target.version)]),
    );
    for (const target of targets) expect((await waitForState(t.prisma, target.id, OUT)).state).toBe('PUBLISHED');
    for (const target of targets) expect(requestsFor(target.id)).toBe(1);
    expect(receiver.duplicates()).toEqual([]);

    // Progress as the page polls it: the statement list with every target's state.
    const list = await t.http().get(`/workspaces/${ws.slug}/statements`).set(bearer(ws.users.VIEWER)).expect(200);
    expect(list.body.posts.map((p: { id: string }) => p.id)).toEqual([id]);
    expect(list.body.posts[0].targets.map((target: { state: string }) => target.state)).toEqual([
      'PUBLISHED',
      'PUBLISHED',
      'PUBLISHED',
    ]);
    const actions = (await t.prisma.auditEvent.findMany({ where: { subjectId: id }, orderBy: { id: 'asc' } })).map(
      (e) => e.action,
    );
    expect(actions).toEqual(expect.arrayContaining(['post.created', 'statement.created', 'statement.released']));
  });

  it('a hold during the statement stops what is not yet out', async () => {
    const { ws, accountIds } = await workspaceWithAccounts(3);
    const written = await write(ws, ws.users.EDITOR, accountIds, 'Pernyataan: aksi dibatalkan?').expect(201);
    // The first delivery's platform call is where the crisis lands: the admin holds the workspace.
    const registry = t.app.get(PublisherRegistry);
    const webhook = registry.get('WEBHOOK');
    let held = false;
    const holding: Publisher = Object.assign(
      Object.create(Object.getPrototypeOf(webhook) as object) as Publisher,
      webhook,
      {
        publish: async (request: Parameters<Publisher['publish']>[0]) => {
          if (!held) {
            held = true;
            await t
              .http()
              .post(`/workspaces/${ws.slug}/hold`)
              .set(bearer(ws.users.ADMIN))
              .send({ reason: 'Tunggu klarifikasi' })
              .expect(200);
          }
          return webhook.publish(request);
        },
      },
    );
    overridePublisher(t, holding);
    try {
      await release(ws, ws.users.COORDINATOR, written.body.id).expect(200);
      const targets = await t.prisma.postTarget.findMany({
        where: { postId: written.body.id },
        orderBy: { position: 'asc' },
      });
      const states = await Promise.all(
        targets.map(async (target) => (await waitForState(t.prisma, target.id, OUT)).state),
      );
      // The one already at the platform went out; the other two are HELD, never sent.
      expect(states.filter((s) => s === 'PUBLISHED')).toHaveLength(1);
      expect(states.filter((s) => s === 'HELD')).toHaveLength(2);
      for (const [i, target] of targets.entries())
        expect(requestsFor(target.id)).toBe(states[i] === 'PUBLISHED' ? 1 : 0);
    } finally {
      overridePublisher(t, webhook);
    }
  });

  it('refuses content problems before anything is written, and answers 404 for another workspace', async () => {
    const { ws, accountIds } = await workspaceWithAccounts(1);
    const x = await t.prisma.connectedAccount.create({
      data: { workspaceId: ws.id, platform: 'X', displayName: 'X serikat' },
    });
    const before = await t.prisma.post.count({ where: { workspaceId: ws.id } });
    const tooLong = await write(ws, ws.users.EDITOR, [x.id], 'Solidaritas! '.repeat(40)).expect(422);
    expect(tooLong.body.error.code).toBe('content_issues');
    expect(await t.prisma.post.count({ where: { workspaceId: ws.id } })).toBe(before);
    await t
      .http()
      .post(`/workspaces/${ws.slug}/statements`)
      .set(bearer(ws.users.EDITOR))
      .send({ baseText: 'x', targets: [{ accountId: accountIds[0] }], schedule: { at: '2030-01-01T00:00:00Z' } })
      .expect(400);
    const other = await workspaceWithAccounts(1);
    const theirs = await write(other.ws, other.ws.users.EDITOR, other.accountIds).expect(201);
    await release(ws, ws.users.ADMIN, theirs.body.id).expect(404);
  });
});
