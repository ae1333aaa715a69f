import { WebhookContractServer } from '../contracts/webhook/webhook-contract-server';
import { startTestApp, type TestApp } from '../support/test-app';
import { createFixture, removeFixtures, scheduleTarget, waitForState, WEBHOOK_SECRET } from './engine-fixtures';

describe('the sweeper runs by itself on BullMQ\'s job scheduler', () => {
  let testApp: TestApp;
  let receiver: WebhookContractServer;

  beforeAll(async () => {
    receiver = await new WebhookContractServer(WEBHOOK_SECRET).start();
    testApp = await startTestApp({ roles: ['api', 'worker'], config: { SWEEP_INTERVAL_MS: '1000' } });
  });
  afterAll(async () => {
    if (testApp) await removeFixtures(testApp.prisma);
    await testApp?.close();
    await receiver?.stop();
  });

  it('a due target whose wake-up never reached Redis is published within a few sweeps', async () => {
    const fixture = await createFixture(testApp, { baseUrl: receiver.url });
    const { targetId } = await scheduleTarget(testApp, fixture, new Date(), { wake: false });
    const target = await waitForState(testApp.prisma, targetId, ['PUBLISHED', 'FAILED', 'UNCONFIRMED'], 10_000);
    expect(target.state).toBe('PUBLISHED');
  });
});
