import type { PrismaService } from '../../src/core/database';
import { DeliveryScheduler } from '../../src/publishing';
import { WebhookContractServer } from '../contracts/webhook/webhook-contract-server';
import { startTestApp, type TestApp } from '../support/test-app';
import { createFixture, removeFixtures, scheduleTarget, sleep, waitForState, WEBHOOK_SECRET } from './engine-fixtures';

type Action = 'edit' | 'cancel' | 'hold';
const OPEN = ['PENDING', 'SCHEDULED', 'HELD', 'FAILED', 'EXPIRED'] as const;
const STARTED = ['PUBLISHING', 'PUBLISHED', 'UNCONFIRMED'];

/**
 * The integrator's writes, the way src/posts and src/review make them: lock the post FOR UPDATE,
 * read its deliveries, refuse an edit once one has started, then write the deliveries by id.
 * `holdOpenMs` keeps the transaction open between the read and the write (a slow request).
 * An edit here is re-approved at once (the worst case). Wake-ups are added after the commit.
 */
async function act(
  prisma: PrismaService,
  scheduler: DeliveryScheduler,
  action: Action,
  ids: { postId: string; targetId: string; workspaceId: string },
  holdOpenMs = 0,
) {
  if (action === 'hold') {
    await prisma.workspace.update({
      where: { id: ids.workspaceId },
      data: { heldAt: new Date(), holdReason: 'crisis' },
    });
    return;
  }
  const dueAt = new Date(Date.now() + 1500 + holdOpenMs);
  const woken = await prisma.$transaction(
    async (tx) => {
      await tx.$queryRaw`SELECT id FROM "Post" WHERE id = ${ids.postId}::uuid FOR UPDATE`;
      const targets = await tx.postTarget.findMany({ where: { postId: ids.postId } });
      await sleep(holdOpenMs);
      if (action === 'cancel') {
        await tx.post.update({ where: { id: ids.postId }, data: { status: 'CANCELLED', cancelledAt: new Date() } });
        const open = targets.filter((t) => (OPEN as readonly string[]).includes(t.state)).map((t) => t.id);
        await tx.postTarget.updateMany({ where: { id: { in: open } }, data: { state: 'CANCELLED' } });
        return false;
      }
      if (targets.some((t) => STARTED.includes(t.state))) return false; // 409 already published
      await tx.post.update({
        where: { id: ids.postId },
        data: { version: 2, approvedVersion: 2, baseText: 'Teks baru (versi 2)', scheduledAt: dueAt },
      });
      for (const t of targets)
        await tx.postTarget.update({ where: { id: t.id }, data: { state: 'SCHEDULED', version: 2, dueAt } });
      return true;
    },
    { timeout: 10_000 },
  );
  if (woken) await scheduler.wake([{ id: ids.targetId, version: 2, dueAt }]);
}

