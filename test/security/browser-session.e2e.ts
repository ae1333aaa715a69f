import type { Response } from 'supertest';
import { hashToken } from '../../src/core/crypto';
import { bearer, createUser, createWorkspace, FIXTURE_PASSWORD, type FixtureWorkspace } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

interface SetCookie {
  name: string;
  value: string;
  attributes: Map<string, string>;
}

/** The Set-Cookie headers of a response, by cookie name. */
function setCookies(res: Response): Map<string, SetCookie> {
  const raw = res.headers['set-cookie'] as unknown as string[] | undefined;
  const cookies = new Map<string, SetCookie>();
  for (const line of raw ?? []) {
    const [pair, ...rest] = line.split(';').map((part) => part.trim());
    const eq = pair!.indexOf('=');
    const attributes = new Map(
      rest.map((a) => [a.split('=')[0]!.toLowerCase(), a.split('=').slice(1).join('=')] as [string, string]),
    );
    cookies.set(pair!.slice(0, eq), {
      name: pair!.slice(0, eq),
      value: decodeURIComponent(pair!.slice(eq + 1)),
      attributes,
    });
  }
  return cookies;
}

const cookieHeader = (values: Record<string, string>) => ({
  Cookie: Object.entries(values)
    .map(([k, v]) => `${k}=${v}`)
    .join('; '),
});

