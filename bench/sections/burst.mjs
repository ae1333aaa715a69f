// B1 burst: N targets over K WEBHOOK accounts, all due at the same instant, seeded in bulk and woken
// by DeliveryScheduler.wake (BullMQ delayed jobs, exactly what approval does); the real worker
// (`node dist/main.js worker`) drains them. Baseline: a bare BullMQ worker, same concurrency and calls.
import { join } from 'node:path';
import { Child, ROOT, startWorker } from '../lib/children.mjs';
import { gaung } from '../lib/context.mjs';
import { benchSlug, clearPosts, createWorkspace, dropWorkspace, seedScheduledTargets } from '../lib/seed.mjs';
import { percentile, pollUntil, sleep } from '../lib/stats.mjs';

const WAKE_CHUNK = 1000;

export async function runBurst(context, receiver) {
  const { options } = context;
  const workspace = await createWorkspace(context, {
    slug: benchSlug('burst'),
    accounts: options.burst.accounts,
    receiverUrl: receiver.url,
  });
  const reps = [];
  try {
    for (let rep = 0; rep < options.reps; rep++) {
      const gaungRep = await gaungRepetition(context, receiver, workspace, rep);
      const baselineRep = await baselineRepetition(context, receiver, rep);
      reps.push({ gaung: gaungRep, baseline: baselineRep, ratio: gaungRep.drainMs / baselineRep.drainMs });
      log(
        `B1 rep ${rep + 1}: gaung drain ${gaungRep.drainMs} ms, baseline ${baselineRep.drainMs} ms, lost ${gaungRep.lost}, dup ${gaungRep.duplicates}; per account: publish p50 ${gaungRep.accountCallP50Ms} ms, gap to the next p50 ${gaungRep.accountGapP50Ms} ms`,
      );
    }
  } finally {
    await dropWorkspace(context, workspace);
  }
  return reps;
}

async function gaungRepetition(context, receiver, workspace, rep) {
  const { options } = context;
  const { count } = options.burst;
  const queuePrefix = `${context.prefix}-b1-${rep}`;
  await clearPosts(context, workspace.workspaceId);
  receiver.reset();
  const worker = await startWorker(context.childEnv(queuePrefix, options.workerEnv), {
    label: `worker-b1-${rep}`,
    nodeArgs: options.profileNodeArgs('worker-b1'),
  });
  const queue = context.queue(gaung.PUBLISH_QUEUE, queuePrefix);
  try {
    const dueAt = new Date(Date.now() + options.burst.leadMs);
    const targets = await seedScheduledTargets(context, { ...workspace, count, baseDueAt: dueAt });
    const scheduler = new gaung.DeliveryScheduler(queue);
    for (let i = 0; i < targets.length; i += WAKE_CHUNK) await scheduler.wake(targets.slice(i, i + WAKE_CHUNK));
    const wokenBeforeDueMs = dueAt.getTime() - Date.now();
    if (wokenBeforeDueMs < 0)
      log(
        `B1 rep ${rep + 1}: seeding and waking ended ${-wokenBeforeDueMs} ms after the due time (lateness includes it)`,
      );
    const settled = async () => {
      const { rows } = await context.pool.query(
        `SELECT count(*) FILTER (WHERE state = 'PUBLISHED')::int AS published,
                count(*) FILTER (WHERE state NOT IN ('SCHEDULED', 'PUBLISHING', 'PUBLISHED'))::int AS other
           FROM "PostTarget" WHERE "workspaceId" = $1`,
        [workspace.workspaceId],
      );
      return rows[0].published + rows[0].other >= count ? rows[0] : null;
    };
    await sleep(Math.max(0, dueAt.getTime() - Date.now()));
    const done = await pollUntil(settled, { everyMs: 100, timeoutMs: options.burst.timeoutMs });
    const finishedAt = Date.now();
    const peakRssMb = worker.peakRssMb();
    const { rows: ledger } = await context.pool.query(
      `SELECT a.outcome::text AS outcome, count(*)::int AS n FROM "PublishAttempt" a JOIN "PostTarget" t ON t.id = a."targetId"
        WHERE t."workspaceId" = $1 GROUP BY a.outcome`,
      [workspace.workspaceId],
    );
    const { rows: doubles } = await context.pool.query(
      `SELECT count(*)::int AS n FROM (SELECT a."targetId" FROM "PublishAttempt" a JOIN "PostTarget" t ON t.id = a."targetId"
        WHERE t."workspaceId" = $1 AND a.outcome = 'PUBLISHED' GROUP BY a."targetId" HAVING count(*) > 1) d`,
      [workspace.workspaceId],
    );
    // Where an account's time goes: a publish (the call and its outcome statement) and the gap
    // between one publish's end and the account's next start (claiming, hand-off, queue).
    const { rows: pace } = await context.pool.query(
      `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY call_ms) AS call_ms, percentile_cont(0.5) WITHIN GROUP (ORDER BY gap_ms) AS gap_ms
         FROM (SELECT extract(epoch FROM a."finishedAt" - a."startedAt") * 1000 AS call_ms,
                      extract(epoch FROM a."startedAt" - lag(a."finishedAt") OVER (PARTITION BY a."accountId" ORDER BY a."startedAt")) * 1000 AS gap_ms
                 FROM "PublishAttempt" a WHERE a."workspaceId" = $1) s`,
      [workspace.workspaceId],
    );
    const { rows: states } = await context.pool.query(
      `SELECT id::text AS id, state::text AS state FROM "PostTarget" WHERE "workspaceId" = $1`,
      [workspace.workspaceId],
    );
    const lateness = [];
    let neverReceived = 0;
    for (const target of states) {
      const at = receiver.firstReceivedAt(gaung.idempotencyKeyFor(target.id, 1));
      if (at === undefined) neverReceived += 1;
      else lateness.push(at - dueAt.getTime());
    }
    const published = states.filter((t) => t.state === 'PUBLISHED').length;
    return {
      drainMs: done ? finishedAt - dueAt.getTime() : Number.NaN,
      completed: Boolean(done),
      wokenBeforeDueMs,
      latenessP50Ms: percentile(lateness, 50),
      latenessP99Ms: percentile(lateness, 99),
      latenessMaxMs: percentile(lateness, 100),
      /** Targets published twice (two PUBLISHED ledger rows or two receiver posts): must be 0. */
      duplicates: doubles[0].n,
      /** Requests repeating an Idempotency-Key (engine retries after an AMBIGUOUS outcome): safe, the receiver dedupes. */
      repeatedRequests: receiver.duplicates(),
      lost: count - published,
      neverReceived,
      peakRssMb,
      accountCallP50Ms: Math.round(pace[0].call_ms ?? Number.NaN),
      accountGapP50Ms: Math.round(pace[0].gap_ms ?? Number.NaN),
      ledger: Object.fromEntries(ledger.map((row) => [row.outcome, row.n])),
      requests: receiver.total,
    };
  } finally {
    await queue.close();
    await worker.stop();
  }
}

