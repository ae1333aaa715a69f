-- How much of an account's rate budget is used, for the accounts page ("37 of 50 left").
-- The claim decides with gaung_rate_window_opens_at (20261130020000_rate_budget_counts_in_flight);
-- this function does not count on its own, it asks that one: gaung_rate_window_opens_at(a, k, w)
-- is not NULL exactly when k or more counted uses (ledger rows that may have posted plus publishes
-- in flight) fill the window, so the number used is the largest such k, found by bisection in one
-- statement (one snapshot). What counts therefore stays written once, in the engine's function.
-- Capped at p_posts: uses beyond the budget (posted by hand elsewhere) leave nothing, not less.
CREATE OR REPLACE FUNCTION gaung_rate_budget_used(p_account uuid, p_posts integer, p_window_ms integer)
RETURNS integer LANGUAGE plpgsql STABLE AS $$
DECLARE
  lo integer := 0;
  hi integer := p_posts;
  mid integer;
BEGIN
  WHILE lo < hi LOOP
    mid := (lo + hi + 1) / 2;
    IF gaung_rate_window_opens_at(p_account, mid, p_window_ms) IS NOT NULL THEN
      lo := mid;
    ELSE
      hi := mid - 1;
    END IF;
  END LOOP;
  RETURN lo;
END;
$$;
