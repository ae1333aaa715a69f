import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { TEST_TEMPLATE_DATABASE_URL, withDatabaseName } from './test-config';

export interface IsolatedDatabase {
  url: string;
  drop: () => Promise<void>;
}

async function admin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: withDatabaseName(TEST_TEMPLATE_DATABASE_URL, () => 'postgres') });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * A migrated database of one's own, cloned from the template (about a second), for tests whose
 * processes scan the whole database (a periodic sweeper, chaos workers) and so must not share it.
 */
export async function createIsolatedDatabase(): Promise<IsolatedDatabase> {
  const template = decodeURIComponent(new URL(TEST_TEMPLATE_DATABASE_URL).pathname.slice(1));
  const name = `${template.replace(/_template$/, '')}_iso_${randomBytes(4).toString('hex')}`;
  await admin((client) => client.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`));
  return {
    url: withDatabaseName(TEST_TEMPLATE_DATABASE_URL, () => name),
    drop: () => admin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}
