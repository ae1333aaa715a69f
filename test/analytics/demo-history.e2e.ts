import { DateTime } from 'luxon';
import { seedDemoHistory } from '../../src/demo/demo-history';
import { bearer, createWorkspace, type FixtureWorkspace } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

describe('demo history: months of published posts with snapshots that the analytics pages can show', () => {
  let t: TestApp;
  let kspi: FixtureWorkspace;
  let ksbsi: FixtureWorkspace;
  let campaignId: string;

  beforeAll(async () => {
    t = await startTestApp();
    kspi = await createWorkspace(t.prisma);
    ksbsi = await createWorkspace(t.prisma);
    campaignId = (await t.prisma.campaign.create({ data: { workspaceId: kspi.id, name: 'Tolak Upah Murah', timeZone: 'Asia/Jakarta', keyMessages: ['Upah layak adalah hak'] } })).id;
    await t.prisma.$transaction((tx) =>
      seedDemoHistory(
        tx,
        [kspi, ksbsi].map((ws) => ({ workspaceId: ws.id, authorId: ws.users.EDITOR.id, approverId: ws.users.COORDINATOR.id, slug: ws.slug })),
        campaignId,
        DateTime.utc(),
      ),
      { timeout: 120_000 },
    );
  });
  afterAll(async () => {
    await t.prisma.postTarget.deleteMany({ where: { workspaceId: { in: [kspi.id, ksbsi.id] } } });
    await t.prisma.workspace.deleteMany({ where: { id: { in: [kspi.id, ksbsi.id] } } });
    await t.close();
  });

  it('gives each workspace a DISABLED demo account (the planner never calls a platform) with best-time suggestions', async () => {
    for (const ws of [kspi, ksbsi]) {
      const account = await t.prisma.connectedAccount.findFirstOrThrow({ where: { workspaceId: ws.id, platform: { in: ['MASTODON', 'BLUESKY'] } } });
      expect(account.status).toBe('DISABLED');
      const best = await t.http().get(`/workspaces/${ws.slug}/analytics/accounts/${account.id}/best-time`).set(bearer(ws.users.VIEWER)).expect(200);
      expect(best.body.enoughHistory).toBe(true);
      expect(best.body.suggestions.length).toBeGreaterThan(0);
      expect(best.body.suggestions[0].words.id).toMatch(/ WIB: \d+,\dx rata-rata akun, dari \d+ posting$/);
    }
  });

  it('fills the campaign report with counts, on-time and late deliveries, and key messages', async () => {
    const from = DateTime.utc().minus({ days: 120 }).toISO();
    const to = DateTime.utc().plus({ days: 1 }).toISO();
    const report = await t.http().get(`/workspaces/${kspi.slug}/analytics/campaigns/${campaignId}`).query({ from, to }).set(bearer(kspi.users.VIEWER)).expect(200);
    expect(report.body.totals.withCounts).toBeGreaterThan(20);
    expect(report.body.totals.engagement).toBeGreaterThan(0);
    expect(report.body.totals.late).toBeGreaterThan(0);
    expect(report.body.byKeyMessage[0].key).toBe('Upah layak adalah hak');
  });
});
