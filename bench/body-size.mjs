#!/usr/bin/env node
// Oversized request bodies against Gaung's API (docs/security.md, rule 2): for each case a fresh
// `node dist/main.js api` child gets one big body; we record the answer, how long it took, the
// child's peak memory, and the slowest /health/live answer meanwhile (polled every 20 ms).
// Needs `npm run build` and a migrated TEST_DATABASE_URL (`node scripts/prepare.mjs --env test`).
//   node bench/body-size.mjs            every case
//   node bench/body-size.mjs 5mb-json   one case by name
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { freePort, startApi } from './lib/children.mjs';

const MB = 1024 * 1024;
const CASES = [
  { name: '5mb-json', path: '/auth/login', type: 'application/json', bytes: 5 * MB },
  { name: '5mb-octet-login', path: '/auth/login', type: 'application/octet-stream', bytes: 5 * MB },
  { name: '190mb-json', path: '/auth/login', type: 'application/json', bytes: 190 * MB },
  { name: '190mb-json-chunked', path: '/auth/login', type: 'application/json', bytes: 190 * MB, chunked: true },
  { name: '190mb-octet-login', path: '/auth/login', type: 'application/octet-stream', bytes: 190 * MB },
  { name: '190mb-video-upload-unsigned', path: '/workspaces/kspi/media', type: 'video/mp4', bytes: 190 * MB },
];

const env = {
  NODE_ENV: 'test',
  DATABASE_URL: process.env.TEST_DATABASE_URL || 'postgresql://postgres@127.0.0.1:5432/gaung_test',
  REDIS_URL: process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379/0',
  QUEUE_PREFIX: `gaung-bench-body-${process.pid}`,
  CREDENTIAL_KEYS: `bench:${randomBytes(32).toString('base64')}`,
  SWEEP_INTERVAL_MS: '0',
};

const rssMb = (pid, field) => {
  const match = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readStatus(pid));
  return match ? Math.round(Number(match[1]) / 1024) : NaN;
};
const readStatus = (pid) => {
  try {
    return readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return '';
  }
};

/** Sends `bytes` of body (JSON-shaped or raw) in 64 KiB chunks, stopping once the answer arrives. */
function send(port, c) {
  return new Promise((resolve) => {
    const started = performance.now();
    let sent = 0;
    let answered = false;
    const headers = { 'content-type': c.type, authorization: 'Bearer gs_not-a-session' };
    if (!c.chunked) headers['content-length'] = String(c.bytes);
    const req = request({ host: '127.0.0.1', port, method: 'POST', path: c.path, headers }, (res) => {
      answered = true;
      const status = res.statusCode;
      res.resume();
      res.on('end', () =>
        resolve({ status, ms: Math.round(performance.now() - started), sentMb: Math.round(sent / MB) }),
      );
    });
    // A server that refuses early closes the connection; a client still writing then sees EPIPE or
    // ECONNRESET instead of reading the answer (the answer itself is asserted in test/security/).
    req.on('error', (error) => {
      if (!answered)
        resolve({
          status: `closed by the server (${error.code})`,
          ms: Math.round(performance.now() - started),
          sentMb: Math.round(sent / MB),
        });
    });
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    const head = Buffer.from(c.type === 'application/json' ? '{"email":"a@b.id","password":"' : '');
    const write = () => {
      while (!answered && sent < c.bytes) {
        const piece = sent === 0 && head.length ? head : chunk.subarray(0, Math.min(chunk.length, c.bytes - sent));
        sent += piece.length;
        if (!req.write(piece)) return void req.once('drain', write);
      }
      if (!answered) req.end();
    };
    write();
  });
}

async function run(c) {
  const port = await freePort();
  const api = await startApi(env, port);
  try {
    const before = rssMb(api.pid, 'VmRSS');
    let slowestLiveMs = 0;
    let polling = true;
    const poller = (async () => {
      while (polling) {
        const t = performance.now();
        await fetch(`http://127.0.0.1:${port}/health/live`)
          .then((r) => r.arrayBuffer())
          .catch(() => undefined);
        slowestLiveMs = Math.max(slowestLiveMs, performance.now() - t);
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    const answer = await send(port, c);
    polling = false;
    await poller;
    return {
      case: c.name,
      ...answer,
      rssBeforeMb: before,
      peakRssMb: rssMb(api.pid, 'VmHWM'),
      slowestLiveMs: Math.round(slowestLiveMs),
    };
  } finally {
    await api.stop();
  }
}

const only = process.argv[2];
for (const c of CASES.filter((x) => !only || x.name === only)) {
  process.stdout.write(`${JSON.stringify(await run(c))}\n`);
}
