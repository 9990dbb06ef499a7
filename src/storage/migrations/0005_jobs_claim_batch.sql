-- Claim up to `max_jobs` jobs in one round trip (the embedded queue's worker fills all its free
-- slots at once instead of one statement per job). The rule is the one of jobs_claim_next
-- (0002): a claimable job is due (or its lease expired) and is the oldest unfinished job of its
-- partition with no other job of the partition under a live lease. Such a job is unique per
-- partition, so a batch never holds two jobs of one partition and order is kept.
CREATE FUNCTION jobs_claim_batch(worker TEXT, lease_ms DOUBLE PRECISION, job_types TEXT[], max_jobs INTEGER)
RETURNS TABLE (id TEXT, type TEXT, payload JSONB, idempotency_key TEXT, partition_key TEXT, attempts INTEGER, max_attempts INTEGER)
LANGUAGE plpgsql AS $fn$
#variable_conflict use_column
BEGIN
  RETURN QUERY
  UPDATE jobs SET state = 'running', attempts = jobs.attempts + 1, locked_by = worker,
    locked_until = now() + lease_ms * interval '1 millisecond', updated_at = now()
  WHERE jobs.id IN (
    SELECT j.id FROM jobs j
    WHERE j.type = ANY(job_types)
      AND ((j.state IN ('queued', 'failed') AND j.run_at <= now()) OR (j.state = 'running' AND j.locked_until <= now()))
      AND NOT EXISTS (
        SELECT 1 FROM jobs e
        WHERE e.partition_key = j.partition_key AND e.id <> j.id
          AND ((e.id < j.id AND e.state IN ('queued', 'running', 'failed')) OR (e.state = 'running' AND e.locked_until > now())))
    ORDER BY j.run_at, j.id
    LIMIT max_jobs
    FOR UPDATE OF j SKIP LOCKED)
  AND ((jobs.state IN ('queued', 'failed') AND jobs.run_at <= now()) OR (jobs.state = 'running' AND jobs.locked_until <= now()))
  RETURNING jobs.id::text, jobs.type, jobs.payload, jobs.idempotency_key, jobs.partition_key, jobs.attempts, jobs.max_attempts;
END
$fn$;
