import { AccountCredentialsStore } from '../../src/core/credentials';
import { XContract } from '../contracts/x/x-contract';
import { createFixture, scheduleTarget, waitForState, type Fixture } from '../publishing/engine-fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

const FINAL = ['PUBLISHED', 'FAILED', 'UNCONFIRMED', 'EXPIRED', 'CANCELLED', 'HELD'];

/** The engine gives publishers saveRefreshedCredentials (AccountCredentialsStore): a 401 mid-publish refreshes and stores the rotated tokens. */
describe('engine: credentials refreshed during a publish are stored', () => {
  let x: XContract;
  let t: TestApp;
  let fixture: Fixture;
  const user = { id: '1500000000000000042', name: 'KSPI', username: 'kspi_engine' };

  beforeAll(async () => {
    x = await new XContract().addUser(user, 'xat-not-this-one', 'xrt-engine').start();
    t = await startTestApp({
      roles: ['api', 'worker'],
      config: { X_API_URL: x.baseUrl, PUBLISH_TIMEOUT_MS: '2000', MAX_PUBLISH_ATTEMPTS: '2' },
    });
    fixture = await createFixture(t, { platform: 'X' });
    const store = t.app.get(AccountCredentialsStore);
    await store.save(
      { id: fixture.accountId, workspaceId: fixture.workspaceId },
      {
        accessToken: 'xat-expired',
        refreshToken: 'xrt-engine',
        clientId: x.client.clientId,
        clientSecret: x.client.clientSecret,
      },
      new Date(Date.now() - 60_000),
    );
    await t.prisma.connectedAccount.update({
      where: { id: fixture.accountId },
      data: { externalId: user.id, handle: user.username },
    });
  });
  afterAll(async () => {
    await t?.close();
    await x?.stop();
  });

  it('publishes after one refresh and keeps the rotated refresh token', async () => {
    const { targetId } = await scheduleTarget(t, fixture, new Date(), { text: `Token diperbarui ${Date.now()}` });
    const target = await waitForState(t.prisma, targetId, FINAL, 20_000);
    expect(target.state).toBe('PUBLISHED');
    expect(x.requestsTo('POST', /^\/2\/oauth2\/token$/)).toHaveLength(1);
    const row = await t.prisma.connectedAccount.findUniqueOrThrow({ where: { id: fixture.accountId } });
    const credentials = t.app.get(AccountCredentialsStore).open(row);
    expect(credentials.refreshToken).not.toBe('xrt-engine');
    expect(x.refreshTokens.has(String(credentials.refreshToken))).toBe(true);
    expect(row.tokenExpiresAt!.getTime()).toBeGreaterThan(Date.now() + 3600_000);
  });
});
