import { testConfig } from '../support/test-config';
import { bearer, createWorkspace, FIXTURE_PASSWORD, unique } from '../support/fixtures';
import { mailsTo, resetTokenIn } from '../support/outbox';
import { startTestApp, type TestApp } from '../support/test-app';

describe('sign-in, sessions and passwords', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ config: { LOGIN_MAX_FAILURES: '3', LOGIN_LOCKOUT_MINUTES: '1', REGISTRATION: 'open' } });
  });
  afterAll(() => t.close());

  const register = async (email = `${unique('reg')}@test.gaung`) => {
    const res = await t
      .http()
      .post('/auth/register')
      .send({ email, name: 'Sari', password: 'kata-sandi-panjang' })
      .expect(201);
    return { email, token: res.body.token as string };
  };

  it('registers, signs in and shows me with my workspaces', async () => {
    const { email } = await register();
    const login = await t
      .http()
      .post('/auth/login')
      .send({ email: email.toUpperCase(), password: 'kata-sandi-panjang' })
      .expect(200);
    expect(login.body.token).toMatch(/^gs_/);
    const me = await t.http().get('/me').set(bearer(login.body)).expect(200);
    expect(me.body).toMatchObject({ email, name: 'Sari', locale: 'id', workspaces: [] });
    const user = await t.prisma.user.findUniqueOrThrow({ where: { email } });
    expect(user.passwordHash).toMatch(/^scrypt\$/);
    expect(await t.prisma.auditEvent.count({ where: { actorId: user.id, action: 'user.registered' } })).toBe(1);
  });

  it('refuses a duplicate email with 409 and writes nothing', async () => {
    const { email } = await register();
    const before = await t.prisma.user.count();
    const res = await t
      .http()
      .post('/auth/register')
      .send({ email, name: 'X', password: 'kata-sandi-panjang' })
      .expect(409);
    expect(res.body.error.code).toBe('email_taken');
    expect(await t.prisma.user.count()).toBe(before);
  });

  it("answers a wrong password in the caller's language", async () => {
    const { email } = await register();
    const id = await t.http().post('/auth/login').send({ email, password: 'salah-salah' }).expect(401);
    expect(id.body.error.message).toBe('Email atau kata sandi salah.');
    const en = await t
      .http()
      .post('/auth/login')
      .set('Accept-Language', 'en')
      .send({ email, password: 'wrong-wrong' })
      .expect(401);
    expect(en.body.error.message).toBe('Wrong email or password.');
  });

  it('locks an account after repeated failures, across two API instances sharing Redis', async () => {
    const { email } = await register();
    const second = await startTestApp({
      config: {
        QUEUE_PREFIX: t.config.QUEUE_PREFIX,
        LOGIN_MAX_FAILURES: '3',
        LOGIN_LOCKOUT_MINUTES: '1',
        REGISTRATION: 'open',
      },
    });
    try {
      await t.http().post('/auth/login').send({ email, password: 'wrong-1' }).expect(401);
      await second.http().post('/auth/login').send({ email, password: 'wrong-2' }).expect(401);
      await t.http().post('/auth/login').send({ email, password: 'wrong-3' }).expect(401);
      // Locked now, on both instances, even with the right password.
      const locked = await second
        .http()
        .post('/auth/login')
        .send({ email, password: 'kata-sandi-panjang' })
        .expect(429);
      expect(locked.body.error.code).toBe('account_locked');
      await t.http().post('/auth/login').send({ email, password: 'kata-sandi-panjang' }).expect(429);
    } finally {
      await second.app.close();
    }
  });

  it('revokes a session on its next request, and logout ends the current one', async () => {
    const { email, token: first } = await register();
    const second = (await t.http().post('/auth/login').send({ email, password: 'kata-sandi-panjang' }).expect(200)).body
      .token;
    const sessions = await t
      .http()
      .get('/auth/sessions')
      .set(bearer({ token: first }))
      .expect(200);
    expect(sessions.body).toHaveLength(2);
    const secondSession = (
      await t
        .http()
        .get('/auth/sessions')
        .set(bearer({ token: second }))
    ).body as Array<{ id: string; current: boolean }>;
    const mine = await t.prisma.session.findMany({ where: { user: { email } }, orderBy: { createdAt: 'asc' } });
    // Each list marks the session it was asked with as the current one, and only that one.
    const current = (list: Array<{ id: string; current: boolean }>) => list.filter((s) => s.current).map((s) => s.id);
    expect(current(sessions.body as Array<{ id: string; current: boolean }>)).toEqual([mine[0]!.id]);
    expect(current(secondSession)).toEqual([mine[1]!.id]);
    await t
      .http()
      .delete(`/auth/sessions/${mine[1]!.id}`)
      .set(bearer({ token: first }))
      .expect(204);
    expect(secondSession).toHaveLength(2);
    const revoked = await t
      .http()
      .get('/me')
      .set(bearer({ token: second }))
      .expect(401);
    expect(revoked.body.error.code).toBe('session_expired');
    await t
      .http()
      .post('/auth/logout')
      .set(bearer({ token: first }))
      .expect(204);
    await t
      .http()
      .get('/me')
      .set(bearer({ token: first }))
      .expect(401);
  });

  it("does not let one user revoke another user's session", async () => {
    const a = await register();
    const b = await register();
    const bSession = await t.prisma.session.findFirstOrThrow({ where: { user: { email: b.email } } });
    await t.http().delete(`/auth/sessions/${bSession.id}`).set(bearer(a)).expect(404);
    await t.http().get('/me').set(bearer(b)).expect(200);
  });

  it('changes the password and ends the other sessions', async () => {
    const { email, token } = await register();
    const other = (await t.http().post('/auth/login').send({ email, password: 'kata-sandi-panjang' })).body.token;
    await t
      .http()
      .post('/auth/password')
      .set(bearer({ token }))
      .send({ currentPassword: 'nope', newPassword: 'sandi-baru-yang-panjang' })
      .expect(422);
    await t
      .http()
      .post('/auth/password')
      .set(bearer({ token }))
      .send({ currentPassword: 'kata-sandi-panjang', newPassword: 'sandi-baru-yang-panjang' })
      .expect(204);
    await t.http().get('/me').set(bearer({ token })).expect(200);
    await t
      .http()
      .get('/me')
      .set(bearer({ token: other }))
      .expect(401);
    await t.http().post('/auth/login').send({ email, password: 'sandi-baru-yang-panjang' }).expect(200);
  });

  it('resets a password with a single-use token and ends every session', async () => {
    const { email, token } = await register();
    const unknown = await t.http().post('/auth/password-reset').send({ email: 'nobody@test.gaung' }).expect(202);
    const res = await t.http().post('/auth/password-reset').send({ email }).expect(202);
    expect(res.body).toEqual(unknown.body);
    const resetToken = resetTokenIn((await mailsTo(t.config.MAIL_OUTBOX_DIR, email))[0]!);
    await t
      .http()
      .post('/auth/password-reset/confirm')
      .send({ token: resetToken, newPassword: 'sandi-hasil-reset-1' })
      .expect(204);
    await t
      .http()
      .post('/auth/password-reset/confirm')
      .send({ token: resetToken, newPassword: 'sandi-hasil-reset-2' })
      .expect(422);
    await t.http().get('/me').set(bearer({ token })).expect(401);
    await t.http().post('/auth/login').send({ email, password: 'sandi-hasil-reset-1' }).expect(200);
  });

  it('updates my language, and errors follow it', async () => {
    const { token } = await register();
    await t.http().patch('/me').set(bearer({ token })).send({ locale: 'en' }).expect(200);
    const res = await t.http().patch('/me').set(bearer({ token })).send({ timeZone: 'WIB' }).expect(400);
    expect(res.body.error.message).toBe('The submitted data is invalid.');
    expect(res.body.error.details[0]).toMatchObject({
      field: 'timeZone',
      message: 'Must be an IANA time zone, e.g. Asia/Jakarta',
    });
  });

  it('rejects bad sign-in input with 400 and per-field details', async () => {
    const res = await t
      .http()
      .post('/auth/login')
      .send({ email: 'not-an-email', password: 'x', extra: true })
      .expect(400);
    const fields = (res.body.error.details as Array<{ field: string }>).map((d) => d.field).sort();
    expect(fields).toEqual(['email', 'extra']);
  });
});

