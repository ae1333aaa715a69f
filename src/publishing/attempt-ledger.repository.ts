import { Prisma, type AttemptOutcome, type Tx } from '../core/database';

/** One platform call (or a call that may have happened) for the append-only PublishAttempt ledger. */
export interface AttemptRecord {
  targetId: string;
  workspaceId: string;
  accountId: string;
  version: number;
  startedAt: Date;
  outcome: AttemptOutcome;
  httpStatus?: number | null;
  errorCode?: string | null;
  errorMessage?: string | null;
  externalId?: string | null;
  retryAfterMs?: number | null;
}

/**
 * The ledger row as one INSERT, on its own (recordAttempt) or inside a larger statement. Raw SQL:
 * the outcome writes it in the same statement as the target's change (a CTE), one round trip.
 */
export function attemptInsert(attempt: AttemptRecord): Prisma.Sql {
  return Prisma.sql`
    INSERT INTO "PublishAttempt" ("targetId", "workspaceId", "accountId", version, "startedAt", "finishedAt", outcome,
                                  "httpStatus", "errorCode", "errorMessage", "externalId", "retryAfterMs")
    VALUES (${attempt.targetId}::uuid, ${attempt.workspaceId}::uuid, ${attempt.accountId}::uuid, ${attempt.version},
            ${attempt.startedAt}, now(), ${attempt.outcome}::"AttemptOutcome", ${attempt.httpStatus ?? null}::int,
            ${attempt.errorCode?.slice(0, 100) ?? null}, ${attempt.errorMessage?.slice(0, 2000) ?? null},
            ${attempt.externalId ?? null}, ${attempt.retryAfterMs ?? null}::int)`;
}

/**
 * Writes one ledger row in the caller's transaction. The ledger is written only by repositories
 * (the outcome and the sweeper's repairs), inside their own transactions or statements, so it is
 * a pair of functions over a transaction rather than an injected class.
 */
export async function recordAttempt(tx: Tx, attempt: AttemptRecord): Promise<void> {
  await tx.$executeRaw(attemptInsert(attempt));
}
