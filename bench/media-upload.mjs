#!/usr/bin/env node
// Memory of media uploads (docs/media.md, docs/benchmarks.md "Media uploads"): a fresh
// `node dist/main.js api` child takes one authenticated upload per case; we record the answer and
// how much the child's resident memory grew over its idle level (peak VmHWM minus VmRSS before).
// Needs `npm run build` and a migrated TEST_DATABASE_URL (`node scripts/prepare.mjs --env test`).
//   node bench/media-upload.mjs
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { freePort, peakRssMb, ROOT, startApi } from './lib/children.mjs';
import { createContext } from './lib/context.mjs';
import { createWorkspace } from './lib/seed.mjs';

const require = createRequire(import.meta.url);
const sharp = require(join(ROOT, 'node_modules/sharp'));
const MB = 1024 * 1024;
const MP4_HEAD = Buffer.from('000000186674797069736d00000000', 'hex');

const rssNowMb = (pid) =>
  Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN) / 1024;

/** Sends `bytes` in 64 KiB chunks made on the fly: the bench never holds the whole body either. */
function upload(port, { slug, token, type, head, bytes }) {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: `/workspaces/${slug}/media`,
        headers: { authorization: `Bearer ${token}`, 'content-type': type, 'content-length': bytes },
      },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode, body: JSON.parse(Buffer.concat(chunks).toString() || '{}') }),
        );
      },
    );
    req.on('error', reject);
    let sent = 0;
    const chunk = Buffer.alloc(64 * 1024, 7);
    const pump = () => {
      while (sent < bytes) {
        const piece =
          sent === 0
            ? Buffer.concat([head, chunk.subarray(head.length)])
            : chunk.subarray(0, Math.min(chunk.length, bytes - sent));
        sent += piece.length;
        if (!req.write(piece)) return void req.once('drain', pump);
      }
      req.end();
    };
    pump();
  });
}

const context = await createContext({ concurrency: 1 });
const mediaDir = mkdtempSync(join(tmpdir(), 'gaung-bench-media-'));
try {
  const ws = await createWorkspace(context, { slug: `bench-media-${process.pid}`, accounts: 0, receiverUrl: null });
  const photo = await sharp({
    create: { width: 4000, height: 3000, channels: 3, noise: { type: 'gaussian', mean: 128, sigma: 60 } },
  })
    .jpeg({ quality: 92 })
    .toBuffer();
  const cases = [
    { name: '200mb-video', type: 'video/mp4', head: MP4_HEAD, bytes: 200 * MB },
    {
      name: `photo-4000x3000-${(photo.length / MB).toFixed(1)}mb`,
      type: 'image/jpeg',
      head: photo,
      bytes: photo.length,
      whole: true,
    },
  ];
  for (const item of cases) {
    const port = await freePort();
    const api = await startApi(
      context.childEnv(`${context.prefix}-m${cases.indexOf(item)}`, {
        MEDIA_DIR: mediaDir,
        MEDIA_MAX_VIDEO_MB: '256',
        MEDIA_MAX_IMAGE_MB: '20',
      }),
      port,
    );
    try {
      await new Promise((r) => setTimeout(r, 1000));
      const idle = rssNowMb(api.process.pid);
      const started = Date.now();
      const answer = item.whole ? await uploadWhole(port, ws, item) : await upload(port, { ...ws, ...item });
      const peak = peakRssMb(api.process.pid);
      console.log(
        JSON.stringify({
          case: item.name,
          status: answer.status,
          metadata: answer.body.metadata,
          byteSize: answer.body.byteSize,
          ms: Date.now() - started,
          idleRssMb: Math.round(idle),
          peakRssMb: Math.round(peak),
          growthMb: Math.round(peak - idle),
        }),
      );
    } finally {
      await api.stop();
    }
  }
} finally {
  rmSync(mediaDir, { recursive: true, force: true });
  await context.close();
}

function uploadWhole(port, ws, item) {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: `/workspaces/${ws.slug}/media`,
        headers: { authorization: `Bearer ${ws.token}`, 'content-type': item.type, 'content-length': item.bytes },
      },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode, body: JSON.parse(Buffer.concat(chunks).toString() || '{}') }),
        );
      },
    );
    req.on('error', reject);
    req.end(item.head);
  });
}
