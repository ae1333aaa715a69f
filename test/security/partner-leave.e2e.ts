import { bearer, createWorkspace, type FixtureWorkspace } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * docs/security.md, rule 1: a workspace that leaves a joint campaign takes its posts along. Partner
 * visibility is decided when reading, by the partnership being ACTIVE, so neither the owner nor a
 * partner invited later sees the leaver's posts (old ones, or drafts written after leaving) in the
 * calendar JSON or the iCal feed; the leaver keeps seeing its own.
 */
describe("security: leaving a joint campaign takes the leaver's posts along", () => {
  let t: TestApp;
  let owner: FixtureWorkspace;
  let leaver: FixtureWorkspace;
  let later: FixtureWorkspace;
  let campaignId: string;
  const soon = (hours: number) => new Date(Date.now() + hours * 3600_000);

  const invite = async (ws: FixtureWorkspace) => {
    // A workspace takes partnership invitations only once its admin opens it to them (rule 12).
    await t
      .http()
      .patch(`/workspaces/${ws.slug}`)
      .set(bearer(ws.users.ADMIN))
      .send({ openToPartnerInvitations: true })
      .expect(200);
    const invited = await t
      .http()
      .post(`/workspaces/${owner.slug}/campaigns/${campaignId}/partners`)
      .set(bearer(owner.users.COORDINATOR))
      .send({ workspace: ws.slug })
      .expect(201);
    await t
      .http()
      .post(`/workspaces/${ws.slug}/partnerships/${invited.body.id}/accept`)
      .set(bearer(ws.users.COORDINATOR))
      .expect(204);
    return invited.body.id as string;
  };
  const draft = async (ws: FixtureWorkspace, text: string, at: Date) => {
    const account = await t.prisma.connectedAccount.create({
      data: { workspaceId: ws.id, platform: 'FEED', displayName: `${ws.slug} feed` },
    });
    return t.prisma.post.create({
      data: {
        workspaceId: ws.id,
        campaignId,
        authorId: ws.users.EDITOR.id,
        baseText: text,
        scheduledAt: at,
        scheduleZone: 'Asia/Jakarta',
        targets: { create: { workspaceId: ws.id, accountId: account.id } },
      },
    });
  };
  const calendarTexts = async (ws: FixtureWorkspace) => {
    const res = await t
      .http()
      .get(`/workspaces/${ws.slug}/calendar?from=${soon(-1).toISOString()}&to=${soon(48).toISOString()}`)
      .set(bearer(ws.users.VIEWER))
      .expect(200);
    return res.body.posts.map((p: { excerpt: string }) => p.excerpt).sort();
  };
  const icalOf = async (ws: FixtureWorkspace) => {
    const feed = await t.http().post(`/workspaces/${ws.slug}/calendar-feed`).set(bearer(ws.users.VIEWER)).expect(201);
    return (await t.http().get(new URL(feed.body.url).pathname).expect(200)).text;
  };

  beforeAll(async () => {
    t = await startTestApp();
    [owner, leaver, later] = [
      await createWorkspace(t.prisma),
      await createWorkspace(t.prisma),
      await createWorkspace(t.prisma),
    ];
    campaignId = (
      await t
        .http()
        .post(`/workspaces/${owner.slug}/campaigns`)
        .set(bearer(owner.users.COORDINATOR))
        .send({ name: 'Tolak Upah Murah' })
        .expect(201)
    ).body.id;
  });
  afterAll(() => t.close());

  it("hides the leaver's posts from the owner and later partners, in the calendar and iCal, until it rejoins", async () => {
    const partnership = await invite(leaver);
    await draft(owner, 'OWNER: aksi bersama', soon(2));
    const before = await draft(leaver, 'LEAVER: sebelum keluar', soon(3));
    expect(await calendarTexts(owner)).toEqual(['LEAVER: sebelum keluar', 'OWNER: aksi bersama']);

    await t
      .http()
      .post(`/workspaces/${leaver.slug}/partnerships/${partnership}/leave`)
      .set(bearer(leaver.users.COORDINATOR))
      .expect(200);
    // Written after leaving: an edit of the old post (which keeps its campaign), and a new row.
    await t
      .http()
      .patch(`/workspaces/${leaver.slug}/posts/${before.id}`)
      .set(bearer(leaver.users.EDITOR))
      .send({ baseText: 'LEAVER: rahasia setelah keluar' })
      .expect(200);
    await draft(leaver, 'LEAVER: draf setelah keluar', soon(4));
    await invite(later);

    expect(await calendarTexts(owner)).toEqual(['OWNER: aksi bersama']);
    expect(await calendarTexts(later)).toEqual(['OWNER: aksi bersama']);
    for (const ws of [owner, later]) {
      const ics = await icalOf(ws);
      expect(ics).toContain('OWNER: aksi bersama');
      expect(ics).not.toContain('LEAVER');
    }
    // A partner's post was never readable by id, and is not now.
    await t.http().get(`/workspaces/${owner.slug}/posts/${before.id}`).set(bearer(owner.users.OWNER)).expect(404);
    // The leaver still sees its own posts, and no longer the owner's.
    expect(await calendarTexts(leaver)).toEqual(['LEAVER: draf setelah keluar', 'LEAVER: rahasia setelah keluar']);
    expect(await icalOf(leaver)).not.toContain('OWNER');

    // Visibility follows the partnership: invited again and accepted, its posts are shared again.
    await invite(leaver);
    expect(await calendarTexts(later)).toEqual([
      'LEAVER: draf setelah keluar',
      'LEAVER: rahasia setelah keluar',
      'OWNER: aksi bersama',
    ]);
  });

  it("filters a left partner's posts out of the calendar's campaign, account and platform filters too", async () => {
    const other = await createWorkspace(t.prisma);
    const partnership = await invite(other);
    const post = await draft(other, 'OTHER: filter', soon(5));
    const target = await t.prisma.postTarget.findFirstOrThrow({ where: { postId: post.id } });
    await t
      .http()
      .post(`/workspaces/${other.slug}/partnerships/${partnership}/leave`)
      .set(bearer(other.users.COORDINATOR))
      .expect(200);
    const range = `from=${soon(-1).toISOString()}&to=${soon(48).toISOString()}`;
    for (const filter of [`campaignId=${campaignId}`, `accountId=${target.accountId}`, 'platform=FEED']) {
      const res = await t
        .http()
        .get(`/workspaces/${owner.slug}/calendar?${range}&${filter}`)
        .set(bearer(owner.users.VIEWER))
        .expect(200);
      expect(res.body.posts.map((p: { excerpt: string }) => p.excerpt)).not.toContain('OTHER: filter');
    }
  });
});
