import { chaosReport, expectChaosInvariants, runChaos } from './chaos-harness';

const number = (name: string, fallback: number, allowZero = false) => {
  const value = Number(process.env[name]);
  return process.env[name] !== undefined && Number.isFinite(value) && (value > 0 || (allowZero && value === 0))
    ? value
    : fallback;
};

/**
 * The long form: CHAOS_KILLS worker kills (default 1000) during a burst of CHAOS_TARGETS targets.
 * A quarter of the accounts (CHAOS_MASTODON_ACCOUNTS, 0 for none) are MASTODON accounts on a server
 * that ignores Idempotency-Key and closes kept-alive connections silently (chaos-mastodon.ts).
 * CHAOS_AIM=1 aims each kill at a worker in the middle of a publish (for the lateness figures).
 * Short CI form: CHAOS_KILLS=20 CHAOS_TARGETS=200 npm run test:chaos
 */
describe('chaos: killed workers, lost Redis, cut Postgres connections', () => {
  it('loses nothing, duplicates nothing', async () => {
    const kills = number('CHAOS_KILLS', 1000);
    const accounts = number('CHAOS_ACCOUNTS', 40);
    const mastodonAccounts = number('CHAOS_MASTODON_ACCOUNTS', Math.round(accounts / 4), true);
    const figures = await runChaos(
      {
        kills,
        targets: number('CHAOS_TARGETS', Math.max(200, kills * 2)),
        workers: number('CHAOS_WORKERS', 4),
        accounts,
        mastodonAccounts,
        redisRestarts: Math.max(1, Math.round(kills / 200)),
        pgTerminations: Math.max(1, Math.round(kills / 50)),
        killEveryMs: number('CHAOS_KILL_EVERY_MS', 1000),
        aimAtPublishing: process.env.CHAOS_AIM === '1',
        settleTimeoutMs: 180_000,
      },
      (line) => process.stdout.write(`[chaos] ${line}\n`),
    );
    process.stdout.write(`\n=== chaos figures ===\n${chaosReport(figures)}\n`);
    expect(figures.kills).toBe(kills);
    expectChaosInvariants(figures);
    // The Mastodon part proves something only if its ambiguous outcomes happened (and were resolved).
    if (mastodonAccounts > 0) expect(figures.byPlatform.MASTODON?.ambiguousAttempts).toBeGreaterThan(0);
  });
});
