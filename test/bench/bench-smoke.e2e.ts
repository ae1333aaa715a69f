import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createIsolatedDatabase } from '../support/isolated-database';
import { TEST_REDIS_URL } from '../support/test-config';

const root = join(__dirname, '..', '..');
const SMOKE_TIMEOUT_MS = 100_000;

/** Runs `node bench/run.mjs --smoke` (needs dist/, which `npm test` builds) and collects its output. */
function runSmoke(databaseUrl: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(root, 'bench', 'run.mjs'), '--smoke'], {
      cwd: root,
      // Its worker sweeps the whole database: the smoke run gets a database of its own.
      env: { ...process.env, BENCH_DATABASE_URL: databaseUrl, TEST_REDIS_URL },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const timer = setTimeout(() => child.kill('SIGKILL'), SMOKE_TIMEOUT_MS);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** The benchmark harness cannot rot: its smoke run must finish and publish everything exactly once. Timings are not asserted. */
describe('npm run bench:smoke', () => {
  it(
    'prints the figures table and reports no duplicate, no lost delivery and no failed request',
    async () => {
      const database = await createIsolatedDatabase();
      const { code, stdout, stderr } = await runSmoke(database.url).finally(() => database.drop());
      expect({ code, stderr: code === 0 ? '' : stderr }).toEqual({ code: 0, stderr: '' });
      for (const figure of [
        'Gaung drain time',
        'Drain ratio Gaung / baseline',
        'Month view latency p99',
        'Create post (3 targets) requests/s',
        'Idle punctuality',
      ]) {
        expect(stdout).toContain(figure);
      }
      const line = stdout.split('\n').find((l) => l.startsWith('BENCH-CORRECTNESS '));
      expect(line).toBeDefined();
      expect(JSON.parse(line!.slice('BENCH-CORRECTNESS '.length))).toEqual({
        duplicates: 0,
        lost: 0,
        baselineDuplicatesAndLost: 0,
        httpFailures: 0,
      });
    },
    SMOKE_TIMEOUT_MS + 15_000,
  );
});
