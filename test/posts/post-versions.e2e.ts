import { bearer, createWorkspace, type FixtureWorkspace } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

const inHours = (hours: number) => new Date(Date.now() + hours * 3600_000).toISOString();
type Version = {
  version: number;
  editor: { id: string; name: string } | null;
  baseText: string;
  scheduledAt: string | null;
  targets: Array<{ accountId: string; accountName: string; platform: string; text: string | null }>;
};

/** Post versions kept by the API: one per change, in the change's transaction, workspace-scoped. */
describe('post versions', () => {
  let t: TestApp;
  let ws: FixtureWorkspace;
  let other: FixtureWorkspace;
  let feed: string;
  let x: string;
  const url = (path = '') => `/workspaces/${ws.slug}/posts${path}`;
  const versions = async (id: string, user = ws.users.VIEWER) =>
    (
      await t
        .http()
        .get(url(`/${id}/versions`))
        .set(bearer(user))
        .expect(200)
    ).body.versions as Version[];

  beforeAll(async () => {
    t = await startTestApp();
    ws = await createWorkspace(t.prisma);
    other = await createWorkspace(t.prisma);
    feed = (
      await t.prisma.connectedAccount.create({
        data: { workspaceId: ws.id, platform: 'FEED', displayName: 'Umpan KSPI' },
      })
    ).id;
    x = (
      await t.prisma.connectedAccount.create({ data: { workspaceId: ws.id, platform: 'X', displayName: 'KSPI di X' } })
    ).id;
  });
  afterAll(() => t.close());

  it('keeps the texts per target, time and editor of every version: create, edit, reschedule', async () => {
    const created = await t
      .http()
      .post(url())
      .set(bearer(ws.users.EDITOR))
      .send({ baseText: 'Tolak upah murah', targets: [{ accountId: feed }], schedule: { at: inHours(5), zone: 'WIB' } })
      .expect(201);
    const id = created.body.id as string;
    expect(await versions(id)).toMatchObject([
      {
        version: 1,
        editor: { id: ws.users.EDITOR.id },
        baseText: 'Tolak upah murah',
        targets: [{ accountId: feed, accountName: 'Umpan KSPI', platform: 'FEED', text: null }],
      },
    ]);

    await t
      .http()
      .patch(url(`/${id}`))
      .set(bearer(ws.users.ADMIN))
      .send({
        baseText: 'Tolak upah murah sekarang',
        targets: [{ accountId: x, text: 'Versi X' }, { accountId: feed }],
      })
      .expect(200);
    await t
      .http()
      .post(url(`/${id}/submit`))
      .set(bearer(ws.users.EDITOR))
      .expect(200);
    await t
      .http()
      .post(url(`/${id}/approve`))
      .set(bearer(ws.users.COORDINATOR))
      .send({ version: 2 })
      .expect(200);
    const moved = inHours(9);
    await t
      .http()
      .post(url(`/${id}/reschedule`))
      .set(bearer(ws.users.COORDINATOR))
      .send({ schedule: { at: moved, zone: 'WIT' } })
      .expect(200);

    const all = await versions(id);
    expect(all.map((v) => [v.version, v.editor?.id, v.baseText])).toEqual([
      [1, ws.users.EDITOR.id, 'Tolak upah murah'],
      [2, ws.users.ADMIN.id, 'Tolak upah murah sekarang'],
      [3, ws.users.COORDINATOR.id, 'Tolak upah murah sekarang'],
    ]);
    expect(all[1]!.targets.map((target) => [target.accountName, target.text])).toEqual([
      ['KSPI di X', 'Versi X'],
      ['Umpan KSPI', null],
    ]);
    expect(Date.parse(all[2]!.scheduledAt!)).toBe(Date.parse(moved));
    expect(all[2]!.scheduledAt).not.toBe(all[1]!.scheduledAt);
    // The post's own version is the last one kept.
    const post = await t
      .http()
      .get(url(`/${id}`))
      .set(bearer(ws.users.VIEWER))
      .expect(200);
    expect(post.body.version).toBe(3);
  });

  it('a refused change keeps no version', async () => {
    const created = await t
      .http()
      .post(url())
      .set(bearer(ws.users.EDITOR))
      .send({ baseText: 'Aksi', targets: [{ accountId: feed }] })
      .expect(201);
    const id = created.body.id as string;
    const foreign = await t.prisma.connectedAccount.create({
      data: { workspaceId: other.id, platform: 'FEED', displayName: 'lain' },
    });
    await t
      .http()
      .patch(url(`/${id}`))
      .set(bearer(ws.users.EDITOR))
      .send({ baseText: 'Aksi 2', targets: [{ accountId: foreign.id }] })
      .expect(422);
    await t
      .http()
      .patch(url(`/${id}`))
      .set(bearer(ws.users.EDITOR))
      .send({ baseText: 42 })
      .expect(400);
    await t
      .http()
      .patch(url(`/${id}`))
      .set(bearer(ws.users.VIEWER))
      .send({ baseText: 'Aksi 3' })
      .expect(403);
    await t
      .http()
      .post(url(`/${id}/reschedule`))
      .set(bearer(ws.users.COORDINATOR))
      .send({ schedule: { at: inHours(3), zone: 'WIB' } })
      .expect(409);
    expect((await versions(id)).map((v) => [v.version, v.baseText])).toEqual([[1, 'Aksi']]);
    expect(await t.prisma.postVersion.count({ where: { postId: id } })).toBe(1);
  });

  it("answers only inside the post's workspace: another workspace's post is 404, a bad id 404, no sign-in 401", async () => {
    const created = await t
      .http()
      .post(url())
      .set(bearer(ws.users.EDITOR))
      .send({ baseText: 'Rahasia', targets: [{ accountId: feed }] })
      .expect(201);
    const id = created.body.id as string;
    // A member of another workspace, asking through their own workspace or through ours.
    await t.http().get(`/workspaces/${other.slug}/posts/${id}/versions`).set(bearer(other.users.OWNER)).expect(404);
    await t
      .http()
      .get(url(`/${id}/versions`))
      .set(bearer(other.users.OWNER))
      .expect(404);
    await t.http().get(url('/not-a-post/versions')).set(bearer(ws.users.VIEWER)).expect(404);
    await t
      .http()
      .get(url(`/${id}/versions`))
      .expect(401);
  });
});
