import { AccountCredentialsStore } from '../../src/core/credentials';
import { LinkedInContract } from '../contracts/linkedin/linkedin-contract';
import { ThreadsContract } from '../contracts/threads/threads-contract';
import { bearer, createWorkspace, type FixtureWorkspace } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

describe('OAuth: Threads and LinkedIn', () => {
  let threads: ThreadsContract;
  let linkedin: LinkedInContract;
  let t: TestApp;
  let ws: FixtureWorkspace;

  beforeAll(async () => {
    threads = await new ThreadsContract().start();
    threads.addUser('31337', { token: 'th-long-token', username: 'kspi', name: 'KSPI' });
    linkedin = await new LinkedInContract().start();
    linkedin.members.set('m-42', { sub: 'm-42', name: 'Sekretariat KSPI', adminOf: [] });
    t = await startTestApp({
      config: {
        PUBLIC_BASE_URL: 'https://gaung.example',
        THREADS_API_URL: threads.apiUrl,
        THREADS_APP_ID: threads.app.appId,
        THREADS_APP_SECRET: threads.app.appSecret,
        LINKEDIN_API_URL: linkedin.baseUrl,
        LINKEDIN_CLIENT_ID: linkedin.app.clientId,
        LINKEDIN_CLIENT_SECRET: linkedin.app.clientSecret,
        PUBLISH_TIMEOUT_MS: '3000',
      },
    });
    ws = await createWorkspace(t.prisma);
  });
  afterAll(async () => {
    await t.close();
    await Promise.all([threads.stop(), linkedin.stop()]);
  });

  async function authorize(platform: string) {
    const res = await t
      .http()
      .post(`/workspaces/${ws.slug}/accounts/oauth/${platform}/start`)
      .set(bearer(ws.users.ADMIN))
      .expect(200);
    return new URL(res.body.authorizeUrl as string);
  }

  it('Threads: code -> short token -> long-lived token (60 days), verified', async () => {
    const url = await authorize('threads');
    expect(`${url.origin}${url.pathname}`).toBe('https://threads.net/oauth/authorize');
    threads.validCodes.set('th-code', '31337');
    const res = await t
      .http()
      .get('/oauth/callback/threads')
      .query({ code: 'th-code', state: url.searchParams.get('state') })
      .expect(200);
    expect(res.body.accounts).toEqual([
      expect.objectContaining({ platform: 'THREADS', externalId: '31337', handle: 'kspi' }),
    ]);
    const row = await t.prisma.connectedAccount.findFirstOrThrow({
      where: { workspaceId: ws.id, platform: 'THREADS' },
    });
    expect(t.app.get(AccountCredentialsStore).open(row)).toEqual({ accessToken: 'th-long-token' });
    expect(row.tokenExpiresAt!.getTime() - Date.now()).toBeGreaterThan(59 * 86_400_000);
  });

  it('LinkedIn: the signed-in member is connected with refresh token and client kept sealed', async () => {
    const url = await authorize('linkedin');
    expect(url.pathname).toBe('/oauth/v2/authorization');
    linkedin.codes.set('li-code', 'm-42');
    const res = await t
      .http()
      .get('/oauth/callback/linkedin')
      .query({ code: 'li-code', state: url.searchParams.get('state') });
    expect(res.body.error?.message).toBeUndefined();
    expect(res.status).toBe(200);
    expect(res.body.accounts).toEqual([
      expect.objectContaining({
        platform: 'LINKEDIN',
        externalId: 'urn:li:person:m-42',
        displayName: 'Sekretariat KSPI',
      }),
    ]);
    const row = await t.prisma.connectedAccount.findFirstOrThrow({
      where: { workspaceId: ws.id, platform: 'LINKEDIN' },
    });
    expect(t.app.get(AccountCredentialsStore).open(row)).toMatchObject({
      accessToken: expect.stringMatching(/^lat-/),
      refreshToken: expect.stringMatching(/^lrt-/),
      clientId: 'li-client',
      clientSecret: 'li-secret',
    });
  });
});
