import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { noteWorkerOutput } from './no-overlapping-queries';
import { TEST_CREDENTIAL_KEY, TEST_EGRESS_ALLOW } from './test-config';

const ROOT = join(__dirname, '..', '..');
/** Reports the worker's overlapping Postgres queries on its stderr (see no-overlapping-queries.ts). */
const OVERLAP_PRELOAD = join(__dirname, 'overlap-preload.cjs');

/**
 * What a worker process needs, as an operator would set it: the built app reads only its
 * environment (no jest, no shared memory with the test). `overrides` add or replace settings.
 */
export function workerEnvironment(overrides: Record<string, string>): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    NODE_ENV: 'test',
    CREDENTIAL_KEYS: `test1:${TEST_CREDENTIAL_KEY}`,
    EGRESS_ALLOW: TEST_EGRESS_ALLOW,
    // Info is needed to see "worker started".
    LOG_LEVEL: 'info',
    // Test-only: the worker's overlapping queries fail the test file as its own do.
    NODE_OPTIONS: `--require "${OVERLAP_PRELOAD}"`,
    ...overrides,
  };
}

export interface WorkerProcess {
  child: ChildProcess;
  /** Resolves when the worker logged "worker started"; rejects if it exits first. */
  started: Promise<void>;
  /** SIGKILL and wait for the exit (a no-op once it has exited). */
  kill: () => Promise<void>;
}

/**
 * The built worker (`node dist/main.js worker`, built by scripts/prepare.mjs before the tests) as
 * an operating-system process of its own. `onOutput` sees every stdout and stderr line; an
 * overlapping query it reports fails the test file (noteWorkerOutput).
 */
export function startWorkerProcess(
  env: Record<string, string>,
  onOutput: (line: string) => void = () => undefined,
): WorkerProcess {
  const child = spawn(process.execPath, [join(ROOT, 'dist', 'main.js'), 'worker'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const started = new Promise<void>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line.includes('"worker started"')) resolve();
      onOutput(line);
    });
    createInterface({ input: child.stderr! }).on('line', (line) => {
      noteWorkerOutput(line);
      onOutput(line);
    });
    child.once('exit', (code, signal) => reject(new Error(`the worker exited before it started (${signal ?? code})`)));
  });
  started.catch(() => undefined);
  const kill = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  };
  return { child, started, kill };
}
