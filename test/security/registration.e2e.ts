import { bearer, createUser, createWorkspace, type FixtureWorkspace, unique } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

/** docs/security.md, rule 12: who may sign up; what a slug tells a stranger. */
describe('registration', () => {
  it('is by invitation only by default: 403 with a clear message, and no account is created', async () => {
    const t = await startTestApp();
    try {
      const email = `${unique('stranger')}@test.gaung`;
      const res = await t
        .http()
        .post('/auth/register')
        .set('Accept-Language', 'en')
        .send({ email, name: 'Stranger', password: 'kata-sandi-panjang' })
        .expect(403);
      expect(res.body.error).toMatchObject({
        code: 'registration_closed',
        message: expect.stringContaining('by invitation only'),
      });
      expect(await t.prisma.user.count({ where: { email } })).toBe(0);
    } finally {
      await t.close();
    }
  });

  it('is open when the instance says REGISTRATION=open', async () => {
    const t = await startTestApp({ config: { REGISTRATION: 'open' } });
    try {
      await t
        .http()
        .post('/auth/register')
        .send({ email: `${unique('open')}@test.gaung`, name: 'Sari', password: 'kata-sandi-panjang' })
        .expect(201);
    } finally {
      await t.close();
    }
  });
});

describe('what a slug tells a stranger', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const newCampaign = async (ws: FixtureWorkspace) =>
    (
      await t
        .http()
        .post(`/workspaces/${ws.slug}/campaigns`)
        .set(bearer(ws.users.COORDINATOR))
        .send({ name: unique('Aksi') })
        .expect(201)
    ).body.id as string;
  const invitePartner = (ws: FixtureWorkspace, campaignId: string, slug: string) =>
    t
      .http()
      .post(`/workspaces/${ws.slug}/campaigns/${campaignId}/partners`)
      .set(bearer(ws.users.COORDINATOR))
      .send({ workspace: slug });
  const withoutSlug = (body: { error: { code: string; message: string } }, slug: string) => ({
    code: body.error.code,
    message: body.error.message.replace(slug, '<slug>'),
  });

  it('answers a partner invitation to a closed workspace exactly as to a slug that does not exist, and writes nothing', async () => {
    const inviter = await createWorkspace(t.prisma);
    const closed = await createWorkspace(t.prisma);
    const campaignId = await newCampaign(inviter);
    const missingSlug = unique('no-such');

    const toClosed = await invitePartner(inviter, campaignId, closed.slug);
    const toMissing = await invitePartner(inviter, campaignId, missingSlug);
    expect(toClosed.status).toBe(422);
    expect(toMissing.status).toBe(422);
    expect(withoutSlug(toClosed.body, closed.slug)).toEqual(withoutSlug(toMissing.body, missingSlug));
    expect(await t.prisma.campaignPartner.count({ where: { workspaceId: closed.id } })).toBe(0);
    expect(await t.prisma.auditEvent.count({ where: { workspaceId: closed.id } })).toBe(0);
  });

  it('lets a partner invitation through to a workspace open to invitations, a past partner, or one the inviter belongs to', async () => {
    const inviter = await createWorkspace(t.prisma);
    const open = await createWorkspace(t.prisma);
    await t
      .http()
      .patch(`/workspaces/${open.slug}`)
      .set(bearer(open.users.ADMIN))
      .send({ openToPartnerInvitations: true })
      .expect(200);
    const first = await invitePartner(inviter, await newCampaign(inviter), open.slug).expect(201);
    await t
      .http()
      .post(`/workspaces/${open.slug}/partnerships/${first.body.id}/accept`)
      .set(bearer(open.users.COORDINATOR))
      .expect(204);

    // Closed again: the past partner can still be invited to the next campaign.
    await t
      .http()
      .patch(`/workspaces/${open.slug}`)
      .set(bearer(open.users.ADMIN))
      .send({ openToPartnerInvitations: false })
      .expect(200);
    await invitePartner(inviter, await newCampaign(inviter), open.slug).expect(201);

    const sister = await createWorkspace(t.prisma);
    await t.prisma.membership.create({
      data: { workspaceId: sister.id, userId: inviter.users.COORDINATOR.id, role: 'VIEWER' },
    });
    await invitePartner(inviter, await newCampaign(inviter), sister.slug).expect(201);
  });

  it('limits partner invitations per workspace, answering 429 with Retry-After', async () => {
    const inviter = await createWorkspace(t.prisma);
    const campaignId = await newCampaign(inviter);
    const statuses: number[] = [];
    for (let i = 0; i < 21; i += 1) statuses.push((await invitePartner(inviter, campaignId, unique('sweep'))).status);
    expect(statuses.slice(0, 20).every((s) => s === 422)).toBe(true);
    const limited = await invitePartner(inviter, campaignId, unique('sweep')).expect(429);
    expect(limited.body.error.code).toBe('partner_invitations_rate_limited');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('answers a non-member the same for a workspace that exists and one that does not', async () => {
    const ws = await createWorkspace(t.prisma);
    const stranger = await createUser(t.prisma);
    const existing = await t.http().get(`/workspaces/${ws.slug}/members`).set(bearer(stranger)).expect(404);
    const missing = await t
      .http()
      .get(`/workspaces/${unique('no-such')}/members`)
      .set(bearer(stranger))
      .expect(404);
    expect(existing.body.error.code).toBe(missing.body.error.code);
    expect(existing.body.error.message).toBe(missing.body.error.message);
  });

  it('limits how often one user may test whether a slug is taken', async () => {
    const taken = await createWorkspace(t.prisma);
    const prober = await createUser(t.prisma);
    const statuses: number[] = [];
    for (let i = 0; i < 11; i += 1)
      statuses.push(
        (await t.http().post('/workspaces').set(bearer(prober)).send({ slug: taken.slug, name: 'Probe' })).status,
      );
    expect(statuses.slice(0, 10).every((s) => s === 409)).toBe(true);
    expect(statuses[10]).toBe(429);
  });
});
