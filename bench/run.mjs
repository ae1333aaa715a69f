#!/usr/bin/env node
// Gaung's benchmark. `npm run bench` (full, writes docs/benchmarks.md) or `npm run bench:smoke`
// (a few hundred targets, a few seconds per section, for CI). Needs `npm run build` (dist/) and the
// database TEST_DATABASE_URL migrated (`node scripts/prepare.mjs --env test` does both).
// Options: --smoke, --only=b1,idle,api,analytics (or seed: the calendar data only); env BENCH_ANALYTICS_DELIVERIES, BENCH_WORKER_CONCURRENCY, BENCH_REPS, BENCH_B1_COUNT,
// BENCH_B1_TIMEOUT_S, BENCH_IDLE_WINDOW_S, BENCH_CPU_PROF=1 (profiles in bench/results/profiles).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureCalendarData } from './lib/calendar-data.mjs';
import { ROOT } from './lib/children.mjs';
import { createContext, describeMachine } from './lib/context.mjs';
import { Receiver } from './lib/receiver.mjs';
import { correctness, figureRows, markdownTable, textTable } from './lib/report.mjs';
import { runAnalytics } from './sections/analytics.mjs';
import { runApiSections } from './sections/api.mjs';
import { runBurst } from './sections/burst.mjs';
import { runIdle } from './sections/idle.mjs';

const smoke = process.argv.includes('--smoke');
const onlyArg = process.argv.find((arg) => arg.startsWith('--only='));
// B4 analytics seeds 1,000,000 snapshots: in the full run only, or asked for with --only=analytics.
const only =
  onlyArg?.slice('--only='.length).split(',') ?? (smoke ? ['b1', 'idle', 'api'] : ['b1', 'idle', 'api', 'analytics']);
const env = (name, fallback) => (process.env[name] ? Number(process.env[name]) : fallback);
const profileDir = join(ROOT, 'bench', 'results', 'profiles');

const options = {
  mode: smoke ? 'smoke' : 'full',
  reps: env('BENCH_REPS', smoke ? 1 : 3),
  concurrency: env('BENCH_WORKER_CONCURRENCY', smoke ? 20 : 100),
  connections: smoke ? 8 : 32,
  durationS: smoke ? 2 : 20,
  burst: smoke
    ? { count: 60, accounts: 20, leadMs: 3_000, timeoutMs: 25_000 }
    : {
        count: env('BENCH_B1_COUNT', 10_000),
        accounts: 100,
        leadMs: 20_000,
        timeoutMs: env('BENCH_B1_TIMEOUT_S', 240) * 1000,
      },
  idle: smoke
    ? { posts: 10, windowMs: 1_000, leadMs: 2_500 }
    : { posts: 100, windowMs: env('BENCH_IDLE_WINDOW_S', 60) * 1000, leadMs: 5_000 },
  /** B4: published deliveries of one campaign, each with this many snapshots (the issue: 100,000 x 10). */
  analytics: { deliveries: env('BENCH_ANALYTICS_DELIVERIES', smoke ? 500 : 100_000), snapshotsPerDelivery: 10 },
  calendar: smoke
    ? { posts: 1_000, workspaces: 2, tag: `smoke${process.pid}`, dropAfter: true }
    : { posts: 1_000_000, workspaces: 100, tag: 'm1', dropAfter: false },
  /** Extra environment of Gaung's children (as configured; the defaults unless set here). */
  workerEnv: process.env.BENCH_WORKER_POOL ? { DATABASE_POOL_SIZE: process.env.BENCH_WORKER_POOL } : {},
  apiEnv: {},
  profileNodeArgs: (name) =>
    process.env.BENCH_CPU_PROF
      ? [
          '--require',
          join(ROOT, 'bench', 'lib', 'profile-exit.cjs'),
          '--cpu-prof',
          `--cpu-prof-dir=${profileDir}`,
          `--cpu-prof-name=${name}-${Date.now()}.cpuprofile`,
        ]
      : [],
};

