import { DeliveryScheduler } from '../../src/publishing';
import { bearer, createWorkspace, type FixtureWorkspace } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

describe('people act on deliveries over HTTP: /workspaces/:workspace/targets/:targetId/...', () => {
  let t: TestApp;
  let ws: FixtureWorkspace;

  beforeAll(async () => {
    t = await startTestApp({ roles: ['api'] });
    ws = await createWorkspace(t.prisma);
  });
  afterAll(() => t.close());

  async function target(state: 'FAILED' | 'UNCONFIRMED' | 'PUBLISHED') {
    const account = await t.prisma.connectedAccount.create({
      data: { workspaceId: ws.id, platform: 'FEED', displayName: 'Umpan' },
    });
    const post = await t.prisma.post.create({
      data: {
        workspaceId: ws.id,
        authorId: ws.users.EDITOR.id,
        baseText: 'Hari buruh',
        scheduledAt: new Date(),
        status: 'APPROVED',
        approvedVersion: 1,
      },
    });
    return t.prisma.postTarget.create({
      data: {
        postId: post.id,
        workspaceId: ws.id,
        accountId: account.id,
        state,
        version: 1,
        dueAt: new Date(),
        attempts: 3,
      },
    });
  }
  const path = (id: string, action: string) => `/workspaces/${ws.slug}/targets/${id}/${action}`;

  it('confirm-published: coordinators only, a URL is required, then PUBLISHED and audited', async () => {
    const { id } = await target('UNCONFIRMED');
    await t
      .http()
      .post(path(id, 'confirm-published'))
      .set(bearer(ws.users.EDITOR))
      .send({ url: 'https://x.test/1' })
      .expect(403);
    await t
      .http()
      .post(path(id, 'confirm-published'))
      .set(bearer(ws.users.COORDINATOR))
      .send({ url: 'ftp://x.test/1' })
      .expect(400);
    await t
      .http()
      .post(path(id, 'confirm-published'))
      .set(bearer(ws.users.COORDINATOR))
      .send({ url: 'https://x.test/1', extra: 1 })
      .expect(400);
    await t
      .http()
      .post(path(id, 'confirm-published'))
      .set(bearer(ws.users.COORDINATOR))
      .send({ url: 'https://x.test/1' })
      .expect(204);
    const row = await t.prisma.postTarget.findUniqueOrThrow({ where: { id } });
    expect([row.state, row.externalUrl]).toEqual(['PUBLISHED', 'https://x.test/1']);
    const audit = await t.prisma.auditEvent.findFirstOrThrow({
      where: { subjectId: id, action: 'target.confirmed_published' },
    });
    expect([audit.actorId, audit.actorKind]).toEqual([ws.users.COORDINATOR.id, 'user']);
    expect(audit.requestId).toBeTruthy();
  });

  it('retry a FAILED delivery: SCHEDULED now with fresh attempts and a wake-up in the queue; 409 for other states', async () => {
    const failed = await target('FAILED');
    await t.http().post(path(failed.id, 'retry')).set(bearer(ws.users.COORDINATOR)).expect(204);
    const row = await t.prisma.postTarget.findUniqueOrThrow({ where: { id: failed.id } });
    expect([row.state, row.attempts]).toEqual(['SCHEDULED', 0]);
    expect(await t.app.get(DeliveryScheduler).hasLiveWakeUp(failed.id, 1, 0)).toBe(true);
    const published = await target('PUBLISHED');
    const refused = await t
      .http()
      .post(path(published.id, 'retry'))
      .set(bearer(ws.users.ADMIN))
      .set('accept-language', 'en')
      .expect(409);
    expect(refused.body.error.code).toBe('target_state');
  });

  it('publish-again an UNCONFIRMED delivery', async () => {
    const { id } = await target('UNCONFIRMED');
    await t.http().post(path(id, 'publish-again')).set(bearer(ws.users.OWNER)).expect(204);
    expect((await t.prisma.postTarget.findUniqueOrThrow({ where: { id } })).state).toBe('SCHEDULED');
  });

  it('a delivery of another workspace answers 404', async () => {
    const other = await createWorkspace(t.prisma);
    const { id } = await target('FAILED');
    await t.http().post(`/workspaces/${other.slug}/targets/${id}/retry`).set(bearer(other.users.OWNER)).expect(404);
  });
});
