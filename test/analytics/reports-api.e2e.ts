import { reportFigures, totalsOf } from '../../src/analytics/report-figures';
import { ReportRowsRepository } from '../../src/analytics/report-rows.repository';
import { Prisma } from '../../src/core/database';
import { expectDocumented, type OpenApiDocument } from '../support/documented';
import { bearer, createWorkspace, type FixtureWorkspace } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

describe('analytics API: reports, CSV, best time, series (workspace-scoped, VIEWER reads)', () => {
  let t: TestApp;
  let kspi: FixtureWorkspace;
  let ksbsi: FixtureWorkspace;
  let campaignId: string;
  let mastodonId: string;
  let telegramId: string;
  const targets: Record<string, string> = {};

  /** A published delivery and, when given, its snapshots (the latest counts). */
  async function delivery(
    name: string,
    accountId: string,
    publishedAt: string,
    text: string,
    snapshots: Array<Partial<Prisma.MetricSnapshotUncheckedCreateInput>>,
    lateSeconds: number | null = null,
  ) {
    const post = await t.prisma.post.create({
      data: { workspaceId: kspi.id, campaignId, authorId: kspi.users.EDITOR.id, baseText: text, status: 'APPROVED' },
    });
    const target = await t.prisma.postTarget.create({
      data: {
        postId: post.id,
        workspaceId: kspi.id,
        accountId,
        state: 'PUBLISHED',
        externalId: `ext-${name}`,
        externalUrl: `https://sosial.test/${name}`,
        publishedAt: new Date(publishedAt),
        lateSeconds,
      },
    });
    let minute = 0;
    for (const snapshot of snapshots) {
      await t.prisma.metricSnapshot.create({
        data: {
          targetId: target.id,
          workspaceId: kspi.id,
          accountId,
          stage: 'H1',
          state: 'OK',
          takenAt: new Date(Date.parse(publishedAt) + 3600_000 + minute++ * 60_000),
          ...snapshot,
        },
      });
    }
    targets[name] = target.id;
  }

  beforeAll(async () => {
    t = await startTestApp();
    kspi = await createWorkspace(t.prisma, { timeZone: 'Asia/Jayapura' });
    ksbsi = await createWorkspace(t.prisma);
    const campaign = await t.prisma.campaign.create({
      data: {
        workspaceId: kspi.id,
        name: 'Tolak Upah Murah',
        timeZone: 'Asia/Jakarta',
        keyMessages: ['Upah layak', 'Tolak outsourcing'],
        hashtags: ['#UpahLayak'],
      },
    });
    campaignId = campaign.id;
    mastodonId = (
      await t.prisma.connectedAccount.create({
        data: { workspaceId: kspi.id, platform: 'MASTODON', displayName: 'KSPI Mastodon' },
      })
    ).id;
    telegramId = (
      await t.prisma.connectedAccount.create({
        data: { workspaceId: kspi.id, platform: 'TELEGRAM', displayName: 'KSPI Telegram' },
      })
    ).id;
    // This period: 2027-03-01 .. 2027-03-08; the previous: 2027-02-22 .. 2027-03-01.
    await delivery('a', mastodonId, '2027-03-02T10:00:00Z', 'Upah layak untuk semua! #UpahLayak', [
      { engagement: 5, counts: { likes: 5 } },
      { stage: 'H24', engagement: 30, counts: { likes: 20, reposts: 8, replies: 2 } },
    ]);
    await delivery(
      'b',
      mastodonId,
      '2027-03-03T10:00:00Z',
      'Tolak outsourcing sekarang #MogokNasional #upahlayak',
      [{ engagement: 12, counts: { likes: 12 } }],
      600,
    );
    await delivery('c', mastodonId, '2027-03-04T10:00:00Z', '=HYPERLINK("x") dihapus', [
      { state: 'DELETED', engagement: null },
    ]);
    await delivery('d', telegramId, '2027-03-05T10:00:00Z', 'Kanal: Upah layak', [
      { state: 'NOT_AVAILABLE', engagement: null },
    ]);
    await delivery('e', mastodonId, '2027-03-06T10:00:00Z', 'Belum diukur', []);
    await delivery('old', mastodonId, '2027-02-25T10:00:00Z', 'Periode lalu', [
      { engagement: 21, counts: { likes: 21 } },
    ]);
  });
  afterAll(async () => {
    await t.prisma.postTarget.deleteMany({ where: { workspaceId: kspi.id } });
    await t.prisma.workspace.deleteMany({ where: { id: { in: [kspi.id, ksbsi.id] } } });
    await t.close();
  });

  const PERIOD = 'from=2027-03-01T00:00:00Z&to=2027-03-08T00:00:00Z';
  const get = (path: string, as = kspi.users.VIEWER, ws = kspi) =>
    t.http().get(`/workspaces/${ws.slug}/analytics/${path}`).set(bearer(as));

  it('reports a campaign to a VIEWER: totals, states never counted as 0, platforms, hashtags, key messages, on time vs late, previous period', async () => {
    const res = await get(`campaigns/${campaignId}?${PERIOD}`).expect(200);
    expect(res.body.totals).toEqual({
      deliveries: 5,
      posts: 5,
      withCounts: 2,
      notAvailable: 1,
      deleted: 1,
      pending: 1,
      engagement: 42,
      engagementPerPost: 21,
      reach: null,
      onTime: 4,
      late: 1,
    });
    expect(res.body.previousTotals).toMatchObject({ deliveries: 1, engagement: 21 });
    expect(res.body.engagementChange).toBe(1);
    // An undated campaign has no "previous campaign" to be compared with.
    expect(res.body.previousCampaign).toBeNull();
    expect(res.body.byPlatform.map((g: { key: string; engagement: number }) => [g.key, g.engagement])).toEqual([
      ['MASTODON', 42],
      ['TELEGRAM', 0],
    ]);
    expect(res.body.byPlatform[1]).toMatchObject({ withCounts: 0, notAvailable: 1, engagementPerPost: null });
    expect(res.body.byHashtag.map((g: { key: string; engagement: number }) => [g.key, g.engagement])).toEqual([
      ['#upahlayak', 42],
      ['#mogoknasional', 12],
    ]);
    expect(
      res.body.byKeyMessage.map((g: { key: string; deliveries: number; engagement: number }) => [
        g.key,
        g.deliveries,
        g.engagement,
      ]),
    ).toEqual([
      ['Upah layak', 2, 30],
      ['Tolak outsourcing', 1, 12],
    ]);
    expect(res.body.top.map((r: { targetId: string }) => r.targetId)).toEqual([targets.a, targets.b]);
    expect(res.body.bottom[0].targetId).toBe(targets.b);
    expect(res.body.period).toEqual({
      from: '2027-03-01T00:00:00.000Z',
      to: '2027-03-08T00:00:00.000Z',
      zone: 'Asia/Jayapura',
    });
  });

  it("computes in SQL exactly the figures the CSV's rows give (hashtags in any script, key messages across spacing and case)", async () => {
    await delivery(
      'f',
      mastodonId,
      '2027-03-07T10:00:00Z',
      'TOLAK   OUTSOURCING! #Pekerja_Bersatu #ÜberBuruh #upahLAYAK',
      [{ engagement: 7, reach: 90, counts: { likes: 7, reach: 90 } }],
    );
    await delivery('g', telegramId, '2027-03-07T11:00:00Z', 'Sama besar #Seri', [
      { engagement: 7, counts: { likes: 7 } },
    ]);
    // A key message with a regular expression's special characters, matched across a line break.
    await delivery('h', mastodonId, '2027-03-07T12:00:00Z', 'Tuntut thr  (PENUH)\n100%+ sekarang', [
      { engagement: 3, counts: { likes: 3 } },
    ]);
    const keyMessages = ['Upah layak', 'Tolak outsourcing', 'THR (penuh) 100%+', 'Upah.layak'];
    await t.prisma.campaign.update({ where: { id: campaignId }, data: { keyMessages } });
    try {
      const res = await get(`campaigns/${campaignId}?${PERIOD}`).expect(200);
      const rows = new ReportRowsRepository(t.prisma);
      const expected = reportFigures(
        await rows.rows(kspi.id, { campaignId }, new Date('2027-03-01T00:00:00Z'), new Date('2027-03-08T00:00:00Z')),
        keyMessages,
      );
      const previous = totalsOf(
        await rows.rows(kspi.id, { campaignId }, new Date('2027-02-22T00:00:00Z'), new Date('2027-03-01T00:00:00Z')),
      );
      const {
        subject: _s,
        period: _p,
        previousPeriod: _pp,
        engagementChange: _c,
        previousCampaign: _pc,
        ...figures
      } = res.body;
      expect(figures).toEqual({ ...expected, previousTotals: previous });
      expect(res.body.byHashtag.map((g: { key: string }) => g.key)).toEqual(
        expect.arrayContaining(['#pekerja_bersatu', '#überburuh', '#seri']),
      );
      expect(res.body.totals.reach).toBe(90);
      expect(res.body.byKeyMessage.map((g: { key: string }) => g.key)).toContain('THR (penuh) 100%+');
      expect(res.body.byKeyMessage.map((g: { key: string }) => g.key)).not.toContain('Upah.layak');
    } finally {
      await t.prisma.campaign.update({
        where: { id: campaignId },
        data: { keyMessages: ['Upah layak', 'Tolak outsourcing'] },
      });
      await t.prisma.postTarget.deleteMany({ where: { id: { in: [targets.f!, targets.g!, targets.h!] } } });
    }
  });

  it('exports the rows behind every figure as CSV, times in the zone, formulas defused', async () => {
    const res = await get(`campaigns/${campaignId}/rows.csv?${PERIOD}&zone=Asia/Jakarta`).expect(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const lines = res.text.trim().split('\r\n');
    // The header, the period's five deliveries, and the previous period's one.
    expect(lines).toHaveLength(7);
    expect(lines[0]).toMatch(/^"part","target_id",/);
    expect(lines[0]).toContain('"published_at (Asia/Jakarta)"');
    expect(lines.filter((line) => line.startsWith('"period"'))).toHaveLength(5);
    expect(lines.find((line) => line.includes(targets.old!))).toMatch(/^"previous_period"/);
    const a = lines.find((line) => line.includes(targets.a!))!;
    expect(a).toContain('"2027-03-02T17:00:00+07:00"');
    expect(a).toContain('"OK","30"');
    expect(lines.find((line) => line.includes(targets.c!))).toContain('"\'=HYPERLINK(""x"") dihapus"');
    expect(lines.find((line) => line.includes(targets.d!))).toContain('"NOT_AVAILABLE"');
    expect(lines.find((line) => line.includes(targets.e!))).toContain('"PENDING"');
  });

  it("reports an account and keeps other workspaces out (404), bad input gets a 400 in the caller's language", async () => {
    const res = await get(`accounts/${mastodonId}?${PERIOD}`).expect(200);
    expect(res.body.subject).toEqual({ kind: 'account', id: mastodonId, name: 'KSPI Mastodon' });
    expect(res.body.totals.deliveries).toBe(4);
    expect(res.body.previousCampaign).toBeNull();
    await get(`accounts/${mastodonId}?${PERIOD}`, ksbsi.users.OWNER, ksbsi).expect(404);
    await get(`campaigns/${campaignId}?${PERIOD}`, ksbsi.users.OWNER, ksbsi).expect(404);
    await get('campaigns/not-a-uuid').expect(404);
    const tooLong = await get(`campaigns/${campaignId}?from=2025-01-01T00:00:00Z&to=2027-01-01T00:00:00Z`).expect(400);
    expect(JSON.stringify(tooLong.body)).toContain('Paling lama 400 hari');
    await get(`campaigns/${campaignId}?from=2027-03-01T00:00:00Z`).expect(400);
    await get(`campaigns/${campaignId}?${PERIOD}&zone=Mars/Olympus`).expect(400);
    await get(`campaigns/${campaignId}?${PERIOD}&limit=5`).expect(400);
  });

  it("shows a delivery's counts over time, and says a best time needs more history", async () => {
    const series = await get(`deliveries/${targets.a}`).expect(200);
    expect(series.body.snapshots.map((s: { stage: string; engagement: number }) => [s.stage, s.engagement])).toEqual([
      ['H1', 5],
      ['H24', 30],
    ]);
    // Per post: every delivery of the post with its series; "deleted" and "not available" stay states.
    const post = async (name: string) =>
      (await t.prisma.postTarget.findUniqueOrThrow({ where: { id: targets[name]! } })).postId;
    const perPost = await get(`posts/${await post('a')}`).expect(200);
    expect(perPost.body.deliveries).toEqual([
      expect.objectContaining({
        targetId: targets.a,
        platform: 'MASTODON',
        accountName: 'KSPI Mastodon',
        state: 'PUBLISHED',
        snapshots: series.body.snapshots,
      }),
    ]);
    expect(
      (await get(`posts/${await post('c')}`).expect(200)).body.deliveries[0].snapshots.map(
        (s: { state: string; engagement: number | null }) => [s.state, s.engagement],
      ),
    ).toEqual([['DELETED', null]]);
    expect(
      (await get(`posts/${await post('d')}`).expect(200)).body.deliveries[0].snapshots.map(
        (s: { state: string; engagement: number | null }) => [s.state, s.engagement],
      ),
    ).toEqual([['NOT_AVAILABLE', null]]);
    await get(`posts/${await post('a')}`, ksbsi.users.OWNER, ksbsi).expect(404);
    // The answers are what the OpenAPI document (and so the web app's types) says.
    const doc = (await t.http().get('/docs-json').expect(200)).body as OpenApiDocument;
    expectDocumented(doc, 'get', '/workspaces/{workspace}/analytics/posts/{postId}', perPost);
    expectDocumented(
      doc,
      'get',
      '/workspaces/{workspace}/analytics/campaigns/{campaignId}',
      await get(`campaigns/${campaignId}?${PERIOD}`).expect(200),
    );
    const best = await get(`accounts/${mastodonId}/best-time`).expect(200);
    expect(best.body).toMatchObject({ enoughHistory: false, suggestions: [], postingSlotsWithSuggestions: [] });
    expect(best.body.summary.id).toContain('Riwayat belum cukup');
    expect(best.body.hours).toHaveLength(168);
  });

  it('takes an on-demand snapshot for an EDITOR of a published delivery only; a VIEWER may not', async () => {
    const path = (id: string) => `/workspaces/${kspi.slug}/analytics/deliveries/${id}/snapshots`;
    await t.http().post(path(targets.a!)).set(bearer(kspi.users.VIEWER)).expect(403);
    await t.http().post(path(targets.a!)).set(bearer(kspi.users.EDITOR)).expect(202);
    await t.prisma.postTarget.update({ where: { id: targets.e! }, data: { state: 'FAILED' } });
    await t.http().post(path(targets.e!)).set(bearer(kspi.users.EDITOR)).expect(409);
  });
  it("compares a campaign with the workspace's previous campaign (the one that ended last before it started): API and CSV agree", async () => {
    const dated = async (workspaceId: string, name: string, startsAt: string, endsAt: string) =>
      (
        await t.prisma.campaign.create({
          data: { workspaceId, name, timeZone: 'Asia/Jakarta', startsAt: new Date(startsAt), endsAt: new Date(endsAt) },
        })
      ).id;
    const current = await dated(kspi.id, 'Mayday 2027', '2027-05-01T00:00:00Z', '2027-05-15T00:00:00Z');
    const previous = await dated(kspi.id, 'THR 2027', '2027-04-01T00:00:00Z', '2027-04-20T00:00:00Z');
    const older = await dated(kspi.id, 'Tahun baru', '2027-01-01T00:00:00Z', '2027-01-10T00:00:00Z');
    // Not "previous": one still running when Mayday started, and another workspace's.
    const overlapping = await dated(kspi.id, 'Sepanjang tahun', '2027-01-01T00:00:00Z', '2027-12-31T00:00:00Z');
    const foreign = await dated(ksbsi.id, 'KSBSI April', '2027-04-25T00:00:00Z', '2027-04-30T00:00:00Z');
    const published = async (campaign: string, at: string, engagement: number | null) => {
      const post = await t.prisma.post.create({
        data: {
          workspaceId: kspi.id,
          campaignId: campaign,
          authorId: kspi.users.EDITOR.id,
          baseText: `Posting ${at}`,
          status: 'APPROVED',
        },
      });
      const target = await t.prisma.postTarget.create({
        data: {
          postId: post.id,
          workspaceId: kspi.id,
          accountId: mastodonId,
          state: 'PUBLISHED',
          externalId: `x-${at}`,
          publishedAt: new Date(at),
        },
      });
      if (engagement !== null) {
        await t.prisma.metricSnapshot.create({
          data: {
            targetId: target.id,
            workspaceId: kspi.id,
            accountId: mastodonId,
            stage: 'D7',
            state: 'OK',
            takenAt: new Date(Date.parse(at) + 7 * 86_400_000),
            engagement,
            counts: { likes: engagement },
          },
        });
      }
    };
    try {
      await published(current, '2027-05-02T03:00:00Z', 30);
      await published(current, '2027-05-03T03:00:00Z', 30);
      await published(previous, '2027-04-02T03:00:00Z', 10);
      await published(previous, '2027-04-05T03:00:00Z', 20);
      await published(previous, '2027-04-06T03:00:00Z', null);
      await published(older, '2027-01-02T03:00:00Z', 999);

      const res = await get(`campaigns/${current}`).expect(200);
      expect(res.body.totals).toMatchObject({ deliveries: 2, engagement: 60, engagementPerPost: 30 });
      expect(res.body.previousCampaign).toEqual({
        id: previous,
        name: 'THR 2027',
        period: { from: '2027-04-01T00:00:00.000Z', to: '2027-04-20T00:00:00.000Z', zone: 'Asia/Jayapura' },
        totals: {
          deliveries: 3,
          posts: 3,
          withCounts: 2,
          notAvailable: 0,
          deleted: 0,
          pending: 1,
          engagement: 30,
          engagementPerPost: 15,
          reach: null,
          onTime: 3,
          late: 0,
        },
        engagementChange: 1,
        engagementPerPostChange: 1,
      });
      const rows = new ReportRowsRepository(t.prisma);
      expect(res.body.previousCampaign.totals).toEqual(
        totalsOf(
          await rows.rows(
            kspi.id,
            { campaignId: previous },
            new Date('2027-04-01T00:00:00Z'),
            new Date('2027-04-20T00:00:00Z'),
          ),
        ),
      );

      const csv = (await get(`campaigns/${current}/rows.csv`).expect(200)).text.trim().split('\r\n');
      expect(csv.filter((line) => line.startsWith('"period"'))).toHaveLength(2);
      const previousLines = csv.filter((line) => line.startsWith('"previous_campaign"'));
      expect(previousLines).toHaveLength(3);
      expect(previousLines.join('\n')).toContain('"OK","20"');
      expect(previousLines.join('\n')).toContain('"PENDING"');

      // The first campaign of the workspace has nothing before it.
      expect((await get(`campaigns/${older}`).expect(200)).body.previousCampaign).toBeNull();
      expect((await get(`campaigns/${older}/rows.csv`).expect(200)).text).not.toContain('"previous_campaign"');
      // A previous campaign without engagement gives no change rather than an infinite one.
      await t.prisma.metricSnapshot.deleteMany({ where: { target: { post: { campaignId: previous } } } });
      expect((await get(`campaigns/${current}`).expect(200)).body.previousCampaign).toMatchObject({
        id: previous,
        engagementChange: null,
        engagementPerPostChange: null,
      });
    } finally {
      await t.prisma.postTarget.deleteMany({ where: { post: { campaignId: { in: [current, previous, older] } } } });
      await t.prisma.post.deleteMany({ where: { campaignId: { in: [current, previous, older] } } });
      await t.prisma.campaign.deleteMany({ where: { id: { in: [current, previous, older, overlapping, foreign] } } });
    }
  });
});
