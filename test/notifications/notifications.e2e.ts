import { verifySignature } from '../../src/core/crypto/webhook-signature';
import { Notifier } from '../../src/notifications/notifier';
import { ContractServer, sendJson } from '../contracts/contract-server';
import { bearer, createWorkspace, type FixtureWorkspace } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

describe('notifications and outgoing notification webhooks', () => {
  let t: TestApp;
  let ws: FixtureWorkspace;
  let receiver: ContractServer;

  beforeAll(async () => {
    t = await startTestApp({ roles: ['api', 'worker'] });
    ws = await createWorkspace(t.prisma);
    receiver = await new ContractServer()
      .route('POST', '/hook', (_req, res) => sendJson(res, 200, { ok: true }))
      .start();
  });
  afterAll(async () => {
    await t.close();
    await receiver.stop();
  });

  it("lists what needs attention, newest first, in the reader's language, and resolves it once", async () => {
    const failed = await t.prisma.notification.create({
      data: {
        workspaceId: ws.id,
        kind: 'TARGET_FAILED',
        subjectType: 'POST',
        subjectId: 'x',
        params: { post: 'Aksi', reason: '422 dari platform' },
      },
    });
    // A row from before codes and parameters keeps its stored text (the migration moved it to `legacy`).
    await t.prisma.notification.create({
      data: {
        workspaceId: ws.id,
        kind: 'TARGET_EXPIRED',
        subjectType: 'POST',
        subjectId: 'x',
        params: { legacy: 'Kedaluwarsa / Expired' },
      },
    });
    // News for named people (a comment) is theirs only: not in the workspace's shared list.
    await t.prisma.notification.create({
      data: {
        workspaceId: ws.id,
        kind: 'POST_COMMENTED',
        subjectType: 'POST',
        subjectId: 'x',
        params: { actor: 'A', post: 'P', comment: 'rahasia' },
      },
    });
    const open = await t.http().get(`/workspaces/${ws.slug}/notifications`).set(bearer(ws.users.VIEWER)).expect(200);
    expect(open.body.notifications.map((n: { message: string }) => n.message)).toEqual([
      'Kedaluwarsa / Expired',
      '"Aksi" gagal diterbitkan: 422 dari platform',
    ]);
    await t.prisma.user.update({ where: { id: ws.users.VIEWER.id }, data: { locale: 'en' } });
    const english = await t.http().get(`/workspaces/${ws.slug}/notifications`).set(bearer(ws.users.VIEWER)).expect(200);
    expect(english.body.notifications[1].message).toBe('"Aksi" failed to publish: 422 dari platform');
    const onlyFailed = await t
      .http()
      .get(`/workspaces/${ws.slug}/notifications?kind=TARGET_FAILED`)
      .set(bearer(ws.users.VIEWER))
      .expect(200);
    expect(onlyFailed.body.notifications).toHaveLength(1);
    await t
      .http()
      .post(`/workspaces/${ws.slug}/notifications/${failed.id}/resolve`)
      .set(bearer(ws.users.VIEWER))
      .expect(403);
    await t
      .http()
      .post(`/workspaces/${ws.slug}/notifications/${failed.id}/resolve`)
      .set(bearer(ws.users.EDITOR))
      .expect(204);
    await t
      .http()
      .post(`/workspaces/${ws.slug}/notifications/${failed.id}/resolve`)
      .set(bearer(ws.users.EDITOR))
      .expect(409);
    const after = await t.http().get(`/workspaces/${ws.slug}/notifications`).set(bearer(ws.users.VIEWER)).expect(200);
    expect(after.body.notifications.map((n: { message: string }) => n.message)).toEqual(['Kedaluwarsa / Expired']);
  });

  it('adds a webhook whose secret is shown once, stored sealed, and signs deliveries with it', async () => {
    const admin = bearer(ws.users.ADMIN);
    await t
      .http()
      .post(`/workspaces/${ws.slug}/webhooks`)
      .set(admin)
      .send({ url: 'ftp://example.test/x', events: ['TARGET_FAILED'] })
      .expect(400);
    await t
      .http()
      .post(`/workspaces/${ws.slug}/webhooks`)
      .set(admin)
      .send({ url: `${receiver.baseUrl}/hook`, events: ['NOPE'] })
      .expect(400);
    // People's review events are in the app only; webhooks carry what the engine and account checks find.
    await t
      .http()
      .post(`/workspaces/${ws.slug}/webhooks`)
      .set(admin)
      .send({ url: `${receiver.baseUrl}/hook`, events: ['POST_SUBMITTED'] })
      .expect(400);
    await t
      .http()
      .post(`/workspaces/${ws.slug}/webhooks`)
      .set(bearer(ws.users.COORDINATOR))
      .send({ url: `${receiver.baseUrl}/hook`, events: ['TARGET_FAILED'] })
      .expect(403);
    const created = await t
      .http()
      .post(`/workspaces/${ws.slug}/webhooks`)
      .set(admin)
      .send({ url: `${receiver.baseUrl}/hook`, events: ['TARGET_FAILED'] })
      .expect(201);
    const secret: string = created.body.secret;
    expect(secret).toMatch(/^whsec_/);
    const row = await t.prisma.webhookEndpoint.findUniqueOrThrow({ where: { id: created.body.id } });
    expect(Buffer.from(row.secretCiphertext).toString('latin1')).not.toContain(secret);
    const listed = await t.http().get(`/workspaces/${ws.slug}/webhooks`).set(admin).expect(200);
    expect(JSON.stringify(listed.body)).not.toContain(secret);

    const notifier = t.app.get(Notifier);
    const id = await t.prisma.$transaction((tx) =>
      notifier.record(tx, {
        workspaceId: ws.id,
        kind: 'TARGET_FAILED',
        subject: { type: 'POST', id: 'abc' },
        params: { post: 'Aksi', reason: '422 dari platform' },
        audiences: [],
      }),
    );
    await notifier.dispatch([id]);
    for (let i = 0; i < 100 && receiver.requests.length === 0; i++) await new Promise((r) => setTimeout(r, 100));
    expect(receiver.requests).toHaveLength(1);
    const delivery = receiver.requests[0]!;
    expect(verifySignature(secret, delivery.body.toString('utf8'), String(delivery.headers['x-gaung-signature']))).toBe(
      true,
    );
    expect(JSON.parse(delivery.body.toString('utf8'))).toMatchObject({
      event: 'TARGET_FAILED',
      params: { reason: '422 dari platform' },
      message: '"Aksi" gagal diterbitkan: 422 dari platform',
    });
    expect(
      verifySignature('whsec_wrong', delivery.body.toString('utf8'), String(delivery.headers['x-gaung-signature'])),
    ).toBe(false);

    await t.http().delete(`/workspaces/${ws.slug}/webhooks/${created.body.id}`).set(admin).expect(204);
    await t.http().delete(`/workspaces/${ws.slug}/webhooks/${created.body.id}`).set(admin).expect(404);
  });
});
