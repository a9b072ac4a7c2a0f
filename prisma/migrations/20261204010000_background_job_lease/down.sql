-- Reverts 20261204010000_background_job_lease: the claim function of
-- 20261129050000_bin_utilization_cache, without lease or attempts.
DROP FUNCTION IF EXISTS binwise_claim_background_job(text[], interval);

CREATE OR REPLACE FUNCTION binwise_claim_background_job(p_kinds text[])
RETURNS TABLE (job_id uuid, tenant_id uuid, kind text, params jsonb, created_by uuid)
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public AS $$
  UPDATE background_jobs j SET status = 'RUNNING', started_at = now(), progress = 0
  WHERE j.job_id = (
    SELECT q.job_id FROM background_jobs q
    WHERE q.status = 'QUEUED' AND q.kind = ANY (p_kinds)
    ORDER BY q.created_at
    FOR UPDATE SKIP LOCKED
    LIMIT 1)
  RETURNING j.job_id, j.tenant_id, j.kind, j.params, j.created_by
$$;

REVOKE ALL ON FUNCTION binwise_claim_background_job(text[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION binwise_claim_background_job(text[]) TO binwise_app;

ALTER TABLE "background_jobs" DROP COLUMN IF EXISTS "heartbeat_at", DROP COLUMN IF EXISTS "attempts";
