import { recordAudit, type AuditEntry } from '../../src/core/audit';
import { bearer, createWorkspace, type FixtureWorkspace } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

interface Page {
  events: Array<{
    id: string;
    action: string;
    actorId: string | null;
    actorName: string | null;
    subjectType: string | null;
    subjectId: string | null;
    postId: string | null;
    createdAt: string;
  }>;
  nextBefore: string | null;
}

describe('audit log API: who, what, when, keyset pages', () => {
  let t: TestApp;
  let ws: FixtureWorkspace;
  let account: { id: string };
  let target: { id: string; postId: string };
  const day = (d: number) => new Date(Date.UTC(2027, 4, d, 3));
  const get = (query: string, user = ws.users.ADMIN) =>
    t.http().get(`/workspaces/${ws.slug}/audit?${query}`).set(bearer(user));

  /** An entry as the audit writer records it (its typed shape), then dated for the "when" filter. */
  async function record(entry: Omit<AuditEntry, 'workspaceId'>, at: Date) {
    await t.prisma.$transaction((tx) => recordAudit(tx, { workspaceId: ws.id, ...entry }));
    await dateLatest(entry.action, at);
  }
  async function dateLatest(action: string, at: Date) {
    const latest = await t.prisma.auditEvent.findFirstOrThrow({
      where: { workspaceId: ws.id, action },
      orderBy: { id: 'desc' },
    });
    await t.prisma.auditEvent.update({ where: { id: latest.id }, data: { createdAt: at } });
  }
  const user = (who: { id: string }) => ({ userId: who.id, kind: 'user' as const });

  beforeAll(async () => {
    t = await startTestApp();
    ws = await createWorkspace(t.prisma);
    account = await t.prisma.connectedAccount.create({
      data: { workspaceId: ws.id, platform: 'FEED', displayName: 'feed' },
    });
    const post = await t.prisma.post.create({
      data: {
        workspaceId: ws.id,
        authorId: ws.users.EDITOR.id,
        baseText: 'Aksi',
        targets: { create: { workspaceId: ws.id, accountId: account.id, state: 'UNCONFIRMED' } },
      },
      include: { targets: true },
    });
    target = post.targets[0]!;
    await record(
      { actor: user(ws.users.EDITOR), action: 'post.created', subjectType: 'post', subjectId: post.id },
      day(1),
    );
    await record(
      { actor: user(ws.users.COORDINATOR), action: 'post.approved', subjectType: 'post', subjectId: post.id },
      day(2),
    );
    await record(
      {
        actor: user(ws.users.ADMIN),
        action: 'member.role_changed',
        subjectType: 'user',
        subjectId: ws.users.EDITOR.id,
      },
      day(3),
    );
    // A delivery's entry made by the real action (a coordinator confirms an unconfirmed delivery was published).
    await t
      .http()
      .post(`/workspaces/${ws.slug}/targets/${target.id}/confirm-published`)
      .set(bearer(ws.users.COORDINATOR))
      .send({ url: 'https://example.org/aksi' })
      .expect(204);
    await dateLatest('target.confirmed_published', day(4));
    await record(
      { actor: user(ws.users.COORDINATOR), action: 'campaign.held', subjectType: 'campaign', subjectId: 'c1' },
      day(5),
    );
  });
  afterAll(() => t.close());

  const ACTIONS = [
    'campaign.held',
    'target.confirmed_published',
    'member.role_changed',
    'post.approved',
    'post.created',
  ];

  it('names who acted, and filters by who, what and when', async () => {
    const all = (await get('limit=50').expect(200)).body as Page;
    const mine = all.events.filter((e) => ACTIONS.includes(e.action));
    expect(mine.map((e) => e.action)).toEqual(ACTIONS);
    const coordinator = await t.prisma.user.findUniqueOrThrow({ where: { id: ws.users.COORDINATOR.id } });
    expect(mine[0]).toMatchObject({ actorId: coordinator.id, actorName: coordinator.name, postId: null });
    // An entry about a delivery carries the delivery's post to link to.
    expect(mine[1]).toMatchObject({
      subjectType: 'target',
      subjectId: target.id,
      actorName: coordinator.name,
      postId: target.postId,
    });

    const byWho = (await get(`actorId=${ws.users.COORDINATOR.id}`).expect(200)).body as Page;
    expect(byWho.events.map((e) => e.action)).toEqual(['campaign.held', 'target.confirmed_published', 'post.approved']);
    const byWhat = (await get('action=post.*').expect(200)).body as Page;
    expect(byWhat.events.map((e) => e.action)).toEqual(['post.approved', 'post.created']);
    const byWhen = (await get(`from=${day(2).toISOString()}&to=${day(4).toISOString()}`).expect(200)).body as Page;
    expect(byWhen.events.map((e) => e.action)).toEqual(['member.role_changed', 'post.approved']);
  });

  it("answers each entry's subject as the writer's type: an account's change is about the account", async () => {
    await t
      .http()
      .patch(`/workspaces/${ws.slug}/accounts/${account.id}`)
      .set(bearer(ws.users.ADMIN))
      .send({ postingSlots: [{ weekday: 1, time: '09:00' }] })
      .expect(200);
    const page = (await get('action=account.*').expect(200)).body as Page;
    expect(page.events[0]).toMatchObject({ action: 'account.updated', subjectType: 'account', subjectId: account.id });
    // Subject types outside the writer's list are never invented (null only for a row the writer could not make).
    const all = (await get('limit=200').expect(200)).body as Page;
    expect(new Set(all.events.map((e) => e.subjectType))).toEqual(
      new Set(['account', 'campaign', 'post', 'target', 'user']),
    );
  });

  it('pages with ?before=, newest first, without gaps or repeats', async () => {
    const seen: string[] = [];
    let before: string | null = null;
    do {
      const page: Page = (await get(`limit=2${before ? `&before=${before}` : ''}`).expect(200)).body as Page;
      seen.push(...page.events.map((e) => e.action));
      before = page.nextBefore;
    } while (before);
    expect(seen.filter((action) => ACTIONS.includes(action))).toEqual(ACTIONS);
    expect(seen.length).toBe(
      new Set((await get('limit=200').expect(200)).body.events.map((e: { id: string }) => e.id)).size,
    );
  });

  it('is for admins; bad filters get a 400', async () => {
    await get('limit=5', ws.users.COORDINATOR).expect(403);
    await get('action=DROP TABLE').expect(400);
    await get('actorId=someone').expect(400);
  });
});
