-- The rate budget's window is measured from the end of an attempt, not its start.
-- A platform counts a post when it receives it (Instagram's 50 per 24 h counts media_publish calls),
-- and that can be seconds after the attempt started: the quota check, the media upload and the
-- container's processing come first. Measured from "startedAt", a post's window closed early by that
-- much, and the next post could reach the platform while the platform still counted the earlier one.
-- "finishedAt" is written by the statement that records the outcome, after the platform answered,
-- so it is never before the platform received the post; for a publish whose worker died, the
-- sweeper's row is written after the lease ended, when nothing more of that attempt can arrive.
-- It is the latest safe bound the ledger has.
--
-- Only the ledger part of gaung_rate_window_opens_at changes (from 20261130020000_rate_budget_counts_in_flight,
-- which says why publishes in flight are counted in the same statement); the claim (gaung_claim),
-- the accounts page (gaung_rate_budget_used) and the TypeScript explanation (rate-budget.repository.ts)
-- all call this one function, so the rule stays written once.
CREATE INDEX "PublishAttempt_accountId_finishedAt_idx" ON "PublishAttempt"("accountId", "finishedAt");

CREATE OR REPLACE FUNCTION gaung_rate_window_opens_at(p_account uuid, p_posts integer, p_window_ms integer)
RETURNS timestamptz LANGUAGE sql STABLE AS $$
  WITH in_flight AS (
    SELECT count(*)::int AS n, max(o."leaseExpiresAt") AS "leaseEnds"
      FROM "PostTarget" o
     WHERE o."accountId" = p_account AND o.state = 'PUBLISHING'
  )
  SELECT CASE
    WHEN f.n >= p_posts THEN greatest(f."leaseEnds", now() + interval '1 second')
    ELSE (SELECT pa."finishedAt" + make_interval(secs => p_window_ms / 1000.0)
            FROM "PublishAttempt" pa
           WHERE pa."accountId" = p_account AND pa.outcome IN ('PUBLISHED', 'AMBIGUOUS')
             AND pa."finishedAt" > now() - make_interval(secs => p_window_ms / 1000.0)
           ORDER BY pa."finishedAt" DESC
          OFFSET p_posts - f.n - 1 LIMIT 1)
  END
  FROM in_flight f
$$;
