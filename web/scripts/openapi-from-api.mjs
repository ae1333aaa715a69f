#!/usr/bin/env node
// Writes web/openapi.json from the API's own document: starts the built API (dist/main.js api) on a
// free loopback port against the test database and Redis, reads /docs-json, stops it.
// Needs `npm run build` at the root first and Postgres and Redis up (scripts/prepare.mjs does both).
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const web = join(dirname(fileURLToPath(import.meta.url)), '..');
const root = join(web, '..');

const freePort = () =>
  new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

const port = await freePort();
const api = spawn(process.execPath, ['dist/main.js', 'api'], {
  cwd: root,
  stdio: ['ignore', 'ignore', 'inherit'],
  env: {
    ...process.env,
    NODE_ENV: 'test',
    PORT: String(port),
    PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
    DATABASE_URL: process.env.TEST_DATABASE_URL || 'postgresql://postgres@127.0.0.1:5432/gaung_test',
    REDIS_URL: process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379/1',
    CREDENTIAL_KEYS: `openapi:${Buffer.alloc(32, 1).toString('base64')}`,
    LOG_LEVEL: 'error',
  },
});
try {
  let document;
  for (let attempt = 0; attempt < 100 && !document; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    document = await fetch(`http://127.0.0.1:${port}/docs-json`).then((r) => (r.ok ? r.json() : undefined), () => undefined);
  }
  if (!document) throw new Error('the API did not serve /docs-json within 20 s');
  writeFileSync(join(web, 'openapi.json'), `${JSON.stringify(document, null, 2)}\n`);
  process.stdout.write(`wrote web/openapi.json (${Object.keys(document.paths).length} paths)\n`);
} finally {
  api.kill('SIGTERM');
}
