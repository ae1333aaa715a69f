-- The engine looks up an account's targets by state in due order (the next due target to hand
-- the account on to, its running publish). With only (accountId, state), a large table made the
-- planner prefer (state, dueAt) and scan every due target of every account for each hand-off: a
-- burst became quadratic (bench B1: 24 s -> 33 s once the database held a million targets).
DROP INDEX "PostTarget_accountId_state_idx";

CREATE INDEX "PostTarget_accountId_state_dueAt_idx" ON "PostTarget"("accountId", "state", "dueAt");
