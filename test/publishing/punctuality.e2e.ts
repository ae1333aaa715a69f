import { renderNotification } from '../../src/notifications/catalog';
import { SweeperService } from '../../src/publishing';
import {
  createFixture,
  overridePublisher,
  scheduleTarget,
  sleep,
  variant,
  waitForState,
  FINAL_STATES,
} from './engine-fixtures';
import { engineInOwnDatabase } from './engine-in-own-database';
import { mailsTo } from '../support/outbox';

const LEASE_MS = 3_000;
const OPERATOR = 'operator-token-for-the-lateness-test';

/**
 * Punctuality: a short lease, renewed while the publish runs (long calls keep their claim, dead
 * workers free the account soon), and never silently late.
 */
describe('leases and lateness', () => {
  const engine = engineInOwnDatabase({
    PUBLISH_TIMEOUT_MS: '10000',
    PUBLISH_LEASE_MS: String(LEASE_MS),
    LATE_AFTER_SECONDS: '30',
    OPERATOR_TOKEN: OPERATOR,
  });
  afterEach(() => overridePublisher(engine.testApp, engine.webhook));

  it('a publish longer than the lease keeps its claim: the sweeper finds no expired lease, and it publishes once', async () => {
    // Slower than the lease, as a long video upload is.
    overridePublisher(engine.testApp, variant(engine.webhook, { delayMs: LEASE_MS * 1.6 }));
    const fixture = await createFixture(engine.testApp, { baseUrl: engine.receiver.url });
    const { targetId } = await scheduleTarget(engine.testApp, fixture, new Date());
    await waitForState(engine.testApp.prisma, targetId, ['PUBLISHING', ...FINAL_STATES]);
    await sleep(LEASE_MS * 1.2);
    const during = await engine.testApp.prisma.postTarget.findUniqueOrThrow({ where: { id: targetId } });
    expect(during.state).toBe('PUBLISHING');
    expect(during.leaseExpiresAt!.getTime()).toBeGreaterThan(Date.now());
    expect(await engine.testApp.app.get(SweeperService).resolveExpiredLeases()).toBe(0);
    expect((await waitForState(engine.testApp.prisma, targetId, FINAL_STATES)).state).toBe('PUBLISHED');
    expect(
      engine.receiver.requests.filter((r) => (r.json as { targetId?: string } | undefined)?.targetId === targetId),
    ).toHaveLength(1);
  });

  it("a dead worker's account moves on when its lease ends, not minutes later", async () => {
    const fixture = await createFixture(engine.testApp, { baseUrl: engine.receiver.url });
    const orphan = await scheduleTarget(engine.testApp, fixture, new Date(), { wake: false });
    // As a worker killed mid-publish leaves it: PUBLISHING, its lease last renewed just before it died.
    await engine.testApp.prisma.postTarget.update({
      where: { id: orphan.targetId },
      data: { state: 'PUBLISHING', leaseOwner: 'killed-worker', leaseExpiresAt: new Date(Date.now() + 1_000) },
    });
    const next = await scheduleTarget(engine.testApp, fixture, new Date());
    const published = await waitForState(engine.testApp.prisma, next.targetId, FINAL_STATES, 15_000);
    expect(published.state).toBe('PUBLISHED');
    // Within seconds of the lease's end (1 s), where a 120 s lease used to hold the account for minutes.
    expect(published.publishedAt!.getTime() - published.dueAt!.getTime()).toBeLessThan(10_000);
  });

  it('a delivery published more than LATE_AFTER_SECONDS after its time is marked late, counted and notified; one on time is not', async () => {
    const fixture = await createFixture(engine.testApp, { baseUrl: engine.receiver.url });
    // The post's author is a member who chose nothing: late deliveries reach them by e-mail by default.
    await engine.testApp.prisma.membership.create({
      data: { workspaceId: fixture.workspaceId, userId: fixture.userId, role: 'EDITOR' },
    });
    const author = await engine.testApp.prisma.user.findUniqueOrThrow({ where: { id: fixture.userId } });
    const late = await scheduleTarget(engine.testApp, fixture, new Date(Date.now() - 300_000));
    const onTime = await scheduleTarget(engine.testApp, fixture, new Date());
    const [lateTarget, onTimeTarget] = await Promise.all(
      [late, onTime].map(({ targetId }) => waitForState(engine.testApp.prisma, targetId, FINAL_STATES)),
    );
    expect(lateTarget!.state).toBe('PUBLISHED');
    expect(lateTarget!.lateSeconds).toBeGreaterThanOrEqual(300);
    expect(onTimeTarget!.state).toBe('PUBLISHED');
    expect(onTimeTarget!.lateSeconds).toBeNull();
    const notices = await engine.testApp.prisma.notification.findMany({
      where: { workspaceId: fixture.workspaceId, kind: 'TARGET_PUBLISHED_LATE' },
    });
    expect(notices.map((n) => n.targetId)).toEqual([late.targetId]);
    expect(
      renderNotification(notices[0]!.kind, notices[0]!.params, { locale: 'id', timeZone: 'Asia/Jakarta' }),
    ).toMatch(/" terbit terlambat 5 menit$/);
    expect(
      renderNotification(notices[0]!.kind, notices[0]!.params, { locale: 'en', timeZone: 'Asia/Jakarta' }),
    ).toMatch(/" was published late by 5 minutes$/);
    const metrics = await engine.testApp.http().get('/metrics').set('Authorization', `Bearer ${OPERATOR}`).expect(200);
    expect(metrics.text).toMatch(/gaung_published_late_total\{platform="WEBHOOK"\} 1/);
    const mails = await mailsTo(engine.testApp.config.MAIL_OUTBOX_DIR, author.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text).toMatch(/published late by 5 minutes|terbit terlambat 5 menit/);
  });
});
