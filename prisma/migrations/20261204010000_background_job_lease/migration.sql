-- Background-job lease. A replica that crashed while a job was RUNNING left it RUNNING forever:
-- nobody requeued it and the Simulation page's progress bar never moved. The worker now beats
-- heartbeat_at while it runs a job; a RUNNING job whose beat (or start, before the first beat)
-- is older than the lease is presumed lost and is requeued by the next claim, up to 3 attempts.

ALTER TABLE "background_jobs"
  ADD COLUMN "heartbeat_at" TIMESTAMPTZ(6),
  ADD COLUMN "attempts" INTEGER NOT NULL DEFAULT 0;

-- The signature and the returned columns change (attempts identifies the claim to the worker),
-- which CREATE OR REPLACE cannot do, and keeping the old one would make one-argument calls
-- ambiguous.
DROP FUNCTION IF EXISTS binwise_claim_background_job(text[]);

-- Reaps, then claims, in one transaction (plpgsql, so the claim sees the job it just requeued).
-- Both steps lock with FOR UPDATE SKIP LOCKED: a row held by a worker finishing it right now is
-- left to that worker, and replicas reaping at once never handle the same job twice. A replica
-- reaps only the kinds it can run: requeuing is useful only where someone will claim the job,
-- and attempts then count real attempts. p_lease is a parameter so tests can pass a short one;
-- the worker beats every 20 s, well inside the default 2 minutes.
CREATE FUNCTION binwise_claim_background_job(p_kinds text[], p_lease interval DEFAULT interval '2 minutes')
RETURNS TABLE (job_id uuid, tenant_id uuid, kind text, params jsonb, created_by uuid, attempts integer)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public AS $$
#variable_conflict use_column
BEGIN
  UPDATE background_jobs j SET
    status = CASE WHEN j.attempts >= 3 THEN 'FAILED'::job_status ELSE 'QUEUED'::job_status END,
    error = CASE WHEN j.attempts >= 3 THEN format('worker lost after %s attempts', j.attempts) ELSE j.error END,
    finished_at = CASE WHEN j.attempts >= 3 THEN now() ELSE j.finished_at END,
    progress = CASE WHEN j.attempts >= 3 THEN j.progress ELSE 0 END
  WHERE j.job_id IN (
    SELECT s.job_id FROM background_jobs s
    WHERE s.status = 'RUNNING' AND s.kind = ANY (p_kinds)
      AND COALESCE(s.heartbeat_at, s.started_at, s.created_at) < now() - p_lease
    FOR UPDATE SKIP LOCKED);

  RETURN QUERY
  UPDATE background_jobs j SET status = 'RUNNING', started_at = now(), heartbeat_at = now(), progress = 0,
    attempts = j.attempts + 1
  WHERE j.job_id = (
    SELECT q.job_id FROM background_jobs q
    WHERE q.status = 'QUEUED' AND q.kind = ANY (p_kinds)
    ORDER BY q.created_at
    FOR UPDATE SKIP LOCKED
    LIMIT 1)
  RETURNING j.job_id, j.tenant_id, j.kind, j.params, j.created_by, j.attempts;
END
$$;

REVOKE ALL ON FUNCTION binwise_claim_background_job(text[], interval) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION binwise_claim_background_job(text[], interval) TO binwise_app;
