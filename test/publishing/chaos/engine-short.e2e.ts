import { chaosReport, expectChaosInvariants, runChaos } from './chaos-harness';

/** The chaos suite's short form in the normal test run (needs the build: npm test runs it first). */
describe('chaos, short form: 20 kills, a Redis restart, cut Postgres connections, 4 rapid-response statements', () => {
  it('loses nothing, duplicates nothing', async () => {
    const figures = await runChaos(
      {
        kills: 20,
        targets: 100,
        workers: 3,
        accounts: 25,
        redisRestarts: 1,
        pgTerminations: 4,
        killEveryMs: 700,
        settleTimeoutMs: 30_000,
        statements: 4,
        statementWidth: 5,
      },
      (line) => process.stdout.write(`[chaos] ${line}\n`),
    );
    process.stdout.write(`\n=== chaos figures (short) ===\n${chaosReport(figures)}\n`);
    expectChaosInvariants(figures);
    // Bounded by its 20 kills and 30 s of settling; each kill waits for a worker that has booted and
    // worked 1.5 s, which takes longer on a busy machine (about 40 s quiet, 80 s at load 6).
  }, 240_000);
});
