import { DateTime } from 'luxon';
import { SHOWCASE_TEXTS, seedDemoHistory } from '../../src/demo/demo-history';
import { bearer, createWorkspace, type FixtureWorkspace } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

describe('demo history: months of published posts with snapshots that the analytics pages can show', () => {
  let t: TestApp;
  let kspi: FixtureWorkspace;
  let ksbsi: FixtureWorkspace;
  let campaignId: string;
  let previousId: string;

  beforeAll(async () => {
    t = await startTestApp();
    kspi = await createWorkspace(t.prisma);
    ksbsi = await createWorkspace(t.prisma);
    campaignId = (
      await t.prisma.campaign.create({
        data: {
          workspaceId: kspi.id,
          name: 'Tolak Upah Murah',
          timeZone: 'Asia/Jakarta',
          keyMessages: ['Upah layak adalah hak'],
        },
      })
    ).id;
    const previous = { from: DateTime.utc().minus({ days: 60 }), to: DateTime.utc().minus({ days: 30 }) };
    previousId = (
      await t.prisma.campaign.create({
        data: {
          workspaceId: kspi.id,
          name: 'THR Penuh',
          timeZone: 'Asia/Jakarta',
          startsAt: previous.from.toJSDate(),
          endsAt: previous.to.toJSDate(),
        },
      })
    ).id;
    const webhooks = await Promise.all(
      [kspi, ksbsi].map((ws) =>
        t.prisma.connectedAccount.create({
          data: { workspaceId: ws.id, platform: 'WEBHOOK', displayName: 'demo webhook' },
        }),
      ),
    );
    await t.prisma.$transaction(
      (tx) =>
        seedDemoHistory(
          tx,
          [kspi, ksbsi].map((ws, index) => ({
            workspaceId: ws.id,
            authorId: ws.users.EDITOR.id,
            approverId: ws.users.COORDINATOR.id,
            slug: ws.slug,
            webhookId: webhooks[index]!.id,
          })),
          { current: campaignId, previous: { id: previousId, ...previous } },
          DateTime.utc(),
        ),
      { timeout: 120_000 },
    );
  });
  afterAll(async () => {
    await t.prisma.postTarget.deleteMany({ where: { workspaceId: { in: [kspi.id, ksbsi.id] } } });
    await t.prisma.campaign.deleteMany({ where: { workspaceId: { in: [kspi.id, ksbsi.id] } } });
    await t.prisma.workspace.deleteMany({ where: { id: { in: [kspi.id, ksbsi.id] } } });
    await t.close();
  });

  it('gives each workspace a DISABLED demo account (the planner never calls a platform) with best-time suggestions', async () => {
    for (const ws of [kspi, ksbsi]) {
      const account = await t.prisma.connectedAccount.findFirstOrThrow({
        where: { workspaceId: ws.id, platform: { in: ['MASTODON', 'BLUESKY'] } },
      });
      expect(account.status).toBe('DISABLED');
      const best = await t
        .http()
        .get(`/workspaces/${ws.slug}/analytics/accounts/${account.id}/best-time`)
        .set(bearer(ws.users.VIEWER))
        .expect(200);
      expect(best.body.enoughHistory).toBe(true);
      expect(best.body.suggestions.length).toBeGreaterThan(0);
      expect(best.body.suggestions[0].words.id).toMatch(/ WIB: \d+,\dx rata-rata akun, dari \d+ posting$/);
    }
  });

  it('fills the campaign report with counts, on-time and late deliveries, and key messages', async () => {
    const from = DateTime.utc().minus({ days: 120 }).toISO();
    const to = DateTime.utc().plus({ days: 1 }).toISO();
    const report = await t
      .http()
      .get(`/workspaces/${kspi.slug}/analytics/campaigns/${campaignId}`)
      .query({ from, to })
      .set(bearer(kspi.users.VIEWER))
      .expect(200);
    expect(report.body.totals.withCounts).toBeGreaterThan(20);
    expect(report.body.totals.engagement).toBeGreaterThan(0);
    expect(report.body.totals.late).toBeGreaterThan(0);
    expect(report.body.byKeyMessage[0].key).toBe('Upah layak adalah hak');
  });

  it('gives the previous campaign the posts of its weeks, and shows counts over time, "not available" and "deleted" on two posts', async () => {
    const previous = await t
      .http()
      .get(`/workspaces/${kspi.slug}/analytics/campaigns/${previousId}`)
      .set(bearer(kspi.users.VIEWER))
      .expect(200);
    expect(previous.body.totals.withCounts).toBeGreaterThan(5);
    // Only the owner's posts: the other workspace is no partner of that campaign.
    expect(await t.prisma.post.count({ where: { campaignId: previousId, workspaceId: { not: kspi.id } } })).toBe(0);
    const counted = await t.prisma.postTarget.findMany({
      where: { workspaceId: kspi.id, post: { baseText: SHOWCASE_TEXTS.counts } },
      include: { account: true },
    });
    expect(counted.map((target) => target.account.platform).sort()).toEqual(['MASTODON', 'WEBHOOK']);
    const series = async (targetId: string) =>
      (
        await t
          .http()
          .get(`/workspaces/${kspi.slug}/analytics/deliveries/${targetId}`)
          .set(bearer(kspi.users.VIEWER))
          .expect(200)
      ).body;
    const mastodon = await series(counted.find((target) => target.account.platform === 'MASTODON')!.id);
    expect(mastodon.snapshots.map((s: { stage: string; engagement: number }) => [s.stage, s.engagement])).toEqual([
      ['H1', 18],
      ['H24', 63],
      ['D7', 86],
    ]);
    const webhook = await series(counted.find((target) => target.account.platform === 'WEBHOOK')!.id);
    expect(webhook.snapshots.map((s: { state: string; engagement: number | null }) => [s.state, s.engagement])).toEqual(
      [
        ['NOT_AVAILABLE', null],
        ['NOT_AVAILABLE', null],
        ['NOT_AVAILABLE', null],
      ],
    );
    const deleted = await t.prisma.postTarget.findFirstOrThrow({
      where: { workspaceId: kspi.id, post: { baseText: SHOWCASE_TEXTS.deleted } },
    });
    expect((await series(deleted.id)).snapshots.map((s: { state: string }) => s.state)).toEqual([
      'OK',
      'DELETED',
      'DELETED',
    ]);
  });
});
