#!/usr/bin/env node
// Playwright's web server: the real Gaung (API + worker in one process, dist/main.js all) serving
// web/dist at /app, on a database of its own cloned from the migrated test template and loaded
// with the demo data (src/demo), so every run starts from the same calendar.
// Needs `node scripts/prepare.mjs --env test` first (npm test runs it): dist/, web/dist, the template.
// Usage: node e2e/serve.mjs [slot] (a Playwright worker's parallel index, 0 by default: e2e/environment.mjs).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { e2eEnvironment } from './environment.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(join(root, 'package.json'));
const env = e2eEnvironment(Number(process.argv[2] ?? 0));

async function admin(sql) {
  const { Client } = require('pg');
  const url = new URL(env.DATABASE_URL);
  url.pathname = '/postgres';
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  try {
    for (const statement of sql) await client.query(statement);
  } finally {
    await client.end();
  }
}

async function freshRedisPrefix() {
  const { Redis } = require('ioredis');
  const redis = new Redis(env.REDIS_URL);
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${env.QUEUE_PREFIX}:*`, 'COUNT', 500);
    if (keys.length) await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
  redis.disconnect();
}

const name = decodeURIComponent(new URL(env.DATABASE_URL).pathname.slice(1));
await admin([
  `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`,
  `CREATE DATABASE "${name}" TEMPLATE "${env.TEMPLATE_DATABASE}"`,
]);
await freshRedisPrefix();
Object.assign(process.env, env);
const seeded = spawnSync(process.execPath, ['dist/cli/seed.js'], { cwd: root, stdio: 'inherit', env: process.env });
if (seeded.status !== 0) process.exit(seeded.status ?? 1);
process.chdir(root);
process.argv = [process.argv[0], join(root, 'dist', 'main.js'), 'all'];
require(join(root, 'dist', 'main.js'));
