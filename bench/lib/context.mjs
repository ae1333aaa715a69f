import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './children.mjs';

const require = createRequire(import.meta.url);
const { Pool } = require('pg');
const { Redis } = require('ioredis');
const { Queue } = require('bullmq');

/** Gaung's own compiled code (npm run build): the bench reuses it instead of re-implementing it. */
export const gaung = {
  ...require(join(ROOT, 'dist/core/crypto/index.js')),
  ...require(join(ROOT, 'dist/core/config/index.js')),
  ...require(join(ROOT, 'dist/publishing/delivery-scheduler.js')),
  idempotencyKeyFor: require(join(ROOT, 'dist/publishing/publish-engine.js')).idempotencyKeyFor,
  ...require(join(ROOT, 'dist/core/time/zoned-time.js')),
  PUBLISH_QUEUE: require(join(ROOT, 'dist/core/queue/queue.module.js')).PUBLISH_QUEUE,
};

/** A fixed bench-only credential key: sealed webhook secrets in the bench database use it. */
const BENCH_CREDENTIAL_KEYS = `bench1:${Buffer.alloc(32, 11).toString('base64')}`;

/**
 * Everything the sections share: the database (TEST_DATABASE_URL, the one `prepare --env test`
 * migrated), Redis, one key prefix per run (cleared at the end), and the environment of children.
 */
export async function createContext(options) {
  const defaults = JSON.parse(readFileSync(join(ROOT, 'test', 'test-env.json'), 'utf8'));
  const databaseUrl = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || defaults.databaseUrl;
  const redisUrl = process.env.BENCH_REDIS_URL || process.env.TEST_REDIS_URL || defaults.redisUrl;
  const prefix = `${process.env.BENCH_QUEUE_PREFIX || 'gaung-bench'}-${randomBytes(4).toString('hex')}`;
  const config = gaung.loadConfig({
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    CREDENTIAL_KEYS: BENCH_CREDENTIAL_KEYS,
    QUEUE_PREFIX: prefix,
  });
  const pool = new Pool({ connectionString: databaseUrl, max: 40 });
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const context = {
    options,
    databaseUrl,
    redisUrl,
    prefix,
    pool,
    redis,
    secrets: new gaung.SecretBox(config),
    /** The environment of Gaung's children; `queuePrefix` separates repetitions. */
    childEnv(queuePrefix, extra = {}) {
      return {
        NODE_ENV: 'production',
        DATABASE_URL: databaseUrl,
        REDIS_URL: redisUrl,
        QUEUE_PREFIX: queuePrefix,
        CREDENTIAL_KEYS: BENCH_CREDENTIAL_KEYS,
        // The bench's receivers listen on loopback, admitted as a self-hosted server would be.
        EGRESS_ALLOW: '127.0.0.0/8,::1',
        BULL_BOARD_ENABLED: 'false',
        WORKER_CONCURRENCY: String(options.concurrency),
        ...extra,
      };
    },
    /** A BullMQ queue under `queuePrefix` (the caller closes it). */
    queue(name, queuePrefix) {
      return new Queue(name, { connection: { url: redisUrl, maxRetriesPerRequest: null }, prefix: queuePrefix });
    },
    async close() {
      await deleteKeys(redis, `${prefix}*`);
      await redis.quit();
      await pool.end();
    },
  };
  return context;
}

/** Deletes this run's own keys only (SCAN on our prefix, never FLUSH*). */
async function deleteKeys(redis, pattern) {
  let cursor = '0';
  for (let round = 0; round < 100_000; round++) {
    const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
    if (keys.length) await redis.unlink(...keys);
    cursor = next;
    if (cursor === '0') return;
  }
}

/** The machine and services the figures were measured on. */
export async function describeMachine(context) {
  const { rows } = await context.pool.query('SHOW server_version');
  const info = await context.redis.info('server');
  return {
    cpu: `${cpus().length} x ${cpus()[0]?.model ?? 'unknown'}`,
    cores: cpus().length,
    memoryGb: (totalmem() / 1024 ** 3).toFixed(1),
    node: process.version,
    postgres: rows[0].server_version,
    redis: /redis_version:(\S+)/.exec(info)?.[1] ?? 'unknown',
    loadAtStart: loadavg()
      .map((l) => l.toFixed(2))
      .join(' '),
  };
}
