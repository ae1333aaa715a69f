import { bearer, createUser, createWorkspace, type FixtureWorkspace, unique } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

/** docs/security.md, rule 9: an invitation is checked at acceptance against its inviter's current rights. */
describe("invitations are checked against the inviter's rights at acceptance", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const invite = async (ws: FixtureWorkspace, from: 'ADMIN' | 'OWNER', email: string, role: string) => {
    const res = await t
      .http()
      .post(`/workspaces/${ws.slug}/invitations`)
      .set(bearer(ws.users[from]))
      .send({ email, role })
      .expect(201);
    return new URL(res.body.inviteUrl).searchParams.get('token')!;
  };
  const acceptNew = (token: string) =>
    t.http().post('/invitations/accept-new').send({ token, name: 'Dewi', password: 'sandi-dewi-panjang' });

  it('refuses an invitation whose inviter was removed, creating no account and no membership', async () => {
    const ws = await createWorkspace(t.prisma);
    const email = `${unique('orphan')}@test.gaung`;
    const token = await invite(ws, 'ADMIN', email, 'EDITOR');
    await t
      .http()
      .delete(`/workspaces/${ws.slug}/members/${ws.users.ADMIN.id}`)
      .set(bearer(ws.users.OWNER))
      .expect(204);

    const res = await acceptNew(token).set('Accept-Language', 'en').expect(422);
    expect(res.body.error.code).toBe('invitation_inviter_lost_rights');
    expect(res.body.error.message).toMatch(/no longer valid/);
    expect(await t.prisma.user.count({ where: { email } })).toBe(0);
    expect(await t.prisma.invitation.count({ where: { workspaceId: ws.id, acceptedAt: { not: null } } })).toBe(0);
  });

  it('refuses an invitation whose inviter was demoted below ADMIN (even for a role they still hold)', async () => {
    const ws = await createWorkspace(t.prisma);
    const invitee = await createUser(t.prisma);
    const token = await invite(ws, 'ADMIN', invitee.email, 'VIEWER');
    await t
      .http()
      .patch(`/workspaces/${ws.slug}/members/${ws.users.ADMIN.id}`)
      .set(bearer(ws.users.OWNER))
      .send({ role: 'COORDINATOR' })
      .expect(204);

    const res = await t.http().post('/invitations/accept').set(bearer(invitee)).send({ token }).expect(422);
    expect(res.body.error.code).toBe('invitation_inviter_lost_rights');
    expect(res.body.error.message).toMatch(/tidak berlaku lagi/);
    expect(await t.prisma.membership.count({ where: { workspaceId: ws.id, userId: invitee.id } })).toBe(0);
  });

  it('refuses an OWNER invitation once its inviter is no longer an OWNER', async () => {
    const ws = await createWorkspace(t.prisma);
    const invitee = await createUser(t.prisma);
    const token = await invite(ws, 'OWNER', invitee.email, 'OWNER');
    // A second owner demotes the inviter to ADMIN: ADMINs may not grant OWNER.
    await t
      .http()
      .patch(`/workspaces/${ws.slug}/members/${ws.users.ADMIN.id}`)
      .set(bearer(ws.users.OWNER))
      .send({ role: 'OWNER' })
      .expect(204);
    await t
      .http()
      .patch(`/workspaces/${ws.slug}/members/${ws.users.OWNER.id}`)
      .set(bearer(ws.users.ADMIN))
      .send({ role: 'ADMIN' })
      .expect(204);

    await t.http().post('/invitations/accept').set(bearer(invitee)).send({ token }).expect(422);
    expect(await t.prisma.membership.count({ where: { workspaceId: ws.id, userId: invitee.id } })).toBe(0);
  });

  it('still accepts an invitation whose inviter keeps the right to grant it', async () => {
    const ws = await createWorkspace(t.prisma);
    const token = await invite(ws, 'ADMIN', `${unique('ok')}@test.gaung`, 'COORDINATOR');
    const res = await acceptNew(token).expect(200);
    const me = await t.http().get('/me').set(bearer(res.body)).expect(200);
    expect(me.body.workspaces).toEqual([expect.objectContaining({ slug: ws.slug, role: 'COORDINATOR' })]);
  });

  it('refuses a partnership invitation to a joint campaign once its sender is no longer a coordinator', async () => {
    const owner = await createWorkspace(t.prisma);
    const partner = await createWorkspace(t.prisma);
    await t.prisma.workspace.update({ where: { id: partner.id }, data: { openToPartnerInvitations: true } });
    const campaign = await t
      .http()
      .post(`/workspaces/${owner.slug}/campaigns`)
      .set(bearer(owner.users.COORDINATOR))
      .send({ name: 'Mogok Nasional' })
      .expect(201);
    const invited = await t
      .http()
      .post(`/workspaces/${owner.slug}/campaigns/${campaign.body.id}/partners`)
      .set(bearer(owner.users.COORDINATOR))
      .send({ workspace: partner.slug })
      .expect(201);
    await t
      .http()
      .patch(`/workspaces/${owner.slug}/members/${owner.users.COORDINATOR.id}`)
      .set(bearer(owner.users.ADMIN))
      .send({ role: 'EDITOR' })
      .expect(204);

    const res = await t
      .http()
      .post(`/workspaces/${partner.slug}/partnerships/${invited.body.id}/accept`)
      .set(bearer(partner.users.COORDINATOR))
      .expect(422);
    expect(res.body.error.code).toBe('partnership_inviter_lost_rights');
    expect((await t.prisma.campaignPartner.findUniqueOrThrow({ where: { id: invited.body.id } })).status).toBe(
      'INVITED',
    );
    // Declining stays possible.
    await t
      .http()
      .post(`/workspaces/${partner.slug}/partnerships/${invited.body.id}/decline`)
      .set(bearer(partner.users.COORDINATOR))
      .expect(204);
  });
});