describe('browser sessions: httpOnly cookie, CSRF double submit, sign-out', () => {
  let t: TestApp;
  let ws: FixtureWorkspace;
  beforeAll(async () => {
    t = await startTestApp();
    ws = await createWorkspace(t.prisma);
  });
  afterAll(() => t.close());

  /** Signs in as the browser does; returns the two cookie values. */
  const browserLogin = async (email: string) => {
    const res = await t
      .http()
      .post('/auth/login')
      .send({ email, password: FIXTURE_PASSWORD, session: 'cookie' })
      .expect(200);
    const cookies = setCookies(res);
    return { res, session: cookies.get('gaung_session')!.value, csrf: cookies.get('gaung_csrf')!.value, cookies };
  };
  const asBrowser = (s: { session: string; csrf: string }) =>
    cookieHeader({ gaung_session: s.session, gaung_csrf: s.csrf });

  it('signs in with cookies: httpOnly SameSite=Lax session, readable CSRF cookie, no token in the body', async () => {
    const { res, cookies } = await browserLogin(ws.users.EDITOR.email);
    expect(res.body.token).toBeUndefined();
    expect(JSON.stringify(res.body)).not.toContain(cookies.get('gaung_session')!.value);
    expect(res.body.user).toMatchObject({ id: ws.users.EDITOR.id, email: ws.users.EDITOR.email });
    expect(new Date(res.body.expiresAt).getTime()).toBeGreaterThan(Date.now());
    const session = cookies.get('gaung_session')!;
    expect(session.value).toMatch(/^gs_/);
    expect(session.attributes.has('httponly')).toBe(true);
    expect(session.attributes.get('samesite')).toBe('Lax');
    expect(session.attributes.get('path')).toBe('/');
    expect(session.attributes.has('secure')).toBe(false);
    expect(session.attributes.has('domain')).toBe(false);
    const csrf = cookies.get('gaung_csrf')!;
    expect(csrf.attributes.has('httponly')).toBe(false);
    expect(csrf.attributes.get('samesite')).toBe('Lax');
    expect(csrf.value.length).toBeGreaterThanOrEqual(32);
  });

  it('still answers a bearer token without cookies when the client does not ask for a cookie session', async () => {
    const res = await t
      .http()
      .post('/auth/login')
      .send({ email: ws.users.VIEWER.email, password: FIXTURE_PASSWORD })
      .expect(200);
    expect(res.body.token).toMatch(/^gs_/);
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('GET /me by cookie: who I am, my language and zone, and my memberships', async () => {
    const browser = await browserLogin(ws.users.COORDINATOR.email);
    const me = await t.http().get('/me').set(asBrowser(browser)).expect(200);
    expect(me.body).toMatchObject({
      id: ws.users.COORDINATOR.id,
      email: ws.users.COORDINATOR.email,
      locale: 'id',
      timeZone: null,
    });
    expect(me.body.memberships).toEqual([
      {
        role: 'COORDINATOR',
        workspace: { id: ws.id, slug: ws.slug, name: `Workspace ${ws.slug}`, timeZone: 'Asia/Jakarta', locale: 'id' },
      },
    ]);
    expect(me.body.workspaces).toEqual([expect.objectContaining({ id: ws.id, slug: ws.slug, role: 'COORDINATOR' })]);
    expect(me.body.name).toEqual(expect.any(String));
  });

  it('refuses a cookie-authenticated change without the right X-CSRF-Token (403 CSRF_TOKEN_INVALID) and writes nothing', async () => {
    const browser = await browserLogin(ws.users.ADMIN.email);
    const other = await browserLogin(ws.users.OWNER.email);
    const attempts: Array<Record<string, string>> = [
      asBrowser(browser),
      { ...asBrowser(browser), 'X-CSRF-Token': 'guessed-value' },
      // Cookie tossing: a matching cookie and header, but from another session.
      { ...cookieHeader({ gaung_session: browser.session, gaung_csrf: other.csrf }), 'X-CSRF-Token': other.csrf },
      // The right pair, sent by a page of another site.
      { ...asBrowser(browser), 'X-CSRF-Token': browser.csrf, 'Sec-Fetch-Site': 'cross-site' },
    ];
    for (const headers of attempts) {
      const res = await t.http().patch('/me').set(headers).send({ locale: 'en' }).expect(403);
      expect(res.body.error.code).toBe('CSRF_TOKEN_INVALID');
      expect(res.body.error.message).toContain('CSRF');
    }
    const before = await t.prisma.apiToken.count({ where: { userId: ws.users.ADMIN.id } });
    await t
      .http()
      .post(`/workspaces/${ws.slug}/api-tokens`)
      .set(asBrowser(browser))
      .send({ name: 'x', roleCap: 'VIEWER' })
      .expect(403);
    expect(await t.prisma.apiToken.count({ where: { userId: ws.users.ADMIN.id } })).toBe(before);
    expect((await t.prisma.user.findUniqueOrThrow({ where: { id: ws.users.ADMIN.id } })).locale).toBe('id');

    await t
      .http()
      .patch('/me')
      .set({ ...asBrowser(browser), 'X-CSRF-Token': browser.csrf, 'Sec-Fetch-Site': 'same-origin' })
      .send({ locale: 'en' })
      .expect(200);
    await t
      .http()
      .post(`/workspaces/${ws.slug}/api-tokens`)
      .set({ ...asBrowser(browser), 'X-CSRF-Token': browser.csrf })
      .send({ name: 'x', roleCap: 'VIEWER' })
      .expect(201);
  });

  it("refuses in the signed-in user's language, before Accept-Language", async () => {
    const english = await createUser(t.prisma, { locale: 'en' });
    const browser = await browserLogin(english.email);
    const res = await t.http().post('/auth/logout').set(asBrowser(browser)).set('Accept-Language', 'id').expect(403);
    expect(res.body.error).toMatchObject({
      code: 'CSRF_TOKEN_INVALID',
      message: 'This request did not carry the right security (CSRF) token. Reload the page and try again.',
    });
  });

  it('does not ask bearer-authenticated requests for a CSRF token', async () => {
    await t.http().patch('/me').set(bearer(ws.users.VIEWER)).send({ timeZone: 'Asia/Makassar' }).expect(200);
  });

  it('signs out: revokes the session and clears both cookies; the old cookie then answers 401 session_expired', async () => {
    const browser = await browserLogin(ws.users.VIEWER.email);
    await t.http().post('/auth/logout').set(asBrowser(browser)).expect(403);
    const out = await t
      .http()
      .post('/auth/logout')
      .set({ ...asBrowser(browser), 'X-CSRF-Token': browser.csrf })
      .expect(204);
    const cleared = setCookies(out);
    for (const name of ['gaung_session', 'gaung_csrf']) {
      expect(cleared.get(name)?.value).toBe('');
      expect(new Date(cleared.get(name)!.attributes.get('expires')!).getTime()).toBeLessThan(Date.now());
    }
    const row = await t.prisma.session.findFirstOrThrow({
      where: { userId: ws.users.VIEWER.id },
      orderBy: { createdAt: 'desc' },
    });
    expect(row.revokedAt).not.toBeNull();
    const after = await t.http().get('/me').set(asBrowser(browser)).set('Accept-Language', 'en').expect(401);
    expect(after.body.error).toMatchObject({
      code: 'session_expired',
      message: 'Your session has expired or was revoked. Please sign in again.',
    });
    expect(setCookies(after).get('gaung_session')?.value).toBe('');
  });

  it('answers an expired cookie session with 401 session_expired and no cookie with 401 unauthenticated', async () => {
    const browser = await browserLogin(ws.users.EDITOR.email);
    await t.prisma.session.update({
      where: { tokenHash: hashToken(browser.session) },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const expired = await t.http().get(`/workspaces/${ws.slug}/members`).set(asBrowser(browser)).expect(401);
    expect(expired.body.error.code).toBe('session_expired');
    expect(expired.body.error.requestId).toEqual(expect.any(String));
    const anonymous = await t.http().get('/me').expect(401);
    expect(anonymous.body.error.code).toBe('unauthenticated');
    const apiTokenInCookie = await t
      .http()
      .get('/me')
      .set(cookieHeader({ gaung_session: 'gat_not-a-session' }))
      .expect(401);
    expect(apiTokenInCookie.body.error.code).toBe('session_expired');
  });
});

describe('browser sessions behind https', () => {
  let t: TestApp;
  let ws: FixtureWorkspace;
  beforeAll(async () => {
    t = await startTestApp({ config: { PUBLIC_BASE_URL: 'https://gaung.example.org' } });
    ws = await createWorkspace(t.prisma);
  });
  afterAll(() => t.close());

  it('names the cookies __Host- and marks them Secure, and reads only those names', async () => {
    const res = await t
      .http()
      .post('/auth/login')
      .send({ email: ws.users.EDITOR.email, password: FIXTURE_PASSWORD, session: 'cookie' })
      .expect(200);
    const cookies = setCookies(res);
    expect([...cookies.keys()].sort()).toEqual(['__Host-gaung_csrf', '__Host-gaung_session']);
    for (const cookie of cookies.values()) {
      expect(cookie.attributes.has('secure')).toBe(true);
      expect(cookie.attributes.get('path')).toBe('/');
      expect(cookie.attributes.has('domain')).toBe(false);
    }
    const session = cookies.get('__Host-gaung_session')!.value;
    const csrf = cookies.get('__Host-gaung_csrf')!.value;
    await t
      .http()
      .get('/me')
      .set(cookieHeader({ '__Host-gaung_session': session }))
      .expect(200);
    await t
      .http()
      .get('/me')
      .set(cookieHeader({ gaung_session: session }))
      .expect(401);
    await t
      .http()
      .patch('/me')
      .set({ ...cookieHeader({ '__Host-gaung_session': session, '__Host-gaung_csrf': csrf }), 'X-CSRF-Token': csrf })
      .send({ locale: 'en' })
      .expect(200);
  });
});
