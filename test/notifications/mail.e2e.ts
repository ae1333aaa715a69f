import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { DateTime } from 'luxon';
import { MAINTENANCE_QUEUE } from '../../src/core/queue';
import { DeliveryNotices } from '../../src/notifications/notifier';
import { bearer, createWorkspace, type FixtureWorkspace } from '../support/fixtures';
import { SmtpCapture } from '../support/smtp-capture';
import { startTestApp, type TestApp } from '../support/test-app';
import { draftPost } from './notification-support';

const PREFS = '/me/notification-preferences';

describe('notification e-mails (captured by an SMTP server), per-user choices and quiet hours', () => {
  let t: TestApp;
  let ws: FixtureWorkspace;
  let queue: Queue;
  let smtp: SmtpCapture;

  beforeAll(async () => {
    smtp = await new SmtpCapture().start();
    t = await startTestApp({ roles: ['api', 'worker'], config: { SMTP_URL: smtp.url } });
    queue = t.app.get<Queue>(getQueueToken(MAINTENANCE_QUEUE));
    ws = await createWorkspace(t.prisma);
    await t.prisma.user.update({
      where: { id: ws.users.COORDINATOR.id },
      data: { locale: 'en', timeZone: 'Asia/Jayapura' },
    });
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  const outbox = (email: string, count = 1) => smtp.mailsTo(email, count);
  const about = (text: string) => (mail: { text: string }) => mail.text.includes(text);
  const notificationId = async (kind: string, subjectId: string) =>
    (await t.prisma.notification.findFirstOrThrow({ where: { kind: kind as never, subjectId } })).id;

  it('a review request reaches each coordinator+ who wants it, in their language, with one link to the post', async () => {
    // The owner turns review requests off by e-mail (still in the app).
    const before = (await t.http().get(PREFS).set(bearer(ws.users.OWNER)).expect(200)).body;
    expect(before.emailKinds).toEqual(
      expect.arrayContaining(['POST_SUBMITTED', 'POST_CHANGES_REQUESTED', 'TARGET_FAILED', 'WORKSPACE_HELD']),
    );
    expect(before.emailKinds).not.toContain('POST_COMMENTED');
    const emailKinds = (before.emailKinds as string[]).filter((k) => k !== 'POST_SUBMITTED');
    await t.http().put(PREFS).set(bearer(ws.users.OWNER)).send({ emailKinds, quietHours: null }).expect(200);

    const { postId } = await draftPost(t, ws, 'Upah layak <untuk> semua');
    await t.http().post(`/workspaces/${ws.slug}/posts/${postId}/submit`).set(bearer(ws.users.EDITOR)).expect(200);

    const [english] = await outbox(ws.users.COORDINATOR.email);
    expect(english!.text).toMatch(
      /^Subject: \[Workspace [^\]]+\] \S+ submitted "Upah layak <untuk> semua" for review$/m,
    );
    expect(english!.text).toContain('Content-Type: text/html');
    expect(english!.text).toContain('&#60;untuk&#62;'); // escaped in the HTML part
    const link = `${t.config.PUBLIC_BASE_URL}/app/${ws.slug}/posts/${postId}`;
    expect(english!.text).toContain(`Open in Gaung: ${link}`);
    expect(english!.text.match(/https?:\/\/[^\s"<]+/g)!.every((url) => url === link)).toBe(true);
    const [indonesian] = await outbox(ws.users.ADMIN.email);
    expect(indonesian!.text).toMatch(/mengajukan "Upah layak <untuk> semua" untuk ditinjau/);
    expect(indonesian!.text).toContain(`Buka di Gaung: ${link}`);

    // Jobs are queued before the answer: the owner has none; the actor is never told.
    const id = await notificationId('POST_SUBMITTED', postId);
    expect(await queue.getJob(`mail-${id}-${ws.users.OWNER.id}`)).toBeUndefined();
    expect(
      await t.prisma.notificationRecipient.count({ where: { notificationId: id, userId: ws.users.OWNER.id } }),
    ).toBe(1);
    expect(await outbox(ws.users.EDITOR.email, 0)).toEqual([]);
  });

  it("times in each reader's zone: a hold's planned end in WIT for one, WIB for another", async () => {
    await t
      .http()
      .post(`/workspaces/${ws.slug}/hold`)
      .set(bearer(ws.users.ADMIN))
      .send({ reason: 'Krisis', resumeAt: '2030-05-01T01:00:00Z' })
      .expect(200);
    const held = (await outbox(ws.users.COORDINATOR.email, 2)).find((m) => m.text.includes('on hold'));
    expect(held!.text).toMatch(/put all publishing on hold: Krisis \(resumes 1 May 2030 10:00/);
    expect(held!.text).toContain(`${t.config.PUBLIC_BASE_URL}/app/${ws.slug}/settings`);
    const [editor] = await outbox(ws.users.EDITOR.email);
    expect(editor!.text).toMatch(/menahan semua penerbitan: Krisis \(dilanjutkan 1 Mei 2030 08:00/);
    await t.http().post(`/workspaces/${ws.slug}/resume`).set(bearer(ws.users.OWNER)).expect(200);
  });

  it('quiet hours hold back a sent-back post until they end, while a hold goes out at once', async () => {
    const zone = 'Asia/Makassar';
    await t.prisma.user.update({ where: { id: ws.users.EDITOR.id }, data: { timeZone: zone } });
    const now = DateTime.now().setZone(zone);
    const quietHours = {
      from: now.minus({ hours: 1 }).toFormat('HH:mm'),
      until: now.plus({ hours: 2 }).toFormat('HH:mm'),
    };
    const saved = await t
      .http()
      .put(PREFS)
      .set(bearer(ws.users.EDITOR))
      .send({ emailKinds: ['POST_CHANGES_REQUESTED', 'WORKSPACE_HELD'], quietHours })
      .expect(200);
    expect(saved.body.quietHours).toEqual(quietHours);
    expect(saved.body.kinds).toContainEqual({
      kind: 'WORKSPACE_HELD',
      inApp: true,
      email: true,
      telegram: true,
      ignoresQuietHours: true,
    });
    const mailsBefore = (await outbox(ws.users.EDITOR.email, 0)).length;

    const { postId } = await draftPost(t, ws);
    await t.http().post(`/workspaces/${ws.slug}/posts/${postId}/submit`).set(bearer(ws.users.EDITOR)).expect(200);
    await t
      .http()
      .post(`/workspaces/${ws.slug}/posts/${postId}/request-changes`)
      .set(bearer(ws.users.COORDINATOR))
      .send({ body: 'Tambah tagar' })
      .expect(200);
    const job = await queue.getJob(
      `mail-${await notificationId('POST_CHANGES_REQUESTED', postId)}-${ws.users.EDITOR.id}`,
    );
    expect(await job!.getState()).toBe('delayed');
    const until = now.plus({ hours: 2 }).set({ second: 0, millisecond: 0 });
    expect(job!.timestamp + job!.opts.delay!).toBeGreaterThanOrEqual(until.toMillis() - 1000);
    expect(job!.timestamp + job!.opts.delay!).toBeLessThan(until.toMillis() + 1000);

    await t
      .http()
      .post(`/workspaces/${ws.slug}/hold`)
      .set(bearer(ws.users.ADMIN))
      .send({ reason: 'Darurat' })
      .expect(200);
    const mails = await outbox(ws.users.EDITOR.email, mailsBefore + 1);
    expect(mails.slice(mailsBefore).map((m) => /^Subject: (.*)$/m.exec(m.text)![1])).toEqual([
      expect.stringMatching(/menahan semua penerbitan: Darurat/),
    ]);
    expect(await job!.getState()).toBe('delayed');
    await t.http().post(`/workspaces/${ws.slug}/resume`).set(bearer(ws.users.ADMIN)).expect(200);
  });

  it('a failure reaches the author and coordinators+ who want it by e-mail, even in their quiet hours', async () => {
    const zone = 'Asia/Jayapura';
    const now = DateTime.now().setZone(zone);
    const quietHours = {
      from: now.minus({ hours: 1 }).toFormat('HH:mm'),
      until: now.plus({ hours: 1 }).toFormat('HH:mm'),
    };
    const defaults = (await t.http().get(PREFS).set(bearer(ws.users.COORDINATOR)).expect(200)).body.emailKinds;
    await t.http().put(PREFS).set(bearer(ws.users.COORDINATOR)).send({ emailKinds: defaults, quietHours }).expect(200);

    const { postId, targetId } = await draftPost(t, ws, 'Mogok nasional');
    const notices = t.app.get(DeliveryNotices);
    const ids = await t.prisma.$transaction((tx) =>
      notices.delivery(tx, ws.id, targetId, 'TARGET_FAILED', { reason: 'Platform menolak' }),
    );
    await notices.dispatch(ids);

    // Mail about this post only: an earlier test's may still be arriving.
    const [mail] = await smtp.mailsTo(ws.users.COORDINATOR.email, 1, about('Mogok nasional'));
    expect(mail!.text).toMatch(/^Subject: .*"Mogok nasional" failed to publish: Platform menolak$/m);
    expect(mail!.text).toContain(`/app/${ws.slug}/posts/${postId}`);
    // The author turned failures off by e-mail (still in the app); the viewer is not told at all.
    const id = ids[0]!;
    expect(await queue.getJob(`mail-${id}-${ws.users.EDITOR.id}`)).toBeUndefined();
    expect(
      await t.prisma.notificationRecipient.count({ where: { notificationId: id, userId: ws.users.EDITOR.id } }),
    ).toBe(1);
    expect(await queue.getJob(`mail-${id}-${ws.users.VIEWER.id}`)).toBeUndefined();
    const owner = await smtp.mailsTo(ws.users.OWNER.email, 1, about('Mogok nasional'));
    expect(owner.map((m) => /^Subject: (.*)$/m.exec(m.text)![1])).toEqual([
      expect.stringMatching(/"Mogok nasional" gagal diterbitkan/),
    ]);
  });

  it('refuses bad choices with 400 and keeps the previous ones; 401 without a session', async () => {
    const me = ws.users.VIEWER;
    await t
      .http()
      .put(PREFS)
      .set(bearer(me))
      .send({ emailKinds: ['TARGET_FAILED'], quietHours: { from: '22:00', until: '06:00' } })
      .expect(200);
    for (const bad of [
      { emailKinds: ['NOPE'], quietHours: null },
      { emailKinds: ['TARGET_FAILED', 'TARGET_FAILED'], quietHours: null },
      { emailKinds: [], quietHours: { from: '24:00', until: '06:00' } },
      { emailKinds: [], quietHours: { from: '06:00', until: '06:00' } },
      { emailKinds: [], quietHours: { from: '22:00' } },
      { emailKinds: [], quietHours: null, digest: true },
      { quietHours: null },
    ]) {
      const res = await t.http().put(PREFS).set(bearer(me)).send(bad).expect(400);
      expect(res.body.error).toBeDefined();
    }
    const equalEnds = await t
      .http()
      .put(PREFS)
      .set(bearer(me))
      .send({ emailKinds: [], quietHours: { from: '07:00', until: '07:00' } })
      .expect(400);
    expect(JSON.stringify(equalEnds.body)).toContain('Jam tenang harus mulai dan berakhir pada jam yang berbeda.');
    const badClock = await t
      .http()
      .put(PREFS)
      .set(bearer(me))
      .send({ emailKinds: [], quietHours: { from: '7:00', until: '08:00' } })
      .expect(400);
    expect(JSON.stringify(badClock.body)).toContain('Tulis jam sebagai JJ:MM');
    const kept = (await t.http().get(PREFS).set(bearer(me)).expect(200)).body;
    expect(kept).toMatchObject({ emailKinds: ['TARGET_FAILED'], quietHours: { from: '22:00', until: '06:00' } });
    await t.http().get(PREFS).expect(401);
    await t.http().put(PREFS).send({ emailKinds: [], quietHours: null }).expect(401);
  });
});