async function main() {
  const context = await createContext(options);
  const receiver = await new Receiver({ delayMs: 50 }).start();
  const started = new Date();
  const results = {};
  try {
    const machine = await describeMachine(context);
    log(
      `${options.mode} run on ${machine.cores} cores, load ${machine.loadAtStart}; worker concurrency ${options.concurrency}`,
    );
    if (only.includes('seed')) await ensureCalendarData(context, options.calendar);
    if (only.includes('b1')) results.burst = await runBurst(context, receiver);
    if (only.includes('idle')) results.idle = await runIdle(context, receiver);
    if (only.includes('api')) Object.assign(results, await runApiSections(context));
    if (only.includes('analytics')) results.analytics = await runAnalytics(context);
    const rows = figureRows(results);
    const table = textTable(rows);
    process.stdout.write(`\n${table}\n\n`);
    const summary = correctness(results);
    process.stdout.write(`BENCH-CORRECTNESS ${JSON.stringify(summary)}\n`);
    const record = {
      mode: options.mode,
      started,
      finished: new Date(),
      machine,
      command: commandLine(),
      options: { ...options, profileNodeArgs: undefined },
      results,
      rows,
      summary,
    };
    mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
    writeFileSync(
      join(ROOT, 'bench', 'results', `${options.mode}-${started.toISOString().replace(/[:.]/g, '-')}.json`),
      JSON.stringify(record, null, 2),
    );
    if (!smoke && !onlyArg) writeDocs(record, rows);
  } finally {
    await receiver.stop();
    await context.close();
  }
}

function commandLine() {
  const vars = [
    'TEST_DATABASE_URL',
    'BENCH_ANALYTICS_DELIVERIES',
    'BENCH_WORKER_CONCURRENCY',
    'BENCH_REPS',
    'BENCH_B1_COUNT',
    'BENCH_B1_TIMEOUT_S',
    'BENCH_IDLE_WINDOW_S',
  ].filter((name) => process.env[name]);
  return [...vars.map((name) => `${name}=${process.env[name]}`), smoke ? 'npm run bench:smoke' : 'npm run bench'].join(
    ' ',
  );
}

const START = '<!-- bench:results:start -->';
const END = '<!-- bench:results:end -->';

/** Replaces the generated part of docs/benchmarks.md, keeping the hand-written analysis around it. */
function writeDocs(record, rows) {
  const { machine } = record;
  const generated = [
    START,
    `Measured ${record.started.toISOString()} to ${record.finished.toISOString()} (generated by \`bench/run.mjs\`).`,
    '',
    `- Machine: ${machine.cpu}; ${machine.memoryGb} GB memory; load average at start ${machine.loadAtStart}`,
    `- Node ${machine.node}, PostgreSQL ${machine.postgres}, Redis ${machine.redis}`,
    `- Command: \`${record.command}\``,
    `- Worker: \`node dist/main.js worker\`, WORKER_CONCURRENCY=${options.concurrency}, other settings at their defaults; ${options.reps} repetitions per figure`,
    `- B1: ${options.burst.count} targets over ${options.burst.accounts} WEBHOOK accounts, woken by DeliveryScheduler.wake (BullMQ delayed jobs); receiver answers 200 after 50 ms`,
    `- B2: ${options.calendar.posts} posts over ${options.calendar.workspaces} workspaces; ${options.connections} connections for ${options.durationS} s; calendar data ${record.results.calendarSeed?.reused ? 'reused from an earlier run' : `seeded in ${((record.results.calendarSeed?.seededMs ?? 0) / 1000).toFixed(0)} s`}`,
    `- Idle: ${options.idle.posts} posts spread over ${options.idle.windowMs / 1000} s`,
    '',
    markdownTable(rows),
    '',
    `Correctness over every repetition: ${JSON.stringify(record.summary)}`,
    END,
  ].join('\n');
  const path = join(ROOT, 'docs', 'benchmarks.md');
  const existing = existsSync(path) ? readFileSync(path, 'utf8') : `# Benchmarks\n\n${START}\n${END}\n`;
  const from = existing.indexOf(START);
  const to = existing.indexOf(END);
  const next =
    from >= 0 && to > from
      ? existing.slice(0, from) + generated + existing.slice(to + END.length)
      : `${existing}\n${generated}\n`;
  writeFileSync(path, next);
  log('wrote docs/benchmarks.md');
}

const log = (message) => process.stderr.write(`[bench] ${message}\n`);

main().catch((error) => {
  process.stderr.write(`[bench] failed: ${error.stack ?? error}\n`);
  process.exitCode = 1;
});
