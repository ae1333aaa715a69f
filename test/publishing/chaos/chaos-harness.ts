import { randomBytes } from 'node:crypto';
import { appendFileSync, openSync } from 'node:fs';
import { SecretBox } from '../../../src/core/crypto';
import { DeliveryScheduler } from '../../../src/publishing';
import { WebhookContractServer, type WebhookFault } from '../../contracts/webhook/webhook-contract-server';
import { startTestApp, type TestApp } from '../../support/test-app';
import { createIsolatedDatabase } from '../../support/isolated-database';
import { startWorkerProcess, workerEnvironment, type WorkerProcess } from '../../support/worker-process';
import { createFixture, WEBHOOK_SECRET, type Fixture } from '../engine-fixtures';
import { collectFigures, TERMINAL, webhookCheck, type ChaosActions, type ChaosFigures } from './chaos-figures';
import { ChaosMastodon, type TargetAtEnd } from './chaos-mastodon';
import { ChaosStatements } from './chaos-statements';
import { KillLateness, publishingPids } from './kill-lateness';
import { freePort, PrivateRedis, sleep } from './private-redis';

const jitter = (mean: number) => Math.round(mean * (0.3 + 1.4 * Math.random()));

export interface ChaosOptions {
  kills: number;
  targets: number;
  workers: number;
  accounts: number;
  /** How many of the accounts are MASTODON, on a server that ignores Idempotency-Key (chaos-mastodon.ts); 0 by default. */
  mastodonAccounts?: number;
  /** Redis restarts (data lost) and flushes during the burst. */
  redisRestarts: number;
  pgTerminations: number;
  /** Mean pause between two kills. */
  killEveryMs: number;
  /**
   * Kills aim at a worker in the middle of a publish (holding a lease) when one shows up within a
   * second, to measure what a kill mid-publish costs (lateness); otherwise any ready worker.
   */
  aimAtPublishing?: boolean;
  /** A worker works at least this long after booting before it may be killed (kills land mid-work). */
  minWorkMs?: number;
  settleTimeoutMs: number;
  /** Rapid-response statements written and released through the API during the chaos (chaos-statements.ts), each to `statementWidth` accounts. */
  statements?: number;
  statementWidth?: number;
}

/**
 * Runs the built worker (`node dist/main.js worker`) in several processes against the test database
 * of its own (connections tagged with an application_name unique to the run, so only they are
 * terminated, whatever database the harness itself is connected to) and a private Redis,
 * kills them at random points during a burst, restarts Redis and cuts Postgres connections, then
 * checks the invariants and returns the figures.
 */
