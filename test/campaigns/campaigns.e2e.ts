import { bearer, createWorkspace } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

describe('campaigns and joint campaigns', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('creates, edits, lists and archives a campaign with validation', async () => {
    const ws = await createWorkspace(t.prisma, { timeZone: 'Asia/Jayapura' });
    const coord = bearer(ws.users.COORDINATOR);
    await t
      .http()
      .post(`/workspaces/${ws.slug}/campaigns`)
      .set(bearer(ws.users.EDITOR))
      .send({ name: 'x' })
      .expect(403);
    const bad = await t
      .http()
      .post(`/workspaces/${ws.slug}/campaigns`)
      .set(coord)
      .send({
        name: 'May Day',
        startsAt: '2027-05-02T00:00:00+09:00',
        endsAt: '2027-05-01T00:00:00+09:00',
        color: 'red',
      })
      .expect(400);
    expect((bad.body.error.details as Array<{ field: string }>).map((d) => d.field).sort()).toEqual([
      'color',
      'endsAt',
    ]);
    const created = await t
      .http()
      .post(`/workspaces/${ws.slug}/campaigns`)
      .set(coord)
      .send({
        name: 'May Day 2027',
        hashtags: ['#MayDay', 'BuruhBersatu'],
        keyMessages: ['Upah layak'],
        startsAt: '2027-04-20T00:00:00+09:00',
      })
      .expect(201);
    expect(created.body).toMatchObject({
      name: 'May Day 2027',
      timeZone: 'Asia/Jayapura',
      relation: 'owner',
      latePolicy: 'EXPIRE',
      held: false,
    });
    const id = created.body.id;
    const endsEarly = await t
      .http()
      .patch(`/workspaces/${ws.slug}/campaigns/${id}`)
      .set(coord)
      .send({ endsAt: '2027-04-01T00:00:00Z' })
      .expect(422);
    expect(endsEarly.body.error.code).toBe('ends_before_start');
    await t
      .http()
      .patch(`/workspaces/${ws.slug}/campaigns/${id}`)
      .set(coord)
      .send({ latePolicy: 'PUBLISH_LATE', lateGraceMinutes: 20 })
      .expect(200);
    await t.http().post(`/workspaces/${ws.slug}/campaigns/${id}/archive`).set(coord).expect(200);
    const active = await t.http().get(`/workspaces/${ws.slug}/campaigns`).set(bearer(ws.users.VIEWER)).expect(200);
    expect(active.body.campaigns).toEqual([]);
    const archived = await t
      .http()
      .get(`/workspaces/${ws.slug}/campaigns?include=archived`)
      .set(bearer(ws.users.VIEWER))
      .expect(200);
    expect(archived.body.campaigns.map((c: { id: string }) => c.id)).toEqual([id]);
    const actions = (await t.prisma.auditEvent.findMany({ where: { subjectId: id }, orderBy: { id: 'asc' } })).map(
      (e) => e.action,
    );
    expect(actions).toEqual(['campaign.created', 'campaign.updated', 'campaign.archived']);
  });

  it('pages campaigns with a keyset cursor', async () => {
    const ws = await createWorkspace(t.prisma);
    for (let i = 0; i < 5; i++) {
      await t
        .http()
        .post(`/workspaces/${ws.slug}/campaigns`)
        .set(bearer(ws.users.COORDINATOR))
        .send({ name: `C${i}` })
        .expect(201);
    }
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const query: string = `?limit=2${after ? `&after=${after}` : ''}`;
      const page: { body: { campaigns: Array<{ name: string }>; nextAfter: string | null } } = await t
        .http()
        .get(`/workspaces/${ws.slug}/campaigns${query}`)
        .set(bearer(ws.users.VIEWER))
        .expect(200);
      seen.push(...page.body.campaigns.map((c) => c.name));
      after = page.body.nextAfter;
    } while (after);
    expect(seen).toEqual(['C0', 'C1', 'C2', 'C3', 'C4']);
  });

  it("runs a joint campaign: invite, accept, read-only for the partner, leave cancels the partner's pending deliveries", async () => {
    const kspi = await createWorkspace(t.prisma);
    const ksbsi = await createWorkspace(t.prisma);
    const campaign = (
      await t
        .http()
        .post(`/workspaces/${kspi.slug}/campaigns`)
        .set(bearer(kspi.users.COORDINATOR))
        .send({ name: 'Tolak Upah Murah' })
        .expect(201)
    ).body;
    await t
      .http()
      .get(`/workspaces/${ksbsi.slug}/campaigns/${campaign.id}`)
      .set(bearer(ksbsi.users.VIEWER))
      .expect(404);

    await t
      .http()
      .post(`/workspaces/${kspi.slug}/campaigns/${campaign.id}/partners`)
      .set(bearer(kspi.users.COORDINATOR))
      .send({ workspace: kspi.slug })
      .expect(422);
    await t
      .http()
      .post(`/workspaces/${kspi.slug}/campaigns/${campaign.id}/partners`)
      .set(bearer(kspi.users.COORDINATOR))
      .send({ workspace: 'no-such-ws' })
      .expect(422);
    // A workspace is invited by slug only once its admin opened it to partnership invitations.
    await t
      .http()
      .post(`/workspaces/${kspi.slug}/campaigns/${campaign.id}/partners`)
      .set(bearer(kspi.users.COORDINATOR))
      .send({ workspace: ksbsi.slug })
      .expect(422);
    await t
      .http()
      .patch(`/workspaces/${ksbsi.slug}`)
      .set(bearer(ksbsi.users.ADMIN))
      .send({ openToPartnerInvitations: true })
      .expect(200);
    const invited = await t
      .http()
      .post(`/workspaces/${kspi.slug}/campaigns/${campaign.id}/partners`)
      .set(bearer(kspi.users.COORDINATOR))
      .send({ workspace: ksbsi.slug })
      .expect(201);
    await t
      .http()
      .post(`/workspaces/${kspi.slug}/campaigns/${campaign.id}/partners`)
      .set(bearer(kspi.users.COORDINATOR))
      .send({ workspace: ksbsi.slug })
      .expect(409);
    // Invited is not yet partner: still invisible.
    await t
      .http()
      .get(`/workspaces/${ksbsi.slug}/campaigns/${campaign.id}`)
      .set(bearer(ksbsi.users.VIEWER))
      .expect(404);
    const open = await t
      .http()
      .get(`/workspaces/${ksbsi.slug}/partnerships`)
      .set(bearer(ksbsi.users.VIEWER))
      .expect(200);
    expect(open.body).toEqual([expect.objectContaining({ id: invited.body.id, status: 'INVITED' })]);

    await t
      .http()
      .post(`/workspaces/${ksbsi.slug}/partnerships/${invited.body.id}/accept`)
      .set(bearer(ksbsi.users.EDITOR))
      .expect(403);
    await t
      .http()
      .post(`/workspaces/${kspi.slug}/partnerships/${invited.body.id}/accept`)
      .set(bearer(kspi.users.OWNER))
      .expect(404);
    await t
      .http()
      .post(`/workspaces/${ksbsi.slug}/partnerships/${invited.body.id}/accept`)
      .set(bearer(ksbsi.users.COORDINATOR))
      .expect(204);
    await t
      .http()
      .post(`/workspaces/${ksbsi.slug}/partnerships/${invited.body.id}/accept`)
      .set(bearer(ksbsi.users.COORDINATOR))
      .expect(409);

    const seen = await t
      .http()
      .get(`/workspaces/${ksbsi.slug}/campaigns/${campaign.id}`)
      .set(bearer(ksbsi.users.VIEWER))
      .expect(200);
    expect(seen.body).toMatchObject({ relation: 'partner', owner: { slug: kspi.slug } });
    const listed = await t
      .http()
      .get(`/workspaces/${ksbsi.slug}/campaigns`)
      .set(bearer(ksbsi.users.VIEWER))
      .expect(200);
    expect(listed.body.campaigns.map((c: { id: string }) => c.id)).toEqual([campaign.id]);
    const edit = await t
      .http()
      .patch(`/workspaces/${ksbsi.slug}/campaigns/${campaign.id}`)
      .set(bearer(ksbsi.users.OWNER))
      .send({ name: 'Hijacked' })
      .expect(403);
    expect(edit.body.error.code).toBe('campaign_owner_only');

    // KSBSI's own post in the joint campaign, scheduled; and KSPI's, which must stay.
    const account = await t.prisma.connectedAccount.create({
      data: { workspaceId: ksbsi.id, platform: 'FEED', displayName: 'f' },
    });
    const kspiAccount = await t.prisma.connectedAccount.create({
      data: { workspaceId: kspi.id, platform: 'FEED', displayName: 'f' },
    });
    const mk = (wsId: string, authorId: string, accountId: string) =>
      t.prisma.post.create({
        data: {
          workspaceId: wsId,
          campaignId: campaign.id,
          authorId,
          baseText: 'Aksi!',
          status: 'APPROVED',
          approvedVersion: 1,
          scheduledAt: new Date(Date.now() + 3600_000),
          scheduleZone: 'Asia/Jakarta',
          targets: {
            create: { workspaceId: wsId, accountId, state: 'SCHEDULED', dueAt: new Date(Date.now() + 3600_000) },
          },
        },
        include: { targets: true },
      });
    const theirs = await mk(ksbsi.id, ksbsi.users.EDITOR.id, account.id);
    const ours = await mk(kspi.id, kspi.users.EDITOR.id, kspiAccount.id);

    // KSBSI's post outside the joint campaign is neither listed nor cancelled.
    const elsewhere = await t.prisma.post.create({
      data: {
        workspaceId: ksbsi.id,
        authorId: ksbsi.users.EDITOR.id,
        baseText: 'Lain',
        status: 'APPROVED',
        approvedVersion: 1,
        scheduledAt: new Date(Date.now() + 3600_000),
        scheduleZone: 'Asia/Jakarta',
        targets: {
          create: {
            workspaceId: ksbsi.id,
            accountId: account.id,
            state: 'SCHEDULED',
            dueAt: new Date(Date.now() + 3600_000),
          },
        },
      },
      include: { targets: true },
    });
    // The leave dialog asks first: exactly the deliveries the leave then cancels (only KSBSI's own).
    const preview = await t
      .http()
      .get(`/workspaces/${ksbsi.slug}/partnerships/${invited.body.id}/pending-deliveries`)
      .set(bearer(ksbsi.users.COORDINATOR))
      .expect(200);
    expect(preview.body.deliveries).toEqual([
      expect.objectContaining({
        targetId: theirs.targets[0]!.id,
        postId: theirs.id,
        state: 'SCHEDULED',
        excerpt: 'Aksi!',
      }),
    ]);
    await t
      .http()
      .get(`/workspaces/${ksbsi.slug}/partnerships/${invited.body.id}/pending-deliveries`)
      .set(bearer(ksbsi.users.EDITOR))
      .expect(403);
    await t
      .http()
      .get(`/workspaces/${kspi.slug}/partnerships/${invited.body.id}/pending-deliveries`)
      .set(bearer(kspi.users.OWNER))
      .expect(404);
    const left = await t
      .http()
      .post(`/workspaces/${ksbsi.slug}/partnerships/${invited.body.id}/leave`)
      .set(bearer(ksbsi.users.COORDINATOR))
      .expect(200);
    expect(left.body).toEqual({ cancelledDeliveries: 1 });
    expect((await t.prisma.postTarget.findUniqueOrThrow({ where: { id: theirs.targets[0]!.id } })).state).toBe(
      'CANCELLED',
    );
    expect((await t.prisma.postTarget.findUniqueOrThrow({ where: { id: ours.targets[0]!.id } })).state).toBe(
      'SCHEDULED',
    );
    expect((await t.prisma.postTarget.findUniqueOrThrow({ where: { id: elsewhere.targets[0]!.id } })).state).toBe(
      'SCHEDULED',
    );
    await t
      .http()
      .get(`/workspaces/${ksbsi.slug}/campaigns/${campaign.id}`)
      .set(bearer(ksbsi.users.VIEWER))
      .expect(404);
    const audit = await t.prisma.auditEvent.findFirstOrThrow({
      where: { workspaceId: ksbsi.id, action: 'partnership.left' },
    });
    expect(audit.summary).toMatchObject({ cancelledDeliveries: 1, campaignId: campaign.id });
  });
});
