import { HoldResumeService, SweeperService } from '../../src/publishing';
import { deleteRedisKeys } from '../support/test-app';
import { createFixture, scheduleTarget, sleep, waitForState, type Fixture, FINAL_STATES } from './engine-fixtures';
import { engineInOwnDatabase } from './engine-in-own-database';

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);

describe('sweeper, hold/resume policies, expiry', () => {
  const engine = engineInOwnDatabase({ PUBLISH_LEASE_MS: '5000' });
  // The scheduled sweep is slow here; tests call the sweeper themselves.
  let sweeper: SweeperService;
  let holds: HoldResumeService;
  beforeAll(() => {
    sweeper = engine.testApp.app.get(SweeperService);
    holds = engine.testApp.app.get(HoldResumeService);
  });

  /** A target that a wake-up found held (what the claim writes), due `minutesLate` ago. */
  async function heldTarget(fixture: Fixture, minutesLate: number) {
    const ids = await scheduleTarget(engine.testApp, fixture, minutesAgo(minutesLate), { wake: false });
    await engine.testApp.prisma.postTarget.update({ where: { id: ids.targetId }, data: { state: 'HELD' } });
    return ids;
  }

  it('re-enqueues due targets after every Redis key of the prefix is deleted', async () => {
    const fixture = await createFixture(engine.testApp, { baseUrl: engine.receiver.url });
    const { targetId } = await scheduleTarget(engine.testApp, fixture, new Date(Date.now() + 1000));
    await deleteRedisKeys(engine.testApp.config);
    await sleep(1300);
    expect((await engine.testApp.prisma.postTarget.findUniqueOrThrow({ where: { id: targetId } })).state).toBe(
      'SCHEDULED',
    );
    const report = await sweeper.sweep();
    expect(report.requeued).toBeGreaterThanOrEqual(1);
    expect((await waitForState(engine.testApp.prisma, targetId, FINAL_STATES)).state).toBe('PUBLISHED');
    // A second sweep finds a live wake-up or nothing to do: no double enqueue.
    expect((await sweeper.sweep()).requeued).toBe(0);
  });

  it('resolves an expired lease: retried where safe (WEBHOOK has Idempotency-Key), one post at the receiver', async () => {
    const fixture = await createFixture(engine.testApp, { baseUrl: engine.receiver.url });
    const { targetId } = await scheduleTarget(engine.testApp, fixture, minutesAgo(0.1), { wake: false });
    await engine.testApp.prisma.postTarget.update({
      where: { id: targetId },
      data: { state: 'PUBLISHING', leaseOwner: 'dead-worker', leaseExpiresAt: new Date(Date.now() - 1000) },
    });
    // Another test app's sweeper may get there first: the repair is conditional, the result the same.
    await sweeper.sweep();
    const target = await waitForState(engine.testApp.prisma, targetId, FINAL_STATES);
    expect(target.state).toBe('PUBLISHED');
    expect(target.attempts).toBe(2);
    const outcomes = (
      await engine.testApp.prisma.publishAttempt.findMany({ where: { targetId }, orderBy: { id: 'asc' } })
    ).map((a) => `${a.outcome}:${a.errorCode}`);
    expect(outcomes).toEqual(['AMBIGUOUS:engine.lease_expired', 'PUBLISHED:null']);
  });

  it('a live lease is left alone', async () => {
    const fixture = await createFixture(engine.testApp, { baseUrl: engine.receiver.url });
    const { targetId } = await scheduleTarget(engine.testApp, fixture, minutesAgo(0.1), { wake: false });
    await engine.testApp.prisma.postTarget.update({
      where: { id: targetId },
      data: { state: 'PUBLISHING', leaseOwner: 'busy-worker', leaseExpiresAt: new Date(Date.now() + 60_000) },
    });
    await sweeper.resolveExpiredLeases();
    expect((await engine.testApp.prisma.postTarget.findUniqueOrThrow({ where: { id: targetId } })).state).toBe(
      'PUBLISHING',
    );
  });

  it('a post not approved by its time: targets EXPIRED, coordinators told once', async () => {
    const fixture = await createFixture(engine.testApp, { baseUrl: engine.receiver.url });
    const { postId, targetId } = await scheduleTarget(engine.testApp, fixture, minutesAgo(1), { wake: false });
    await engine.testApp.prisma.post.update({
      where: { id: postId },
      data: { status: 'IN_REVIEW', approvedVersion: null },
    });
    await engine.testApp.prisma.postTarget.update({ where: { id: targetId }, data: { state: 'PENDING' } });
    expect((await sweeper.sweep()).notApprovedExpired).toBeGreaterThanOrEqual(1);
    expect((await engine.testApp.prisma.postTarget.findUniqueOrThrow({ where: { id: targetId } })).state).toBe(
      'EXPIRED',
    );
    await sweeper.sweep();
    expect(
      await engine.testApp.prisma.notification.count({
        where: { subjectId: postId, kind: 'POST_NOT_APPROVED_IN_TIME' },
      }),
    ).toBe(1);
  });

  it('"do not publish after" passed at claim time: EXPIRED with a notification, nothing sent', async () => {
    const fixture = await createFixture(engine.testApp, { baseUrl: engine.receiver.url });
    const { targetId } = await scheduleTarget(engine.testApp, fixture, minutesAgo(2), { notAfter: minutesAgo(1) });
    expect((await waitForState(engine.testApp.prisma, targetId, FINAL_STATES)).state).toBe('EXPIRED');
    expect(await engine.testApp.prisma.notification.count({ where: { targetId, kind: 'TARGET_EXPIRED' } })).toBe(1);
    expect(engine.receiver.stored.filter((p) => p.targetId === targetId)).toHaveLength(0);
  });

  it('a due post in a held workspace goes HELD; resume within the no-campaign grace publishes it', async () => {
    const fixture = await createFixture(engine.testApp, { baseUrl: engine.receiver.url });
    await engine.testApp.prisma.workspace.update({ where: { id: fixture.workspaceId }, data: { heldAt: new Date() } });
    const { targetId } = await scheduleTarget(engine.testApp, fixture, new Date());
    expect((await waitForState(engine.testApp.prisma, targetId, ['HELD', ...FINAL_STATES])).state).toBe('HELD');
    // Still held: resume finds nothing to do.
    expect(await holds.resumeAfterHold({ workspaceId: fixture.workspaceId })).toEqual({ rescheduled: 0, expired: 0 });
    await engine.testApp.prisma.workspace.update({ where: { id: fixture.workspaceId }, data: { heldAt: null } });
    expect(await holds.resumeAfterHold({ workspaceId: fixture.workspaceId })).toEqual({ rescheduled: 1, expired: 0 });
    expect((await waitForState(engine.testApp.prisma, targetId, FINAL_STATES)).state).toBe('PUBLISHED');
  });

  it('no campaign: more than 5 minutes late on resume -> EXPIRED with a notification', async () => {
    const fixture = await createFixture(engine.testApp, { baseUrl: engine.receiver.url });
    const { targetId } = await heldTarget(fixture, 10);
    expect(await holds.resumeAfterHold({ workspaceId: fixture.workspaceId })).toEqual({ rescheduled: 0, expired: 1 });
    expect((await engine.testApp.prisma.postTarget.findUniqueOrThrow({ where: { id: targetId } })).state).toBe(
      'EXPIRED',
    );
    expect(await engine.testApp.prisma.notification.count({ where: { targetId, kind: 'TARGET_EXPIRED' } })).toBe(1);
  });

  it('campaign PUBLISH_LATE: within lateGraceMinutes publishes late, beyond it expires', async () => {
    const fixture = await createFixture(engine.testApp, {
      baseUrl: engine.receiver.url,
      campaign: { latePolicy: 'PUBLISH_LATE', lateGraceMinutes: 30 },
    });
    const inGrace = await heldTarget(fixture, 20);
    const second = await scheduleTarget(engine.testApp, fixture, minutesAgo(45), { wake: false });
    await engine.testApp.prisma.postTarget.update({ where: { id: second.targetId }, data: { state: 'HELD' } });
    expect(await holds.resumeAfterHold({ campaignId: fixture.campaignId! })).toEqual({ rescheduled: 1, expired: 1 });
    expect((await waitForState(engine.testApp.prisma, inGrace.targetId, FINAL_STATES)).state).toBe('PUBLISHED');
    expect((await engine.testApp.prisma.postTarget.findUniqueOrThrow({ where: { id: second.targetId } })).state).toBe(
      'EXPIRED',
    );
  });

  it('campaign EXPIRE: anything late expires', async () => {
    const fixture = await createFixture(engine.testApp, {
      baseUrl: engine.receiver.url,
      campaign: { latePolicy: 'EXPIRE', lateGraceMinutes: 30 },
    });
    const { targetId } = await heldTarget(fixture, 1);
    expect(await holds.resumeAfterHold({ campaignId: fixture.campaignId! })).toEqual({ rescheduled: 0, expired: 1 });
    expect((await engine.testApp.prisma.postTarget.findUniqueOrThrow({ where: { id: targetId } })).state).toBe(
      'EXPIRED',
    );
  });

  it('the sweeper lifts a hold whose holdResumeAt passed and resumes its targets', async () => {
    const fixture = await createFixture(engine.testApp, { baseUrl: engine.receiver.url });
    await engine.testApp.prisma.workspace.update({
      where: { id: fixture.workspaceId },
      data: { heldAt: minutesAgo(3), holdResumeAt: minutesAgo(0.1) },
    });
    await engine.testApp.prisma.membership.create({
      data: { workspaceId: fixture.workspaceId, userId: fixture.userId, role: 'VIEWER' },
    });
    const { targetId } = await heldTarget(fixture, 2);
    expect((await sweeper.sweep()).holdsLifted).toBeGreaterThanOrEqual(1);
    expect(
      (await engine.testApp.prisma.workspace.findUniqueOrThrow({ where: { id: fixture.workspaceId } })).heldAt,
    ).toBeNull();
    expect((await waitForState(engine.testApp.prisma, targetId, FINAL_STATES)).state).toBe('PUBLISHED');
    expect(
      await engine.testApp.prisma.auditEvent.count({
        where: { subjectId: fixture.workspaceId, action: 'workspace.hold_lifted' },
      }),
    ).toBe(1);
    // Every member is told the hold ended by itself, in the same transaction as the lift.
    const told = await engine.testApp.prisma.notificationRecipient.findMany({
      where: { workspaceId: fixture.workspaceId, notification: { kind: 'WORKSPACE_RESUMED' } },
      select: { userId: true },
    });
    expect(told).toEqual([{ userId: fixture.userId }]);
  });
});
