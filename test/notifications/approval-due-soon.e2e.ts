import { SweeperService } from '../../src/publishing/sweeper.service';
import { bearer, createWorkspace, type FixtureWorkspace } from '../support/fixtures';
import { mailsTo } from '../support/outbox';
import { startTestApp, type TestApp } from '../support/test-app';
import { told } from './notification-support';

const inMinutes = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();

/** Issue 13: a post in review whose time is within the hour warns the coordinators, once per version. */
describe('approval about to miss its time', () => {
  let t: TestApp;
  let ws: FixtureWorkspace;
  let accountId: string;

  beforeAll(async () => {
    t = await startTestApp({ roles: ['api', 'worker'] });
    ws = await createWorkspace(t.prisma);
    await t.prisma.user.update({
      where: { id: ws.users.COORDINATOR.id },
      data: { locale: 'en', timeZone: 'Asia/Makassar' },
    });
    accountId = (
      await t.prisma.connectedAccount.create({
        data: { workspaceId: ws.id, platform: 'FEED', displayName: 'Kanal umpan' },
      })
    ).id;
  });
  afterAll(() => t.close());

  const inReview = async (text: string, minutes: number) => {
    const post = await t
      .http()
      .post(`/workspaces/${ws.slug}/posts`)
      .set(bearer(ws.users.EDITOR))
      .send({ baseText: text, targets: [{ accountId }], schedule: { at: inMinutes(minutes), zone: 'WIB' } })
      .expect(201);
    await t.http().post(`/workspaces/${ws.slug}/posts/${post.body.id}/submit`).set(bearer(ws.users.EDITOR)).expect(200);
    return post.body.id as string;
  };
  const warnings = (postId: string) =>
    t.prisma.notification.count({ where: { subjectId: postId, kind: 'POST_APPROVAL_DUE_SOON' } });
  const sweep = () => t.app.get(SweeperService).warnApprovalsDueSoon();

  it('tells the coordinators once per version, not a post due later, not an approved one', async () => {
    const soon = await inReview('Aksi di depan DPR', 40);
    const later = await inReview('Konferensi pers', 180);
    await sweep();
    expect(await warnings(soon)).toBe(1);
    expect(await warnings(later)).toBe(0);
    expect(await told(t, ws, 'POST_APPROVAL_DUE_SOON', soon)).toEqual(['COORDINATOR', 'ADMIN', 'OWNER']);
    // Two review requests, then the warning, in the coordinator's language and zone (WITA).
    const mail = (await mailsTo(t.config.MAIL_OUTBOX_DIR, ws.users.COORDINATOR.email, 3)).find((m) =>
      m.text.includes('not approved yet'),
    );
    expect(mail!.text).toMatch(
      /^Subject: .*"Aksi di depan DPR" is not approved yet and is due to publish at .*GMT\+8/m,
    );

    // Idempotent: a second sweep (or a second sweeper) warns nobody again.
    await Promise.all([sweep(), sweep()]);
    expect(await warnings(soon)).toBe(1);

    // An edit makes a new version still in review: worth one new warning.
    await t
      .http()
      .patch(`/workspaces/${ws.slug}/posts/${soon}`)
      .set(bearer(ws.users.EDITOR))
      .send({ baseText: 'Aksi di depan DPR, jam 10' })
      .expect(200);
    await sweep();
    await sweep();
    expect(await warnings(soon)).toBe(2);
    expect(
      (await t.prisma.auditEvent.findMany({ where: { subjectId: soon, action: 'post.approval_due_soon' } })).map(
        (e) => (e.summary as { version: number }).version,
      ),
    ).toEqual([1, 2]);

    // Approved in time: nothing more.
    const approvedSoon = await inReview('Siaran pers', 30);
    await t
      .http()
      .post(`/workspaces/${ws.slug}/posts/${approvedSoon}/approve`)
      .set(bearer(ws.users.COORDINATOR))
      .send({ version: 1 })
      .expect(200);
    await sweep();
    expect(await warnings(approvedSoon)).toBe(0);
  });
});
