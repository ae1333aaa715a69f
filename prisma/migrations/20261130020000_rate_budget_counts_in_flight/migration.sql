-- The rate budget counts what is in flight (issue: three posts inside a budget of two).
-- gaung_claim read the budget from the attempt ledger in one statement and checked "no other
-- publish of the account is running" in a later one. A publish that ended between the two (its
-- outcome statement turns PUBLISHING into PUBLISHED and writes its ledger row at once) was counted
-- by neither, so a third post could go out inside a budget of two. The budget now counts ledger
-- rows and PUBLISHING targets in ONE statement (one snapshot sees either the running publish or its
-- ledger row, never neither): gaung_rate_window_opens_at, which the claim and the TypeScript
-- explanation (rate-budget.ts) both call, so the rule lives in one place. A PUBLISHING target whose
-- worker died counts until the sweeper resolves it: it may have posted.
--
-- Returns when the rolling window frees a slot, or NULL when the budget allows a post now. With
-- n publishes in flight, the window opens when the (posts - n)-th most recent counted ledger row
-- ages out; when the running publishes alone fill the budget, when their leases end (at least a
-- second from now).
CREATE OR REPLACE FUNCTION gaung_rate_window_opens_at(p_account uuid, p_posts integer, p_window_ms integer)
RETURNS timestamptz LANGUAGE sql STABLE AS $$
  WITH in_flight AS (
    SELECT count(*)::int AS n, max(o."leaseExpiresAt") AS "leaseEnds"
      FROM "PostTarget" o
     WHERE o."accountId" = p_account AND o.state = 'PUBLISHING'
  )
  SELECT CASE
    WHEN f.n >= p_posts THEN greatest(f."leaseEnds", now() + interval '1 second')
    ELSE (SELECT pa."startedAt" + make_interval(secs => p_window_ms / 1000.0)
            FROM "PublishAttempt" pa
           WHERE pa."accountId" = p_account AND pa.outcome IN ('PUBLISHED', 'AMBIGUOUS')
             AND pa."startedAt" > now() - make_interval(secs => p_window_ms / 1000.0)
           ORDER BY pa."startedAt" DESC
          OFFSET p_posts - f.n - 1 LIMIT 1)
  END
  FROM in_flight f
$$;

-- gaung_claim as in 20261128120000_engine_claim_function, with step 3 through the function above.
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

  IF p_budget_posts IS NOT NULL
     AND gaung_rate_window_opens_at(p_account, p_budget_posts, p_budget_window_ms) IS NOT NULL THEN
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
