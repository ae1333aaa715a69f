#!/usr/bin/env node
// Sign-in latency alone and during 60 bogus expensive anonymous requests (registration, invitation
// acceptance, password-reset confirmation: each costs, or used to cost, a password hash).
// docs/security.md, rule 10. Not a timed test: it prints figures.
//
//   npm run build && node scripts/prepare.mjs --env test   # dist/ and a migrated TEST_DATABASE_URL
//   TEST_DATABASE_URL=... TEST_REDIS_URL=... node bench/anonymous-load.mjs [--reps=5] [--root=DIR]
//
// --root runs another build (DIR/dist/main.js, e.g. an older commit) against the same database.
// Two attacks: all 60 from one address (the per-address budget answers most with 429), and each
// from its own address through X-Forwarded-For (TRUST_PROXY=loopback), where only the hashing gate
// keeps the sign-in ahead.
import { randomBytes, randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import pg from 'pg';
import { Child, freePort, ROOT } from './lib/children.mjs';
import { pollUntil, sleep, spread } from './lib/stats.mjs';

const arg = (name, fallback) =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const reps = Number(arg('reps', '5'));
const root = arg('root', ROOT);
const databaseUrl = process.env.TEST_DATABASE_URL || 'postgresql://postgres@127.0.0.1:5432/gaung_test';
const redisUrl = process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379';
const BOGUS = 60;
const PASSWORD = 'bench-password-2026';

async function main() {
  const { hashPassword } = createRequire(import.meta.url)(join(ROOT, 'dist', 'core', 'crypto', 'tokens.js'));
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  const tag = `bench-anon-${randomBytes(4).toString('hex')}`;
  const email = `${tag}@bench.gaung`;
  await db.query('INSERT INTO "User" (id, email, name, "passwordHash", "updatedAt") VALUES ($1, $2, $3, $4, now())', [
    randomUUID(),
    email,
    'Bench',
    await hashPassword(PASSWORD),
  ]);
  const port = await freePort();
  const api = await startApiAt(port, {
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    QUEUE_PREFIX: tag,
    CREDENTIAL_KEYS: `k1:${randomBytes(32).toString('base64')}`,
    TRUST_PROXY: 'loopback',
    REGISTRATION: 'open',
    NODE_ENV: 'test',
  });
  const base = `http://127.0.0.1:${port}`;
  let realAddress = 0;
  const signIn = async () => {
    realAddress += 1; // a fresh address each time, so the sign-in's own per-address limit never counts
    const started = performance.now();
    const res = await post(base, '/auth/login', { email, password: PASSWORD }, `192.0.2.${realAddress}`);
    if (res.status !== 200) throw new Error(`real sign-in answered ${res.status}`);
    return performance.now() - started;
  };
  try {
    await signIn(); // warm up
    const alone = [];
    for (let i = 0; i < reps; i += 1) alone.push(await signIn());
    const results = { alone: spread(alone) };
    for (const [name, addressOf] of [
      ['during 60 bogus, one address', () => '203.0.113.1'],
      ['during 60 bogus, 60 addresses', (i) => `198.51.${100 + Math.floor(i / 250)}.${(i % 250) + 1}`],
    ]) {
      const during = [];
      const statuses = {};
      for (let rep = 0; rep < reps; rep += 1) {
        await flushLimits(redisUrl, tag);
        const flood = Array.from({ length: BOGUS }, (_, i) => bogus(base, i, addressOf(rep * BOGUS + i), tag));
        await sleep(30); // let the flood arrive first
        during.push(await signIn());
        for (const status of await Promise.all(flood)) statuses[status] = (statuses[status] ?? 0) + 1;
      }
      results[name] = { ...spread(during), statuses };
    }
    print(results);
  } finally {
    await api.stop();
    await db.query('DELETE FROM "User" WHERE email LIKE $1', [`${tag}%`]);
    await db.end();
    await flushLimits(redisUrl, tag, true);
  }
}

/** One of three expensive anonymous requests with made-up data; resolves with the HTTP status. */
async function bogus(base, i, address, tag) {
  const token = randomBytes(32).toString('base64url');
  const password = 'made-up-password-1';
  const [path, body] = [
    ['/auth/password-reset/confirm', { token, newPassword: password }],
    ['/invitations/accept-new', { token, name: 'Bogus', password }],
    ['/auth/register', { email: `${tag}-${i}-${randomBytes(3).toString('hex')}@bench.gaung`, name: 'Bogus', password }],
  ][i % 3];
  return (await post(base, path, body, address)).status;
}

function post(base, path, body, address) {
  return fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
    body: JSON.stringify(body),
  });
}

async function startApiAt(port, env) {
  const child = new Child(
    'api',
    [join(root, 'dist', 'main.js'), 'api'],
    { ...env, PORT: String(port), LOG_LEVEL: 'warn' },
    { cwd: root },
  );
  const live = await pollUntil(
    async () => {
      if (child.process.exitCode !== null) throw new Error(`api exited\n${child.tail.join('\n')}`);
      return fetch(`http://127.0.0.1:${port}/health/live`).then(
        (r) => r.ok,
        () => false,
      );
    },
    { everyMs: 250, timeoutMs: 60_000 },
  );
  if (!live) throw new Error(`api did not start\n${child.tail.join('\n')}`);
  return child;
}

/** Deletes this run's rate-limit counters (between repetitions), or every key of the run. */
async function flushLimits(url, prefix, everything = false) {
  const { Redis } = await import('ioredis');
  const redis = new Redis(url);
  try {
    const keys = await redis.keys(everything ? `${prefix}:*` : `${prefix}:*limit*`);
    const lockouts = everything ? [] : await redis.keys(`${prefix}:login:*`);
    if (keys.length + lockouts.length) await redis.del(...keys, ...lockouts);
  } finally {
    redis.disconnect();
  }
}

function print(results) {
  const ms = (v) => `${v.toFixed(0)} ms`;
  const alone = results.alone.median;
  process.stdout.write(`build: ${root}\nreal sign-in, median of ${reps} (min-max):\n`);
  for (const [name, r] of Object.entries(results)) {
    const ratio =
      name === 'alone' ? '' : `  x${(r.median / alone).toFixed(1)}  bogus answers ${JSON.stringify(r.statuses)}`;
    process.stdout.write(`  ${name.padEnd(34)} ${ms(r.median).padStart(8)} (${ms(r.min)}-${ms(r.max)})${ratio}\n`);
  }
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
