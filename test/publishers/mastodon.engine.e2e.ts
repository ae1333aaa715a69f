import { SecretBox } from '../../src/core/crypto';
import { MastodonContract } from '../contracts/mastodon/mastodon-contract';
import { createFixture, scheduleTarget, waitForState, type Fixture } from '../publishing/engine-fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

const FINAL = ['PUBLISHED', 'FAILED', 'UNCONFIRMED', 'EXPIRED', 'CANCELLED', 'HELD'];
const TOKEN = 'engine-mastodon-token';

/**
 * Mastodon inside the real engine, against a server that ignores Idempotency-Key: after an
 * ambiguous outcome the engine looks the status up before anything is posted again.
 */
describe('Mastodon through the publishing engine: a server that ignores Idempotency-Key', () => {
  let instance: MastodonContract;
  let testApp: TestApp;
  let fixture: Fixture;

  beforeAll(async () => {
    instance = await new MastodonContract().start();
    instance.ignoresIdempotencyKey = true;
    instance.tokens.set(TOKEN, {
      accountId: '1',
      scopes: ['read:accounts', 'read:statuses', 'write:statuses', 'write:media'],
    });
    testApp = await startTestApp({
      roles: ['api', 'worker'],
      config: { PUBLISH_TIMEOUT_MS: '2000', MAX_PUBLISH_ATTEMPTS: '3' },
    });
    fixture = await createFixture(testApp, { platform: 'MASTODON', baseUrl: instance.baseUrl });
    const sealed = testApp.app.get(SecretBox).seal(JSON.stringify({ accessToken: TOKEN }), {
      workspaceId: fixture.workspaceId,
      subject: `account:${fixture.accountId}`,
    });
    await testApp.prisma.connectedAccount.update({
      where: { id: fixture.accountId },
      data: {
        externalId: '1',
        handle: '@kspi@sosial.serikat.test',
        credentialsCiphertext: sealed.ciphertext,
        credentialsKeyId: sealed.keyId,
      },
    });
  });
  afterAll(async () => {
    await testApp?.close();
    await instance?.stop();
  });

  it('an ambiguous first attempt that did post: the retry finds the status, PUBLISHED, nothing posted twice', async () => {
    const text = `Tolak PHK sepihak ${Date.now()}`;
    instance.failNextStatus({ kind: 'drop-after-create' });
    const { targetId } = await scheduleTarget(testApp, fixture, new Date(), { text });
    const target = await waitForState(testApp.prisma, targetId, FINAL, 20_000);
    const posted = instance.statuses.filter((status) => status.content === text);
    expect(posted).toHaveLength(1);
    expect(target.state).toBe('PUBLISHED');
    expect(target.externalId).toBe(posted[0]!.id);
    expect(
      instance.server
        .requestsTo('POST', /^\/api\/v1\/statuses$/)
        .filter((call) => (call.json as { status?: string }).status === text),
    ).toHaveLength(1);
    const attempts = await testApp.prisma.publishAttempt.findMany({
      where: { targetId },
      orderBy: { startedAt: 'asc' },
    });
    expect(attempts.map((attempt) => attempt.outcome)).toEqual(['AMBIGUOUS', 'PUBLISHED']);
  });

  describe("two deliveries of the same text to one account: the look-up never takes the other one's status", () => {
    const statusCalls = (text: string) =>
      instance.server
        .requestsTo('POST', /^\/api\/v1\/statuses$/)
        .filter((call) => (call.json as { status?: string }).status === text);

    it("the second's ambiguous attempt did not post: its retry skips the first's recorded status and posts its own", async () => {
      const text = `Rapat akbar serikat ${Date.now()}`;
      const first = await scheduleTarget(testApp, fixture, new Date(), { text });
      const firstDone = await waitForState(testApp.prisma, first.targetId, FINAL, 20_000);
      expect(firstDone.state).toBe('PUBLISHED');
      // Refused with a 5xx before anything was created: the outcome is unknown to Gaung (AMBIGUOUS).
      instance.failNextStatus({ kind: 'error', status: 503, error: 'Service Unavailable' });
      const second = await scheduleTarget(testApp, fixture, new Date(), { text });
      const secondDone = await waitForState(testApp.prisma, second.targetId, FINAL, 20_000);
      expect(secondDone.state).toBe('PUBLISHED');
      expect(secondDone.externalId).not.toBe(firstDone.externalId);
      const posted = instance.statuses.filter((status) => status.content === text);
      expect(posted.map((status) => status.id).sort()).toEqual([firstDone.externalId, secondDone.externalId].sort());
      expect(statusCalls(text)).toHaveLength(3);
      const attempts = await testApp.prisma.publishAttempt.findMany({
        where: { targetId: second.targetId },
        orderBy: { startedAt: 'asc' },
      });
      expect(attempts.map((attempt) => attempt.outcome)).toEqual(['AMBIGUOUS', 'PUBLISHED']);
    });

    it("a match that may be an unconfirmed twin's is not taken: UNCONFIRMED, nothing posted again", async () => {
      const text = `Aksi serentak ${Date.now()}`;
      const twin = await scheduleTarget(testApp, fixture, new Date(), { text });
      expect((await waitForState(testApp.prisma, twin.targetId, FINAL, 20_000)).state).toBe('PUBLISHED');
      // As a delivery whose answer was lost and whose look-up could not be made leaves it: it posted,
      // but nobody recorded which status is its.
      await testApp.prisma.postTarget.update({
        where: { id: twin.targetId },
        data: { state: 'UNCONFIRMED', externalId: null, externalUrl: null },
      });
      instance.failNextStatus({ kind: 'error', status: 503, error: 'Service Unavailable' });
      const second = await scheduleTarget(testApp, fixture, new Date(), { text });
      const secondDone = await waitForState(testApp.prisma, second.targetId, FINAL, 20_000);
      expect(secondDone.state).toBe('UNCONFIRMED');
      expect(secondDone.externalId).toBeNull();
      expect(secondDone.lastErrorCode).toBe('mastodon.lookup_inconclusive');
      expect(instance.statuses.filter((status) => status.content === text)).toHaveLength(1);
      expect(statusCalls(text)).toHaveLength(2);
    });
  });

  it('when the look-up cannot be made, UNCONFIRMED: neither the key nor the look-up makes a second post safe', async () => {
    await testApp.prisma.connectedAccount.update({ where: { id: fixture.accountId }, data: { externalId: null } });
    try {
      const text = `Tak bisa dipastikan ${Date.now()}`;
      instance.failNextStatus({ kind: 'drop-after-create' });
      const { targetId } = await scheduleTarget(testApp, fixture, new Date(), { text });
      const target = await waitForState(testApp.prisma, targetId, FINAL, 20_000);
      expect(target.state).toBe('UNCONFIRMED');
      expect(target.lastErrorCode).toBe('mastodon.lookup_inconclusive');
      expect(instance.statuses.filter((status) => status.content === text)).toHaveLength(1);
    } finally {
      await testApp.prisma.connectedAccount.update({ where: { id: fixture.accountId }, data: { externalId: '1' } });
    }
  });
});
