import { SecretBox } from '../../src/core/crypto';
import { PlatformHttp, type Publisher } from '../../src/publishers';
import { InstagramPublisher } from '../../src/publishers/instagram/instagram.publisher';
import { InstagramContract } from '../contracts/instagram/instagram-contract';
import {
  createFixture,
  overridePublisher,
  removeFixtures,
  scheduleTarget,
  waitForState,
  FINAL_STATES,
  type Fixture,
} from '../publishing/engine-fixtures';
import { startTestApp, type TestApp } from '../support/test-app';
import { testConfig } from '../support/test-config';
import { hostedImage } from './publish-request.fixture';

const IG_USER = '17841400000000777';
const TOKEN = 'ig-engine-token';
/** Instagram's 50 posts per 24 h, shortened: the server and the engine both count 3 per 3 s. */
const QUOTA = { total: 3, windowMs: 3_000 };
const BURST = 7;
/** Container status polls answered IN_PROGRESS before FINISHED, 120 ms apart: each post reaches
 *  media_publish (where Instagram counts it) some 0.5 s after its attempt started. */
const SLOW_CONTAINER = { inProgressPolls: 4, final: 'FINISHED' as const };

/**
 * The engine's rate budget against a platform that counts posts itself, as Instagram does (50 per
 * 24 h by the time it receives media_publish): a burst for one account, through two workers whose
 * wake-ups race for it, must never make the platform count one more than its budget, and so never
 * be refused. The container's processing puts receipt well after the attempt's start, which is why
 * the budget's window runs from the end of an attempt (docs/publishing.md, "Rate budgets").
 */
describe('Instagram through the publishing engine: a burst never exceeds the platform counted quota', () => {
  let server: InstagramContract;
  let testApp: TestApp;
  let second: TestApp;
  let fixture: Fixture;

  /** The real Instagram publisher, on the contract server, with the shortened budget and an image. */
  const instagramFor = (app: TestApp): Publisher => {
    const real = new InstagramPublisher(app.app.get(PlatformHttp), testConfig({ GRAPH_API_URL: server.apiUrl }), {
      intervalMs: 120,
      maxAttempts: 20,
    });
    return {
      platform: real.platform,
      ambiguousRetry: real.ambiguousRetry,
      limits: { ...real.limits, rateBudget: { posts: QUOTA.total, windowMs: QUOTA.windowMs } },
      validate: (content) => real.validate(content),
      verifyCredentials: (account, signal) => real.verifyCredentials(account, signal),
      // The posts carry no stored media here: the engine's claims and budget are under test, so each
      // delivery gets one image the platform fetches by URL, as a stored one would be.
      publish: (request) => real.publish({ ...request, content: { ...request.content, media: [hostedImage()] } }),
    };
  };

  beforeAll(async () => {
    server = await new InstagramContract()
      .addUser(IG_USER, { token: TOKEN, username: 'kspi_ig', name: 'KSPI' })
      .start();
    server.rollingQuota = QUOTA;
    testApp = await startTestApp({ roles: ['api', 'worker'], config: { PUBLISH_TIMEOUT_MS: '10000' } });
    second = await startTestApp({ roles: ['worker'], config: { QUEUE_PREFIX: testApp.config.QUEUE_PREFIX } });
    for (const app of [testApp, second]) overridePublisher(app, instagramFor(app));
    fixture = await createFixture(testApp, { platform: 'INSTAGRAM' });
    const sealed = testApp.app.get(SecretBox).seal(JSON.stringify({ accessToken: TOKEN }), {
      workspaceId: fixture.workspaceId,
      subject: `account:${fixture.accountId}`,
    });
    await testApp.prisma.connectedAccount.update({
      where: { id: fixture.accountId },
      data: { externalId: IG_USER, credentialsCiphertext: sealed.ciphertext, credentialsKeyId: sealed.keyId },
    });
  });
  afterAll(async () => {
    if (testApp) await removeFixtures(testApp.prisma);
    await second?.close();
    await testApp?.close();
    await server?.stop();
  });

  it(`${BURST} posts due at once: all published, never more than ${QUOTA.total} received in ${QUOTA.windowMs} ms, none refused`, async () => {
    for (let i = 0; i < BURST * 2; i++) server.nextOutcomes.push(SLOW_CONTAINER);
    const due = new Date(Date.now() + 300);
    const targets = await Promise.all(
      Array.from({ length: BURST }, (_, i) =>
        scheduleTarget(testApp, fixture, due, { text: `Mogok nasional, unggahan ${i + 1}` }),
      ),
    );
    const finals = await Promise.all(
      targets.map(({ targetId }) => waitForState(testApp.prisma, targetId, FINAL_STATES, 25_000)),
    );
    expect(finals.map((t) => t.state)).toEqual(Array(BURST).fill('PUBLISHED'));
    expect(server.published).toHaveLength(BURST);
    expect(server.mostInAnyWindow(IG_USER)).toBeLessThanOrEqual(QUOTA.total);
    expect(server.quotaRefusals).toBe(0);
    // Nor did the publisher have to refuse after reading the platform's count (quota_exhausted).
    const attempts = await testApp.prisma.publishAttempt.findMany({ where: { accountId: fixture.accountId } });
    expect(attempts.map((a) => a.outcome)).toEqual(Array(BURST).fill('PUBLISHED'));
    // Receipt came well after each attempt's start: the case the window's end-measure exists for.
    const receivedAfterStart = server.published.map((m) => {
      const attempt = attempts.find((a) => a.externalId === m.id)!;
      return m.receivedAt - attempt.startedAt.getTime();
    });
    expect(Math.min(...receivedAfterStart)).toBeGreaterThan(400);
  });
});
