import { bearer, createWorkspace, type FixtureWorkspace } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

type Outcome = { targetId: string; postId: string; lateMinutes: number; policy: string; accountName: string };
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);

/** The resume dry run answers what the resume then does: one rule (src/publishing/resume-rule.ts). */
describe('resume preview', () => {
  let t: TestApp;
  let ws: FixtureWorkspace;
  let account: string;

  /** An approved post whose delivery a hold parked (HELD), due `lateBy` minutes ago. */
  const heldPost = async (campaignId: string | null, lateBy: number, notAfter: Date | null = null) => {
    const post = await t.prisma.post.create({
      data: {
        workspaceId: ws.id,
        campaignId,
        authorId: ws.users.EDITOR.id,
        baseText: `Terlambat ${lateBy} menit`,
        scheduledAt: minutesAgo(lateBy),
        scheduleZone: 'Asia/Jakarta',
        status: 'APPROVED',
        approvedVersion: 1,
        notAfter,
      },
    });
    const target = await t.prisma.postTarget.create({
      data: { postId: post.id, workspaceId: ws.id, accountId: account, state: 'HELD', dueAt: minutesAgo(lateBy) },
    });
    return target.id;
  };
  const written = async () => ({
    audit: await t.prisma.auditEvent.count({ where: { workspaceId: ws.id } }),
    notifications: await t.prisma.notification.count({ where: { workspaceId: ws.id } }),
    held: await t.prisma.postTarget.count({ where: { workspaceId: ws.id, state: 'HELD' } }),
  });

  beforeAll(async () => {
    t = await startTestApp();
    ws = await createWorkspace(t.prisma);
    account = (
      await t.prisma.connectedAccount.create({ data: { workspaceId: ws.id, platform: 'FEED', displayName: 'Umpan' } })
    ).id;
  });
  afterAll(() => t.close());

  it('a campaign: lists who publishes late and who expires, writes nothing, and the resume does exactly that', async () => {
    const coord = bearer(ws.users.COORDINATOR);
    const campaign = await t
      .http()
      .post(`/workspaces/${ws.slug}/campaigns`)
      .set(coord)
      .send({ name: 'Hari Buruh', latePolicy: 'PUBLISH_LATE', lateGraceMinutes: 30 })
      .expect(201);
    const id = campaign.body.id as string;
    const url = `/workspaces/${ws.slug}/campaigns/${id}`;
    expect((await t.http().get(`${url}/resume-preview`).set(coord).expect(200)).body).toEqual({
      held: false,
      publish: [],
      expire: [],
    });
    await t.http().post(`${url}/hold`).set(coord).send({ reason: 'Situasi memanas' }).expect(200);
    const withinGrace = await heldPost(id, 10);
    const tooLate = await heldPost(id, 45);
    const notAfterPassed = await heldPost(id, 5, minutesAgo(1));
    const otherCampaign = await heldPost(null, 2);

    const before = await written();
    const preview = await t.http().get(`${url}/resume-preview`).set(coord).expect(200);
    expect(preview.body.held).toBe(true);
    const publish = preview.body.publish as Outcome[];
    const expire = preview.body.expire as Outcome[];
    expect(publish.map((o) => [o.targetId, o.lateMinutes, o.policy, o.accountName])).toEqual([
      [withinGrace, 10, 'PUBLISH_LATE', 'Umpan'],
    ]);
    expect(expire.map((o) => o.targetId)).toEqual([tooLate, notAfterPassed]);
    expect(JSON.stringify(preview.body)).not.toContain(otherCampaign);
    expect(await written()).toEqual(before);

    await t.http().get(`${url}/resume-preview`).set(bearer(ws.users.EDITOR)).expect(403);
    const stranger = await createWorkspace(t.prisma);
    await t
      .http()
      .get(`/workspaces/${stranger.slug}/campaigns/${id}/resume-preview`)
      .set(bearer(stranger.users.OWNER))
      .expect(404);

    await t.http().post(`${url}/resume`).set(coord).expect(200);
    const states = async (ids: string[]) =>
      (await t.prisma.postTarget.findMany({ where: { id: { in: ids } }, select: { state: true } })).map((r) => r.state);
    expect(await states(publish.map((o) => o.targetId))).toEqual(['SCHEDULED']);
    expect(await states(expire.map((o) => o.targetId))).toEqual(['EXPIRED', 'EXPIRED']);
  });

  it('the workspace hold: admins only, nothing when not held, the post without a campaign gets the 5-minute grace', async () => {
    const admin = bearer(ws.users.ADMIN);
    const url = `/workspaces/${ws.slug}`;
    expect((await t.http().get(`${url}/resume-preview`).set(admin).expect(200)).body).toEqual({
      held: false,
      publish: [],
      expire: [],
    });
    await t.http().post(`${url}/hold`).set(admin).send({ reason: 'Darurat' }).expect(200);
    const soon = await heldPost(null, 3);
    const late = await heldPost(null, 20);
    const preview = await t.http().get(`${url}/resume-preview`).set(admin).expect(200);
    expect((preview.body.publish as Outcome[]).map((o) => [o.targetId, o.policy])).toContainEqual([
      soon,
      'NO_CAMPAIGN',
    ]);
    expect((preview.body.expire as Outcome[]).map((o) => o.targetId)).toContain(late);
    await t.http().get(`${url}/resume-preview`).set(bearer(ws.users.COORDINATOR)).expect(403);
    await t.http().post(`${url}/resume`).set(admin).expect(200);
    const after = await t.prisma.postTarget.findMany({
      where: { id: { in: [soon, late] } },
      select: { id: true, state: true },
    });
    expect(Object.fromEntries(after.map((r) => [r.id, r.state]))).toEqual({ [soon]: 'SCHEDULED', [late]: 'EXPIRED' });
  });
});
