import { bearer, createWorkspace, type FixtureUser, type FixtureWorkspace } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

type Actions = Record<'submit' | 'approve' | 'requestChanges' | 'edit' | 'withdraw' | 'cancel', boolean>;

/** The post read says what the reader may do, by the rules the action routes apply (four eyes). */
describe('what the reader may do with a post', () => {
  let t: TestApp;
  let ws: FixtureWorkspace;
  let feed: string;
  const url = (path = '') => `/workspaces/${ws.slug}/posts${path}`;
  const actionsFor = async (id: string, user: FixtureUser) =>
    (
      await t
        .http()
        .get(url(`/${id}`))
        .set(bearer(user))
        .expect(200)
    ).body.actions as Actions;
  const draft = async (author: FixtureUser) =>
    (
      await t
        .http()
        .post(url())
        .set(bearer(author))
        .send({
          baseText: 'Aksi damai',
          targets: [{ accountId: feed }],
          schedule: { at: new Date(Date.now() + 6 * 3600_000).toISOString(), zone: 'WIB' },
        })
        .expect(201)
    ).body.id as string;

  beforeAll(async () => {
    t = await startTestApp();
    ws = await createWorkspace(t.prisma);
    feed = (
      await t.prisma.connectedAccount.create({ data: { workspaceId: ws.id, platform: 'FEED', displayName: 'Umpan' } })
    ).id;
  });
  afterAll(() => t.close());

  it('a coordinator may not approve their own post, and the approve route agrees', async () => {
    const id = await draft(ws.users.COORDINATOR);
    expect(await actionsFor(id, ws.users.COORDINATOR)).toMatchObject({ submit: true, approve: false, edit: true });
    await t
      .http()
      .post(url(`/${id}/submit`))
      .set(bearer(ws.users.COORDINATOR))
      .expect(200);
    const own = await actionsFor(id, ws.users.COORDINATOR);
    expect(own).toMatchObject({ submit: false, approve: false, requestChanges: true, withdraw: true });
    await t
      .http()
      .post(url(`/${id}/approve`))
      .set(bearer(ws.users.COORDINATOR))
      .send({ version: 1 })
      .expect(403);
    expect((await actionsFor(id, ws.users.ADMIN)).approve).toBe(true);
    expect(await actionsFor(id, ws.users.VIEWER)).toEqual({
      submit: false,
      approve: false,
      requestChanges: false,
      edit: false,
      withdraw: false,
      cancel: false,
    });
    expect(await actionsFor(id, ws.users.EDITOR)).toMatchObject({
      approve: false,
      requestChanges: false,
      edit: true,
      withdraw: false,
    });
  });

  it('who edited the version may not approve it; the list answers the same as the post read', async () => {
    const id = await draft(ws.users.EDITOR);
    await t
      .http()
      .patch(url(`/${id}`))
      .set(bearer(ws.users.COORDINATOR))
      .send({ baseText: 'Aksi damai sekali' })
      .expect(200);
    await t
      .http()
      .post(url(`/${id}/submit`))
      .set(bearer(ws.users.EDITOR))
      .expect(200);
    expect((await actionsFor(id, ws.users.COORDINATOR)).approve).toBe(false);
    const listed = await t.http().get(url('?status=IN_REVIEW')).set(bearer(ws.users.COORDINATOR)).expect(200);
    expect(
      (listed.body.posts as Array<{ id: string; actions: Actions }>).find((p) => p.id === id)!.actions.approve,
    ).toBe(false);
    await t
      .http()
      .post(url(`/${id}/approve`))
      .set(bearer(ws.users.COORDINATOR))
      .send({ version: 2 })
      .expect(403);
    const owner = await actionsFor(id, ws.users.OWNER);
    expect(owner.approve).toBe(true);
    const approved = await t
      .http()
      .post(url(`/${id}/approve`))
      .set(bearer(ws.users.OWNER))
      .send({ version: 2 })
      .expect(200);
    expect(approved.body.actions).toMatchObject({
      approve: false,
      requestChanges: true,
      withdraw: true,
      submit: false,
    });
  });

  it('with self-approval allowed, the author may approve and is told so', async () => {
    await t.prisma.workspace.update({ where: { id: ws.id }, data: { allowSelfApproval: true } });
    try {
      const id = await draft(ws.users.COORDINATOR);
      await t
        .http()
        .post(url(`/${id}/submit`))
        .set(bearer(ws.users.COORDINATOR))
        .expect(200);
      expect((await actionsFor(id, ws.users.COORDINATOR)).approve).toBe(true);
      await t
        .http()
        .post(url(`/${id}/approve`))
        .set(bearer(ws.users.COORDINATOR))
        .send({ version: 1 })
        .expect(200);
    } finally {
      await t.prisma.workspace.update({ where: { id: ws.id }, data: { allowSelfApproval: false } });
    }
  });
});
