import { SweeperService } from '../../src/publishing';
import { createFixture, scheduleTarget, waitForState, FINAL_STATES, type Fixture } from './engine-fixtures';
import { engineInOwnDatabase } from './engine-in-own-database';

// A webhook's retry after a lost answer is safe only if its receiver deduplicates on
// Idempotency-Key, which the admin says when connecting (settings.honoursIdempotencyKey; the form
// defaults to no). A receiver said not to: the delivery waits UNCONFIRMED for a person, never sent
// twice. A receiver said to: sent again with the same key, published once.
describe('webhook receivers that do or do not deduplicate', () => {
  const engine = engineInOwnDatabase({ PUBLISH_TIMEOUT_MS: '600', PUBLISH_LEASE_MS: '5000' });
  afterEach(() => (engine.receiver.ignoresIdempotencyKey = false));

  async function webhook(honoursIdempotencyKey: boolean): Promise<Fixture> {
    const fixture = await createFixture(engine.testApp, { baseUrl: engine.receiver.url });
    await engine.testApp.prisma.connectedAccount.update({
      where: { id: fixture.accountId },
      data: { settings: { honoursIdempotencyKey } },
    });
    return fixture;
  }
  const postsOf = (targetId: string) => engine.receiver.stored.filter((post) => post.targetId === targetId);

  it.each(['drop-after-accept', 'error-after-accept'] as const)(
    'a receiver that cannot deduplicate: %s -> UNCONFIRMED, posted once, never sent again',
    async (kind) => {
      engine.receiver.ignoresIdempotencyKey = true;
      const fixture = await webhook(false);
      engine.receiver.fail({ kind });
      const { targetId } = await scheduleTarget(engine.testApp, fixture, new Date());
      expect((await waitForState(engine.testApp.prisma, targetId, FINAL_STATES)).state).toBe('UNCONFIRMED');
      await engine.testApp.app.get(SweeperService).sweep();
      expect(postsOf(targetId)).toHaveLength(1);
    },
  );

  it('a receiver that deduplicates: the lost answer is sent again with its key and published once', async () => {
    const fixture = await webhook(true);
    engine.receiver.fail({ kind: 'drop-after-accept' });
    const { targetId } = await scheduleTarget(engine.testApp, fixture, new Date());
    expect((await waitForState(engine.testApp.prisma, targetId, FINAL_STATES)).state).toBe('PUBLISHED');
    const keys = engine.receiver.requests
      .filter((request) => (request.json as { targetId?: string } | undefined)?.targetId === targetId)
      .map((request) => request.headers['idempotency-key']);
    expect(keys).toHaveLength(2);
    expect(new Set(keys).size).toBe(1);
    expect(postsOf(targetId)).toHaveLength(1);
  });

  it.each([
    [false, 'UNCONFIRMED', 'UNCONFIRMED'],
    [true, 'SCHEDULED', 'PUBLISHED'],
  ] as const)(
    'a worker died mid-call (receiver deduplicates: %s) -> %s, then %s',
    async (honours, afterSweep, final) => {
      const fixture = await webhook(honours);
      const { targetId } = await scheduleTarget(engine.testApp, fixture, new Date(Date.now() + 60_000), {
        wake: false,
      });
      await engine.testApp.prisma.postTarget.update({
        where: { id: targetId },
        data: { state: 'PUBLISHING', leaseOwner: 'dead', leaseExpiresAt: new Date(Date.now() - 1) },
      });
      await engine.testApp.app.get(SweeperService).resolveExpiredLeases();
      const swept = await engine.testApp.prisma.postTarget.findUniqueOrThrow({ where: { id: targetId } });
      expect(swept.state).toBe(afterSweep);
      // The retry (if any) runs to its end inside the test, not during the file's teardown.
      expect((await waitForState(engine.testApp.prisma, targetId, FINAL_STATES)).state).toBe(final);
      expect(postsOf(targetId)).toHaveLength(final === 'PUBLISHED' ? 1 : 0);
    },
  );
});
