import { AccountCredentialsStore } from '../../src/core/credentials';
import { SecretBox } from '../../src/core/crypto';
import { InstagramLoginContract } from '../contracts/instagram/instagram-login-contract';
import { bearer, createWorkspace, type FixtureWorkspace } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

const PUBLIC = 'https://gaung.example';

/**
 * Instagram professional accounts through Facebook Login: every granted page with a linked
 * Instagram account becomes one INSTAGRAM account (the IG user id, its username, the page token);
 * pages without one are skipped, and a grant with none at all is refused.
 */
describe('OAuth: Instagram through Facebook Login', () => {
  let graph: InstagramLoginContract;
  let t: TestApp;
  let ws: FixtureWorkspace;

  beforeAll(async () => {
    graph = await new InstagramLoginContract(PUBLIC).start();
    graph.addPage(
      {
        id: '101',
        name: 'KSPI Pusat',
        username: 'kspipusat',
        pageAccessToken: 'page-token-101',
        instagram: { id: '17841400000000101', username: 'kspi.pusat' },
      },
      'KSPI Pusat IG',
    );
    graph.addPage({ id: '202', name: 'KSPI Jawa Barat', username: 'kspijabar', pageAccessToken: 'page-token-202' });
    graph.addPage({
      id: '303',
      name: 'KSPI Banten',
      username: 'kspibanten',
      pageAccessToken: 'page-token-303',
      instagram: { id: '17841400000000303', username: 'kspi.banten' },
    });
    t = await startTestApp({
      config: {
        PUBLIC_BASE_URL: PUBLIC,
        GRAPH_API_URL: graph.apiUrl,
        FACEBOOK_APP_ID: graph.app.appId,
        FACEBOOK_APP_SECRET: graph.app.appSecret,
        PUBLISH_TIMEOUT_MS: '3000',
      },
    });
    ws = await createWorkspace(t.prisma);
  });
  afterAll(async () => {
    await t.close();
    await graph.stop();
  });

  const writes = async () => ({
    accounts: await t.prisma.connectedAccount.count({ where: { workspaceId: ws.id } }),
    audit: await t.prisma.auditEvent.count({ where: { workspaceId: ws.id } }),
  });
  async function startInstagram(): Promise<URL> {
    const start = await t
      .http()
      .post(`/workspaces/${ws.slug}/accounts/oauth/instagram/start`)
      .set(bearer(ws.users.ADMIN))
      .expect(200);
    return new URL(start.body.authorizeUrl as string);
  }

  it('connects one verified INSTAGRAM account per page with a linked account, skipping the others, tokens sealed and audited', async () => {
    const url = await startInstagram();
    expect(`${url.origin}${url.pathname}`).toBe('https://www.facebook.com/v23.0/dialog/oauth');
    expect(url.searchParams.get('redirect_uri')).toBe(`${PUBLIC}/oauth/callback/instagram`);
    expect(url.searchParams.get('scope')!.split(',')).toEqual(
      expect.arrayContaining(['instagram_basic', 'instagram_content_publish', 'pages_show_list']),
    );

    const res = await t
      .http()
      .get('/oauth/callback/instagram')
      .query({ code: 'good-code', state: url.searchParams.get('state') })
      .expect(200);
    expect(res.body.workspace).toBe(ws.slug);
    const shown = (
      res.body.accounts as Array<{
        platform: string;
        externalId: string;
        handle: string;
        displayName: string;
        status: string;
      }>
    ).map((a) => [a.platform, a.externalId, a.handle, a.displayName, a.status]);
    expect(shown.sort()).toEqual([
      ['INSTAGRAM', '17841400000000101', 'kspi.pusat', 'KSPI Pusat IG', 'ACTIVE'],
      ['INSTAGRAM', '17841400000000303', 'kspi.banten', 'kspi.banten', 'ACTIVE'],
    ]);
    expect(JSON.stringify(res.body)).not.toContain('page-token');
    // The long-lived user token was used for /me/accounts; each IG user was verified with its page token.
    expect(graph.facebook.requestsTo('GET', /\/me\/accounts$/).map((r) => r.query.get('access_token'))).toEqual([
      'long-short-good-code',
    ]);
    expect(
      graph.instagram
        .requestsTo('GET', /^\/v23\.0\/\d+$/)
        .map((r) => [r.path, r.query.get('access_token')])
        .sort(),
    ).toEqual([
      ['/v23.0/17841400000000101', 'page-token-101'],
      ['/v23.0/17841400000000303', 'page-token-303'],
    ]);

    const rows = await t.prisma.connectedAccount.findMany({
      where: { workspaceId: ws.id },
      orderBy: { externalId: 'asc' },
    });
    expect(rows.map((row) => [row.platform, row.externalId, row.handle, row.tokenExpiresAt])).toEqual([
      ['INSTAGRAM', '17841400000000101', 'kspi.pusat', null],
      ['INSTAGRAM', '17841400000000303', 'kspi.banten', null],
    ]);
    for (const row of rows)
      expect(Buffer.from(row.credentialsCiphertext!).toString('latin1')).not.toContain('page-token');
    const box = new SecretBox(t.config);
    const open = (row: (typeof rows)[number], binding: { workspaceId: string; subject: string }) =>
      box.open({ keyId: row.credentialsKeyId!, ciphertext: new Uint8Array(row.credentialsCiphertext!) }, binding);
    expect(rows.map((row) => JSON.parse(open(row, AccountCredentialsStore.binding(row))))).toEqual([
      { accessToken: 'page-token-101' },
      { accessToken: 'page-token-303' },
    ]);
    // Bound to its own row: the ciphertext does not open as another account's.
    expect(() => open(rows[0], AccountCredentialsStore.binding(rows[1]))).toThrow();
    for (const row of rows)
      expect(
        await t.prisma.auditEvent.count({
          where: { subjectId: row.id, action: 'account.connected', actorId: ws.users.ADMIN.id },
        }),
      ).toBe(1);
  });

  it('a replayed state is refused and writes nothing', async () => {
    const before = await writes();
    const url = await startInstagram();
    const state = url.searchParams.get('state');
    graph.facebook.validCodes.add('second-code');
    await t.http().get('/oauth/callback/instagram').query({ code: 'second-code', state }).expect(200); // reconnects the same two
    const after = await writes();
    expect(after.accounts).toBe(before.accounts);
    graph.facebook.validCodes.add('third-code');
    const replay = await t.http().get('/oauth/callback/instagram').query({ code: 'third-code', state }).expect(400);
    expect(replay.body.error.code).toBe('oauth_state_invalid');
    expect(await writes()).toEqual(after);
    expect(graph.facebook.validCodes.has('third-code')).toBe(true); // never sent to the platform
  });

  it('a grant whose pages have no linked Instagram account is refused with no_accounts and writes nothing', async () => {
    const linked = [...graph.facebook.pages.values()].filter((page) => page.instagram);
    for (const page of linked) graph.facebook.pages.delete(page.id);
    try {
      const before = await writes();
      const url = await startInstagram();
      graph.facebook.validCodes.add('no-ig-code');
      const res = await t
        .http()
        .get('/oauth/callback/instagram')
        .query({ code: 'no-ig-code', state: url.searchParams.get('state') })
        .expect(422);
      expect(res.body.error.code).toBe('no_accounts');
      expect(await writes()).toEqual(before);
    } finally {
      for (const page of linked) graph.addPage(page);
    }
  });
});
