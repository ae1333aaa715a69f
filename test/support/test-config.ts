import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type AppConfig } from '../../src/core/config';
import { Egress } from '../../src/core/egress';
import testEnv from '../test-env.json';

/** The test database and Redis: TEST_DATABASE_URL / TEST_REDIS_URL, else test/test-env.json. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || testEnv.databaseUrl;
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL || testEnv.redisUrl;
/** A migrated database nobody connects to, cloned by createIsolatedDatabase (prepared by scripts/prepare.mjs). */
export const TEST_TEMPLATE_DATABASE_URL = withDatabaseName(TEST_DATABASE_URL, (name) => `${name}_template`);

export function withDatabaseName(url: string, rename: (name: string) => string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${rename(decodeURIComponent(parsed.pathname.slice(1)))}`;
  return parsed.toString();
}

/** A fixed test key; production keys come from the environment. */
export const TEST_CREDENTIAL_KEY = Buffer.alloc(32, 7).toString('base64');

/**
 * Every contract server listens on loopback: the tests admit it through the allow-list, as an
 * operator admits a self-hosted instance on the LAN. Security tests build configs without it.
 */
export const TEST_EGRESS_ALLOW = '127.0.0.0/8,::1';

/**
 * Config for one test file: its own Redis key prefix so queues and rate limits never mix. The
 * periodic sweeper is off: it scans the whole database, so in a database shared by test files it
 * would wake other files' deliveries. Tests call sweep() themselves, or use an isolated database.
 */
export function testConfig(overrides: Record<string, string> = {}): AppConfig {
  const prefix = `gaung-test-${randomBytes(6).toString('hex')}`;
  return loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: TEST_DATABASE_URL,
    DATABASE_POOL_SIZE: '5',
    REDIS_URL: TEST_REDIS_URL,
    QUEUE_PREFIX: prefix,
    // Mail without SMTP lands here, one folder per test app, never in the repository's data/.
    MAIL_OUTBOX_DIR: join(tmpdir(), 'gaung-test-outbox', prefix),
    LOG_LEVEL: process.env.TEST_LOG_LEVEL || 'silent',
    CREDENTIAL_KEYS: `test1:${TEST_CREDENTIAL_KEY}`,
    SWEEP_INTERVAL_MS: '0',
    METRICS_PLAN_INTERVAL_MS: '0',
    EGRESS_ALLOW: TEST_EGRESS_ALLOW,
    ...overrides,
  });
}

/** The guarded egress as the tests configure it (loopback admitted), for publishers built by hand. */
export function testEgress(overrides: Record<string, string> = {}): Egress {
  return new Egress(testConfig(overrides));
}
