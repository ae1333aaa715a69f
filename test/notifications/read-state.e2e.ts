import { DeliveryNotices } from '../../src/notifications/notifier';
import { bearer, createWorkspace, type FixtureWorkspace } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/test-app';
import { draftPost, mine } from './notification-support';

describe('each user reads only their own notifications, per workspace', () => {
  let t: TestApp;
  let ws: FixtureWorkspace;
  let other: FixtureWorkspace;
  let targetId: string;

  const count = async (w: { slug: string }, user: { token: string }) =>
    (await t.http().get(`/workspaces/${w.slug}/notifications/unread-count`).set(bearer(user)).expect(200)).body
      .unread as number;

  beforeAll(async () => {
    t = await startTestApp();
    ws = await createWorkspace(t.prisma);
    other = await createWorkspace(t.prisma);
    // The OWNER of `ws` is also a coordinator in `other`: read state must stay per workspace.
    await t.prisma.membership.create({
      data: { workspaceId: other.id, userId: ws.users.OWNER.id, role: 'COORDINATOR' },
    });
    ({ targetId } = await draftPost(t, ws));
    const otherPost = await draftPost(t, other);
    const notices = t.app.get(DeliveryNotices);
    await t.prisma.$transaction(async (tx) => {
      for (const reason of ['satu', 'dua', 'tiga'])
        await notices.delivery(tx, ws.id, targetId, 'TARGET_FAILED', { reason });
      await notices.delivery(tx, other.id, otherPost.targetId, 'TARGET_FAILED', { reason: 'lain' });
    });
  });
  afterAll(() => t.close());

  it('pages newest first with a keyset, and filters unread', async () => {
    const first = await t
      .http()
      .get(`/workspaces/${ws.slug}/notifications/mine?limit=2`)
      .set(bearer(ws.users.COORDINATOR))
      .expect(200);
    expect(first.body.notifications.map((n: { message: string }) => n.message)).toEqual([
      '"Aksi serentak 1 Mei" gagal diterbitkan: tiga',
      '"Aksi serentak 1 Mei" gagal diterbitkan: dua',
    ]);
    const second = await t
      .http()
      .get(`/workspaces/${ws.slug}/notifications/mine?limit=2&before=${first.body.nextBefore}`)
      .set(bearer(ws.users.COORDINATOR))
      .expect(200);
    expect(second.body.notifications.map((n: { message: string }) => n.message)).toEqual([
      '"Aksi serentak 1 Mei" gagal diterbitkan: satu',
    ]);
    expect(second.body.nextBefore).toBeNull();
    await t
      .http()
      .get(`/workspaces/${ws.slug}/notifications/mine?before=nope`)
      .set(bearer(ws.users.COORDINATOR))
      .expect(400);
    await t
      .http()
      .get(`/workspaces/${ws.slug}/notifications/mine?unread=maybe`)
      .set(bearer(ws.users.COORDINATOR))
      .expect(400);
    await t
      .http()
      .get(`/workspaces/${ws.slug}/notifications/mine?limit=0`)
      .set(bearer(ws.users.COORDINATOR))
      .expect(400);
  });

  it("marking one read changes only that user's read state", async () => {
    const [newest] = await mine(t, ws, ws.users.COORDINATOR);
    expect(await count(ws, ws.users.COORDINATOR)).toBe(3);
    await t
      .http()
      .post(`/workspaces/${ws.slug}/notifications/${newest!.id}/read`)
      .set(bearer(ws.users.COORDINATOR))
      .expect(204);
    await t
      .http()
      .post(`/workspaces/${ws.slug}/notifications/${newest!.id}/read`)
      .set(bearer(ws.users.COORDINATOR))
      .expect(204);
    expect(await count(ws, ws.users.COORDINATOR)).toBe(2);
    expect(await count(ws, ws.users.ADMIN)).toBe(3);
    const unread = await mine(t, ws, ws.users.COORDINATOR, '?unread=true');
    expect(unread.map((n) => n.id)).not.toContain(newest!.id);
    expect((await mine(t, ws, ws.users.COORDINATOR)).find((n) => n.id === newest!.id)!.readAt).not.toBeNull();
  });

  it("someone else's notification, another workspace's, or a bad id answers 404 and changes nothing", async () => {
    const [newest] = await mine(t, ws, ws.users.ADMIN);
    // VIEWER was not told about delivery failures: the notification exists in the workspace but is not theirs.
    await t
      .http()
      .post(`/workspaces/${ws.slug}/notifications/${newest!.id}/read`)
      .set(bearer(ws.users.VIEWER))
      .expect(404);
    await t
      .http()
      .post(`/workspaces/${other.slug}/notifications/${newest!.id}/read`)
      .set(bearer(other.users.ADMIN))
      .expect(404);
    await t.http().post(`/workspaces/${ws.slug}/notifications/not-a-uuid/read`).set(bearer(ws.users.ADMIN)).expect(404);
    await t
      .http()
      .post(`/workspaces/${ws.slug}/notifications/0190a000-0000-7000-8000-000000000000/read`)
      .set(bearer(ws.users.ADMIN))
      .expect(404);
    expect(await count(ws, ws.users.ADMIN)).toBe(3);
    expect(await mine(t, ws, ws.users.VIEWER)).toEqual([]);
  });

  it('mark all read covers the caller in this workspace only', async () => {
    expect(await count(other, ws.users.OWNER)).toBe(1);
    const res = await t
      .http()
      .post(`/workspaces/${ws.slug}/notifications/read-all`)
      .set(bearer(ws.users.OWNER))
      .expect(200);
    expect(res.body).toEqual({ marked: 3 });
    expect(await count(ws, ws.users.OWNER)).toBe(0);
    expect(await count(other, ws.users.OWNER)).toBe(1);
    expect(await count(ws, ws.users.EDITOR)).toBe(3);
    expect((await mine(t, other, ws.users.OWNER))[0]!.message).toBe('"Aksi serentak 1 Mei" gagal diterbitkan: lain');
  });
});
