import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { bearer, createUser, createWorkspace, unique } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

describe('workspaces and members', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('creates a workspace with the creator as OWNER, audited', async () => {
    const user = await createUser(t.prisma);
    const slug = unique('serikat');
    const res = await t
      .http()
      .post('/workspaces')
      .set(bearer(user))
      .send({ slug, name: 'Serikat Uji', timeZone: 'Asia/Jayapura' })
      .expect(201);
    expect(res.body).toMatchObject({ slug, timeZone: 'Asia/Jayapura', locale: 'id' });
    const membership = await t.prisma.membership.findFirstOrThrow({ where: { workspaceId: res.body.id } });
    expect(membership).toMatchObject({ userId: user.id, role: 'OWNER' });
    expect(await t.prisma.auditEvent.count({ where: { workspaceId: res.body.id, action: 'workspace.created' } })).toBe(
      1,
    );
    const dup = await t.http().post('/workspaces').set(bearer(user)).send({ slug, name: 'Lagi' }).expect(409);
    expect(dup.body.error.code).toBe('slug_taken');
  });

  it('validates settings: zone, slug shape, unknown fields, empty patch', async () => {
    const ws = await createWorkspace(t.prisma);
    const admin = bearer(ws.users.ADMIN);
    await t.http().patch(`/workspaces/${ws.slug}`).set(admin).send({ timeZone: '+07:00' }).expect(400);
    await t.http().patch(`/workspaces/${ws.slug}`).set(admin).send({ slug: 'Bad Slug' }).expect(400);
    await t.http().patch(`/workspaces/${ws.slug}`).set(admin).send({ owner: 'me' }).expect(400);
    await t.http().patch(`/workspaces/${ws.slug}`).set(admin).send({}).expect(400);
    const ok = await t
      .http()
      .patch(`/workspaces/${ws.slug}`)
      .set(admin)
      .send({ timeZone: 'Asia/Makassar' })
      .expect(200);
    expect(ok.body.timeZone).toBe('Asia/Makassar');
    const event = await t.prisma.auditEvent.findFirstOrThrow({
      where: { workspaceId: ws.id, action: 'workspace.updated' },
    });
    expect(event.summary).toEqual({ before: { timeZone: 'Asia/Jakarta' }, after: { timeZone: 'Asia/Makassar' } });
  });

  it('lets admins manage roles up to ADMIN, only owners touch OWNER, and keeps the last owner', async () => {
    const ws = await createWorkspace(t.prisma);
    const { ADMIN: admin, OWNER: owner, EDITOR: editor, VIEWER: viewer } = ws.users;
    await t
      .http()
      .patch(`/workspaces/${ws.slug}/members/${viewer.id}`)
      .set(bearer(admin))
      .send({ role: 'COORDINATOR' })
      .expect(204);
    const ownerOnly = await t
      .http()
      .patch(`/workspaces/${ws.slug}/members/${editor.id}`)
      .set(bearer(admin))
      .send({ role: 'OWNER' })
      .expect(403);
    expect(ownerOnly.body.error.code).toBe('owner_only');
    await t
      .http()
      .patch(`/workspaces/${ws.slug}/members/${owner.id}`)
      .set(bearer(admin))
      .send({ role: 'VIEWER' })
      .expect(403);
    const last = await t
      .http()
      .patch(`/workspaces/${ws.slug}/members/${owner.id}`)
      .set(bearer(owner))
      .send({ role: 'ADMIN' })
      .expect(409);
    expect(last.body.error.code).toBe('last_owner');
    await t.http().post(`/workspaces/${ws.slug}/leave`).set(bearer(owner)).expect(409);
    await t
      .http()
      .patch(`/workspaces/${ws.slug}/members/${editor.id}`)
      .set(bearer(owner))
      .send({ role: 'OWNER' })
      .expect(204);
    await t.http().post(`/workspaces/${ws.slug}/leave`).set(bearer(owner)).expect(204);
    await t.http().get(`/workspaces/${ws.slug}`).set(bearer(owner)).expect(404);
    const roles = await t.prisma.membership.findMany({ where: { workspaceId: ws.id }, select: { role: true } });
    expect(roles.filter((r) => r.role === 'OWNER')).toHaveLength(1);
    const actions = (
      await t.prisma.auditEvent.findMany({ where: { workspaceId: ws.id }, select: { action: true } })
    ).map((e) => e.action);
    expect(actions.filter((a) => a === 'member.role_changed')).toHaveLength(2);
    expect(actions).toContain('member.left');
  });

  it('never lets two concurrent demotions remove every owner', async () => {
    const ws = await createWorkspace(t.prisma);
    const second = ws.users.ADMIN;
    await t.prisma.membership.update({
      where: { workspaceId_userId: { workspaceId: ws.id, userId: second.id } },
      data: { role: 'OWNER' },
    });
    const [a, b] = await Promise.all([
      t.http().post(`/workspaces/${ws.slug}/leave`).set(bearer(ws.users.OWNER)),
      t.http().post(`/workspaces/${ws.slug}/leave`).set(bearer(second)),
    ]);
    expect([a.status, b.status].sort()).toEqual([204, 409]);
    expect(await t.prisma.membership.count({ where: { workspaceId: ws.id, role: 'OWNER' } })).toBe(1);
  });
});

