import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { bearer, createUser, createWorkspace, FIXTURE_PASSWORD, unique } from '../support/fixtures';
import { mailsTo, resetTokenIn } from '../support/outbox';
import { startTestApp, type TestApp } from '../support/test-app';

const NEW_PASSWORD = 'sandi-baru-yang-panjang';

describe.each(['development', 'test', 'production'])('password reset request in NODE_ENV=%s', (nodeEnv) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ config: { NODE_ENV: nodeEnv } });
  });
  afterAll(() => t.close());

  it('answers the same for a known and an unknown address, never with the link; the link goes to the operator-only outbox', async () => {
    const user = await createUser(t.prisma);
    const known = await t.http().post('/auth/password-reset').send({ email: user.email }).expect(202);
    const unknown = await t
      .http()
      .post('/auth/password-reset')
      .send({ email: `${unique('nobody')}@test.gaung` })
      .expect(202);
    expect(known.body).toEqual({ accepted: true });
    expect(unknown.body).toEqual(known.body);
    expect(Object.keys(known.headers).sort()).toEqual(Object.keys(unknown.headers).sort());

    const [mail] = await mailsTo(t.config.MAIL_OUTBOX_DIR, user.email);
    const token = resetTokenIn(mail!);
    expect(JSON.stringify(known.headers)).not.toContain(token);
    expect(mail!.mode).toBe(0o600);
    expect((await stat(t.config.MAIL_OUTBOX_DIR)).mode & 0o077).toBe(0);
    // The outbox is not served over HTTP, under any name.
    for (const path of [
      `/${basename(mail!.file)}`,
      `/outbox/${basename(mail!.file)}`,
      `/data/outbox/${basename(mail!.file)}`,
    ]) {
      await t.http().get(path).expect(404);
    }
    await t.http().post('/auth/password-reset/confirm').send({ token, newPassword: NEW_PASSWORD }).expect(204);
    await t.http().post('/auth/login').send({ email: user.email, password: NEW_PASSWORD }).expect(200);
  });
});

describe('what a new password ends', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const requestLink = async (email: string, alreadySent: number) => {
    await t.http().post('/auth/password-reset').send({ email }).expect(202);
    const mails = await mailsTo(t.config.MAIL_OUTBOX_DIR, email, alreadySent + 1);
    expect(mails).toHaveLength(alreadySent + 1);
    return mails;
  };
  const newestToken = (before: string[], mails: Awaited<ReturnType<typeof mailsTo>>) =>
    resetTokenIn(mails.find((m) => !before.includes(m.file))!);

  it('a new reset link voids the older one', async () => {
    const user = await createUser(t.prisma);
    const first = await requestLink(user.email, 0);
    const older = resetTokenIn(first[0]!);
    const newer = newestToken([first[0]!.file], await requestLink(user.email, 1));
    const refused = await t
      .http()
      .post('/auth/password-reset/confirm')
      .set('Accept-Language', 'en')
      .send({ token: older, newPassword: NEW_PASSWORD })
      .expect(422);
    expect(refused.body.error).toMatchObject({
      code: 'reset_invalid',
      message: 'The password reset link is invalid, already used, or expired.',
    });
    await t.http().post('/auth/password-reset/confirm').send({ token: newer, newPassword: NEW_PASSWORD }).expect(204);
    await t
      .http()
      .post('/auth/password-reset/confirm')
      .send({ token: newer, newPassword: `${NEW_PASSWORD}-2` })
      .expect(422);
  });

  it('a password change voids reset links, revokes personal API tokens and ends the other sessions', async () => {
    const ws = await createWorkspace(t.prisma);
    const me = ws.users.EDITOR;
    const other = (await t.http().post('/auth/login').send({ email: me.email, password: FIXTURE_PASSWORD }).expect(200))
      .body as { token: string };
    const apiToken = (
      await t
        .http()
        .post(`/workspaces/${ws.slug}/api-tokens`)
        .set(bearer(me))
        .send({ name: 'ci', roleCap: 'VIEWER' })
        .expect(201)
    ).body as { token: string };
    await t.http().get(`/workspaces/${ws.slug}/members`).set(bearer(apiToken)).expect(200);
    const link = resetTokenIn((await requestLink(me.email, 0))[0]!);

    await t
      .http()
      .post('/auth/password')
      .set(bearer(me))
      .send({ currentPassword: FIXTURE_PASSWORD, newPassword: NEW_PASSWORD })
      .expect(204);

    await t.http().get('/me').set(bearer(me)).expect(200);
    expect((await t.http().get('/me').set(bearer(other)).expect(401)).body.error.code).toBe('session_expired');
    expect(
      (await t.http().get(`/workspaces/${ws.slug}/members`).set(bearer(apiToken)).expect(401)).body.error.code,
    ).toBe('session_expired');
    expect((await t.http().get(`/workspaces/${ws.slug}/api-tokens`).set(bearer(me)).expect(200)).body).toEqual([]);
    await t
      .http()
      .post('/auth/password-reset/confirm')
      .send({ token: link, newPassword: 'someone-elses-choice' })
      .expect(422);
    await t.http().post('/auth/login').send({ email: me.email, password: NEW_PASSWORD }).expect(200);
    const audit = await t.prisma.auditEvent.findFirstOrThrow({
      where: { actorId: me.id, action: 'user.password_changed' },
    });
    expect(audit.summary).toEqual({ sessionsEnded: 1, apiTokensRevoked: 1, resetLinksVoided: 1 });
  });

  it('a reset ends every session, browser ones included, and every personal API token', async () => {
    const ws = await createWorkspace(t.prisma);
    const me = ws.users.VIEWER;
    const browser = await t
      .http()
      .post('/auth/login')
      .send({ email: me.email, password: FIXTURE_PASSWORD, session: 'cookie' })
      .expect(200);
    const cookies = (browser.headers['set-cookie'] as unknown as string[]).map((c) => c.split(';')[0]!).join('; ');
    await t.http().get('/me').set('Cookie', cookies).expect(200);
    const apiToken = (
      await t
        .http()
        .post(`/workspaces/${ws.slug}/api-tokens`)
        .set(bearer(me))
        .send({ name: 'ci', roleCap: 'VIEWER' })
        .expect(201)
    ).body as { token: string };

    const link = resetTokenIn((await requestLink(me.email, 0))[0]!);
    await t.http().post('/auth/password-reset/confirm').send({ token: link, newPassword: NEW_PASSWORD }).expect(204);

    await t.http().get('/me').set('Cookie', cookies).expect(401);
    await t.http().get('/me').set(bearer(me)).expect(401);
    await t.http().get(`/workspaces/${ws.slug}/members`).set(bearer(apiToken)).expect(401);
    expect(await t.prisma.apiToken.count({ where: { userId: me.id, revokedAt: null } })).toBe(0);
  });

  it('refuses bad input with 400', async () => {
    const bad = await t.http().post('/auth/password-reset').send({ email: 'not-an-email' }).expect(400);
    expect(bad.body.error.details[0].field).toBe('email');
    await t.http().post('/auth/password-reset/confirm').send({ token: 'short', newPassword: NEW_PASSWORD }).expect(400);
  });
});