async function baselineRepetition(context, receiver, rep) {
  const { options } = context;
  const { count } = options.burst;
  const queuePrefix = `${context.prefix}-base-${rep}`;
  receiver.reset();
  const worker = new Child(`baseline-${rep}`, [join(ROOT, 'bench', 'baseline-worker.mjs')], {
    REDIS_URL: context.redisUrl,
    QUEUE_PREFIX: queuePrefix,
    WORKER_CONCURRENCY: String(options.concurrency),
    BASELINE_COUNT: String(count),
  });
  await worker.waitFor(/^ready$/, 30_000);
  const queue = context.queue('baseline', queuePrefix);
  try {
    const dueAt = Date.now() + options.burst.leadMs;
    const finished = worker.waitFor(/^done /, options.burst.leadMs + options.burst.timeoutMs);
    for (let i = 0; i < count; i += WAKE_CHUNK) {
      const now = Date.now();
      await queue.addBulk(
        Array.from({ length: Math.min(WAKE_CHUNK, count - i) }, (_, j) => ({
          name: 'call',
          data: { key: `base-${rep}-${i + j}`, url: receiver.url },
          opts: {
            jobId: `base-${rep}-${i + j}`,
            delay: Math.max(0, dueAt - now),
            removeOnComplete: true,
            removeOnFail: true,
          },
        })),
      );
    }
    const line = await finished.catch(() => null);
    const doneAt = line ? Number(line.split(' ')[1]) : Number.NaN;
    const lateness = [...receiver.requests.values()].map((r) => r.firstAt - dueAt);
    return {
      drainMs: doneAt - dueAt,
      latenessP50Ms: percentile(lateness, 50),
      latenessP99Ms: percentile(lateness, 99),
      latenessMaxMs: percentile(lateness, 100),
      duplicates: receiver.duplicates(),
      lost: count - receiver.requests.size,
      peakRssMb: worker.peakRssMb(),
    };
  } finally {
    await queue.close();
    await worker.stop();
  }
}

const log = (message) => process.stderr.write(`[bench] ${message}\n`);
