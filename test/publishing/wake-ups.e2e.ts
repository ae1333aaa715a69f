import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { PUBLISH_QUEUE } from '../../src/core/queue';
import { publishJobId } from '../../src/publishing';
import { bearer, createWorkspace, type FixtureWorkspace } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

const inHours = (hours: number) => new Date(Date.now() + hours * 3600_000).toISOString();

/** Every change that makes a wake-up stale removes it from Redis, so sleeping jobs do not pile up. */
describe('stale wake-ups are removed', () => {
  let t: TestApp;
  let ws: FixtureWorkspace;
  let accountIds: string[];
  let queue: Queue;

  beforeAll(async () => {
    t = await startTestApp();
    queue = t.app.get<Queue>(getQueueToken(PUBLISH_QUEUE));
    ws = await createWorkspace(t.prisma);
    accountIds = [];
    for (const name of ['Feed A', 'Feed B']) {
      accountIds.push(
        (await t.prisma.connectedAccount.create({ data: { workspaceId: ws.id, platform: 'FEED', displayName: name } }))
          .id,
      );
    }
  });
  afterAll(() => t.close());

  const url = (path = '') => `/workspaces/${ws.slug}/posts${path}`;
  const editor = () => bearer(ws.users.EDITOR);
  const coordinator = () => bearer(ws.users.COORDINATOR);
  const jobsOf = async (targetIds: string[], version: number) =>
    (await Promise.all(targetIds.map((id) => queue.getJob(publishJobId(id, version))))).filter(Boolean).length;

  async function approvedPost(
    accounts = accountIds,
    on: FixtureWorkspace = ws,
    campaignId?: string,
  ): Promise<{ id: string; targetIds: string[] }> {
    const posts = `/workspaces/${on.slug}/posts`;
    const { body } = await t
      .http()
      .post(posts)
      .set(bearer(on.users.EDITOR))
      .send({
        baseText: 'Tolak upah murah',
        targets: accounts.map((accountId) => ({ accountId })),
        schedule: { at: inHours(6), zone: 'Asia/Jakarta' },
        ...(campaignId ? { campaignId } : {}),
      })
      .expect(201);
    await t.http().post(`${posts}/${body.id}/submit`).set(bearer(on.users.EDITOR)).expect(200);
    await t
      .http()
      .post(`${posts}/${body.id}/approve`)
      .set(bearer(on.users.COORDINATOR))
      .send({ version: 1 })
      .expect(200);
    const targetIds = body.targets.map((target: { id: string }) => target.id);
    expect(await jobsOf(targetIds, 1)).toBe(accounts.length);
    return { id: body.id, targetIds };
  }

  it("a reschedule leaves only the new version's wake-ups", async () => {
    const post = await approvedPost();
    for (const [index, at] of ['2031-03-01T08:00', '2031-03-02T08:00', '2031-03-03T08:00'].entries()) {
      await t
        .http()
        .post(url(`/${post.id}/reschedule`))
        .set(coordinator())
        .send({ schedule: { at, zone: 'Asia/Jayapura' } })
        .expect(200);
      expect(await jobsOf(post.targetIds, index + 1)).toBe(0);
      expect(await jobsOf(post.targetIds, index + 2)).toBe(2);
    }
  });

  it('an edit of an approved post and a cancel drop the wake-ups', async () => {
    const edited = await approvedPost();
    await t
      .http()
      .patch(url(`/${edited.id}`))
      .set(editor())
      .send({ baseText: 'Tolak upah murah, sekarang!' })
      .expect(200);
    expect(await jobsOf(edited.targetIds, 1)).toBe(0);
    const cancelled = await approvedPost();
    await t
      .http()
      .post(url(`/${cancelled.id}/cancel`))
      .set(editor())
      .expect(200);
    expect(await jobsOf(cancelled.targetIds, 1)).toBe(0);
  });

  it("disconnecting an account drops its cancelled deliveries' wake-ups, and only theirs", async () => {
    const leaving = await t.prisma.connectedAccount.create({
      data: { workspaceId: ws.id, platform: 'FEED', displayName: 'Feed yang diputus' },
    });
    const post = await approvedPost([leaving.id, accountIds[1]!]);
    const [leavingTarget, stayingTarget] = post.targetIds;
    await t
      .http()
      .post(`/workspaces/${ws.slug}/accounts/${leaving.id}/disconnect`)
      .set(bearer(ws.users.ADMIN))
      .expect(200);
    expect((await t.prisma.postTarget.findUniqueOrThrow({ where: { id: leavingTarget! } })).state).toBe('CANCELLED');
    expect(await jobsOf([leavingTarget!], 1)).toBe(0);
    expect(await jobsOf([stayingTarget!], 1)).toBe(1);
  });

  it("a partner leaving a joint campaign drops its cancelled deliveries' wake-ups, and only theirs", async () => {
    const partner = await createWorkspace(t.prisma);
    await t.prisma.workspace.update({ where: { id: partner.id }, data: { openToPartnerInvitations: true } });
    const partnerAccount = await t.prisma.connectedAccount.create({
      data: { workspaceId: partner.id, platform: 'FEED', displayName: 'Feed mitra' },
    });
    const campaign = (
      await t
        .http()
        .post(`/workspaces/${ws.slug}/campaigns`)
        .set(coordinator())
        .send({ name: 'Aksi bersama' })
        .expect(201)
    ).body;
    const invited = await t
      .http()
      .post(`/workspaces/${ws.slug}/campaigns/${campaign.id}/partners`)
      .set(coordinator())
      .send({ workspace: partner.slug })
      .expect(201);
    await t
      .http()
      .post(`/workspaces/${partner.slug}/partnerships/${invited.body.id}/accept`)
      .set(bearer(partner.users.COORDINATOR))
      .expect(204);
    const theirs = await approvedPost([partnerAccount.id], partner, campaign.id);
    const elsewhere = await approvedPost([partnerAccount.id], partner);
    const ours = await approvedPost([accountIds[0]!], ws, campaign.id);
    const left = await t
      .http()
      .post(`/workspaces/${partner.slug}/partnerships/${invited.body.id}/leave`)
      .set(bearer(partner.users.COORDINATOR))
      .expect(200);
    expect(left.body).toEqual({ cancelledDeliveries: 1 });
    expect((await t.prisma.postTarget.findUniqueOrThrow({ where: { id: theirs.targetIds[0]! } })).state).toBe(
      'CANCELLED',
    );
    expect(await jobsOf(theirs.targetIds, 1)).toBe(0);
    expect(await jobsOf(elsewhere.targetIds, 1)).toBe(1);
    expect(await jobsOf(ours.targetIds, 1)).toBe(1);
  });

  it('a delivery claimed while a disconnect waits for it is neither cancelled, counted, audited nor forgotten', async () => {
    const account = await t.prisma.connectedAccount.create({
      data: { workspaceId: ws.id, platform: 'FEED', displayName: 'Feed yang sedang terbit' },
    });
    const [targetId] = (await approvedPost([account.id])).targetIds;
    // A claim (the engine's conditional UPDATE) that has not committed yet holds the target's row.
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let holding!: () => void;
    const held = new Promise<void>((resolve) => (holding = resolve));
    const claim = t.prisma.$transaction(
      async (tx) => {
        await tx.postTarget.update({ where: { id: targetId! }, data: { state: 'PUBLISHING' } });
        holding();
        await released;
      },
      { timeout: 20_000 },
    );
    await held;
    const disconnecting = (async () =>
      t
        .http()
        .post(`/workspaces/${ws.slug}/accounts/${account.id}/disconnect`)
        .set(bearer(ws.users.ADMIN))
        .expect(200))();
    // The disconnect has read the target as SCHEDULED and now waits for the claim's row lock.
    for (let waited = 0; ; waited += 20) {
      const [{ waiting }] = await t.prisma.$queryRaw<Array<{ waiting: number }>>`
        SELECT count(*)::int AS waiting FROM pg_stat_activity
         WHERE datname = current_database() AND wait_event_type = 'Lock'`;
      if (waiting > 0) break;
      if (waited > 5000) throw new Error('the disconnect never waited for the claimed row');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    release();
    await claim;
    const { body } = await disconnecting;
    expect(body.cancelledDeliveries).toBe(0);
    expect((await t.prisma.postTarget.findUniqueOrThrow({ where: { id: targetId! } })).state).toBe('PUBLISHING');
    expect(await t.prisma.auditEvent.count({ where: { action: 'target.cancelled', subjectId: targetId! } })).toBe(0);
    expect(await jobsOf([targetId!], 1)).toBe(1);
  });
});