describe('edit, cancel and hold around the due time: the old version or nothing, never both', () => {
  let testApp: TestApp;
  let receiver: WebhookContractServer;

  beforeAll(async () => {
    receiver = await new WebhookContractServer(WEBHOOK_SECRET).start();
    testApp = await startTestApp({ roles: ['api', 'worker'], config: { PUBLISH_TIMEOUT_MS: '1000' } });
  });
  afterAll(async () => {
    if (testApp) await removeFixtures(testApp.prisma);
    await testApp?.close();
    await receiver?.stop();
  });

  it('two workers racing for one target: exactly one claims and calls', async () => {
    const fixture = await createFixture(testApp, { baseUrl: receiver.url });
    const second = await startTestApp({ roles: ['worker'], config: { QUEUE_PREFIX: testApp.config.QUEUE_PREFIX } });
    try {
      const targets = await Promise.all(
        Array.from({ length: 10 }, () => scheduleTarget(testApp, fixture, new Date(Date.now() + 800))),
      );
      for (const { targetId } of targets)
        expect((await waitForState(testApp.prisma, targetId, ['PUBLISHED', 'FAILED', 'UNCONFIRMED'])).state).toBe(
          'PUBLISHED',
        );
      for (const { targetId } of targets) {
        expect(
          receiver.requests.filter((r) => (r.json as { targetId?: string } | undefined)?.targetId === targetId),
        ).toHaveLength(1);
      }
    } finally {
      await second.app.close();
    }
  });

  it('a stale version wakes and exits without calling', async () => {
    const fixture = await createFixture(testApp, { baseUrl: receiver.url });
    const { targetId, postId } = await scheduleTarget(testApp, fixture, new Date(Date.now() + 600));
    await act(testApp.prisma, testApp.app.get(DeliveryScheduler), 'edit', {
      postId,
      targetId,
      workspaceId: fixture.workspaceId,
    });
    const target = await waitForState(testApp.prisma, targetId, ['PUBLISHED', 'FAILED', 'UNCONFIRMED']);
    expect(target.state).toBe('PUBLISHED');
    const calls = receiver.requests.filter((r) => (r.json as { targetId?: string } | undefined)?.targetId === targetId);
    expect(calls.map((r) => (r.json as { version: number }).version)).toEqual([2]);
  });

  const offsets = [-1000, 0, 500];
  const actions: Action[] = ['edit', 'cancel', 'hold'];
  it.each(actions)('%s at T-1s, T and T+0.5s', async (action) => {
    const cases = await Promise.all(
      offsets.map(async (offset) => {
        const fixture = await createFixture(testApp, { baseUrl: receiver.url });
        const due = Date.now() + 1500;
        const ids = await scheduleTarget(testApp, fixture, new Date(due));
        await sleep(Math.max(0, due + offset - Date.now()));
        const actedAt = Date.now();
        await act(testApp.prisma, testApp.app.get(DeliveryScheduler), action, {
          ...ids,
          workspaceId: fixture.workspaceId,
        });
        return { offset, actedAt, ...ids };
      }),
    );
    await sleep(action === 'edit' ? 3000 : 1500);
    for (const c of cases) {
      const target = await testApp.prisma.postTarget.findUniqueOrThrow({ where: { id: c.targetId } });
      const stored = receiver.stored.filter((post) => post.targetId === c.targetId);
      expect(stored.length).toBeLessThanOrEqual(1);
      if (c.offset < 0) {
        // Well before the time: the old version never goes out.
        expect(stored.every((post) => post.version !== 1)).toBe(true);
        expect(target.state).toBe(action === 'edit' ? 'PUBLISHED' : action === 'cancel' ? 'CANCELLED' : 'HELD');
      }
      if (action === 'cancel' && target.state === 'CANCELLED') expect(stored).toHaveLength(0);
      if (action === 'hold' && target.state === 'HELD') expect(stored).toHaveLength(0);
      if (stored.length === 1 && stored[0]!.version === 1) expect(target.state).toBe('PUBLISHED');
      process.stdout.write(
        `${action} at T${c.offset >= 0 ? '+' : ''}${c.offset / 1000}s -> ${target.state}, receiver versions [${stored.map((p) => p.version).join(',')}]\n`,
      );
    }
  });

  it.each(['edit', 'cancel'] as const)(
    '%s transaction open across the due time: the claim waits for it, never both',
    async (action) => {
      const fixture = await createFixture(testApp, { baseUrl: receiver.url });
      const due = Date.now() + 1200;
      const ids = await scheduleTarget(testApp, fixture, new Date(due));
      await sleep(due - 100 - Date.now());
      await act(
        testApp.prisma,
        testApp.app.get(DeliveryScheduler),
        action,
        { ...ids, workspaceId: fixture.workspaceId },
        400,
      );
      await sleep(action === 'edit' ? 2500 : 800);
      const target = await testApp.prisma.postTarget.findUniqueOrThrow({ where: { id: ids.targetId } });
      const stored = receiver.stored.filter((post) => post.targetId === ids.targetId);
      expect(stored.map((p) => p.version)).toEqual(action === 'edit' ? [2] : []);
      expect(target.state).toBe(action === 'edit' ? 'PUBLISHED' : 'CANCELLED');
    },
  );
});
