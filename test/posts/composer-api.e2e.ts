import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { PUBLISH_QUEUE } from '../../src/core/queue';
import { publishJobId } from '../../src/publishing';
import { bearer, createWorkspace, type FixtureWorkspace } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

const inHours = (hours: number) => new Date(Date.now() + hours * 3600_000).toISOString();
type IssueEntry = {
  index: number;
  accountId: string;
  accountName: string;
  platform: string;
  issues: Array<{ code: string; message: string }>;
};

/** What the web composer builds on: dry runs, issues by account, "publish now", the displayed state. */
describe('the posts API for the composer', () => {
  let t: TestApp;
  let ws: FixtureWorkspace;
  let accounts: Record<'FEED' | 'X' | 'INSTAGRAM', string>;
  let queue: Queue;
  const url = (path = '') => `/workspaces/${ws.slug}/posts${path}`;
  const editor = () => bearer(ws.users.EDITOR);
  const coordinator = () => bearer(ws.users.COORDINATOR);
  const written = async () => ({
    posts: await t.prisma.post.count({ where: { workspaceId: ws.id } }),
    audit: await t.prisma.auditEvent.count({ where: { workspaceId: ws.id } }),
  });

  beforeAll(async () => {
    t = await startTestApp();
    queue = t.app.get<Queue>(getQueueToken(PUBLISH_QUEUE));
    ws = await createWorkspace(t.prisma);
    const make = async (platform: 'FEED' | 'X' | 'INSTAGRAM', displayName: string) =>
      (await t.prisma.connectedAccount.create({ data: { workspaceId: ws.id, platform, displayName } })).id;
    accounts = {
      INSTAGRAM: await make('INSTAGRAM', 'KSPI di IG'),
      FEED: await make('FEED', 'Umpan KSPI'),
      X: await make('X', 'KSPI di X'),
    };
  });
  afterAll(() => t.close());

  describe('dry run (a) and issues by account (b)', () => {
    const tooLongForX = `Tolak upah murah! ${'a'.repeat(290)}`;

    it('answers the per-target issues of a draft, by account in the order given, and writes nothing', async () => {
      const before = await written();
      const order = [accounts.X, accounts.FEED, accounts.INSTAGRAM];
      const res = await t
        .http()
        .post(url('/check'))
        .set(editor())
        .set('Accept-Language', 'en')
        .send({
          baseText: tooLongForX,
          targets: order.map((accountId) => ({ accountId })),
          schedule: { at: '2030-05-01T09:00', zone: 'WIT' },
        })
        .expect(200);
      expect(res.body).toMatchObject({
        submittable: false,
        publishNow: false,
        scheduledAt: '2030-05-01T00:00:00.000Z',
        scheduleZone: 'Asia/Jayapura',
      });
      const issues = res.body.issues as IssueEntry[];
      expect(issues.map((i) => [i.index, i.accountId, i.accountName, i.platform, i.issues.map((x) => x.code)])).toEqual(
        [
          [0, accounts.X, 'KSPI di X', 'X', ['x.text_too_long']],
          [1, accounts.FEED, 'Umpan KSPI', 'FEED', []],
          [2, accounts.INSTAGRAM, 'KSPI di IG', 'INSTAGRAM', ['instagram.media_required']],
        ],
      );
      // The message names the platform and the account; the fixture user's own language (id) wins.
      expect(issues[2]!.issues[0]!.message).toMatch(/^Instagram \(KSPI di IG\): .*gambar/);
      expect(await written()).toEqual(before);

      const fine = await t
        .http()
        .post(url('/check'))
        .set(editor())
        .send({ baseText: 'Aksi!', targets: [{ accountId: accounts.FEED }] })
        .expect(200);
      expect(fine.body).toMatchObject({ submittable: true, issues: [{ accountId: accounts.FEED, issues: [] }] });
      expect(await written()).toEqual(before);
    });

    it('refuses in a dry run exactly what create and update refuse, with the same 4xx', async () => {
      const before = await written();
      const foreign = await t.prisma.connectedAccount.create({
        data: { workspaceId: (await createWorkspace(t.prisma)).id, platform: 'FEED', displayName: 'x' },
      });
      const refusals = [
        { body: { baseText: 'x', targets: [{ accountId: foreign.id }] }, status: 422, code: 'account_unavailable' },
        {
          body: { baseText: 'x', targets: [{ accountId: accounts.FEED }], schedule: { at: inHours(-1), zone: 'WIB' } },
          status: 422,
          code: 'time_passed',
        },
        {
          body: {
            baseText: 'x',
            targets: [{ accountId: accounts.FEED }],
            publishNow: true,
            schedule: { at: inHours(2), zone: 'WIB' },
          },
          status: 400,
          code: 'invalid_input',
        },
        { body: { baseText: 'x', targets: [] }, status: 400, code: 'invalid_input' },
      ];
      for (const { body, status, code } of refusals) {
        const dry = await t.http().post(url('/check')).set(editor()).send(body).expect(status);
        const real = await t.http().post(url()).set(editor()).send(body).expect(status);
        expect([dry.body.error.code, real.body.error.code]).toEqual([code, code]);
      }
      await t
        .http()
        .post(url('/check'))
        .set(bearer(ws.users.VIEWER))
        .send({ baseText: 'x', targets: [{ accountId: accounts.FEED }] })
        .expect(403);
      expect(await written()).toEqual(before);
    });

    it('checks an edit against the stored post without changing it; create, update and submit answer issues by account', async () => {
      const created = await t
        .http()
        .post(url())
        .set(editor())
        .send({
          baseText: 'Aksi damai',
          targets: [{ accountId: accounts.INSTAGRAM }, { accountId: accounts.FEED }],
          schedule: { at: inHours(5), zone: 'WIB' },
        })
        .expect(201);
      expect((created.body.issues as IssueEntry[]).map((i) => [i.accountName, i.issues.length])).toEqual([
        ['KSPI di IG', 1],
        ['Umpan KSPI', 0],
      ]);
      expect(created.body.targets.map((target: { accountId: string }) => target.accountId)).toEqual([
        accounts.INSTAGRAM,
        accounts.FEED,
      ]);
      const id = created.body.id as string;

      const dry = await t
        .http()
        .post(url(`/${id}/check`))
        .set(editor())
        .send({ targets: [{ accountId: accounts.FEED }, { accountId: accounts.X, text: 'a'.repeat(300) }] })
        .expect(200);
      expect((dry.body.issues as IssueEntry[]).map((i) => [i.platform, i.issues.map((x) => x.code)])).toEqual([
        ['FEED', []],
        ['X', ['x.text_too_long']],
      ]);
      const stored = await t.prisma.post.findUniqueOrThrow({ where: { id }, include: { targets: true } });
      expect([stored.version, stored.targets.length]).toEqual([1, 2]);

      const updated = await t
        .http()
        .patch(url(`/${id}`))
        .set(editor())
        .send({ targets: [{ accountId: accounts.FEED }, { accountId: accounts.INSTAGRAM }] })
        .expect(200);
      expect((updated.body.issues as IssueEntry[]).map((i) => i.accountName)).toEqual(['Umpan KSPI', 'KSPI di IG']);

      const refused = await t
        .http()
        .post(url(`/${id}/submit`))
        .set(editor())
        .set('Accept-Language', 'en')
        .expect(422);
      expect(refused.body.error.details).toEqual([
        expect.objectContaining({
          field: 'targets.1',
          code: 'instagram.media_required',
          accountId: accounts.INSTAGRAM,
          accountName: 'KSPI di IG',
          platform: 'INSTAGRAM',
          message: expect.stringMatching(/^Instagram \(KSPI di IG\): /),
        }),
      ]);
    });

    it('answers 409 for a dry-run edit of a post already published, as the edit would', async () => {
      const { body } = await t
        .http()
        .post(url())
        .set(editor())
        .send({ baseText: 'Sudah terbit', targets: [{ accountId: accounts.FEED }] })
        .expect(201);
      await t.prisma.postTarget.updateMany({ where: { postId: body.id }, data: { state: 'PUBLISHED' } });
      const res = await t
        .http()
        .post(url(`/${body.id}/check`))
        .set(editor())
        .send({ baseText: 'Diubah' })
        .expect(409);
      expect(res.body.error.code).toBe('already_published');
    });
  });

  describe('time already past (c)', () => {
    it('refuses a past time when drafting, editing and submitting, in Indonesian and English, writing nothing', async () => {
      const before = await written();
      const past = { at: inHours(-2), zone: 'Asia/Makassar' };
      const id = await t
        .http()
        .post(url())
        .set(editor())
        .send({ baseText: 'x', targets: [{ accountId: accounts.FEED }], schedule: past })
        .expect(422);
      expect(id.body.error).toMatchObject({
        code: 'time_passed',
        message: expect.stringMatching(/sudah lewat.*terbitkan sekarang/),
      });
      const en = await t
        .http()
        .post(url())
        .set(bearer(await englishEditor()))
        .send({ baseText: 'x', targets: [{ accountId: accounts.FEED }], schedule: past })
        .expect(422);
      expect(en.body.error.message).toMatch(/has passed.*publish now/);
      expect(await written()).toEqual(before);

      const { body } = await t
        .http()
        .post(url())
        .set(editor())
        .send({ baseText: 'x', targets: [{ accountId: accounts.FEED }], schedule: { at: inHours(1), zone: 'WIB' } })
        .expect(201);
      await t
        .http()
        .patch(url(`/${body.id}`))
        .set(editor())
        .send({ schedule: past })
        .expect(422);
      expect((await t.prisma.post.findUniqueOrThrow({ where: { id: body.id } })).version).toBe(1);
      // The time passes while it is a draft: submitting is refused, not only approving.
      await t.prisma.post.update({ where: { id: body.id }, data: { scheduledAt: new Date(Date.now() - 60_000) } });
      const submit = await t
        .http()
        .post(url(`/${body.id}/submit`))
        .set(editor())
        .expect(422);
      expect(submit.body.error.code).toBe('time_passed');
      expect((await t.prisma.post.findUniqueOrThrow({ where: { id: body.id } })).status).toBe('DRAFT');
      const check = await t
        .http()
        .post(url(`/${body.id}/check`))
        .set(editor())
        .send({ baseText: 'y' })
        .expect(200);
      expect(check.body).toMatchObject({ submittable: false, timePassed: true, issues: [{ issues: [] }] });
    });

    it('"publish now" has no time, still needs approval, and publishes as soon as approved', async () => {
      const created = await t
        .http()
        .post(url())
        .set(editor())
        .send({ baseText: 'Siaran pers darurat', targets: [{ accountId: accounts.FEED }], publishNow: true })
        .expect(201);
      expect(created.body).toMatchObject({ publishNow: true, scheduledAt: null, displayState: 'DRAFT' });
      const id = created.body.id as string;
      const submitted = await t
        .http()
        .post(url(`/${id}/submit`))
        .set(editor())
        .expect(200);
      expect(submitted.body).toMatchObject({
        status: 'IN_REVIEW',
        displayState: 'IN_REVIEW',
        targets: [{ state: 'PENDING', dueAt: null }],
      });
      expect(await queue.getJob(publishJobId(submitted.body.targets[0].id, 1))).toBeUndefined();

      const before = Date.now();
      const approved = await t
        .http()
        .post(url(`/${id}/approve`))
        .set(coordinator())
        .send({ version: 1 })
        .expect(200);
      expect(approved.body).toMatchObject({
        status: 'APPROVED',
        publishNow: false,
        scheduleZone: 'Asia/Jakarta',
        displayState: 'SCHEDULED',
      });
      const due = Date.parse(approved.body.scheduledAt);
      expect(due).toBeGreaterThanOrEqual(before - 1000);
      expect(due).toBeLessThanOrEqual(Date.now());
      expect(Date.parse(approved.body.targets[0].dueAt)).toBe(due);
      const job = await queue.getJob(publishJobId(approved.body.targets[0].id, 1));
      expect(job?.opts.delay ?? 0).toBe(0);
    });

    it('a time set later clears "publish now", and "publish now" clears the time', async () => {
      const { body } = await t
        .http()
        .post(url())
        .set(editor())
        .send({ baseText: 'x', targets: [{ accountId: accounts.FEED }], schedule: { at: inHours(3), zone: 'WIB' } })
        .expect(201);
      const now = await t
        .http()
        .patch(url(`/${body.id}`))
        .set(editor())
        .send({ publishNow: true })
        .expect(200);
      expect(now.body).toMatchObject({ publishNow: true, scheduledAt: null, scheduleZone: null });
      const timed = await t
        .http()
        .patch(url(`/${body.id}`))
        .set(editor())
        .send({ schedule: { at: '2030-05-01T09:00', zone: 'WIB' } })
        .expect(200);
      expect(timed.body).toMatchObject({ publishNow: false, scheduledAt: '2030-05-01T02:00:00.000Z' });
    });

    it('refuses to approve a "publish now" post whose "do not publish after" passed', async () => {
      const { body } = await t
        .http()
        .post(url())
        .set(editor())
        .send({ baseText: 'x', targets: [{ accountId: accounts.FEED }], publishNow: true, notAfter: inHours(1) })
        .expect(201);
      await t
        .http()
        .post(url(`/${body.id}/submit`))
        .set(editor())
        .expect(200);
      await t.prisma.post.update({ where: { id: body.id }, data: { notAfter: new Date(Date.now() - 1000) } });
      const res = await t
        .http()
        .post(url(`/${body.id}/approve`))
        .set(coordinator())
        .send({ version: 1 })
        .expect(422);
      expect(res.body.error.code).toBe('not_after_passed');
      expect((await t.prisma.postTarget.findFirstOrThrow({ where: { postId: body.id } })).state).toBe('PENDING');
    });
  });

  it('shows the state that follows the deliveries (d): expired, not "in review"; partly published', async () => {
    const { body } = await t
      .http()
      .post(url())
      .set(editor())
      .send({
        baseText: 'x',
        targets: [{ accountId: accounts.FEED }, { accountId: accounts.X }],
        schedule: { at: inHours(1), zone: 'WIB' },
      })
      .expect(201);
    await t
      .http()
      .post(url(`/${body.id}/submit`))
      .set(editor())
      .expect(200);
    await t.prisma.postTarget.updateMany({ where: { postId: body.id }, data: { state: 'EXPIRED' } });
    const expired = await t
      .http()
      .get(url(`/${body.id}`))
      .set(bearer(ws.users.VIEWER))
      .expect(200);
    expect([expired.body.status, expired.body.displayState]).toEqual(['IN_REVIEW', 'EXPIRED']);
    const targets = await t.prisma.postTarget.findMany({ where: { postId: body.id } });
    await t.prisma.postTarget.update({ where: { id: targets[0]!.id }, data: { state: 'PUBLISHED' } });
    await t.prisma.post.update({ where: { id: body.id }, data: { status: 'APPROVED' } });
    const listed = await t.http().get(url()).set(bearer(ws.users.VIEWER)).expect(200);
    expect(listed.body.posts.find((p: { id: string }) => p.id === body.id).displayState).toBe('PARTLY_PUBLISHED');
  });

  async function englishEditor() {
    await t.prisma.user.update({ where: { id: ws.users.ADMIN.id }, data: { locale: 'en' } });
    return ws.users.ADMIN;
  }
});
