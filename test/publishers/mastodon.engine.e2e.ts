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
