import { AccountCredentialsStore } from '../../src/core/credentials';
import { FacebookContract } from '../contracts/facebook/facebook-contract';
import { bearer, createWorkspace, type FixtureWorkspace } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

/** Facebook Login: every Page the admin granted becomes one account with its (non-expiring) Page token. */
describe('OAuth: Facebook Pages', () => {
  let fb: FacebookContract;
  let t: TestApp;
  let ws: FixtureWorkspace;

  beforeAll(async () => {
    fb = await new FacebookContract().start();
    fb.addPage({ id: '101', name: 'KSPI Pusat', username: 'kspipusat', pageAccessToken: 'page-token-101' });
    fb.addPage({ id: '202', name: 'KSPI Jawa Barat', username: 'kspijabar', pageAccessToken: 'page-token-202' });
    t = await startTestApp({
      config: {
        PUBLIC_BASE_URL: 'https://gaung.example',
        GRAPH_API_URL: fb.apiUrl,
        FACEBOOK_APP_ID: fb.app.appId,
        FACEBOOK_APP_SECRET: fb.app.appSecret,
        PUBLISH_TIMEOUT_MS: '3000',
      },
    });
    ws = await createWorkspace(t.prisma);
  });
  afterAll(async () => {
    await t.close();
    await fb.stop();
  });

  it('connects one account per granted page, verified, tokens sealed', async () => {
    const start = await t
      .http()
      .post(`/workspaces/${ws.slug}/accounts/oauth/facebook/start`)
      .set(bearer(ws.users.ADMIN))
      .expect(200);
    const url = new URL(start.body.authorizeUrl as string);
    expect(`${url.origin}${url.pathname}`).toBe('https://www.facebook.com/v23.0/dialog/oauth');
    expect(url.searchParams.get('scope')).toContain('pages_manage_posts');
    const res = await t
      .http()
      .get('/oauth/callback/facebook')
      .query({ code: 'good-code', state: url.searchParams.get('state') })
      .expect(200);
    expect(
      res.body.accounts.map((a: { externalId: string; displayName: string }) => [a.externalId, a.displayName]),
    ).toEqual([
      ['101', 'KSPI Pusat'],
      ['202', 'KSPI Jawa Barat'],
    ]);
    expect(JSON.stringify(res.body)).not.toContain('page-token');
    const rows = await t.prisma.connectedAccount.findMany({
      where: { workspaceId: ws.id, platform: 'FACEBOOK' },
      orderBy: { externalId: 'asc' },
    });
    expect(rows.map((row) => t.app.get(AccountCredentialsStore).open(row))).toEqual([
      { pageAccessToken: 'page-token-101' },
      { pageAccessToken: 'page-token-202' },
    ]);
    expect(rows.every((row) => row.tokenExpiresAt === null)).toBe(true);
  });

  it('a code the platform refuses answers 422 with its reason and writes nothing', async () => {
    const before = await t.prisma.connectedAccount.count({ where: { workspaceId: ws.id } });
    const start = await t
      .http()
      .post(`/workspaces/${ws.slug}/accounts/oauth/facebook/start`)
      .set(bearer(ws.users.ADMIN))
      .expect(200);
    const state = new URL(start.body.authorizeUrl as string).searchParams.get('state');
    const res = await t.http().get('/oauth/callback/facebook').query({ code: 'good-code', state }).expect(422); // already used above
    expect(res.body.error.message).toMatch(/verification code/);
    expect(await t.prisma.connectedAccount.count({ where: { workspaceId: ws.id } })).toBe(before);
  });
});
