import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { PUBLISH_QUEUE } from '../../src/core/queue';
import { publishJobId } from '../../src/publishing';
import { bearer, createWorkspace, type FixtureWorkspace } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

const inHours = (hours: number) => new Date(Date.now() + hours * 3600_000).toISOString();

describe('the editorial desk: draft, validate, review, schedule, reschedule, cancel', () => {
  let t: TestApp;
  let ws: FixtureWorkspace;
  let accounts: Record<string, string>;
  let queue: Queue;

  beforeAll(async () => {
    t = await startTestApp();
    queue = t.app.get<Queue>(getQueueToken(PUBLISH_QUEUE));
    ws = await createWorkspace(t.prisma);
    accounts = {};
    for (const [platform, settings] of [
      ['FEED', {}],
      ['X', {}],
      ['BLUESKY', {}],
      ['MASTODON', { maxChars: 50 }],
      ['INSTAGRAM', {}],
    ] as const) {
      const account = await t.prisma.connectedAccount.create({
        data: { workspaceId: ws.id, platform, displayName: `${platform} acct`, settings },
      });
      accounts[platform] = account.id;
    }
  });
  afterAll(() => t.close());

  const url = (path = '') => `/workspaces/${ws.slug}/posts${path}`;

  it("reports per-target problems in the caller's language at draft time and refuses to submit them", async () => {
    const text = `Aksi serentak! ${'✊🏽'.repeat(140)}`; // 155 graphemes, 575 UTF-16 units, X weight 295
    const res = await t
      .http()
      .post(url())
      .set(bearer(ws.users.EDITOR))
      .set('Accept-Language', 'en')
      .send({
        baseText: text,
        targets: Object.values(accounts).map((accountId) => ({ accountId })),
        schedule: { at: inHours(5), zone: 'Asia/Jayapura' },
      })
      .expect(201);
    expect(res.body.status).toBe('DRAFT');
    const byPlatform = Object.fromEntries(
      res.body.targets.map((t: { platform: string; issues: Array<{ code: string; message: string }> }) => [
        t.platform,
        t.issues,
      ]),
    );
    expect(byPlatform.FEED).toEqual([]);
    expect(byPlatform.BLUESKY).toEqual([]); // 155 graphemes <= 300: an emoji with skin tone counts once
    expect(byPlatform.MASTODON).toEqual([expect.objectContaining({ code: expect.stringMatching(/text_too_long$/) })]); // per-instance limit 50
    expect(byPlatform.INSTAGRAM).toEqual([expect.objectContaining({ code: 'instagram.media_required' })]);
    expect(byPlatform.X[0]?.code).toMatch(/text_too_long$/); // emoji weigh 2 on X
    // A signed-in user's own language wins over the browser's Accept-Language.
    expect(byPlatform.INSTAGRAM[0].message).toMatch(/gambar/);

    const refused = await t
      .http()
      .post(url(`/${res.body.id}/submit`))
      .set(bearer(ws.users.EDITOR))
      .expect(422);
    expect(refused.body.error.code).toBe('content_issues');
    expect(refused.body.error.details.length).toBe(3);
    expect((await t.prisma.post.findUniqueOrThrow({ where: { id: res.body.id } })).status).toBe('DRAFT');
  });

  it('takes a wall-clock time in WIT and stores UTC plus the zone; refuses a DST-gap time', async () => {
    const draft = await t
      .http()
      .post(url())
      .set(bearer(ws.users.EDITOR))
      .send({
        baseText: 'Hari Buruh',
        targets: [{ accountId: accounts.FEED }],
        schedule: { at: '2030-05-01T09:00', zone: 'WIT' },
      })
      .expect(201);
    expect(draft.body.scheduledAt).toBe('2030-05-01T00:00:00.000Z');
    expect(draft.body.scheduleZone).toBe('Asia/Jayapura');
    const gap = await t
      .http()
      .post(url())
      .set(bearer(ws.users.EDITOR))
      .send({
        baseText: 'x',
        targets: [{ accountId: accounts.FEED }],
        schedule: { at: '2030-03-31T02:30', zone: 'Europe/Berlin' },
      })
      .expect(422);
    expect(gap.body.error.code).toBe('time_does_not_exist');
    const offset = await t
      .http()
      .post(url())
      .set(bearer(ws.users.EDITOR))
      .send({
        baseText: 'x',
        targets: [{ accountId: accounts.FEED }],
        schedule: { at: '2030-05-01T09:00', zone: '+09:00' },
      })
      .expect(422);
    expect(offset.body.error.code).toBe('fixed_offset_not_a_zone');
  });

  it('refuses accounts, campaigns and media of another workspace, writing nothing', async () => {
    const other = await createWorkspace(t.prisma);
    const foreign = await t.prisma.connectedAccount.create({
      data: { workspaceId: other.id, platform: 'FEED', displayName: 'theirs' },
    });
    const before = await t.prisma.post.count({ where: { workspaceId: ws.id } });
    const res = await t
      .http()
      .post(url())
      .set(bearer(ws.users.EDITOR))
      .send({ baseText: 'x', targets: [{ accountId: foreign.id }] })
      .expect(422);
    expect(res.body.error.code).toBe('account_unavailable');
    await t
      .http()
      .post(url())
      .set(bearer(ws.users.EDITOR))
      .send({ baseText: 'x', targets: [{ accountId: accounts.FEED }], campaignId: foreign.id })
      .expect(422);
    await t
      .http()
      .post(url())
      .set(bearer(ws.users.EDITOR))
      .send({ baseText: 'x', targets: [{ accountId: accounts.FEED }, { accountId: accounts.FEED }] })
      .expect(400);
    expect(await t.prisma.post.count({ where: { workspaceId: ws.id } })).toBe(before);
  });

  it('approves exactly the reviewed version, schedules with one wake-up per target+version, and an edit sends it back', async () => {
    const editor = bearer(ws.users.EDITOR);
    const coordinator = bearer(ws.users.COORDINATOR);
    const created = await t
      .http()
      .post(url())
      .set(editor)
      .send({
        baseText: 'Upah layak untuk semua',
        targets: [{ accountId: accounts.FEED }, { accountId: accounts.BLUESKY }],
        schedule: { at: inHours(3), zone: 'Asia/Jakarta' },
      })
      .expect(201);
    const id = created.body.id;
    await t
      .http()
      .post(url(`/${id}/approve`))
      .set(coordinator)
      .send({ version: 1 })
      .expect(409); // still a draft
    await t
      .http()
      .post(url(`/${id}/submit`))
      .set(editor)
      .expect(200);
    await t
      .http()
      .post(url(`/${id}/approve`))
      .set(editor)
      .send({ version: 1 })
      .expect(403);
    const approved = await t
      .http()
      .post(url(`/${id}/approve`))
      .set(coordinator)
      .send({ version: 1 })
      .expect(200);
    expect(approved.body).toMatchObject({ status: 'APPROVED', version: 1, approvedVersion: 1 });
    expect(approved.body.targets.every((target: { state: string }) => target.state === 'SCHEDULED')).toBe(true);
    for (const target of approved.body.targets) {
      const job = await queue.getJob(publishJobId(target.id, 1));
      expect(job?.data).toEqual({ targetId: target.id, version: 1 });
      expect(await job!.getState()).toBe('delayed');
    }

    const edited = await t
      .http()
      .patch(url(`/${id}`))
      .set(editor)
      .send({ baseText: 'Upah layak untuk semua buruh' })
      .expect(200);
    expect(edited.body).toMatchObject({ status: 'IN_REVIEW', version: 2, approvedVersion: null });
    expect(edited.body.targets.every((target: { state: string }) => target.state === 'PENDING')).toBe(true);
    for (const target of approved.body.targets) expect(await queue.getJob(publishJobId(target.id, 1))).toBeUndefined();

    const stale = await t
      .http()
      .post(url(`/${id}/approve`))
      .set(coordinator)
      .send({ version: 1 })
      .expect(409);
    expect(stale.body.error.code).toBe('version_changed');
    await t
      .http()
      .post(url(`/${id}/approve`))
      .set(coordinator)
      .send({ version: 2 })
      .expect(200);
    const actions = (await t.prisma.auditEvent.findMany({ where: { subjectId: id }, orderBy: { id: 'asc' } })).map(
      (e) => e.action,
    );
    expect(actions).toEqual(['post.created', 'post.submitted', 'post.approved', 'post.edited', 'post.approved']);
    // Steps taken without words are in the thread by kind, with no placeholder text for the body.
    const thread = await t
      .http()
      .get(url(`/${id}/comments`))
      .set(editor)
      .expect(200);
    expect(
      thread.body.map((c: { kind: string; body: string; postVersion: number }) => [c.kind, c.body, c.postVersion]),
    ).toEqual([
      ['SUBMITTED', '', 1],
      ['APPROVED', '', 1],
      ['APPROVED', '', 2],
    ]);
  });

  it('reschedules an approved post in WIT without another review, and cancels for good', async () => {
    const editor = bearer(ws.users.EDITOR);
    const coordinator = bearer(ws.users.COORDINATOR);
    const { body } = await t
      .http()
      .post(url())
      .set(editor)
      .send({
        baseText: 'Mogok nasional',
        targets: [{ accountId: accounts.FEED }],
        schedule: { at: inHours(4), zone: 'Asia/Jakarta' },
      });
    await t
      .http()
      .post(url(`/${body.id}/submit`))
      .set(editor)
      .expect(200);
    await t
      .http()
      .post(url(`/${body.id}/approve`))
      .set(coordinator)
      .send({ version: 1 })
      .expect(200);
    await t
      .http()
      .post(url(`/${body.id}/reschedule`))
      .set(editor)
      .send({ schedule: { at: '2031-01-02T08:00', zone: 'Asia/Jayapura' } })
      .expect(403);
    const moved = await t
      .http()
      .post(url(`/${body.id}/reschedule`))
      .set(coordinator)
      .send({ schedule: { at: '2031-01-02T08:00', zone: 'Asia/Jayapura' } })
      .expect(200);
    expect(moved.body).toMatchObject({
      status: 'APPROVED',
      version: 2,
      approvedVersion: 2,
      scheduledAt: '2031-01-01T23:00:00.000Z',
      scheduleZone: 'Asia/Jayapura',
    });
    const targetId = moved.body.targets[0].id;
    expect(await queue.getJob(publishJobId(targetId, 2))).toBeDefined();

    const cancelled = await t
      .http()
      .post(url(`/${body.id}/cancel`))
      .set(editor)
      .expect(200);
    expect(cancelled.body.status).toBe('CANCELLED');
    expect(cancelled.body.targets[0].state).toBe('CANCELLED');
    await t
      .http()
      .patch(url(`/${body.id}`))
      .set(editor)
      .send({ baseText: 'lagi' })
      .expect(409);
    await t
      .http()
      .post(url(`/${body.id}/submit`))
      .set(editor)
      .expect(409);
  });

  it('refuses to approve a post whose time has passed', async () => {
    const editor = bearer(ws.users.EDITOR);
    const { body } = await t
      .http()
      .post(url())
      .set(editor)
      .send({
        baseText: 'Terlambat',
        targets: [{ accountId: accounts.FEED }],
        schedule: { at: inHours(1), zone: 'Asia/Jakarta' },
      });
    await t
      .http()
      .post(url(`/${body.id}/submit`))
      .set(editor)
      .expect(200);
    await t.prisma.post.update({ where: { id: body.id }, data: { scheduledAt: new Date(Date.now() - 60_000) } });
    const res = await t
      .http()
      .post(url(`/${body.id}/approve`))
      .set(bearer(ws.users.COORDINATOR))
      .send({ version: 1 })
      .expect(422);
    expect(res.body.error.code).toBe('time_passed');
  });

  it('keeps a review thread, and request-changes needs a comment', async () => {
    const editor = bearer(ws.users.EDITOR);
    const { body } = await t
      .http()
      .post(url())
      .set(editor)
      .send({ baseText: 'Draf', targets: [{ accountId: accounts.FEED }] });
    await t
      .http()
      .post(url(`/${body.id}/submit`))
      .set(editor)
      .expect(200);
    await t
      .http()
      .post(url(`/${body.id}/request-changes`))
      .set(bearer(ws.users.COORDINATOR))
      .send({ body: '' })
      .expect(400);
    await t
      .http()
      .post(url(`/${body.id}/request-changes`))
      .set(bearer(ws.users.COORDINATOR))
      .send({ body: 'Tambahkan tagar kampanye' })
      .expect(200);
    await t
      .http()
      .post(url(`/${body.id}/comments`))
      .set(bearer(ws.users.VIEWER))
      .send({ body: 'x' })
      .expect(403);
    await t
      .http()
      .post(url(`/${body.id}/comments`))
      .set(editor)
      .send({ body: 'Siap, diperbaiki' })
      .expect(201);
    const thread = await t
      .http()
      .get(url(`/${body.id}/comments`))
      .set(bearer(ws.users.VIEWER))
      .expect(200);
    expect(thread.body.map((c: { kind: string; body: string }) => [c.kind, c.body])).toEqual([
      ['SUBMITTED', ''],
      ['CHANGES_REQUESTED', 'Tambahkan tagar kampanye'],
      ['COMMENT', 'Siap, diperbaiki'],
    ]);
  });
});

