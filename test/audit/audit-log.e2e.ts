import { bearer, createWorkspace, type FixtureWorkspace } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

interface Page {
  events: Array<{
    id: string;
    action: string;
    actorId: string | null;
    actorName: string | null;
    subjectId: string | null;
    createdAt: string;
  }>;
  nextBefore: string | null;
}

describe('audit log API: who, what, when, keyset pages', () => {
  let t: TestApp;
  let ws: FixtureWorkspace;
  let target: { id: string; postId: string };
  const day = (d: number) => new Date(Date.UTC(2027, 4, d, 3));
  const get = (query: string, user = ws.users.ADMIN) =>
    t.http().get(`/workspaces/${ws.slug}/audit?${query}`).set(bearer(user));

  beforeAll(async () => {
    t = await startTestApp();
    ws = await createWorkspace(t.prisma);
    const account = await t.prisma.connectedAccount.create({
      data: { workspaceId: ws.id, platform: 'FEED', displayName: 'feed' },
    });
    const post = await t.prisma.post.create({
      data: {
        workspaceId: ws.id,
        authorId: ws.users.EDITOR.id,
        baseText: 'Aksi',
        targets: { create: { workspaceId: ws.id, accountId: account.id } },
      },
      include: { targets: true },
    });
    target = post.targets[0]!;
    const rows = [
      { actorId: ws.users.EDITOR.id, action: 'post.created', subjectType: 'post', subjectId: 'p1', createdAt: day(1) },
      {
        actorId: ws.users.COORDINATOR.id,
        action: 'post.approved',
        subjectType: 'post',
        subjectId: 'p1',
        createdAt: day(2),
      },
      {
        actorId: ws.users.ADMIN.id,
        action: 'member.role_changed',
        subjectType: 'user',
        subjectId: ws.users.EDITOR.id,
        createdAt: day(3),
      },
      { actorId: null, action: 'target.published', subjectType: 'PostTarget', subjectId: target.id, createdAt: day(4) },
      {
        actorId: ws.users.COORDINATOR.id,
        action: 'campaign.held',
        subjectType: 'campaign',
        subjectId: 'c1',
        createdAt: day(5),
      },
    ];
    for (const row of rows)
      await t.prisma.auditEvent.create({
        data: { workspaceId: ws.id, actorKind: row.actorId ? 'user' : 'worker', ...row },
      });
  });
  afterAll(() => t.close());

  it('names who acted, and filters by who, what and when', async () => {
    const all = (await get('limit=50').expect(200)).body as Page;
    const mine = all.events.filter((e) => ['p1', target.id, 'c1', ws.users.EDITOR.id].includes(e.subjectId ?? ''));
    expect(mine.map((e) => e.action)).toEqual([
      'campaign.held',
      'target.published',
      'member.role_changed',
      'post.approved',
      'post.created',
    ]);
    const coordinator = await t.prisma.user.findUniqueOrThrow({ where: { id: ws.users.COORDINATOR.id } });
    expect(mine[0]).toMatchObject({ actorId: coordinator.id, actorName: coordinator.name });
    // An engine entry about a delivery names no one, and carries the delivery's post to link to.
    expect(mine[1]).toMatchObject({ actorId: null, actorName: null, postId: target.postId });
    expect(mine[0]).toMatchObject({ postId: null });

    const byWho = (await get(`actorId=${ws.users.COORDINATOR.id}`).expect(200)).body as Page;
    expect(byWho.events.map((e) => e.action)).toEqual(['campaign.held', 'post.approved']);
    const byWhat = (await get('action=post.*').expect(200)).body as Page;
    expect(byWhat.events.map((e) => e.action)).toEqual(['post.approved', 'post.created']);
    const byWhen = (await get(`from=${day(2).toISOString()}&to=${day(4).toISOString()}`).expect(200)).body as Page;
    expect(byWhen.events.map((e) => e.action)).toEqual(['member.role_changed', 'post.approved']);
  });

  it('pages with ?before=, newest first, without gaps or repeats', async () => {
    const seen: string[] = [];
    let before: string | null = null;
    do {
      const page: Page = (await get(`limit=2${before ? `&before=${before}` : ''}`).expect(200)).body as Page;
      seen.push(...page.events.map((e) => e.action));
      before = page.nextBefore;
    } while (before);
    expect(seen).toEqual(['campaign.held', 'target.published', 'member.role_changed', 'post.approved', 'post.created']);
  });

  it('is for admins; bad filters get a 400', async () => {
    await get('limit=5', ws.users.COORDINATOR).expect(403);
    await get('action=DROP TABLE').expect(400);
    await get('actorId=someone').expect(400);
  });
});
