import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pollUntil, sleep } from './stats.mjs';

export const ROOT = join(import.meta.dirname, '..', '..');

/** Peak resident set size (VmHWM) of a live process in MB, from /proc; NaN when unavailable. */
export function peakRssMb(pid) {
  try {
    const match = /VmHWM:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

/**
 * A child process of the benchmark (Gaung's API or worker, or the baseline worker). Output is kept
 * in a bounded tail for error messages; `waitFor` resolves when a line matches.
 */
export class Child {
  constructor(label, args, env, { cwd = ROOT, nodeArgs = [] } = {}) {
    this.label = label;
    this.tail = [];
    this.lineWaiters = [];
    this.process = spawn(process.execPath, [...nodeArgs, ...args], {
      cwd,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.exited = new Promise((resolve) => this.process.once('exit', (code, signal) => resolve({ code, signal })));
    for (const stream of [this.process.stdout, this.process.stderr]) {
      let buffered = '';
      stream.on('data', (chunk) => {
        buffered += chunk.toString('utf8');
        const lines = buffered.split('\n');
        buffered = lines.pop();
        for (const line of lines) this.onLine(line);
      });
    }
  }

  get pid() {
    return this.process.pid;
  }

  onLine(line) {
    this.tail.push(line);
    if (this.tail.length > 40) this.tail.shift();
    this.lineWaiters = this.lineWaiters.filter(
      ({ pattern, resolve }) => !(pattern.test(line) && (resolve(line), true)),
    );
  }

  /** Resolves with the first output line matching `pattern`; rejects if the child exits first or time runs out. */
  waitFor(pattern, timeoutMs) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(
            new Error(`${this.label}: no line matching ${pattern} within ${timeoutMs} ms\n${this.tail.join('\n')}`),
          ),
        timeoutMs,
      );
      this.lineWaiters.push({ pattern, resolve: (line) => (clearTimeout(timer), resolve(line)) });
      void this.exited.then(({ code, signal }) => {
        clearTimeout(timer);
        reject(new Error(`${this.label} exited (${code ?? signal}) before ${pattern}\n${this.tail.join('\n')}`));
      });
    });
  }

  peakRssMb() {
    return peakRssMb(this.pid);
  }

  /** SIGTERM, then SIGKILL after graceMs; resolves when the child is gone. */
  async stop(graceMs = 10_000) {
    if (this.process.exitCode !== null || this.process.signalCode !== null) return;
    this.process.kill('SIGTERM');
    const timer = setTimeout(() => this.process.kill('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
  }
}

/** Gaung's worker (`node dist/main.js worker`), ready once it logged "worker started". */
export async function startWorker(env, { label = 'worker', nodeArgs = [], timeoutMs = 60_000 } = {}) {
  const child = new Child(label, ['dist/main.js', 'worker'], { ...env, LOG_LEVEL: 'info' }, { nodeArgs });
  await child.waitFor(/worker started/, timeoutMs);
  return child;
}

/** Gaung's API (`node dist/main.js api`) on `port`, ready once /health/live answers. */
export async function startApi(env, port, { nodeArgs = [], timeoutMs = 60_000 } = {}) {
  const child = new Child(
    'api',
    ['dist/main.js', 'api'],
    { ...env, PORT: String(port), LOG_LEVEL: 'warn' },
    { nodeArgs },
  );
  const live = await pollUntil(
    async () => {
      if (child.process.exitCode !== null)
        throw new Error(`api exited (${child.process.exitCode})\n${child.tail.join('\n')}`);
      try {
        return (await fetch(`http://127.0.0.1:${port}/health/live`)).ok;
      } catch {
        return false;
      }
    },
    { everyMs: 250, timeoutMs },
  );
  if (!live) {
    await child.stop();
    throw new Error(`api did not answer within ${timeoutMs} ms\n${child.tail.join('\n')}`);
  }
  return child;
}

/** A free loopback port (briefly bound, then released). */
export async function freePort() {
  const { createServer } = await import('node:net');
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  await sleep(10);
  return port;
}
