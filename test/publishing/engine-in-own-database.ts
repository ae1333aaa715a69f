import { PublisherRegistry, type Publisher } from '../../src/publishers';
import { WebhookContractServer } from '../contracts/webhook/webhook-contract-server';
import { createIsolatedDatabase, type IsolatedDatabase } from '../support/isolated-database';
import { startTestApp, type TestApp } from '../support/test-app';
import { removeFixtures, WEBHOOK_SECRET } from './engine-fixtures';

export interface EngineInOwnDatabase {
  /** The API and the worker in one app, on the file's own database. */
  testApp: TestApp;
  /** The idempotent WEBHOOK contract server the fixtures' channels deliver to. */
  receiver: WebhookContractServer;
  /** The app's own WEBHOOK publisher, to restore after `overridePublisher`. */
  webhook: Publisher;
}

/**
 * For files whose sweeper scans the whole database (and that leave orphaned leases behind): the app
 * runs on a database of its own, so no other file's deliveries are woken into this file's worker.
 * Registers beforeAll/afterAll; read the fields inside tests and hooks.
 */
export function engineInOwnDatabase(config: Record<string, string>): EngineInOwnDatabase {
  const engine = {} as EngineInOwnDatabase;
  let database: IsolatedDatabase | undefined;
  beforeAll(async () => {
    database = await createIsolatedDatabase();
    engine.receiver = await new WebhookContractServer(WEBHOOK_SECRET).start();
    engine.testApp = await startTestApp({
      roles: ['api', 'worker'],
      config: { ...config, DATABASE_URL: database.url },
    });
    engine.webhook = engine.testApp.app.get(PublisherRegistry).get('WEBHOOK');
  });
  afterAll(async () => {
    if (engine.testApp) await removeFixtures(engine.testApp.prisma);
    await engine.testApp?.close();
    await engine.receiver?.stop();
    await database?.drop();
  });
  return engine;
}
