-- The engine claim (DESIGN.md points 2 and 3) in one round trip. A publish of a burst of
-- 10,000 targets spent most of its time in the client per-statement overhead of a five-statement
-- transaction; the same statements run here, server-side, each with a fresh snapshot (READ
-- COMMITTED, VOLATILE), in the same order and under the same locks:
--   1. the per-account advisory lock: one publish at a time per account, budget read consistently;
--   2. FOR SHARE on the post, its workspace and campaign: an edit, cancel or hold (which lock them
--      FOR UPDATE) is ordered strictly before or after the claim;
--   3. the account rate budget (rolling window over the attempt ledger);
--   4. the conditional UPDATE that decides who publishes.
-- p_target NULL claims the account next due target instead (the engine hand-off when one
-- publish of the account ends). Returns the claimed target with what the call needs, or no row;
-- the engine then explains a miss in TypeScript (ClaimRepository.explain).
CREATE OR REPLACE FUNCTION gaung_claim(
  p_account uuid,
  p_target uuid,
  p_version integer,
  p_owner text,
  p_lease_ms integer,
  p_budget_posts integer,
  p_budget_window_ms integer
) RETURNS TABLE (
  "targetId" uuid,
  "version" integer,
  "attempts" integer,
  "lastOutcome" text,
  "priorAmbiguous" boolean,
  "workspaceId" uuid,
  "postId" uuid,
  "text" text,
  "title" text,
  "scheduledAt" timestamptz,
  "hasMedia" boolean,
  "accountId" uuid,
  "accountWorkspaceId" uuid,
  "baseUrl" text,
  "externalId" text,
  "handle" text,
  "settings" jsonb,
  "credentialsCiphertext" bytea,
  "credentialsKeyId" text
) LANGUAGE plpgsql VOLATILE AS $$
#variable_conflict use_column
DECLARE
  v_target uuid := p_target;
  v_post uuid;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended(p_account::text, 7));

  IF v_target IS NULL THEN
    -- The earliest due target that looks claimable; the UPDATE below decides under the locks.
    -- In the order of the (accountId, state, dueAt) index, so the scan stops at the first match.
    SELECT t.id INTO v_target
      FROM "PostTarget" t JOIN "Post" p ON p.id = t."postId"
     WHERE t."accountId" = p_account AND t.state = 'SCHEDULED' AND t."dueAt" <= now()
       AND p.status = 'APPROVED' AND p."approvedVersion" = t.version
       AND (p."notAfter" IS NULL OR p."notAfter" > now())
       AND NOT EXISTS (SELECT 1 FROM "Workspace" w WHERE w.id = t."workspaceId" AND w."heldAt" IS NOT NULL)
       AND NOT EXISTS (SELECT 1 FROM "Campaign" c WHERE c.id = p."campaignId" AND c."heldAt" IS NOT NULL)
     ORDER BY t."dueAt"
     LIMIT 1;
  END IF;
  SELECT t."postId" INTO v_post FROM "PostTarget" t WHERE t.id = v_target AND t."accountId" = p_account;
  IF v_post IS NULL THEN
    RETURN;
  END IF;

  PERFORM 1 FROM "Post" p JOIN "Workspace" w ON w.id = p."workspaceId" WHERE p.id = v_post FOR SHARE;
  PERFORM 1 FROM "Campaign" c WHERE c.id = (SELECT p."campaignId" FROM "Post" p WHERE p.id = v_post) FOR SHARE;

  IF p_budget_posts IS NOT NULL AND EXISTS (
    SELECT 1 FROM "PublishAttempt" pa
     WHERE pa."accountId" = p_account AND pa.outcome IN ('PUBLISHED', 'AMBIGUOUS')
       AND pa."startedAt" > now() - make_interval(secs => p_budget_window_ms / 1000.0)
     OFFSET p_budget_posts - 1
  ) THEN
    RETURN;
  END IF;

  RETURN QUERY
  WITH claimed AS (
    UPDATE "PostTarget" t
       SET state = 'PUBLISHING', "leaseOwner" = p_owner, "updatedAt" = now(),
           "leaseExpiresAt" = now() + make_interval(secs => p_lease_ms / 1000.0)
      FROM "Post" p, "ConnectedAccount" a, "Workspace" w
     WHERE t.id = v_target AND (p_version IS NULL OR t.version = p_version)
       AND t.state = 'SCHEDULED' AND t."dueAt" <= now()
       AND p.id = t."postId" AND p.status = 'APPROVED' AND p."approvedVersion" = t.version
       AND (p."notAfter" IS NULL OR p."notAfter" > now())
       AND a.id = t."accountId" AND a.status = 'ACTIVE'
       AND w.id = t."workspaceId" AND w."heldAt" IS NULL
       AND NOT EXISTS (SELECT 1 FROM "Campaign" c WHERE c.id = p."campaignId" AND c."heldAt" IS NOT NULL)
       AND NOT EXISTS (SELECT 1 FROM "PostTarget" o WHERE o."accountId" = t."accountId" AND o.id <> t.id
                         AND o.state = 'PUBLISHING' AND o."leaseExpiresAt" > now())
    RETURNING t.id, t.version, t.attempts, t."lastOutcome", t."workspaceId", t."postId", t.text
  )
  SELECT c.id, c.version, c.attempts, c."lastOutcome"::text,
         EXISTS (SELECT 1 FROM "PublishAttempt" pa WHERE pa."targetId" = c.id AND pa.version = c.version
                   AND pa.outcome = 'AMBIGUOUS'),
         c."workspaceId", c."postId", COALESCE(c.text, p."baseText"), p.title::text, p."scheduledAt",
         EXISTS (SELECT 1 FROM "PostMedia" pm WHERE pm."postId" = c."postId"),
         a.id, a."workspaceId", a."baseUrl"::text, a."externalId"::text, a.handle::text, a.settings,
         a."credentialsCiphertext", a."credentialsKeyId"::text
    FROM claimed c JOIN "Post" p ON p.id = c."postId" JOIN "ConnectedAccount" a ON a.id = p_account;
END;
$$;
