import { randomBytes } from 'node:crypto';
import { loadConfig, type AppConfig } from '../../src/core/config';
import testEnv from '../test-env.json';

/** The test database and Redis: TEST_DATABASE_URL / TEST_REDIS_URL, else test/test-env.json. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || testEnv.databaseUrl;
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL || testEnv.redisUrl;

/** A fixed test key; production keys come from the environment. */
export const TEST_CREDENTIAL_KEY = Buffer.alloc(32, 7).toString('base64');

/** Config for one test file: its own Redis key prefix so queues and rate limits never mix. */
export function testConfig(overrides: Record<string, string> = {}): AppConfig {
  return loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: TEST_DATABASE_URL,
    DATABASE_POOL_SIZE: '5',
    REDIS_URL: TEST_REDIS_URL,
    QUEUE_PREFIX: `gaung-test-${randomBytes(6).toString('hex')}`,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL || 'silent',
    CREDENTIAL_KEYS: `test1:${TEST_CREDENTIAL_KEY}`,
    ...overrides,
  });
}
