import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deleteRedisKeys } from '../support/test-app';
import { TEST_CREDENTIAL_KEY, testConfig } from '../support/test-config';

const root = join(__dirname, '..', '..');
// The shared test database's own key: a spawned process checks it against what that database holds.
const KEYS = `test1:${TEST_CREDENTIAL_KEY}`;

/** Runs the built entry point in an empty folder (no .env) with exactly the given environment. */
function start(env: Record<string, string>) {
  return spawnSync(process.execPath, [join(root, 'dist', 'main.js'), 'api'], {
    cwd: mkdtempSync(join(tmpdir(), 'gaung-start-')),
    env: { PATH: process.env.PATH ?? '', ...env },
    encoding: 'utf8',
    timeout: 20_000,
  });
}

describe('start-up with bad configuration', () => {
  it('stops before connecting and names the missing variable', () => {
    const result = start({ CREDENTIAL_KEYS: KEYS });
    expect(result.status).toBe(78);
    expect(result.stderr).toContain('DATABASE_URL');
    expect(result.stderr).toContain('.env.example');
  });

  it('names every bad variable at once', () => {
    const result = start({ DATABASE_URL: 'postgresql://x@127.0.0.1/db', CREDENTIAL_KEYS: 'k1:short', PORT: 'abc' });
    expect(result.status).toBe(78);
    expect(result.stderr).toContain('CREDENTIAL_KEYS');
    expect(result.stderr).toContain('PORT');
  });

  it('refuses an unknown mode', () => {
    const result = spawnSync(process.execPath, [join(root, 'dist', 'main.js'), 'everything'], { encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('api, worker or all');
  });
});

describe('the worker alone', () => {
  it('starts without the HTTP modules and stops gracefully on SIGTERM', async () => {
    const config = testConfig();
    const child = spawn(process.execPath, [join(root, 'dist', 'main.js'), 'worker'], {
      cwd: mkdtempSync(join(tmpdir(), 'gaung-worker-')),
      env: {
        PATH: process.env.PATH ?? '',
        DATABASE_URL: config.DATABASE_URL,
        REDIS_URL: config.REDIS_URL,
        QUEUE_PREFIX: config.QUEUE_PREFIX,
        CREDENTIAL_KEYS: KEYS,
        LOG_LEVEL: 'info',
      },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    for (let i = 0; i < 150 && !output.includes('worker started'); i++) await new Promise((r) => setTimeout(r, 100));
    expect(output).toContain('worker started');
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(output).toContain('"msg":"stopped"');
    await deleteRedisKeys(config);
  }, 30_000);
});
