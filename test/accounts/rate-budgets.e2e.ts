import type { PrismaClient } from '../../src/core/database';
import { bearer, createWorkspace, type FixtureWorkspace } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/test-app';
import { deliveryTo } from './account-fixtures';

const HOUR = 3600_000;

/** Ledger rows of `outcome` for the account, started `agoMs` before now. */
async function attempts(
  prisma: PrismaClient,
  ws: FixtureWorkspace,
  accountId: string,
  outcome: 'PUBLISHED' | 'AMBIGUOUS' | 'NOT_SENT_RETRYABLE',
  agoMs: number[],
) {
  const target = await deliveryTo(prisma, ws, accountId, 'PUBLISHED', -HOUR);
  await prisma.publishAttempt.createMany({
    data: agoMs.map((ago) => ({
      targetId: target.id,
      workspaceId: ws.id,
      accountId,
      version: 1,
      outcome,
      startedAt: new Date(Date.now() - ago),
      finishedAt: new Date(Date.now() - ago + 1000),
    })),
  });
}

describe('rate budget left per account (GET workspaces/:ws/accounts/rate-budgets)', () => {
  let t: TestApp;
  let ws: FixtureWorkspace;
  beforeAll(async () => {
    t = await startTestApp();
    ws = await createWorkspace(t.prisma);
  });
  afterAll(() => t.close());

  const account = (platform: 'INSTAGRAM' | 'THREADS' | 'TELEGRAM', name: string) =>
    t.prisma.connectedAccount.create({
      data: { workspaceId: ws.id, platform, displayName: name, externalId: name, handle: name },
    });

  it('counts what the claim counts: posted and ambiguous within 24 h plus publishes in flight; platforms without a budget are left out', async () => {
    const instagram = await account('INSTAGRAM', 'ig-budget');
    const threads = await account('THREADS', 'threads-budget');
    await account('TELEGRAM', 'tg-budget');
    // Counted: 10 published (the oldest 20 h ago), 2 ambiguous. Not counted: 25 h ago, a refusal.
    await attempts(t.prisma, ws, instagram.id, 'PUBLISHED', [
      20 * HOUR,
      ...Array.from({ length: 9 }, (_, i) => (i + 1) * 60_000),
    ]);
    await attempts(t.prisma, ws, instagram.id, 'AMBIGUOUS', [2 * HOUR, 3 * HOUR]);
    await attempts(t.prisma, ws, instagram.id, 'PUBLISHED', [25 * HOUR]);
    await attempts(t.prisma, ws, instagram.id, 'NOT_SENT_RETRYABLE', [HOUR]);
    // And one publish in flight.
    const running = await deliveryTo(t.prisma, ws, instagram.id, 'SCHEDULED', 0);
    await t.prisma.postTarget.update({
      where: { id: running.id },
      data: { state: 'PUBLISHING', leaseOwner: 'worker', leaseExpiresAt: new Date(Date.now() + 60_000) },
    });

    const res = await t
      .http()
      .get(`/workspaces/${ws.slug}/accounts/rate-budgets`)
      .set(bearer(ws.users.VIEWER))
      .expect(200);
    const budgets = res.body.budgets as Array<{
      accountId: string;
      posts: number;
      windowMs: number;
      left: number;
      nextSlotAt: string | null;
    }>;
    expect(budgets.map((b) => b.accountId).sort()).toEqual([instagram.id, threads.id].sort());
    const ig = budgets.find((b) => b.accountId === instagram.id)!;
    expect(ig).toMatchObject({ posts: 50, windowMs: 24 * HOUR, left: 50 - 13 });
    // The oldest counted post (20 h ago) leaves the window 4 h from now.
    expect(Math.abs(new Date(ig.nextSlotAt!).getTime() - (Date.now() + 4 * HOUR))).toBeLessThan(60_000);
    expect(budgets.find((b) => b.accountId === threads.id)).toMatchObject({ posts: 250, left: 250, nextSlotAt: null });
  });

  it('a spent budget shows 0 left and the moment the claim waits for', async () => {
    const instagram = await account('INSTAGRAM', 'ig-spent');
    await attempts(
      t.prisma,
      ws,
      instagram.id,
      'PUBLISHED',
      Array.from({ length: 52 }, (_, i) => (i + 1) * 10 * 60_000),
    );
    const res = await t
      .http()
      .get(`/workspaces/${ws.slug}/accounts/rate-budgets`)
      .set(bearer(ws.users.ADMIN))
      .expect(200);
    const ig = (res.body.budgets as Array<{ accountId: string; left: number; nextSlotAt: string }>).find(
      (b) => b.accountId === instagram.id,
    )!;
    expect(ig.left).toBe(0);
    const [engine] = await t.prisma.$queryRaw<
      Array<{ at: Date }>
    >`SELECT gaung_rate_window_opens_at(${instagram.id}::uuid, 50, ${24 * HOUR}::int) AS at`;
    expect(new Date(ig.nextSlotAt).getTime()).toBe(engine!.at.getTime());
  });

  it("another workspace's member gets 404", async () => {
    const other = await createWorkspace(t.prisma);
    await t.http().get(`/workspaces/${ws.slug}/accounts/rate-budgets`).set(bearer(other.users.OWNER)).expect(404);
  });
});
