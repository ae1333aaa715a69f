import { randomBytes, randomUUID } from 'node:crypto';
import { AccountCredentialsStore } from '../../src/core/credentials';
import { hashToken } from '../../src/core/crypto';
import { RedisService } from '../../src/core/queue';
import { MastodonContract } from '../contracts/mastodon/mastodon-contract';
import { XContract } from '../contracts/x/x-contract';
import { bearer, createUser, createWorkspace, type FixtureWorkspace } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

const PUBLIC = 'https://gaung.example';
const X_USER = { id: '2244994945', name: 'KSPI Pusat', username: 'kspi_pusat' };

describe('OAuth connections', () => {
  let t: TestApp;
  let a: FixtureWorkspace;
  let b: FixtureWorkspace;
  let x: XContract;
  let mastodon: MastodonContract;

  beforeAll(async () => {
    x = await new XContract().start();
    x.users.set(X_USER.id, X_USER);
    mastodon = await new MastodonContract().start();
    t = await startTestApp({
      config: {
        PUBLIC_BASE_URL: PUBLIC,
        X_API_URL: x.baseUrl,
        X_CLIENT_ID: x.client.clientId,
        X_CLIENT_SECRET: x.client.clientSecret,
        PUBLISH_TIMEOUT_MS: '3000',
      },
    });
    a = await createWorkspace(t.prisma);
    b = await createWorkspace(t.prisma);
  });
  afterAll(async () => {
    await t.close();
    await Promise.all([x.stop(), mastodon.stop()]);
  });

  const accountsOf = (ws: FixtureWorkspace) => t.prisma.connectedAccount.count({ where: { workspaceId: ws.id } });
  async function startX(ws: FixtureWorkspace, user = ws.users.ADMIN) {
    const res = await t
      .http()
      .post(`/workspaces/${ws.slug}/accounts/oauth/x/start`)
      .set(bearer(user))
      .send({})
      .expect(200);
    const url = new URL(res.body.authorizeUrl as string);
    const state = url.searchParams.get('state')!;
    // What X does when the admin approves: a code bound to the PKCE challenge and redirect URI.
    const code = `code-${state.slice(0, 8)}`;
    x.codes.set(code, {
      userId: X_USER.id,
      challenge: url.searchParams.get('code_challenge')!,
      redirectUri: url.searchParams.get('redirect_uri')!,
    });
    return { state, code, url };
  }

  it('connects X with PKCE: authorize URL, single-use state in Redis for 10 minutes, code exchange, verified account', async () => {
    const { state, code, url } = await startX(a);
    expect(url.origin + url.pathname).toBe('https://x.com/i/oauth2/authorize');
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('redirect_uri')).toBe(`${PUBLIC}/oauth/callback/x`);
    expect(state).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const redis = t.app.get(RedisService);
    const ttl = await redis.client.ttl(redis.key('oauth-state', state));
    expect(ttl).toBeGreaterThan(590);
    expect(ttl).toBeLessThanOrEqual(600);
    // The PKCE verifier stays on the server: it is not in the URL.
    expect(url.toString()).not.toContain('code_verifier');

    const res = await t.http().get('/oauth/callback/x').query({ code, state }).expect(200);
    expect(res.body.workspace).toBe(a.slug);
    expect(res.body.accounts).toEqual([
      expect.objectContaining({
        platform: 'X',
        externalId: X_USER.id,
        displayName: 'KSPI Pusat',
        handle: 'kspi_pusat',
        status: 'ACTIVE',
        reconnected: false,
      }),
    ]);
    expect(JSON.stringify(res.body)).not.toMatch(/xat-|xrt-|x-client-secret/);
    const row = await t.prisma.connectedAccount.findFirstOrThrow({ where: { workspaceId: a.id, platform: 'X' } });
    const credentials = t.app.get(AccountCredentialsStore).open(row);
    expect(credentials).toMatchObject({
      accessToken: expect.stringMatching(/^xat-/),
      refreshToken: expect.stringMatching(/^xrt-/),
      clientId: x.client.clientId,
      clientSecret: x.client.clientSecret,
    });
    expect(row.tokenExpiresAt!.getTime() - Date.now()).toBeGreaterThan(7000_000);
    const exchange = x.requestsTo('POST', /\/2\/oauth2\/token$/).at(-1)!;
    expect((exchange.json as Record<string, string>).code_verifier).toMatch(/^[A-Za-z0-9_-]{64}$/);
    expect(
      await t.prisma.auditEvent.count({
        where: { subjectId: row.id, action: 'account.connected', actorId: a.users.ADMIN.id },
      }),
    ).toBe(1);

    // Replayed: the state was taken on first use.
    const replay = await t.http().get('/oauth/callback/x').query({ code, state }).expect(400);
    expect(replay.body.error.code).toBe('oauth_state_invalid');
    expect(await accountsOf(a)).toBe(1);
  });

  it('a second OAuth connection of the same X account reconnects it instead of duplicating it', async () => {
    const row = await t.prisma.connectedAccount.findFirstOrThrow({ where: { workspaceId: a.id, platform: 'X' } });
    await t.prisma.connectedAccount.update({
      where: { id: row.id },
      data: { status: 'NEEDS_RECONNECT', statusReason: 'revoked' },
    });
    const { state, code } = await startX(a);
    const res = await t.http().get('/oauth/callback/x').query({ code, state }).expect(200);
    expect(res.body.accounts).toEqual([expect.objectContaining({ id: row.id, status: 'ACTIVE', reconnected: true })]);
    expect(await t.prisma.connectedAccount.count({ where: { workspaceId: a.id, platform: 'X' } })).toBe(1);
  });

  it('refuses forged, expired-or-unknown, replayed and wrong-platform states, and denied approvals, writing nothing', async () => {
    const before = await accountsOf(a);
    await t
      .http()
      .get('/oauth/callback/x')
      .query({ code: 'c', state: 'A'.repeat(43) })
      .expect(400);
    await t.http().get('/oauth/callback/x').query({ code: 'c' }).expect(400);
    await t.http().get('/oauth/callback/x').query({ code: 'c', state: 'not a state' }).expect(400);
    await t
      .http()
      .get('/oauth/callback/unknown')
      .query({ code: 'c', state: 'A'.repeat(43) })
      .expect(404);
    const { state, code } = await startX(a);
    await t.http().get('/oauth/callback/mastodon').query({ code, state }).expect(400);
    await t.http().get('/oauth/callback/x').query({ code, state }).expect(400); // consumed by the wrong-platform try
    const denied = await startX(a);
    const res = await t
      .http()
      .get('/oauth/callback/x')
      .query({ state: denied.state, error: 'access_denied', error_description: 'The user denied' })
      .expect(422);
    expect(res.body.error.code).toBe('oauth_denied');
    // An expired state is simply gone from Redis: same answer as a forged one.
    const expiring = await startX(a);
    const redis = t.app.get(RedisService);
    await redis.client.del(redis.key('oauth-state', expiring.state));
    await t.http().get('/oauth/callback/x').query({ code: expiring.code, state: expiring.state }).expect(400);
    expect(await accountsOf(a)).toBe(before);
  });

  it('sends a browser back to the accounts page with the outcome, never a JSON page', async () => {
    const html = { Accept: 'text/html,application/xhtml+xml' };
    const row = await t.prisma.connectedAccount.findFirstOrThrow({ where: { workspaceId: a.id, platform: 'X' } });
    const ok = await startX(a);
    const connected = await t
      .http()
      .get('/oauth/callback/x')
      .set(html)
      .query({ code: ok.code, state: ok.state })
      .expect(303);
    expect(connected.headers.location).toBe(`/app/${a.slug}/accounts?oauth=connected&platform=x&count=1`);
    expect(await t.prisma.connectedAccount.count({ where: { workspaceId: a.id, platform: 'X' } })).toBe(1);
    expect((await t.prisma.connectedAccount.findUniqueOrThrow({ where: { id: row.id } })).status).toBe('ACTIVE');

    const denied = await startX(a);
    const refused = await t
      .http()
      .get('/oauth/callback/x')
      .set(html)
      .query({ state: denied.state, error: 'access_denied' })
      .expect(303);
    expect(refused.headers.location).toBe(`/app/${a.slug}/accounts?oauth=error&platform=x&code=oauth_denied`);
    const spent = await t
      .http()
      .get('/oauth/callback/x')
      .set(html)
      .query({ code: 'c', state: denied.state })
      .expect(303);
    expect(spent.headers.location).toBe('/app/?oauth=error&platform=x&code=oauth_state_invalid');
  });

  it('sends a browser to the start page with a generic code when the callback fails for a reason that is not an AppError', async () => {
    const html = { Accept: 'text/html,application/xhtml+xml' };
    const redis = t.app.get(RedisService);
    const store = async (value: string) => {
      const state = randomBytes(32).toString('base64url');
      await redis.client.set(redis.key('oauth-state', state), value, 'EX', 60);
      return state;
    };
    // The workspace that started the flow was deleted meanwhile (its lookup throws a database error)...
    const gone = await store(
      JSON.stringify({
        platform: 'x',
        workspaceId: randomUUID(),
        userId: a.users.ADMIN.id,
        sessionId: null,
        apiTokenId: null,
      }),
    );
    const deleted = await t.http().get('/oauth/callback/x').set(html).query({ code: 'c', state: gone }).expect(303);
    expect(deleted.headers.location).toBe('/app/?oauth=error&platform=x&code=oauth_failed');
    // ...or what Redis holds is not readable: still a page, never a JSON 500.
    const garbled = await store('{not json');
    const unreadable = await t
      .http()
      .get('/oauth/callback/x')
      .set(html)
      .query({ code: 'c', state: garbled })
      .expect(303);
    expect(unreadable.headers.location).toBe('/app/?oauth=error&platform=x&code=oauth_failed');
    // A query the platform should not have sent, or a platform Gaung does not know: a page too.
    const odd = await t
      .http()
      .get('/oauth/callback/x')
      .set(html)
      .query({ state: garbled, error: 'x'.repeat(500) })
      .expect(303);
    expect(odd.headers.location).toBe('/app/?oauth=error&platform=x&code=invalid_input');
    const unknown = await t.http().get('/oauth/callback/myspace').set(html).query({ code: 'c' }).expect(303);
    expect(unknown.headers.location).toMatch(/^\/app\/\?oauth=error&platform=myspace&code=/);
    // API clients keep their JSON answers.
    await t.http().get('/oauth/callback/myspace').query({ code: 'c' }).expect(404);
  });

  it('a state issued for workspace A creates nothing in workspace B, even for an admin of both', async () => {
    await t.prisma.membership.create({ data: { workspaceId: b.id, userId: a.users.ADMIN.id, role: 'ADMIN' } });
    const before = { a: await accountsOf(a), b: await accountsOf(b) };
    const { state, code } = await startX(a);
    const res = await t
      .http()
      .post(`/workspaces/${b.slug}/accounts/oauth/complete`)
      .set(bearer(a.users.ADMIN))
      .send({ state, code })
      .expect(422);
    expect(res.body.error.code).toBe('oauth_not_yours');
    await t.http().get('/oauth/callback/x').query({ code, state }).expect(400); // and it is spent
    // Another admin of A (another session) cannot finish it either.
    const other = await startX(a);
    await t
      .http()
      .post(`/workspaces/${a.slug}/accounts/oauth/complete`)
      .set(bearer(a.users.OWNER))
      .send({ state: other.state, code: other.code })
      .expect(422);
    expect({ a: await accountsOf(a), b: await accountsOf(b) }).toEqual(before);
    // The same admin, same session, same workspace: accepted.
    const own = await startX(a);
    const done = await t
      .http()
      .post(`/workspaces/${a.slug}/accounts/oauth/complete`)
      .set(bearer(a.users.ADMIN))
      .send({ state: own.state, code: own.code })
      .expect(200);
    expect(done.body.workspace).toBe(a.slug);
  });

  it('a flow dies with the session that started it', async () => {
    const user = await createUser(t.prisma);
    await t.prisma.membership.create({ data: { workspaceId: a.id, userId: user.id, role: 'ADMIN' } });
    const { state, code } = await startX(a, { ...user, role: 'ADMIN' });
    await t.prisma.session.updateMany({ where: { tokenHash: hashToken(user.token) }, data: { revokedAt: new Date() } });
    const res = await t.http().get('/oauth/callback/x').query({ code, state }).expect(422);
    expect(res.body.error.code).toBe('oauth_not_yours');
  });

  it('answers 422 for a platform whose app is not configured', async () => {
    const res = await t
      .http()
      .post(`/workspaces/${a.slug}/accounts/oauth/facebook/start`)
      .set(bearer(a.users.ADMIN))
      .send({})
      .expect(422);
    expect(res.body.error.code).toBe('platform_not_configured');
    await t.http().post(`/workspaces/${a.slug}/accounts/oauth/linkedin/start`).set(bearer(a.users.ADMIN)).expect(422);
  });

  it("checks each platform's start body as its folder declares it, and knows no other platform", async () => {
    const start = (segment: string) =>
      t.http().post(`/workspaces/${a.slug}/accounts/oauth/${segment}/start`).set(bearer(a.users.ADMIN));
    expect((await start('x').send({ instanceUrl: mastodon.baseUrl }).expect(400)).body.error.code).toBe(
      'invalid_input',
    );
    expect((await start('mastodon').send({}).expect(400)).body.error.code).toBe('invalid_input');
    await start('nowhere').send({}).expect(404);
    await t
      .http()
      .post(`/workspaces/${a.slug}/accounts/oauth/x/start`)
      .set(bearer(a.users.EDITOR))
      .send({})
      .expect(403);
    expect(await t.prisma.connectedAccount.count({ where: { workspaceId: a.id, platform: 'MASTODON' } })).toBe(0);
  });

  it("lists how each platform is connected (GET /platforms), from the platforms' folders", async () => {
    const res = await t.http().get('/platforms').set(bearer(a.users.VIEWER)).expect(200);
    const byPlatform = new Map(
      (res.body.platforms as Array<{ platform: string }>).map((entry) => [entry.platform, entry]),
    );
    expect(byPlatform.get('X')).toEqual({
      platform: 'X',
      form: null,
      oauth: { segment: 'x', reconnects: true, asksForInstance: false },
    });
    expect(byPlatform.get('WEBHOOK')).toEqual({
      platform: 'WEBHOOK',
      form: [
        { name: 'url', checkbox: false, secret: false, optional: false, advanced: false },
        { name: 'secret', checkbox: false, secret: true, optional: true, advanced: false },
        { name: 'honoursIdempotencyKey', checkbox: true, secret: false, optional: true, advanced: false },
      ],
      oauth: null,
    });
    await t.http().get('/platforms').expect(401);
  });

  it('connects Mastodon: registers Gaung on the instance once, then exchanges the code', async () => {
    const start = () =>
      t
        .http()
        .post(`/workspaces/${a.slug}/accounts/oauth/mastodon/start`)
        .set(bearer(a.users.ADMIN))
        .send({ instanceUrl: mastodon.baseUrl })
        .expect(200);
    const first = new URL((await start()).body.authorizeUrl as string);
    expect(mastodon.apps).toHaveLength(1);
    expect(mastodon.apps[0]!.redirectUri).toBe(`${PUBLIC}/oauth/callback/mastodon`);
    expect(`${first.origin}${first.pathname}`).toBe(`${mastodon.baseUrl}/oauth/authorize`);
    const clientId = first.searchParams.get('client_id')!;
    expect(clientId).toBe(mastodon.apps[0]!.clientId);

    const second = new URL((await start()).body.authorizeUrl as string);
    expect(mastodon.apps).toHaveLength(1); // cached per instance
    const code = mastodon.approve(clientId, `${PUBLIC}/oauth/callback/mastodon`, '42');
    const res = await t
      .http()
      .get('/oauth/callback/mastodon')
      .query({ code, state: second.searchParams.get('state') })
      .expect(200);
    expect(res.body.accounts).toEqual([
      expect.objectContaining({
        platform: 'MASTODON',
        externalId: '42',
        handle: '@kspi@sosial.serikat.test',
        baseUrl: mastodon.baseUrl,
      }),
    ]);
    expect(res.body.accounts[0].settings).toMatchObject({ maxChars: 500 });
    // The first state is still valid (not used) but its code was not issued: the exchange fails with the instance's reason.
    const failed = await t
      .http()
      .get('/oauth/callback/mastodon')
      .query({ code: 'bogus', state: first.searchParams.get('state') })
      .expect(422);
    expect(failed.body.error.message).toMatch(/grant|otorisasi|invalid/i);
    const redis = t.app.get(RedisService);
    expect(await redis.client.get(redis.key('mastodon-app', new URL(mastodon.baseUrl).origin))).not.toContain(
      mastodon.apps[0]!.clientSecret,
    );
  });
});