describe('invitations', () => {
  let t: TestApp;
  let smtp: SMTPServer;
  const inbox: Array<{ to: string; body: string }> = [];

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, callback) {
        let body = '';
        stream.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
        stream.on('end', () => {
          inbox.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), body });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const port = (smtp.server.address() as AddressInfo).port;
    t = await startTestApp({ config: { SMTP_URL: `smtp://127.0.0.1:${port}` } });
  });
  afterAll(async () => {
    await t.close();
    await new Promise<void>((resolve) => smtp.close(resolve));
  });

  const tokenFrom = (body: string) => {
    const unfolded = body.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
    return /token=([A-Za-z0-9_-]{43})/.exec(unfolded)![1]!;
  };

  it('mails a single-use invitation that a new person accepts by creating an account', async () => {
    const ws = await createWorkspace(t.prisma);
    const email = `${unique('baru')}@test.gaung`;
    const res = await t
      .http()
      .post(`/workspaces/${ws.slug}/invitations`)
      .set(bearer(ws.users.ADMIN))
      .send({ email, role: 'EDITOR' })
      .expect(201);
    expect(res.body).toMatchObject({ mailed: true, email, role: 'EDITOR' });
    expect(res.body.inviteUrl).toBeUndefined();
    const mail = inbox.find((m) => m.to === email)!;
    expect(mail.body).toContain('Anda diundang');
    const token = tokenFrom(mail.body);
    const accepted = await t
      .http()
      .post('/invitations/accept-new')
      .send({ token, name: 'Budi', password: 'sandi-budi-panjang' })
      .expect(200);
    expect(accepted.body.token).toMatch(/^gs_/);
    const me = await t.http().get('/me').set(bearer(accepted.body)).expect(200);
    expect(me.body.workspaces).toEqual([expect.objectContaining({ slug: ws.slug, role: 'EDITOR' })]);
    const again = await t
      .http()
      .post('/invitations/accept-new')
      .send({ token, name: 'Budi', password: 'sandi-budi-panjang' })
      .expect(422);
    expect(again.body.error.code).toBe('invitation_invalid');
  });

  it('accept-new with session "cookie" signs the browser in with the session cookies, no token in the body', async () => {
    const ws = await createWorkspace(t.prisma);
    const email = `${unique('peramban')}@test.gaung`;
    await t
      .http()
      .post(`/workspaces/${ws.slug}/invitations`)
      .set(bearer(ws.users.ADMIN))
      .send({ email, role: 'VIEWER' })
      .expect(201);
    const token = tokenFrom(inbox.find((m) => m.to === email)!.body);
    await t
      .http()
      .post('/invitations/accept-new')
      .send({ token, name: 'Sari', password: 'sandi-sari-panjang', session: 'biscuit' })
      .expect(400);
    expect(await t.prisma.user.count({ where: { email } })).toBe(0);
    const accepted = await t
      .http()
      .post('/invitations/accept-new')
      .send({ token, name: 'Sari', password: 'sandi-sari-panjang', session: 'cookie' })
      .expect(200);
    expect(accepted.body.token).toBeUndefined();
    expect(accepted.body.user).toMatchObject({ email });
    const cookies = (accepted.headers['set-cookie'] as unknown as string[]).map((c) => c.split(';')[0]!);
    const session = cookies.find((c) => c.startsWith('gaung_session='));
    expect(session).toBeDefined();
    expect(cookies.some((c) => c.startsWith('gaung_csrf='))).toBe(true);
    const me = await t.http().get('/me').set('Cookie', session!).expect(200);
    expect(me.body.workspaces).toEqual([expect.objectContaining({ slug: ws.slug, role: 'VIEWER' })]);
  });

  it('lets an existing user accept only an invitation to their own email', async () => {
    const ws = await createWorkspace(t.prisma);
    const invitee = await createUser(t.prisma);
    const stranger = await createUser(t.prisma);
    await t
      .http()
      .post(`/workspaces/${ws.slug}/invitations`)
      .set(bearer(ws.users.OWNER))
      .send({ email: invitee.email, role: 'COORDINATOR' })
      .expect(201);
    const token = tokenFrom(inbox.find((m) => m.to === invitee.email)!.body);
    await t.http().post('/invitations/accept').set(bearer(stranger)).send({ token }).expect(403);
    // The failed attempt must not have used the invitation up.
    await t.http().post('/invitations/accept').set(bearer(invitee)).send({ token }).expect(200);
    const membership = await t.prisma.membership.findFirstOrThrow({
      where: { workspaceId: ws.id, userId: invitee.id },
    });
    expect(membership.role).toBe('COORDINATOR');
  });

  it("refuses expired and revoked invitations, and inviting above one's role", async () => {
    const ws = await createWorkspace(t.prisma);
    const admin = bearer(ws.users.ADMIN);
    await t
      .http()
      .post(`/workspaces/${ws.slug}/invitations`)
      .set(admin)
      .send({ email: 'x@test.gaung', role: 'OWNER' })
      .expect(403);
    const email = `${unique('exp')}@test.gaung`;
    const created = await t
      .http()
      .post(`/workspaces/${ws.slug}/invitations`)
      .set(admin)
      .send({ email, role: 'VIEWER' })
      .expect(201);
    const token = tokenFrom(inbox.find((m) => m.to === email)!.body);
    await t.prisma.invitation.update({
      where: { id: created.body.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    await t
      .http()
      .post('/invitations/accept-new')
      .send({ token, name: 'Late', password: 'terlambat-sekali' })
      .expect(422);
    expect(await t.prisma.user.count({ where: { email } })).toBe(0);

    const email2 = `${unique('rev')}@test.gaung`;
    const second = await t
      .http()
      .post(`/workspaces/${ws.slug}/invitations`)
      .set(admin)
      .send({ email: email2, role: 'VIEWER' })
      .expect(201);
    const open = await t.http().get(`/workspaces/${ws.slug}/invitations`).set(admin).expect(200);
    expect(open.body.map((i: { id: string }) => i.id)).toEqual([second.body.id]);
    await t.http().delete(`/workspaces/${ws.slug}/invitations/${second.body.id}`).set(admin).expect(204);
    const token2 = tokenFrom(inbox.find((m) => m.to === email2)!.body);
    await t
      .http()
      .post('/invitations/accept-new')
      .send({ token: token2, name: 'Rev', password: 'dicabut-sekali' })
      .expect(422);
  });
});

describe('invitations without SMTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('shows the one-time link to the admin who made it', async () => {
    const ws = await createWorkspace(t.prisma);
    const res = await t
      .http()
      .post(`/workspaces/${ws.slug}/invitations`)
      .set(bearer(ws.users.ADMIN))
      .send({ email: `${unique('n')}@test.gaung`, role: 'VIEWER' })
      .expect(201);
    expect(res.body.mailed).toBe(false);
    expect(res.body.inviteUrl).toMatch(/\/app\/invitations\/accept\?token=[A-Za-z0-9_-]{43}$/);
    const stored = await t.prisma.invitation.findUniqueOrThrow({ where: { id: res.body.id } });
    expect(res.body.inviteUrl).not.toContain(stored.tokenHash);
  });
});
