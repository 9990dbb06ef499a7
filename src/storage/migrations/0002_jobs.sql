-- The embedded job queue (src/queue/embedded/). One row per job; finished jobs stay as 'done'
-- for the idempotency retention window so a late duplicate enqueue is still recognised.
--   queued  waiting to run (run_at may be in the future)
--   running claimed by locked_by until locked_until; an expired lease makes it claimable again
--   failed  an attempt threw; waits for its backoff (run_at) before the next attempt
--   done    finished; purged after the retention window
--   dead    out of attempts; listed for the API and retried by hand
CREATE TABLE jobs (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  type TEXT NOT NULL,
  payload JSONB NOT NULL,
  idempotency_key TEXT NOT NULL UNIQUE,
  partition_key TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'running', 'failed', 'done', 'dead')),
  attempts INTEGER NOT NULL DEFAULT 0,
  max_attempts INTEGER NOT NULL,
  run_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  locked_until TIMESTAMPTZ,
  locked_by TEXT,
  last_error TEXT,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  finished_at TIMESTAMPTZ
);

-- Claim scans unfinished jobs in order; the partial index keeps it small however many are done.
CREATE INDEX jobs_unfinished_by_run_at ON jobs (run_at, id) WHERE state IN ('queued', 'running', 'failed');
-- "Is an earlier job of this partition still unfinished?" is asked once per claim.
CREATE INDEX jobs_unfinished_by_partition ON jobs (partition_key, id) WHERE state IN ('queued', 'running', 'failed');
CREATE INDEX jobs_done_by_finished_at ON jobs (finished_at) WHERE state = 'done';
CREATE INDEX jobs_dead_by_finished_at ON jobs (finished_at) WHERE state = 'dead';

-- Claim the next job for a worker. A job is claimable when it is due (or its lease expired) and
-- it is the oldest unfinished job of its partition, with no other job of that partition under a
-- live lease: that one rule gives per-partition order and one-at-a-time across every worker
-- sharing the database. FOR UPDATE SKIP LOCKED lets concurrent claimers pass over a row another
-- claimer holds; the outer WHERE re-checks the state, so a row claimed meanwhile is not claimed
-- twice. It is a PL/pgSQL function so the plan is cached per connection: planning this query
-- costs several times more than running it.
CREATE FUNCTION jobs_claim_next(worker TEXT, lease_ms DOUBLE PRECISION, job_types TEXT[])
RETURNS TABLE (id TEXT, type TEXT, payload JSONB, idempotency_key TEXT, partition_key TEXT, attempts INTEGER, max_attempts INTEGER)
LANGUAGE plpgsql AS $fn$
#variable_conflict use_column
BEGIN
  RETURN QUERY
  UPDATE jobs SET state = 'running', attempts = jobs.attempts + 1, locked_by = worker,
    locked_until = now() + lease_ms * interval '1 millisecond', updated_at = now()
  WHERE jobs.id = (
    SELECT j.id FROM jobs j
    WHERE j.type = ANY(job_types)
      AND ((j.state IN ('queued', 'failed') AND j.run_at <= now()) OR (j.state = 'running' AND j.locked_until <= now()))
      AND NOT EXISTS (
        SELECT 1 FROM jobs e
        WHERE e.partition_key = j.partition_key AND e.id <> j.id
          AND ((e.id < j.id AND e.state IN ('queued', 'running', 'failed')) OR (e.state = 'running' AND e.locked_until > now())))
    ORDER BY j.run_at, j.id
    LIMIT 1
    FOR UPDATE OF j SKIP LOCKED)
  AND ((jobs.state IN ('queued', 'failed') AND jobs.run_at <= now()) OR (jobs.state = 'running' AND jobs.locked_until <= now()))
  RETURNING jobs.id::text, jobs.type, jobs.payload, jobs.idempotency_key, jobs.partition_key, jobs.attempts, jobs.max_attempts;
END
$fn$;