export async function runChaos(
  options: ChaosOptions,
  log: (line: string) => void = () => undefined,
): Promise<ChaosFigures> {
  const started = Date.now();
  const runId = randomBytes(4).toString('hex');
  const appName = `gaung-chaos-${runId}`;
  const redis = new PrivateRedis(await freePort());
  await redis.start();
  const receiver = await new WebhookContractServer(WEBHOOK_SECRET).start();
  let faultsInjected = 0;
  const faults: Array<() => WebhookFault> = [
    () => ({ kind: 'drop-after-accept' }),
    () => ({ kind: 'hang-after-accept' }),
    () => ({ kind: 'error-after-accept' }),
    () => ({ kind: 'unavailable' }),
    () => ({ kind: 'rate-limit', retryAfterSeconds: Math.random() < 0.5 ? 0 : 1 }),
  ];
  receiver.randomFault = {
    chance: 0.15,
    pick: () => (faultsInjected++, faults[Math.floor(Math.random() * faults.length)]!()),
  };
  const mastodonAccounts = Math.min(options.mastodonAccounts ?? 0, options.accounts - 1);
  const mastodon = mastodonAccounts > 0 ? await new ChaosMastodon().start() : null;

  const prefix = `gaung-chaos-${runId}`;
  // CHAOS_LEASE_MS sets the workers' lease, to measure how long a kill holds an account (lateness below).
  const leaseMs = Number(process.env.CHAOS_LEASE_MS ?? 5000);
  // The workers' sweepers scan the whole database: chaos runs in a database of its own.
  const database = await createIsolatedDatabase();
  const testApp: TestApp = await startTestApp({
    roles: ['api'],
    // The API's own errors are printed: a 500 during the chaos names its cause in the output.
    config: { REDIS_URL: redis.url, QUEUE_PREFIX: prefix, DATABASE_URL: database.url, LOG_LEVEL: 'error' },
  });
  const workerEnv = workerEnvironment({
    DATABASE_URL: `${database.url}${database.url.includes('?') ? '&' : '?'}application_name=${appName}`,
    DATABASE_POOL_SIZE: '4',
    REDIS_URL: redis.url,
    QUEUE_PREFIX: prefix,
    WORKER_CONCURRENCY: '10',
    PUBLISH_TIMEOUT_MS: '1000',
    PUBLISH_LEASE_MS: String(leaseMs),
    SWEEP_INTERVAL_MS: '1000',
    MAX_PUBLISH_ATTEMPTS: '6',
  });
  // A worker is "ready" once it logged "worker started": kills land while workers work, not while they boot.
  const workers: Array<(WorkerProcess & { readyAt: number | null }) | null> = [];
  // CHAOS_WORKER_LOG=<file> keeps the workers' lines for a post-mortem.
  const logFile = process.env.CHAOS_WORKER_LOG ? openSync(process.env.CHAOS_WORKER_LOG, 'a') : null;
  const spawnWorker = (slot: number) => {
    const entry = {
      ...startWorkerProcess(workerEnv, (line) => logFile !== null && appendFileSync(logFile, `${line}\n`)),
      readyAt: null as number | null,
    };
    entry.started.then(
      () => (entry.readyAt = Date.now()),
      () => undefined,
    );
    workers[slot] = entry;
  };
  const killWorker = async (slot: number) => workers[slot]?.kill();
  const minWorkMs = options.minWorkMs ?? 1500;
  const killableSlots = () =>
    workers.flatMap((w, slot) =>
      w && w.readyAt !== null && Date.now() - w.readyAt >= minWorkMs && w.child.exitCode === null ? [slot] : [],
    );

  const actions: ChaosActions = {
    kills: 0,
    redisRestarts: 0,
    pgTerminations: 0,
    pgConnectionsCut: 0,
    faultsInjected: 0,
  };
  const killLateness = new KillLateness(testApp.prisma, leaseMs);
  const publishingSlot = async (candidates: () => number[]): Promise<number | undefined> => {
    for (const until = Date.now() + 1000; Date.now() < until; await sleep(10)) {
      const pids = await publishingPids(testApp.prisma);
      const slot = candidates().find((s) => pids.has(workers[s]!.child.pid ?? -1));
      if (slot !== undefined) return slot;
    }
    return undefined;
  };
  try {
    for (let slot = 0; slot < options.workers; slot++) spawnWorker(slot);
    const fixtures: Fixture[] = [];
    const base = await createFixture(testApp, { baseUrl: receiver.url });
    fixtures.push(base);
    for (let i = 1; i < options.accounts - mastodonAccounts; i++) {
      const account = await testApp.prisma.connectedAccount.create({
        data: { workspaceId: base.workspaceId, platform: 'WEBHOOK', displayName: `Kanal ${i}`, baseUrl: receiver.url },
      });
      const sealed = testApp.app.get(SecretBox).seal(JSON.stringify({ secret: WEBHOOK_SECRET }), {
        workspaceId: base.workspaceId,
        subject: `account:${account.id}`,
      });
      await testApp.prisma.connectedAccount.update({
        where: { id: account.id },
        data: { credentialsCiphertext: sealed.ciphertext, credentialsKeyId: sealed.keyId },
      });
      fixtures.push({ ...base, accountId: account.id });
    }
    for (let i = 0; i < mastodonAccounts; i++) fixtures.push(await mastodon!.addAccount(testApp, base, i));

    // The burst: due times spread over the chaos period, scheduled as approval does (commit, then wake).
    const chaosMs = Math.max(5_000, options.kills * options.killEveryMs);
    const scheduler = testApp.app.get(DeliveryScheduler);
    const targetIds: string[] = [];
    for (let i = 0; i < options.targets; i++) {
      const fixture = fixtures[i % fixtures.length]!;
      const dueAt = new Date(Date.now() + 500 + Math.random() * chaosMs * 0.9);
      const post = await testApp.prisma.post.create({
        data: {
          workspaceId: fixture.workspaceId,
          authorId: fixture.userId,
          baseText: `Aksi ${i}`,
          scheduledAt: dueAt,
          status: 'APPROVED',
          version: 1,
          approvedVersion: 1,
        },
      });
      const target = await testApp.prisma.postTarget.create({
        data: {
          postId: post.id,
          workspaceId: fixture.workspaceId,
          accountId: fixture.accountId,
          state: 'SCHEDULED',
          version: 1,
          dueAt,
        },
      });
      await scheduler.wake([{ id: target.id, version: 1, dueAt }]).catch(() => undefined);
      targetIds.push(target.id);
    }
    log(
      `scheduled ${targetIds.length} targets over ${Math.round(chaosMs / 1000)} s on ${fixtures.length} accounts, ${options.workers} workers`,
    );
    const statements = options.statements
      ? await ChaosStatements.start(testApp, base, fixtures.slice(0, options.accounts - mastodonAccounts))
      : null;
    const statementAt = new Set(
      Array.from({ length: options.statements ?? 0 }, (_, i) =>
        Math.floor(((i + 0.3) * options.kills) / options.statements!),
      ),
    );

    // Chaos: kills at random moments; Redis restarts and Postgres cuts spread among them.
    const redisAt = new Set(
      Array.from({ length: options.redisRestarts }, (_, i) =>
        Math.floor(((i + 1) * options.kills) / (options.redisRestarts + 1)),
      ),
    );
    const pgAt = new Set(
      Array.from({ length: options.pgTerminations }, (_, i) =>
        Math.floor(((i + 0.5) * options.kills) / options.pgTerminations),
      ),
    );
    for (let kill = 0; kill < options.kills; kill++) {
      await sleep(jitter(options.killEveryMs));
      if (statements && statementAt.has(kill)) {
        const released = await statements.writeAndRelease(options.statementWidth ?? 5).catch((error: unknown) => {
          log(`statement failed: ${String(error)}`);
          throw error;
        });
        targetIds.push(...released);
        log(`statement released to ${released.length} accounts during kill ${kill + 1}`);
      }
      while (killableSlots().length === 0) await sleep(50);
      const ready = killableSlots();
      const slot =
        (options.aimAtPublishing ? await publishingSlot(killableSlots) : undefined) ??
        ready[Math.floor(Math.random() * ready.length)]!;
      const pid = workers[slot]!.child.pid;
      await killWorker(slot);
      spawnWorker(slot);
      if (pid !== undefined) await killLateness.afterKill(pid);
      actions.kills++;
      if (actions.kills % 25 === 0) log(`${actions.kills} kills after ${Math.round((Date.now() - started) / 1000)} s`);
      if (redisAt.has(kill)) {
        await redis.kill();
        await sleep(200);
        await redis.start();
        actions.redisRestarts++;
        log(`redis restarted (all keys lost) after kill ${kill + 1}`);
      }
      if (pgAt.has(kill)) {
        // Cut when the workers hold connections (an idle pool closes them): up to 2 s of waiting.
        let cut: Array<{ n: bigint }> = [];
        for (let tries = 0; tries < 40 && Number(cut[0]?.n ?? 0) === 0; tries++) {
          if (tries > 0) await sleep(50);
          cut = await testApp.prisma.$queryRaw<Array<{ n: bigint }>>`
            SELECT count(pg_terminate_backend(pid)) AS n FROM pg_stat_activity WHERE application_name = ${appName}`;
        }
        actions.pgTerminations++;
        actions.pgConnectionsCut += Number(cut[0]?.n ?? 0);
        log(`terminated ${cut[0]?.n ?? 0} worker Postgres connections after kill ${kill + 1}`);
      }
    }
    log(
      `${actions.kills} kills done after ${Math.round((Date.now() - started) / 1000)} s; ${statements?.released ?? 0} statements released; settling`,
    );

    // Settle: the world heals (no more faults), workers stay up; leases expire and the sweeper repairs.
    receiver.randomFault = null;
    mastodon?.calm();
    const deadline = Date.now() + options.settleTimeoutMs;
    let open = targetIds.length;
    while (Date.now() < deadline) {
      open = await testApp.prisma.postTarget.count({
        where: { id: { in: targetIds }, state: { notIn: TERMINAL as never[] } },
      });
      if (open === 0) break;
      if (Date.now() % 10_000 < 500) log(`settling: ${open} targets not final yet`);
      await sleep(500);
    }

    const checks = {
      WEBHOOK: webhookCheck(receiver),
      ...(mastodon ? { MASTODON: (targets: TargetAtEnd[]) => mastodon.figures(targets) } : {}),
    };
    const collected = await collectFigures(testApp.prisma, targetIds, checks, killLateness);
    actions.faultsInjected = faultsInjected + (mastodon?.faultsInjected ?? 0);
    return { ...actions, ...collected, leaseMs, seconds: Math.round((Date.now() - started) / 1000) };
  } finally {
    for (let slot = 0; slot < workers.length; slot++) await killWorker(slot);
    await testApp.app.close().catch(() => undefined);
    await receiver.stop();
    await mastodon?.stop();
    await redis.kill();
    // CHAOS_KEEP_ROWS=1 keeps the run's database for a post-mortem (its URL is logged).
    if (process.env.CHAOS_KEEP_ROWS) log(`chaos database kept: ${database.url}`);
    else await database.drop();
  }
}

export { chaosReport, expectChaosInvariants } from './chaos-figures';
