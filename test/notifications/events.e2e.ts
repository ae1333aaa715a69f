import { DeliveryNotices } from '../../src/notifications/notifier';
import { bearer, createWorkspace, type FixtureWorkspace } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/test-app';
import { draftPost, mine, told } from './notification-support';

describe('notifications reach the right people for each event, never the actor', () => {
  let t: TestApp;
  let ws: FixtureWorkspace;

  beforeAll(async () => {
    t = await startTestApp();
    ws = await createWorkspace(t.prisma);
  });
  afterAll(() => t.close());

  const post = (id: string, path: string) => `/workspaces/${ws.slug}/posts/${id}/${path}`;

  it('review: submitted (coordinators+), commented and sent back or approved (author and earlier commenters)', async () => {
    const { postId } = await draftPost(t, ws, 'Upah layak untuk semua');
    await t.http().post(post(postId, 'submit')).set(bearer(ws.users.EDITOR)).expect(200);
    expect(await told(t, ws, 'POST_SUBMITTED', postId)).toEqual(['COORDINATOR', 'ADMIN', 'OWNER']);

    await t
      .http()
      .post(post(postId, 'comments'))
      .set(bearer(ws.users.ADMIN))
      .send({ body: 'Cek angkanya' })
      .expect(201);
    expect(await told(t, ws, 'POST_COMMENTED', postId)).toEqual(['EDITOR']);

    await t
      .http()
      .post(post(postId, 'request-changes'))
      .set(bearer(ws.users.COORDINATOR))
      .send({ body: 'Tambah tagar' })
      .expect(200);
    expect(await told(t, ws, 'POST_CHANGES_REQUESTED', postId)).toEqual(['EDITOR', 'ADMIN']);
    const [sentBack] = (await mine(t, ws, ws.users.EDITOR)).filter((n) => n.kind === 'POST_CHANGES_REQUESTED');
    expect(sentBack!.message).toMatch(/meminta perubahan pada "Upah layak untuk semua": Tambah tagar$/);
    expect(sentBack).toMatchObject({
      subjectType: 'POST',
      subjectId: postId,
      readAt: null,
      path: `/${ws.slug}/posts/${postId}`,
    });

    await t.http().post(post(postId, 'submit')).set(bearer(ws.users.EDITOR)).expect(200);
    const { version } = (
      await t.http().get(`/workspaces/${ws.slug}/posts/${postId}`).set(bearer(ws.users.OWNER)).expect(200)
    ).body;
    // A refused change leaves no notification behind: it is written in the change's transaction.
    await t
      .http()
      .post(post(postId, 'approve'))
      .set(bearer(ws.users.OWNER))
      .send({ version: version + 7 })
      .expect(409);
    expect(await t.prisma.notification.count({ where: { subjectId: postId, kind: 'POST_APPROVED' } })).toBe(0);
    await t.http().post(post(postId, 'approve')).set(bearer(ws.users.OWNER)).send({ version }).expect(200);
    expect(await told(t, ws, 'POST_APPROVED', postId)).toEqual(['EDITOR', 'ADMIN']);
  });

  it('an author who commented on their own post is not told about their own comment', async () => {
    const { postId } = await draftPost(t, ws);
    await t
      .http()
      .post(post(postId, 'comments'))
      .set(bearer(ws.users.EDITOR))
      .send({ body: 'Catatan saya' })
      .expect(201);
    expect(await told(t, ws, 'POST_COMMENTED', postId)).toEqual([]);
    await t.http().post(post(postId, 'comments')).set(bearer(ws.users.VIEWER)).send({ body: 'x' }).expect(403);
    await t.http().post(post(postId, 'comments')).set(bearer(ws.users.COORDINATOR)).send({ body: 'Bagus' }).expect(201);
    expect(await told(t, ws, 'POST_COMMENTED', postId)).toEqual(['EDITOR']);
  });

  it('published late, failed, unconfirmed: the author and the coordinators; account needs reconnect: the admins', async () => {
    const { postId, targetId, accountId } = await draftPost(t, ws);
    const notices = t.app.get(DeliveryNotices);
    await t.prisma.$transaction(async (tx) => {
      await notices.delivery(tx, ws.id, targetId, 'TARGET_FAILED', { reason: 'Platform menolak' });
      await notices.delivery(tx, ws.id, targetId, 'TARGET_UNCONFIRMED', { reason: null });
      await notices.delivery(tx, ws.id, targetId, 'TARGET_PUBLISHED_LATE', { lateSeconds: 600 });
      await notices.accountNeedsReconnect(tx, ws.id, accountId, 'token revoked');
    });
    for (const kind of ['TARGET_FAILED', 'TARGET_UNCONFIRMED', 'TARGET_PUBLISHED_LATE']) {
      expect(await told(t, ws, kind, postId)).toEqual(['EDITOR', 'COORDINATOR', 'ADMIN', 'OWNER']);
    }
    expect(await told(t, ws, 'ACCOUNT_NEEDS_RECONNECT', accountId)).toEqual(['ADMIN', 'OWNER']);
    const failed = (await mine(t, ws, ws.users.EDITOR)).find((n) => n.kind === 'TARGET_FAILED');
    expect(failed).toMatchObject({
      subjectType: 'POST',
      subjectId: postId,
      targetId,
      message: '"Aksi serentak 1 Mei" gagal diterbitkan: Platform menolak',
      path: `/${ws.slug}/posts/${postId}`,
    });
    const reconnect = (await mine(t, ws, ws.users.ADMIN)).find((n) => n.kind === 'ACCOUNT_NEEDS_RECONNECT');
    expect(reconnect?.path).toBe(`/${ws.slug}/accounts`);
  });

  it("workspace hold and resume: every member but the one who acted, times in each reader's zone", async () => {
    await t.prisma.user.update({
      where: { id: ws.users.VIEWER.id },
      data: { locale: 'en', timeZone: 'Asia/Jayapura' },
    });
    await t
      .http()
      .post(`/workspaces/${ws.slug}/hold`)
      .set(bearer(ws.users.ADMIN))
      .send({ reason: 'Krisis', resumeAt: '2030-05-01T01:00:00Z' })
      .expect(200);
    expect(await told(t, ws, 'WORKSPACE_HELD', ws.id)).toEqual(['VIEWER', 'EDITOR', 'COORDINATOR', 'OWNER']);
    const [english] = (await mine(t, ws, ws.users.VIEWER)).filter((n) => n.kind === 'WORKSPACE_HELD');
    expect(english!.message).toMatch(/put all publishing on hold: Krisis \(resumes 1 May 2030 10:00/);
    const [indonesian] = (await mine(t, ws, ws.users.EDITOR)).filter((n) => n.kind === 'WORKSPACE_HELD');
    expect(indonesian!.message).toMatch(/menahan semua penerbitan: Krisis \(dilanjutkan 1 Mei 2030 08:00/);
    await t.http().post(`/workspaces/${ws.slug}/resume`).set(bearer(ws.users.OWNER)).expect(200);
    expect(await told(t, ws, 'WORKSPACE_RESUMED', ws.id)).toEqual(['VIEWER', 'EDITOR', 'COORDINATOR', 'ADMIN']);
  });

  it("joint campaign hold and resume: every member, and the partners' members in their own workspace", async () => {
    const partner = await createWorkspace(t.prisma);
    const outsider = await createWorkspace(t.prisma);
    const campaign = await t.prisma.campaign.create({
      data: { workspaceId: ws.id, name: 'Hari Buruh', timeZone: 'Asia/Jakarta' },
    });
    await t.prisma.campaignPartner.create({
      data: {
        campaignId: campaign.id,
        workspaceId: partner.id,
        invitedById: ws.users.COORDINATOR.id,
        status: 'ACTIVE',
      },
    });
    await t.prisma.campaignPartner.create({
      data: {
        campaignId: campaign.id,
        workspaceId: outsider.id,
        invitedById: ws.users.COORDINATOR.id,
        status: 'DECLINED',
      },
    });
    await t
      .http()
      .post(`/workspaces/${ws.slug}/campaigns/${campaign.id}/hold`)
      .set(bearer(ws.users.COORDINATOR))
      .send({ reason: 'Tunggu kabar' })
      .expect(200);
    expect(await told(t, ws, 'CAMPAIGN_HELD', campaign.id)).toEqual(['VIEWER', 'EDITOR', 'ADMIN', 'OWNER']);
    expect(await told(t, partner, 'CAMPAIGN_HELD', campaign.id)).toEqual([
      'VIEWER',
      'EDITOR',
      'COORDINATOR',
      'ADMIN',
      'OWNER',
    ]);
    expect(await told(t, outsider, 'CAMPAIGN_HELD', campaign.id)).toEqual([]);
    await t
      .http()
      .post(`/workspaces/${ws.slug}/campaigns/${campaign.id}/resume`)
      .set(bearer(ws.users.COORDINATOR))
      .expect(200);
    expect(await told(t, partner, 'CAMPAIGN_RESUMED', campaign.id)).toEqual([
      'VIEWER',
      'EDITOR',
      'COORDINATOR',
      'ADMIN',
      'OWNER',
    ]);
    expect(await told(t, ws, 'CAMPAIGN_RESUMED', campaign.id)).toEqual(['VIEWER', 'EDITOR', 'ADMIN', 'OWNER']);
  });

  it("partner invitation: the invited workspace's coordinators and admins, nobody in the inviting one", async () => {
    const partner = await createWorkspace(t.prisma);
    await t.prisma.workspace.update({ where: { id: partner.id }, data: { openToPartnerInvitations: true } });
    const campaign = await t.prisma.campaign.create({
      data: { workspaceId: ws.id, name: 'Upah Minimum', timeZone: 'Asia/Jakarta' },
    });
    await t
      .http()
      .post(`/workspaces/${ws.slug}/campaigns/${campaign.id}/partners`)
      .set(bearer(ws.users.COORDINATOR))
      .send({ workspace: partner.slug })
      .expect(201);
    expect(await told(t, partner, 'PARTNER_INVITED', campaign.id)).toEqual(['COORDINATOR', 'ADMIN', 'OWNER']);
    expect(await told(t, ws, 'PARTNER_INVITED', campaign.id)).toEqual([]);
    const [invitation] = await mine(t, partner, partner.users.OWNER);
    expect(invitation!.message).toMatch(/mengundang Anda ke kampanye bersama "Upah Minimum"$/);
    // Answered on the partners page of the invited workspace (its campaign is not theirs to open yet).
    expect(invitation!.path).toBe(`/${partner.slug}/partners`);
  });
});
