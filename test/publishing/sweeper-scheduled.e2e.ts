import { WebhookContractServer } from '../contracts/webhook/webhook-contract-server';
import { createIsolatedDatabase, type IsolatedDatabase } from '../support/isolated-database';
import { startTestApp, type TestApp } from '../support/test-app';
import { createFixture, removeFixtures, scheduleTarget, waitForState, WEBHOOK_SECRET } from './engine-fixtures';

describe('the sweeper runs by itself on BullMQ\'s job scheduler', () => {
  let testApp: TestApp;
  let receiver: WebhookContractServer;
  // A periodic sweeper scans the whole database: it gets a database of its own.
  let database: IsolatedDatabase;

  beforeAll(async () => {
    database = await createIsolatedDatabase();
    receiver = await new WebhookContractServer(WEBHOOK_SECRET).start();
    testApp = await startTestApp({ roles: ['api', 'worker'], config: { SWEEP_INTERVAL_MS: '1000', DATABASE_URL: database.url } });
  });
  afterAll(async () => {
    if (testApp) await removeFixtures(testApp.prisma);
    await testApp?.close();
    await receiver?.stop();
    await database?.drop();
  });

  it('a due target whose wake-up never reached Redis is published within a few sweeps', async () => {
    const fixture = await createFixture(testApp, { baseUrl: receiver.url });
    const { targetId } = await scheduleTarget(testApp, fixture, new Date(), { wake: false });
    const target = await waitForState(testApp.prisma, targetId, ['PUBLISHED', 'FAILED', 'UNCONFIRMED'], 10_000);
    expect(target.state).toBe('PUBLISHED');
  });
});
