import { SecretBox } from '../../src/core/crypto';
import { dropConnection } from '../contracts/contract-server';
import { XContract } from '../contracts/x/x-contract';
import { createFixture, scheduleTarget, waitForState, type Fixture } from '../publishing/engine-fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

const FINAL = ['PUBLISHED', 'FAILED', 'UNCONFIRMED', 'EXPIRED', 'CANCELLED', 'HELD'];

/**
 * The X publisher inside the real engine (Postgres + Redis): after an ambiguous outcome the engine
 * retries through findPublished, so a post that went out is recognised and never posted twice.
 */
describe('X through the publishing engine: ambiguous outcome resolved by look-up', () => {
  let server: XContract;
  let testApp: TestApp;
  let fixture: Fixture;
  const user = { id: '1500000000000000009', name: 'KSBSI', username: 'ksbsi' };

  beforeAll(async () => {
    server = await new XContract().addUser(user, 'engine-access').start();
    testApp = await startTestApp({
      roles: ['api', 'worker'],
      config: { X_API_URL: server.baseUrl, PUBLISH_TIMEOUT_MS: '2000', MAX_PUBLISH_ATTEMPTS: '3' },
    });
    fixture = await createFixture(testApp, { platform: 'X' });
    const sealed = testApp.app.get(SecretBox).seal(JSON.stringify({ accessToken: 'engine-access' }), {
      workspaceId: fixture.workspaceId,
      subject: `account:${fixture.accountId}`,
    });
    await testApp.prisma.connectedAccount.update({
      where: { id: fixture.accountId },
      data: {
        externalId: user.id,
        handle: user.username,
        credentialsCiphertext: sealed.ciphertext,
        credentialsKeyId: sealed.keyId,
      },
    });
  });
  afterAll(async () => {
    await testApp?.close();
    await server?.stop();
  });

  it('publishes once when X acted but the answer was lost: the retry finds the post instead of posting again', async () => {
    const text = `Upah layak untuk semua & sekarang https://ksbsi.or.id/upah ${Date.now()}`;
    server.failNext('POST', /^\/2\/tweets$/, (_req, res) => {
      server.tweets.push({
        id: '1999999999999999999',
        authorId: user.id,
        sentText: text,
        text: text.replace('https://ksbsi.or.id/upah', 'https://t.co/zzzzzzzzzz'),
        entities: {
          urls: [
            {
              start: 0,
              end: 0,
              url: 'https://t.co/zzzzzzzzzz',
              expanded_url: 'https://ksbsi.or.id/upah',
              display_url: 'ksbsi.or.id/upah',
            },
          ],
        },
        mediaIds: [],
      });
      dropConnection(res);
    });
    const { targetId } = await scheduleTarget(testApp, fixture, new Date(), { text });
    const target = await waitForState(testApp.prisma, targetId, FINAL, 20_000);
    expect(target.state).toBe('PUBLISHED');
    expect(target.externalId).toBe('1999999999999999999');
    expect(target.externalUrl).toBe('https://x.com/ksbsi/status/1999999999999999999');
    expect(server.tweets.filter((t) => t.sentText === text)).toHaveLength(1);
    expect(server.requestsTo('POST', /^\/2\/tweets$/)).toHaveLength(1);
    const attempts = await testApp.prisma.publishAttempt.findMany({
      where: { targetId },
      orderBy: { startedAt: 'asc' },
    });
    expect(attempts[0].outcome).toBe('AMBIGUOUS');
    expect(attempts.at(-1)!.outcome).toBe('PUBLISHED');
  });

  it('publishes once when X never acted: the look-up finds nothing and the retry posts', async () => {
    const text = `Belum terkirim ${Date.now()}`;
    server.failNext('POST', /^\/2\/tweets$/, (_req, res) => dropConnection(res));
    const { targetId } = await scheduleTarget(testApp, fixture, new Date(), { text });
    const target = await waitForState(testApp.prisma, targetId, FINAL, 20_000);
    expect(target.state).toBe('PUBLISHED');
    const posted = server.tweets.filter((t) => t.sentText === text);
    expect(posted).toHaveLength(1);
    expect(target.externalId).toBe(posted[0].id);
  });

  it("a second delivery of the same text never takes the first one's post: the look-up skips it", async () => {
    const text = `Dua kali teks yang sama ${Date.now()}`;
    const first = await scheduleTarget(testApp, fixture, new Date(), { text });
    const firstDone = await waitForState(testApp.prisma, first.targetId, FINAL, 20_000);
    expect(firstDone.state).toBe('PUBLISHED');
    server.failNext('POST', /^\/2\/tweets$/, (_req, res) => dropConnection(res));
    const second = await scheduleTarget(testApp, fixture, new Date(), { text });
    const secondDone = await waitForState(testApp.prisma, second.targetId, FINAL, 20_000);
    // Posting again is refused by X as duplicate content: UNCONFIRMED for a human, never the first's id.
    expect(secondDone.externalId).not.toBe(firstDone.externalId);
    expect(secondDone.state).toBe('UNCONFIRMED');
    expect(server.tweets.filter((t) => t.sentText === text)).toHaveLength(1);
  });
});
