import { SecretBox } from '../../src/core/crypto';
import { dropConnection } from '../contracts/contract-server';
import { FacebookContract } from '../contracts/facebook/facebook-contract';
import { createFixture, scheduleTarget, waitForState, type Fixture } from '../publishing/engine-fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

const FINAL = ['PUBLISHED', 'FAILED', 'UNCONFIRMED', 'EXPIRED', 'CANCELLED', 'HELD'];

/** The Facebook publisher inside the real engine: no safe retry, so an unknown outcome waits for a human. */
describe('Facebook through the publishing engine', () => {
  let server: FacebookContract;
  let testApp: TestApp;
  let fixture: Fixture;
  const page = { id: '4455667788', name: 'KSPI Jakarta', username: 'kspi.jkt', pageAccessToken: 'engine-page-token' };

  const useToken = async (pageAccessToken: string) => {
    const sealed = testApp.app.get(SecretBox).seal(JSON.stringify({ pageAccessToken }), {
      workspaceId: fixture.workspaceId,
      subject: `account:${fixture.accountId}`,
    });
    await testApp.prisma.connectedAccount.update({
      where: { id: fixture.accountId },
      data: {
        externalId: page.id,
        status: 'ACTIVE',
        credentialsCiphertext: sealed.ciphertext,
        credentialsKeyId: sealed.keyId,
      },
    });
  };

  beforeAll(async () => {
    server = await new FacebookContract().addPage(page).start();
    testApp = await startTestApp({
      roles: ['api', 'worker'],
      config: { GRAPH_API_URL: server.apiUrl, PUBLISH_TIMEOUT_MS: '2000', MAX_PUBLISH_ATTEMPTS: '3' },
    });
    fixture = await createFixture(testApp, { platform: 'FACEBOOK' });
    await useToken(page.pageAccessToken);
  });
  afterAll(async () => {
    await testApp?.close();
    await server?.stop();
  });

  it('publishes and stores the post id and URL', async () => {
    const { targetId } = await scheduleTarget(testApp, fixture, new Date(), { text: 'Rapat akbar Minggu ini' });
    const target = await waitForState(testApp.prisma, targetId, FINAL);
    expect(target.state).toBe('PUBLISHED');
    expect(target.externalId).toBe(server.posts.at(-1)!.id);
    expect(target.externalUrl).toBe(`https://www.facebook.com/${target.externalId}`);
  });

  it('marks a lost answer UNCONFIRMED and never posts it again by itself', async () => {
    const text = `Pernyataan sikap ${Date.now()}`;
    server.failNext('POST', /\/feed$/, (_req, res) => {
      server.posts.push({ id: `${page.id}_777`, pageId: page.id, message: text, attachedMedia: [], kind: 'feed' });
      dropConnection(res);
    });
    const { targetId } = await scheduleTarget(testApp, fixture, new Date(), { text });
    const target = await waitForState(testApp.prisma, targetId, FINAL);
    expect(target.state).toBe('UNCONFIRMED');
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(server.posts.filter((p) => p.message === text)).toHaveLength(1);
    expect(
      server.requestsTo('POST', /\/feed$/).filter((r) => (r.json as { message?: string }).message === text),
    ).toHaveLength(1);
  });

  it('parks the account as NEEDS_RECONNECT when the page token is revoked (code 190)', async () => {
    await useToken('revoked-page-token');
    const { targetId } = await scheduleTarget(testApp, fixture, new Date(), { text: 'Token dicabut' });
    const deadline = Date.now() + 10_000;
    let account = await testApp.prisma.connectedAccount.findUniqueOrThrow({ where: { id: fixture.accountId } });
    while (account.status !== 'NEEDS_RECONNECT' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      account = await testApp.prisma.connectedAccount.findUniqueOrThrow({ where: { id: fixture.accountId } });
    }
    expect(account.status).toBe('NEEDS_RECONNECT');
    const target = await testApp.prisma.postTarget.findUniqueOrThrow({ where: { id: targetId } });
    expect(target.state).not.toBe('PUBLISHED');
    expect(target.lastErrorCode).toBe('facebook.190');
  });
});