describe('personal API tokens', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('acts in one workspace with at most its role cap, and stops when revoked', async () => {
    const ws = await createWorkspace(t.prisma);
    const other = await createWorkspace(t.prisma);
    const admin = ws.users.ADMIN;
    await t.prisma.membership.create({ data: { workspaceId: other.id, userId: admin.id, role: 'ADMIN' } });

    const created = await t
      .http()
      .post(`/workspaces/${ws.slug}/api-tokens`)
      .set(bearer(admin))
      .send({ name: 'ci', roleCap: 'VIEWER' })
      .expect(201);
    expect(created.body.token).toMatch(/^gat_/);
    const stored = await t.prisma.apiToken.findUniqueOrThrow({ where: { id: created.body.id } });
    expect(stored.tokenHash).not.toContain(created.body.token);
    const api = { token: created.body.token as string };

    await t.http().get(`/workspaces/${ws.slug}/members`).set(bearer(api)).expect(200);
    await t.http().get(`/workspaces/${ws.slug}/invitations`).set(bearer(api)).expect(403);
    await t.http().get(`/workspaces/${other.slug}/members`).set(bearer(api)).expect(404);
    const list = await t.http().get(`/workspaces/${ws.slug}/api-tokens`).set(bearer(admin)).expect(200);
    expect(list.body.map((x: { id: string }) => x.id)).toContain(created.body.id);
    expect(JSON.stringify(list.body)).not.toContain(created.body.token);

    await t.http().delete(`/workspaces/${ws.slug}/api-tokens/${created.body.id}`).set(bearer(admin)).expect(204);
    await t.http().get(`/workspaces/${ws.slug}/members`).set(bearer(api)).expect(401);
  });

  it("refuses a role cap above the creator's role", async () => {
    const ws = await createWorkspace(t.prisma);
    const res = await t
      .http()
      .post(`/workspaces/${ws.slug}/api-tokens`)
      .set(bearer(ws.users.EDITOR))
      .send({ name: 'x', roleCap: 'ADMIN' })
      .expect(403);
    expect(res.body.error.code).toBe('role_cap_too_high');
    expect(await t.prisma.apiToken.count({ where: { workspaceId: ws.id } })).toBe(0);
  });

  it('keeps the fixture password usable (guards the fixtures themselves)', async () => {
    const ws = await createWorkspace(t.prisma);
    await t.http().post('/auth/login').send({ email: ws.users.VIEWER.email, password: FIXTURE_PASSWORD }).expect(200);
    expect(testConfig().QUEUE_PREFIX).not.toBe(t.config.QUEUE_PREFIX);
  });
});