describe('approve to publish, end to end (API and worker in one process, FEED channel)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ roles: ['api', 'worker'] });
  });
  afterAll(() => t.close());

  it('publishes an approved post at its time, once, and it appears in the Atom feed', async () => {
    const ws = await createWorkspace(t.prisma);
    const feed = await t.prisma.connectedAccount.create({
      data: { workspaceId: ws.id, platform: 'FEED', displayName: 'Berita' },
    });
    const editor = bearer(ws.users.EDITOR);
    const { body: draft } = await t
      .http()
      .post(`/workspaces/${ws.slug}/posts`)
      .set(editor)
      .send({
        baseText: 'Upah layak sekarang!',
        targets: [{ accountId: feed.id }],
        schedule: { at: new Date(Date.now() + 600_000).toISOString(), zone: 'Asia/Jakarta' },
      })
      .expect(201);
    await t.http().post(`/workspaces/${ws.slug}/posts/${draft.id}/submit`).set(editor).expect(200);
    await t
      .http()
      .post(`/workspaces/${ws.slug}/posts/${draft.id}/approve`)
      .set(bearer(ws.users.COORDINATOR))
      .send({ version: 1 })
      .expect(200);
    // Brought close only now, in one request: a busy machine cannot let the time pass before approval.
    const { body } = await t
      .http()
      .post(`/workspaces/${ws.slug}/posts/${draft.id}/reschedule`)
      .set(bearer(ws.users.COORDINATOR))
      .send({ schedule: { at: new Date(Date.now() + 2500).toISOString(), zone: 'Asia/Jakarta' } })
      .expect(200);

    let target = await t.prisma.postTarget.findFirstOrThrow({ where: { postId: body.id } });
    for (let i = 0; i < 100 && target.state !== 'PUBLISHED'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      target = await t.prisma.postTarget.findFirstOrThrow({ where: { postId: body.id } });
    }
    expect(target.state).toBe('PUBLISHED');
    expect(target.publishedAt!.getTime()).toBeGreaterThanOrEqual(new Date(body.scheduledAt).getTime());
    expect(await t.prisma.publishAttempt.count({ where: { targetId: target.id } })).toBe(1);
    const atom = await t.http().get(`/feeds/${ws.slug}/${feed.id}.atom`).expect(200);
    expect(atom.text).toContain('Upah layak sekarang!');
  });
});
