import { HoldResumeService, PublishEngine } from '../../src/publishing';
import { WebhookContractServer, refusedUrl } from '../contracts/webhook/webhook-contract-server';
import { startTestApp, type TestApp } from '../support/test-app';
import {
  createFixture,
  removeFixtures,
  scheduleTarget,
  sleep,
  waitForState,
  WEBHOOK_SECRET,
  type Fixture,
} from './engine-fixtures';

const FINAL = ['PUBLISHED', 'FAILED', 'UNCONFIRMED', 'EXPIRED', 'CANCELLED', 'HELD'];

describe('publishing engine: outcomes by failure kind (WEBHOOK channel, real Postgres + Redis)', () => {
  let testApp: TestApp;
  let receiver: WebhookContractServer;
  let fixture: Fixture;

  beforeAll(async () => {
    receiver = await new WebhookContractServer(WEBHOOK_SECRET).start();
    testApp = await startTestApp({
      roles: ['api', 'worker'],
      config: { PUBLISH_TIMEOUT_MS: '800', MAX_PUBLISH_ATTEMPTS: '3', PUBLISH_LEASE_MS: '5000' },
    });
    fixture = await createFixture(testApp, { baseUrl: receiver.url });
  });
  afterAll(async () => {
    if (testApp) await removeFixtures(testApp.prisma);
    await testApp?.close();
    await receiver?.stop();
  });

  it('publishes an idle post at its time, once, with a ledger row and an audit event', async () => {
    const dueAt = new Date(Date.now() + 700);
    const { targetId } = await scheduleTarget(testApp, fixture, dueAt);
    const target = await waitForState(testApp.prisma, targetId, FINAL);
    expect(target.state).toBe('PUBLISHED');
    const delivered = receiver.stored.filter((post) => post.targetId === targetId);
    expect(delivered).toHaveLength(1);
    expect(target.externalId).toBe(delivered[0]!.id);
    const request = receiver.requests.find(
      (r) => (r.json as { targetId?: string } | undefined)?.targetId === targetId,
    )!;
    const lateMs = request.receivedAt - dueAt.getTime();
    process.stdout.write(`idle single post: received ${lateMs} ms after its time\n`);
    expect(lateMs).toBeGreaterThanOrEqual(-50);
    const attempts = await testApp.prisma.publishAttempt.findMany({ where: { targetId } });
    expect(attempts.map((a) => a.outcome)).toEqual(['PUBLISHED']);
    const audit = await testApp.prisma.auditEvent.findMany({
      where: { subjectId: targetId, action: 'target.published' },
    });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actorKind).toBe('worker');
  });

  it('PERMANENT: FAILED with the platform reason and a notification', async () => {
    receiver.fail({ kind: 'reject', reason: 'Konten ditolak: terlalu panjang' });
    await testApp.prisma.membership.upsert({
      where: { workspaceId_userId: { workspaceId: fixture.workspaceId, userId: fixture.userId } },
      create: { workspaceId: fixture.workspaceId, userId: fixture.userId, role: 'EDITOR' },
      update: {},
    });
    const { targetId } = await scheduleTarget(testApp, fixture, new Date());
    const target = await waitForState(testApp.prisma, targetId, FINAL);
    expect(target.state).toBe('FAILED');
    expect(target.lastError).toContain('Konten ditolak');
    expect(target.lastErrorCode).toBe('webhook.422');
    expect(await testApp.prisma.notification.count({ where: { targetId, kind: 'TARGET_FAILED' } })).toBe(1);
    // The post's author (a member) is told; the engine is no actor to leave out.
    const told = await testApp.prisma.notificationRecipient.findMany({
      where: { notification: { targetId } },
      select: { userId: true, readAt: true },
    });
    expect(told).toEqual([{ userId: fixture.userId, readAt: null }]);
  });

  it('NOT_SENT_RETRYABLE: 503 twice then accepted; attempts counted', async () => {
    receiver.fail({ kind: 'unavailable' }, { kind: 'unavailable' });
    const { targetId } = await scheduleTarget(testApp, fixture, new Date());
    const target = await waitForState(testApp.prisma, targetId, ['PUBLISHED', 'FAILED', 'UNCONFIRMED'], 20_000);
    expect(target.state).toBe('PUBLISHED');
    expect(target.attempts).toBe(3);
    const outcomes = (
      await testApp.prisma.publishAttempt.findMany({ where: { targetId }, orderBy: { id: 'asc' } })
    ).map((a) => a.outcome);
    expect(outcomes).toEqual(['NOT_SENT_RETRYABLE', 'NOT_SENT_RETRYABLE', 'PUBLISHED']);
  });

  it('NOT_SENT_RETRYABLE: a refused connection ends FAILED after MAX_PUBLISH_ATTEMPTS', async () => {
    const closed = await createFixture(testApp, { baseUrl: await refusedUrl() });
    const { targetId } = await scheduleTarget(testApp, closed, new Date());
    const target = await waitForState(testApp.prisma, targetId, ['FAILED', 'PUBLISHED', 'UNCONFIRMED'], 20_000);
    expect(target.state).toBe('FAILED');
    expect(target.attempts).toBe(3);
    expect(target.lastErrorCode).toBe('webhook.econnrefused');
  });

  it('429 with Retry-After: waits that long and does not use up attempts', async () => {
    receiver.fail(
      { kind: 'rate-limit', retryAfterSeconds: 1 },
      { kind: 'rate-limit', retryAfterSeconds: 1 },
      { kind: 'rate-limit', retryAfterSeconds: 1 },
    );
    const { targetId } = await scheduleTarget(testApp, fixture, new Date());
    const target = await waitForState(testApp.prisma, targetId, ['PUBLISHED', 'FAILED', 'UNCONFIRMED'], 20_000);
    // Three rate limits with MAX_PUBLISH_ATTEMPTS=3 would have failed if they counted.
    expect(target.state).toBe('PUBLISHED');
    expect(target.attempts).toBe(1);
    const attempts = await testApp.prisma.publishAttempt.findMany({ where: { targetId }, orderBy: { id: 'asc' } });
    expect(attempts.map((a) => a.retryAfterMs)).toEqual([1000, 1000, 1000, null]);
    for (let i = 1; i < attempts.length; i++) {
      expect(attempts[i]!.startedAt.getTime() - attempts[i - 1]!.finishedAt.getTime()).toBeGreaterThanOrEqual(950);
    }
  });

  it('AUTH: account NEEDS_RECONNECT, target HELD, resumes after reconnect', async () => {
    const own = await createFixture(testApp, { baseUrl: receiver.url });
    receiver.fail({ kind: 'unauthorized' });
    const { targetId } = await scheduleTarget(testApp, own, new Date());
    const parked = await waitForState(testApp.prisma, targetId, FINAL);
    expect(parked.state).toBe('HELD');
    expect(parked.lastOutcome).toBe('AUTH');
    const account = await testApp.prisma.connectedAccount.findUniqueOrThrow({ where: { id: own.accountId } });
    expect(account.status).toBe('NEEDS_RECONNECT');
    expect(
      await testApp.prisma.notification.count({ where: { subjectId: own.accountId, kind: 'ACCOUNT_NEEDS_RECONNECT' } }),
    ).toBe(1);

    await testApp.prisma.connectedAccount.update({ where: { id: own.accountId }, data: { status: 'ACTIVE' } });
    const summary = await testApp.app.get(HoldResumeService).accountReconnected(own.accountId);
    expect(summary).toEqual({ rescheduled: 1, expired: 0 });
    expect((await waitForState(testApp.prisma, targetId, ['PUBLISHED', 'FAILED', 'UNCONFIRMED'])).state).toBe(
      'PUBLISHED',
    );
  });

  it('AMBIGUOUS with a safe retry (Idempotency-Key): retried, and the receiver holds one post', async () => {
    receiver.fail({ kind: 'drop-after-accept' }, { kind: 'hang-after-accept' });
    const { targetId } = await scheduleTarget(testApp, fixture, new Date());
    const target = await waitForState(testApp.prisma, targetId, ['PUBLISHED', 'FAILED', 'UNCONFIRMED'], 20_000);
    expect(target.state).toBe('PUBLISHED');
    const outcomes = (
      await testApp.prisma.publishAttempt.findMany({ where: { targetId }, orderBy: { id: 'asc' } })
    ).map((a) => a.outcome);
    expect(outcomes).toEqual(['AMBIGUOUS', 'AMBIGUOUS', 'PUBLISHED']);
    expect(receiver.stored.filter((post) => post.targetId === targetId)).toHaveLength(1);
    expect(
      receiver.requests.filter((r) => (r.json as { targetId?: string } | undefined)?.targetId === targetId),
    ).toHaveLength(3);
  });

  it('credentials that cannot be opened: the target is released as HELD without a platform call, and audited', async () => {
    const own = await createFixture(testApp, { baseUrl: receiver.url });
    // A key id no test configures: the start-up key check never samples it (see object-fixtures.ts).
    await testApp.prisma.connectedAccount.update({
      where: { id: own.accountId },
      data: { credentialsCiphertext: new Uint8Array([1, 2, 3]), credentialsKeyId: 'fixture-unopenable' },
    });
    const { targetId } = await scheduleTarget(testApp, own, new Date());
    const target = await waitForState(testApp.prisma, targetId, FINAL);
    expect(target).toMatchObject({ state: 'HELD', lastErrorCode: 'engine.recheck', leaseOwner: null });
    expect(
      receiver.requests.filter((r) => (r.json as { targetId?: string } | undefined)?.targetId === targetId),
    ).toHaveLength(0);
    const audit = await testApp.prisma.auditEvent.findMany({
      where: { subjectId: targetId, action: 'target.released' },
    });
    expect(audit.map((a) => [a.subjectType, a.actorKind])).toEqual([['target', 'worker']]);
  });

  it('two wake-ups for the same target and version: one claim, one call', async () => {
    const { targetId } = await scheduleTarget(testApp, fixture, new Date(Date.now() + 300));
    const engine = testApp.app.get(PublishEngine);
    await sleep(350);
    await Promise.all([engine.run(targetId, 1), engine.run(targetId, 1), engine.run(targetId, 1)]);
    const target = await waitForState(testApp.prisma, targetId, FINAL);
    expect(target.state).toBe('PUBLISHED');
    expect(
      receiver.requests.filter((r) => (r.json as { targetId?: string } | undefined)?.targetId === targetId),
    ).toHaveLength(1);
  });
});
