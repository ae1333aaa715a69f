import { bearer, createWorkspace, type FixtureUser, type FixtureWorkspace } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

const inHours = (hours: number) => new Date(Date.now() + hours * 3600_000).toISOString();

/** docs/security.md, rule 7: whoever wrote or edited the version under review does not approve it. */
describe('four eyes', () => {
  let t: TestApp;
  let ws: FixtureWorkspace;
  let accountId: string;
  let secondCoordinator: FixtureUser;

  beforeAll(async () => {
    t = await startTestApp();
    ws = await createWorkspace(t.prisma);
    accountId = (
      await t.prisma.connectedAccount.create({ data: { workspaceId: ws.id, platform: 'FEED', displayName: 'Feed' } })
    ).id;
    // The ADMIN is a coordinator too (roles include the ones before them): a second pair of eyes.
    secondCoordinator = ws.users.ADMIN;
  });
  afterAll(() => t.close());

  const posts = (path = '') => `/workspaces/${ws.slug}/posts${path}`;
  const submitted = async () => {
    const post = await t
      .http()
      .post(posts())
      .set(bearer(ws.users.EDITOR))
      .send({ baseText: 'Tolak upah murah', targets: [{ accountId }], schedule: { at: inHours(6), zone: 'WIB' } })
      .expect(201);
    await t
      .http()
      .post(posts(`/${post.body.id}/submit`))
      .set(bearer(ws.users.EDITOR))
      .expect(200);
    return post.body.id as string;
  };
  const rewrite = (id: string, who: FixtureUser, baseText: string) =>
    t
      .http()
      .patch(posts(`/${id}`))
      .set(bearer(who))
      .send({ baseText })
      .expect(200);
  const approve = (id: string, who: FixtureUser, version: number) =>
    t
      .http()
      .post(posts(`/${id}/approve`))
      .set(bearer(who))
      .send({ version });

  it('refuses a coordinator approving a version they rewrote, and writes nothing', async () => {
    const id = await submitted();
    const edited = await rewrite(id, ws.users.COORDINATOR, 'Tolak upah murah! Versi koordinator.');
    const refused = await approve(id, ws.users.COORDINATOR, edited.body.version).expect(403);
    expect(refused.body.error.code).toBe('self_approval_forbidden');
    expect(refused.body.error.message).toContain('Anda ikut mengubah versi ini'); // the user's own language (id)
    const stored = await t.prisma.post.findUniqueOrThrow({ where: { id } });
    expect(stored).toMatchObject({ status: 'IN_REVIEW', approvedVersion: null });
    expect(await t.prisma.auditEvent.count({ where: { subjectId: id, action: 'post.approved' } })).toBe(0);

    await approve(id, secondCoordinator, edited.body.version).expect(200);
  });

  it('still counts an edit when the editor edits again afterwards', async () => {
    const id = await submitted();
    await rewrite(id, ws.users.COORDINATOR, 'Versi koordinator');
    const last = await rewrite(id, ws.users.EDITOR, 'Versi editor lagi');
    await approve(id, ws.users.COORDINATOR, last.body.version).expect(403);
  });

  it('sends an approved post the coordinator edits back to review, which they may not approve', async () => {
    const id = await submitted();
    const approved = await approve(id, ws.users.COORDINATOR, 1).expect(200);
    expect(approved.body.status).toBe('APPROVED');
    const edited = await rewrite(id, ws.users.COORDINATOR, 'Diubah setelah disetujui');
    expect(edited.body.status).toBe('IN_REVIEW');
    await approve(id, ws.users.COORDINATOR, edited.body.version).expect(403);
    await approve(id, secondCoordinator, edited.body.version).expect(200);
  });

  it('lets a coordinator reschedule an approved post without sending it back to review', async () => {
    const id = await submitted();
    await approve(id, ws.users.COORDINATOR, 1).expect(200);
    const moved = await t
      .http()
      .post(posts(`/${id}/reschedule`))
      .set(bearer(ws.users.COORDINATOR))
      .send({ schedule: { at: inHours(8), zone: 'WIB' } })
      .expect(200);
    expect(moved.body.status).toBe('APPROVED');
  });

  it('allows it when the workspace allows self-approval', async () => {
    const small = await createWorkspace(t.prisma);
    const feed = await t.prisma.connectedAccount.create({
      data: { workspaceId: small.id, platform: 'FEED', displayName: 'Feed' },
    });
    await t
      .http()
      .patch(`/workspaces/${small.slug}`)
      .set(bearer(small.users.ADMIN))
      .send({ allowSelfApproval: true })
      .expect(200);
    const post = await t
      .http()
      .post(`/workspaces/${small.slug}/posts`)
      .set(bearer(small.users.EDITOR))
      .send({ baseText: 'x', targets: [{ accountId: feed.id }], schedule: { at: inHours(6), zone: 'WIB' } })
      .expect(201);
    await t
      .http()
      .post(`/workspaces/${small.slug}/posts/${post.body.id}/submit`)
      .set(bearer(small.users.EDITOR))
      .expect(200);
    const edited = await t
      .http()
      .patch(`/workspaces/${small.slug}/posts/${post.body.id}`)
      .set(bearer(small.users.COORDINATOR))
      .send({ baseText: 'y' })
      .expect(200);
    await t
      .http()
      .post(`/workspaces/${small.slug}/posts/${post.body.id}/approve`)
      .set(bearer(small.users.COORDINATOR))
      .send({ version: edited.body.version })
      .expect(200);
  });
});
