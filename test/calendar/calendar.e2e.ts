import { bearer, createWorkspace, type FixtureWorkspace } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

describe('the calendar, key dates, holds and the iCal feed', () => {
  let t: TestApp;
  let kspi: FixtureWorkspace;
  let ksbsi: FixtureWorkspace;
  let campaignId: string;

  const post = async (
    ws: FixtureWorkspace,
    at: string,
    text: string,
    options: { campaignId?: string; status?: 'DRAFT' | 'APPROVED'; platform?: 'FEED' | 'X' } = {},
  ) => {
    const account = await t.prisma.connectedAccount.create({
      data: {
        workspaceId: ws.id,
        platform: options.platform ?? 'FEED',
        displayName: `${ws.slug} ${options.platform ?? 'FEED'}`,
      },
    });
    return t.prisma.post.create({
      data: {
        workspaceId: ws.id,
        authorId: ws.users.EDITOR.id,
        campaignId: options.campaignId,
        baseText: text,
        status: options.status ?? 'DRAFT',
        scheduledAt: new Date(at),
        scheduleZone: 'Asia/Jayapura',
        targets: { create: { workspaceId: ws.id, accountId: account.id } },
      },
    });
  };

  beforeAll(async () => {
    t = await startTestApp();
    kspi = await createWorkspace(t.prisma);
    ksbsi = await createWorkspace(t.prisma);
    const campaign = await t.prisma.campaign.create({
      data: {
        workspaceId: kspi.id,
        name: 'May Day 2027',
        timeZone: 'Asia/Jakarta',
        partners: { create: { workspaceId: ksbsi.id, status: 'ACTIVE', invitedById: kspi.users.OWNER.id } },
      },
    });
    campaignId = campaign.id;
    await post(kspi, '2027-04-30T23:30:00Z', 'KSPI: Selamat Hari Buruh', { campaignId, status: 'APPROVED' });
    await post(ksbsi, '2027-05-01T01:00:00Z', 'KSBSI: Buruh bersatu', { campaignId, platform: 'X' });
    await post(ksbsi, '2027-05-01T02:00:00Z', 'KSBSI internal, not in the joint campaign');
    await post(kspi, '2027-05-03T02:00:00Z', 'KSPI: evaluasi aksi');
  });
  afterAll(() => t.close());

  const calendar = (ws: FixtureWorkspace, query: string, as = ws.users.VIEWER) =>
    t.http().get(`/workspaces/${ws.slug}/calendar?${query}`).set(bearer(as));

  it("shows a week in WIT with local times, partners' joint-campaign posts read-only, and May Day", async () => {
    const res = await calendar(kspi, 'view=week&anchor=2027-05-01&zone=WIT').expect(200);
    expect(res.body.zone).toBe('Asia/Jayapura');
    // The WIT week of 2027-04-26 (Monday) 00:00 +09:00.
    expect(res.body.from).toBe('2027-04-25T15:00:00.000Z');
    const rows = res.body.posts.map(
      (p: { excerpt: string; readOnly: boolean; local: { text: string; abbreviation: string } }) => [
        p.excerpt,
        p.readOnly,
        p.local.abbreviation,
      ],
    );
    expect(rows).toEqual([
      ['KSPI: Selamat Hari Buruh', false, 'WIT'],
      ['KSBSI: Buruh bersatu', true, 'WIT'],
    ]); // 'KSPI: evaluasi aksi' is Monday 3 May 11:00 WIT: next week
    expect(res.body.posts[0].local.iso).toBe('2027-05-01T08:30:00.000+09:00');
    const mayDay = res.body.dates.find((d: { isMayDay: boolean }) => d.isMayDay);
    expect(mayDay).toMatchObject({ date: '2027-05-01', source: 'holiday' });
  });

  it('shows the same instant in WIB, WITA and Europe/Brussels', async () => {
    const local = async (zone: string) => {
      const res = await calendar(kspi, `from=2027-04-30T00:00:00Z&to=2027-05-01T00:00:00Z&zone=${zone}`).expect(200);
      return [res.body.posts[0].local.iso, res.body.posts[0].local.abbreviation];
    };
    expect(await local('Asia/Jakarta')).toEqual(['2027-05-01T06:30:00.000+07:00', 'WIB']);
    expect(await local('Asia/Makassar')).toEqual(['2027-05-01T07:30:00.000+08:00', 'WITA']);
    expect(await local('Europe/Brussels')).toEqual(['2027-05-01T01:30:00.000+02:00', 'CEST']);
  });

  it("shows the partner the joint posts, with the owner's read-only, but not the owner's other posts", async () => {
    const res = await calendar(ksbsi, 'view=week&anchor=2027-05-01&zone=WIB').expect(200);
    expect(res.body.posts.map((p: { excerpt: string; readOnly: boolean }) => [p.excerpt, p.readOnly])).toEqual([
      ['KSPI: Selamat Hari Buruh', true],
      ['KSBSI: Buruh bersatu', false],
      ['KSBSI internal, not in the joint campaign', false],
    ]);
  });

  it('filters by platform, status and campaign, and pages with a keyset cursor', async () => {
    const x = await calendar(kspi, 'view=month&anchor=2027-05-01&platform=X').expect(200);
    expect(x.body.posts.map((p: { excerpt: string }) => p.excerpt)).toEqual(['KSBSI: Buruh bersatu']);
    const approved = await calendar(kspi, 'view=month&anchor=2027-05-01&status=APPROVED').expect(200);
    expect(approved.body.posts).toHaveLength(1);
    const joint = await calendar(kspi, `view=month&anchor=2027-05-01&campaignId=${campaignId}`).expect(200);
    expect(joint.body.posts).toHaveLength(2);
    const mine = await calendar(kspi, `view=month&anchor=2027-05-01&authorId=${kspi.users.EDITOR.id}`).expect(200);
    expect(mine.body.posts.map((p: { excerpt: string }) => p.excerpt)).toEqual([
      'KSPI: Selamat Hari Buruh',
      'KSPI: evaluasi aksi',
    ]);
    const accountId = (
      await t.prisma.postTarget.findFirstOrThrow({
        where: { post: { baseText: 'KSBSI: Buruh bersatu', workspaceId: ksbsi.id } },
      })
    ).accountId;
    const byAccount = await calendar(kspi, `view=month&anchor=2027-05-01&accountId=${accountId}`).expect(200);
    expect(byAccount.body.posts.map((p: { excerpt: string }) => p.excerpt)).toEqual(['KSBSI: Buruh bersatu']);
    const first = await calendar(kspi, 'view=month&anchor=2027-05-01&limit=2').expect(200);
    expect(first.body.posts).toHaveLength(2);
    const second = await calendar(kspi, `view=month&anchor=2027-05-01&limit=2&after=${first.body.nextAfter}`).expect(
      200,
    );
    expect(second.body.posts.map((p: { excerpt: string }) => p.excerpt)).toEqual(['KSPI: evaluasi aksi']);
    expect(second.body.nextAfter).toBeNull();
  });

  it('rejects bad ranges and zones with 400/422', async () => {
    await calendar(kspi, 'from=2027-05-01T00:00:00Z').expect(400);
    await calendar(kspi, 'from=2027-05-02T00:00:00Z&to=2027-05-01T00:00:00Z').expect(400);
    await calendar(kspi, 'from=2027-01-01T00:00:00Z&to=2027-12-01T00:00:00Z').expect(400);
    const zone = await calendar(kspi, 'view=week&zone=%2B07:00').expect(422);
    expect(zone.body.error.code).toBe('fixed_offset_not_a_zone');
    await calendar(kspi, 'view=year').expect(400);
  });

  it('shows key dates and holds on the calendar', async () => {
    const coordinator = bearer(kspi.users.COORDINATOR);
    await t
      .http()
      .post(`/workspaces/${kspi.slug}/key-dates`)
      .set(bearer(kspi.users.EDITOR))
      .send({ date: '2027-05-02', title: 'x' })
      .expect(403);
    const created = await t
      .http()
      .post(`/workspaces/${kspi.slug}/key-dates`)
      .set(coordinator)
      .send({ date: '2027-05-02', title: 'Mogok nasional', kind: 'STRIKE' })
      .expect(201);
    await t
      .http()
      .post(`/workspaces/${kspi.slug}/campaigns/${campaignId}/hold`)
      .set(coordinator)
      .send({ reason: 'Krisis: tunggu klarifikasi' })
      .expect(200);
    const res = await calendar(kspi, 'view=week&anchor=2027-05-01&zone=WIB').expect(200);
    expect(res.body.dates).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ date: '2027-05-02', title: 'Mogok nasional', kind: 'STRIKE', source: 'key-date' }),
      ]),
    );
    expect(res.body.holds.campaigns).toEqual([
      expect.objectContaining({ id: campaignId, holdReason: 'Krisis: tunggu klarifikasi' }),
    ]);
    expect(res.body.posts[0].campaign.held).toBe(true);
    await t
      .http()
      .post(`/workspaces/${kspi.slug}/campaigns/${campaignId}/hold`)
      .set(coordinator)
      .send({ reason: 'lagi lagi' })
      .expect(409);
    await t
      .http()
      .post(`/workspaces/${ksbsi.slug}/campaigns/${campaignId}/hold`)
      .set(bearer(ksbsi.users.COORDINATOR))
      .send({ reason: 'bukan milik kami' })
      .expect(403);
    const resumed = await t
      .http()
      .post(`/workspaces/${kspi.slug}/campaigns/${campaignId}/resume`)
      .set(coordinator)
      .expect(200);
    expect(resumed.body).toEqual({ rescheduled: 0, expired: 0 });
    await t.http().delete(`/workspaces/${kspi.slug}/key-dates/${created.body.id}`).set(coordinator).expect(204);
    const actions = (
      await t.prisma.auditEvent.findMany({
        where: {
          workspaceId: kspi.id,
          action: { in: ['campaign.held', 'campaign.resumed', 'key_date.created', 'key_date.deleted'] },
        },
      })
    )
      .map((e) => e.action)
      .sort();
    expect(actions).toEqual(['campaign.held', 'campaign.resumed', 'key_date.created', 'key_date.deleted']);
  });

  it('shows each post in the state its deliveries give it (displayState), in the JSON and in iCal', async () => {
    const at = new Date(Date.now() - 3600_000);
    const expired = await post(kspi, at.toISOString(), 'Tidak disetujui tepat waktu');
    await t.prisma.post.update({ where: { id: expired.id }, data: { status: 'IN_REVIEW' } });
    await t.prisma.postTarget.updateMany({ where: { postId: expired.id }, data: { state: 'EXPIRED' } });
    const res = await calendar(
      kspi,
      `from=${new Date(at.getTime() - 60_000).toISOString()}&to=${new Date(at.getTime() + 60_000).toISOString()}`,
    ).expect(200);
    expect(res.body.posts.map((p: { status: string; displayState: string }) => [p.status, p.displayState])).toEqual([
      ['IN_REVIEW', 'EXPIRED'],
    ]);
    const feed = await t
      .http()
      .post(`/workspaces/${kspi.slug}/calendar-feed`)
      .set(bearer(kspi.users.COORDINATOR))
      .expect(201);
    const ics = (await t.http().get(new URL(feed.body.url).pathname).expect(200)).text;
    expect(ics).toContain('[Kedaluwarsa] Tidak disetujui tepat waktu');
  });

  it('serves a secret iCal feed that can be regenerated and revoked', async () => {
    const viewer = kspi.users.VIEWER;
    const first = await t.http().post(`/workspaces/${kspi.slug}/calendar-feed`).set(bearer(viewer)).expect(201);
    const path = new URL(first.body.url).pathname;
    // Posts far in the future are outside the feed window; add one inside it.
    await post(kspi, new Date(Date.now() + 86_400_000).toISOString(), 'Besok: konferensi pers, 10:00');
    const ics = await t
      .http()
      .get(path)
      .expect(200)
      .expect('content-type', /text\/calendar/);
    expect(ics.text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(ics.text).toContain('Besok: konferensi pers\\, 10:00');
    const second = await t.http().post(`/workspaces/${kspi.slug}/calendar-feed`).set(bearer(viewer)).expect(201);
    await t.http().get(path).expect(404);
    await t.http().get(new URL(second.body.url).pathname).expect(200);
    await t.http().delete(`/workspaces/${kspi.slug}/calendar-feed`).set(bearer(viewer)).expect(204);
    await t.http().get(new URL(second.body.url).pathname).expect(404);
    await t.http().get('/ical/cal_not-a-real-token.ics').expect(404);
  });

  it("the iCal feed covers the whole horizon of the campaigns and shows each post's state in the subscriber's language, held and published included", async () => {
    const DAY = 86_400_000;
    // Outside a fixed window (60 days back, 100 ahead) but inside the campaign: both must be in the feed.
    const far = await post(kspi, new Date(Date.now() + 300 * DAY).toISOString(), 'Jauh di depan: kongres buruh', {
      campaignId,
      status: 'APPROVED',
    });
    await t.prisma.postTarget.updateMany({ where: { postId: far.id }, data: { state: 'SCHEDULED' } });
    const old = await post(kspi, new Date(Date.now() - 200 * DAY).toISOString(), 'Sudah lama terbit', {
      campaignId,
      status: 'APPROVED',
    });
    await t.prisma.postTarget.updateMany({
      where: { postId: old.id },
      data: { state: 'PUBLISHED', publishedAt: new Date(Date.now() - 200 * DAY) },
    });
    // Outside any campaign and the window: left out.
    await post(kspi, new Date(Date.now() + 400 * DAY).toISOString(), 'Tanpa kampanye, jauh sekali');
    await t.prisma.campaign.update({ where: { id: campaignId }, data: { heldAt: new Date(), holdReason: 'krisis' } });
    try {
      const feed = await t
        .http()
        .post(`/workspaces/${kspi.slug}/calendar-feed`)
        .set(bearer(kspi.users.COORDINATOR))
        .expect(201);
      const read = async () =>
        (await t.http().get(new URL(feed.body.url).pathname).expect(200)).text.replace(/\r\n /g, '');
      // The states in the subscriber's language (the profile's, Indonesian by default), never as codes.
      const ics = await read();
      expect(ics).toContain('May Day 2027 [Ditahan] Jauh di depan: kongres buruh');
      expect(ics).toContain('May Day 2027 [Terbit] Sudah lama terbit');
      expect(ics).not.toMatch(/\[(HELD|PUBLISHED|SCHEDULED)\]/);
      expect(ics).toContain('KSPI: Selamat Hari Buruh');
      expect(ics).not.toContain('Tanpa kampanye, jauh sekali');
      // The feed's URL names its user: once they read in English, so does their calendar app.
      await t.prisma.user.update({ where: { id: kspi.users.COORDINATOR.id }, data: { locale: 'en' } });
      const english = await read();
      expect(english).toContain('May Day 2027 [Held] Jauh di depan: kongres buruh');
      expect(english).toContain('May Day 2027 [Published] Sudah lama terbit');
      expect(english).toContain('Status: Held');
    } finally {
      await t.prisma.user.update({ where: { id: kspi.users.COORDINATOR.id }, data: { locale: 'id' } });
      await t.prisma.campaign.update({ where: { id: campaignId }, data: { heldAt: null, holdReason: null } });
    }
  });
});
