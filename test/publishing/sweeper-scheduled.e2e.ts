import { createFixture, scheduleTarget, waitForState } from './engine-fixtures';
import { engineInOwnDatabase } from './engine-in-own-database';

describe("the sweeper runs by itself on BullMQ's job scheduler", () => {
  const engine = engineInOwnDatabase({ SWEEP_INTERVAL_MS: '1000' });

  it('a due target whose wake-up never reached Redis is published within a few sweeps', async () => {
    const fixture = await createFixture(engine.testApp, { baseUrl: engine.receiver.url });
    const { targetId } = await scheduleTarget(engine.testApp, fixture, new Date(), { wake: false });
    const target = await waitForState(engine.testApp.prisma, targetId, ['PUBLISHED', 'FAILED', 'UNCONFIRMED'], 10_000);
    expect(target.state).toBe('PUBLISHED');
  });
});
