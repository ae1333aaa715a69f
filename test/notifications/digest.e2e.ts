import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { DateTime } from 'luxon';
import { MAINTENANCE_QUEUE } from '../../src/core/queue';
import { DigestChannel } from '../../src/notifications/digest-channel';
import { DeliveryNotices } from '../../src/notifications/notifier';
import { nextDigestAt } from '../../src/notifications/preferences';
import { bearer, createWorkspace, type FixtureWorkspace } from '../support/fixtures';
import { mailsTo } from '../support/outbox';
import { startTestApp, type TestApp } from '../support/test-app';
import { draftPost } from './notification-support';

const PREFS = '/me/notification-preferences';
const ZONE = 'Asia/Jayapura';

/** The daily digest (docs/notifications.md): non-urgent e-mails wait for one daily e-mail; holds and failures never do. */
describe('daily e-mail digest', () => {
  let t: TestApp;
  let ws: FixtureWorkspace;
  let queue: Queue;
  let digestHour: number;

  beforeAll(async () => {
    t = await startTestApp({ roles: ['api', 'worker'] });
    queue = t.app.get<Queue>(getQueueToken(MAINTENANCE_QUEUE));
    ws = await createWorkspace(t.prisma);
    await t.prisma.user.update({ where: { id: ws.users.COORDINATOR.id }, data: { locale: 'en', timeZone: ZONE } });
    // Hours away in the coordinator's zone, so the digest job stays delayed during the test.
    digestHour = DateTime.now().setZone(ZONE).plus({ hours: 6 }).hour;
  });
  afterAll(() => t.close());

  const outbox = (email: string, count = 1) => mailsTo(t.config.MAIL_OUTBOX_DIR, email, count);
  const subjects = (mails: Array<{ text: string }>) => mails.map((m) => /^Subject: (.*)$/m.exec(m.text)![1]);
  const submitted = async (text: string) => {
    const { postId } = await draftPost(t, ws, text);
    await t.http().post(`/workspaces/${ws.slug}/posts/${postId}/submit`).set(bearer(ws.users.EDITOR)).expect(200);
    return postId;
  };

  it('keeps review requests for one daily e-mail at the chosen hour (one job), sends a failure and a hold at once, then lists what waited', async () => {
    const kinds = ['POST_SUBMITTED', 'TARGET_FAILED', 'WORKSPACE_HELD'];
    const saved = await t
      .http()
      .put(PREFS)
      .set(bearer(ws.users.COORDINATOR))
      .send({ emailKinds: kinds, quietHours: null, digestHour })
      .expect(200);
    expect(saved.body.digestHour).toBe(digestHour);
    // Omitted: unchanged.
    expect(
      (
        await t
          .http()
          .put(PREFS)
          .set(bearer(ws.users.COORDINATOR))
          .send({ emailKinds: kinds, quietHours: null })
          .expect(200)
      ).body.digestHour,
    ).toBe(digestHour);

    const first = await submitted('Upah layak untuk semua');
    const second = await submitted('Tolak outsourcing');
    const notices = t.app.get(DeliveryNotices);
    const target = await t.prisma.postTarget.findFirstOrThrow({ where: { postId: first } });
    const failed = await t.prisma.$transaction((tx) =>
      notices.delivery(tx, ws.id, target.id, 'TARGET_FAILED', { reason: 'Platform menolak' }),
    );
    await notices.dispatch(failed);
    await t
      .http()
      .post(`/workspaces/${ws.slug}/hold`)
      .set(bearer(ws.users.ADMIN))
      .send({ reason: 'Krisis' })
      .expect(200);

    // Right away: the failure and the hold only (never digested).
    const now = await outbox(ws.users.COORDINATOR.email, 2);
    expect(subjects(now)).toEqual([
      expect.stringMatching(/"Upah layak untuk semua" failed to publish/),
      expect.stringMatching(/put all publishing on hold: Krisis/),
    ]);

    // The two review requests wait on their recipient rows for one job at the digest hour (WIT).
    const dueAt = nextDigestAt(digestHour, ZONE, new Date());
    expect(DateTime.fromJSDate(dueAt).setZone(ZONE).toFormat('HH:mm')).toBe(
      `${String(digestHour).padStart(2, '0')}:00`,
    );
    const waiting = await t.prisma.notificationRecipient.findMany({
      where: { userId: ws.users.COORDINATOR.id, digestDueAt: { not: null } },
    });
    expect(waiting).toHaveLength(2);
    expect(waiting.every((r) => r.digestDueAt!.getTime() === dueAt.getTime() && r.digestSentAt === null)).toBe(true);
    const job = await queue.getJob(`digest-${ws.users.COORDINATOR.id}-${dueAt.getTime()}`);
    expect(await job!.getState()).toBe('delayed');
    expect(await queue.getJobCounts('delayed')).toMatchObject({ delayed: expect.any(Number) });

    // The admin (no digest) had each review request at once.
    expect(subjects(await outbox(ws.users.ADMIN.email, 2)).filter((s) => /mengajukan/.test(s!))).toHaveLength(2);

    // At the digest hour: one e-mail in English, times in WIT, both posts with their own link.
    const sent = await t.app
      .get(DigestChannel)
      .send({ userId: ws.users.COORDINATOR.id }, new Date(dueAt.getTime() + 1000));
    expect(sent).toBe(2);
    const mails = await outbox(ws.users.COORDINATOR.email, 3);
    const digest = mails[2]!;
    expect(subjects([digest])).toEqual(['Gaung daily digest: 2 notifications']);
    expect(digest.text).toContain('submitted "Upah layak untuk semua" for review');
    expect(digest.text).toContain('submitted "Tolak outsourcing" for review');
    expect(digest.text).toContain(`${t.config.PUBLIC_BASE_URL}/app/${ws.slug}/posts/${first}`);
    expect(digest.text).toContain(`${t.config.PUBLIC_BASE_URL}/app/${ws.slug}/posts/${second}`);
    expect(digest.text).toMatch(/GMT\+9/);
    expect(
      await t.prisma.notificationRecipient.count({
        where: { userId: ws.users.COORDINATOR.id, digestDueAt: { not: null }, digestSentAt: null },
      }),
    ).toBe(0);

    // Sent once: a second run (a retried job) finds nothing.
    expect(
      await t.app.get(DigestChannel).send({ userId: ws.users.COORDINATOR.id }, new Date(dueAt.getTime() + 2000)),
    ).toBe(0);
    expect(await outbox(ws.users.COORDINATOR.email, 4)).toHaveLength(3);
    await t.http().post(`/workspaces/${ws.slug}/resume`).set(bearer(ws.users.OWNER)).expect(200);
  });

  it('drops what was turned off since, and refuses a digest hour outside 0-23', async () => {
    await t
      .http()
      .put(PREFS)
      .set(bearer(ws.users.COORDINATOR))
      .send({ emailKinds: ['POST_SUBMITTED'], quietHours: null, digestHour })
      .expect(200);
    await submitted('Hari buruh');
    await t.http().put(PREFS).set(bearer(ws.users.COORDINATOR)).send({ emailKinds: [], quietHours: null }).expect(200);
    const before = (await outbox(ws.users.COORDINATOR.email, 0)).length;
    expect(
      await t.app.get(DigestChannel).send({ userId: ws.users.COORDINATOR.id }, new Date(Date.now() + 2 * 86_400_000)),
    ).toBe(0);
    expect(await outbox(ws.users.COORDINATOR.email, before + 1)).toHaveLength(before);

    for (const bad of [24, -1, 7.5, '7'])
      await t
        .http()
        .put(PREFS)
        .set(bearer(ws.users.COORDINATOR))
        .send({ emailKinds: [], quietHours: null, digestHour: bad })
        .expect(400);
    expect(
      (
        await t
          .http()
          .put(PREFS)
          .set(bearer(ws.users.COORDINATOR))
          .send({ emailKinds: [], quietHours: null, digestHour: null })
          .expect(200)
      ).body.digestHour,
    ).toBeNull();
  });
});
