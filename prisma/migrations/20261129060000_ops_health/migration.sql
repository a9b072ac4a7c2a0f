-- Operations health and metrics: fleet-wide aggregates for /api/wms/optimization/health and
-- /api/wms/optimization/metrics. Those endpoints have no tenant (Kubernetes probes and
-- Prometheus call them), while every tenant table forces row-level security, so they read
-- through these narrow SECURITY DEFINER functions. Each returns counts, ratios and
-- percentiles only: never a row, an id or a tenant name.
--
-- The functions are owned by binwise_ops: NOLOGIN (nobody can connect as it or SET ROLE to
-- it), BYPASSRLS so it can aggregate across tenants, and with SELECT only. PL/pgSQL is used
-- so a table that a later migration creates (the utilization cache) is resolved at call
-- time, and a missing one is reported instead of failing the migration.

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'binwise_ops') THEN
    CREATE ROLE binwise_ops NOLOGIN NOSUPERUSER BYPASSRLS NOCREATEDB NOCREATEROLE;
  END IF;
END
$$;

GRANT USAGE ON SCHEMA public TO binwise_ops;
GRANT SELECT ON ALL TABLES IN SCHEMA public TO binwise_ops;
-- The utilization cache may be created after this migration on an existing database.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO binwise_ops;

-- Batches of the last p_window_minutes: how many, how many failed, latency percentiles of
-- the ones that did not fail (failures are counted by the error rate instead).
CREATE OR REPLACE FUNCTION binwise_ops_batch_stats(p_window_minutes integer)
RETURNS TABLE (batch_count bigint, failed_count bigint, p95_ms double precision, p99_ms double precision)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
BEGIN
  RETURN QUERY
  SELECT COUNT(*)::bigint,
         (COUNT(*) FILTER (WHERE b.status = 'FAILED'))::bigint,
         (percentile_cont(0.95) WITHIN GROUP (ORDER BY b.processing_ms) FILTER (WHERE b.status <> 'FAILED'))::float8,
         (percentile_cont(0.99) WITHIN GROUP (ORDER BY b.processing_ms) FILTER (WHERE b.status <> 'FAILED'))::float8
  FROM putaway_batches b
  WHERE b.created_at >= now() - make_interval(mins => LEAST(GREATEST(p_window_minutes, 1), 1440));
END
$$;

-- Decisions of the last p_window_days, by outcome.
CREATE OR REPLACE FUNCTION binwise_ops_decision_stats(p_window_days integer)
RETURNS TABLE (decided bigint, accepted bigint, rejected bigint, overridden bigint)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
BEGIN
  RETURN QUERY
  SELECT COUNT(*)::bigint,
         (COUNT(*) FILTER (WHERE r.status = 'ACCEPTED'))::bigint,
         (COUNT(*) FILTER (WHERE r.status = 'REJECTED'))::bigint,
         (COUNT(*) FILTER (WHERE r.status = 'OVERRIDDEN'))::bigint
  FROM putaway_recommendations r
  WHERE r.status <> 'PENDING'
    AND r.decided_at >= now() - make_interval(days => LEAST(GREATEST(p_window_days, 1), 366));
END
$$;

-- ML accuracy per tenant, then the lowest and the mean across tenants (percent, 0-100).
-- Per tenant: the rolling accuracy of the model's predictions (confidence >= 0.5 means
-- "will be accepted") on the decisions of the last p_window_days, when there are at least
-- p_min_decisions of them; otherwise the held-out accuracy stored with the active model.
CREATE OR REPLACE FUNCTION binwise_ops_ml_accuracy(p_window_days integer, p_min_decisions integer)
RETURNS TABLE (tenants_with_model bigint, rolling_tenants bigint, scored_decisions bigint, min_accuracy_pct double precision, mean_accuracy_pct double precision)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
BEGIN
  RETURN QUERY
  WITH rolling AS (
    SELECT f.tenant_id,
           COUNT(*) AS n,
           100.0 * AVG(CASE WHEN ((CASE WHEN f.confidence_score > 1 THEN f.confidence_score / 100 ELSE f.confidence_score END) >= 0.5) = f.accepted
                            THEN 1 ELSE 0 END) AS accuracy
    FROM ml_feedback_training_data f
    WHERE f.model_version IS NOT NULL AND f.confidence_score IS NOT NULL
      AND f.created_at >= now() - make_interval(days => LEAST(GREATEST(p_window_days, 1), 366))
    GROUP BY f.tenant_id
  ),
  held_out AS (
    SELECT DISTINCT ON (w.tenant_id) w.tenant_id,
           COALESCE(
             CASE WHEN jsonb_typeof(w.metrics -> 'accuracy') = 'number' THEN (w.metrics ->> 'accuracy')::float8 END,
             CASE WHEN jsonb_typeof(w.metrics -> 'heldOut' -> 'accuracy') = 'number' THEN (w.metrics -> 'heldOut' ->> 'accuracy')::float8 END,
             CASE WHEN jsonb_typeof(w.metrics -> 'test' -> 'accuracy') = 'number' THEN (w.metrics -> 'test' ->> 'accuracy')::float8 END
           ) AS accuracy
    FROM ml_model_weights w
    WHERE w.is_active
    ORDER BY w.tenant_id, w.version DESC
  ),
  per_tenant AS (
    SELECT COALESCE(r.tenant_id, h.tenant_id) AS tenant_id,
           (r.n >= p_min_decisions) AS is_rolling,
           COALESCE(r.n, 0) AS n,
           CASE WHEN r.n >= p_min_decisions THEN r.accuracy
                WHEN h.accuracy IS NULL THEN NULL
                WHEN h.accuracy <= 1 THEN 100.0 * h.accuracy
                ELSE h.accuracy END AS accuracy
    FROM rolling r FULL JOIN held_out h ON h.tenant_id = r.tenant_id
  )
  SELECT (COUNT(*) FILTER (WHERE p.accuracy IS NOT NULL))::bigint,
         (COUNT(*) FILTER (WHERE p.is_rolling))::bigint,
         COALESCE(SUM(p.n), 0)::bigint,
         MIN(p.accuracy)::float8,
         AVG(p.accuracy)::float8
  FROM per_tenant p;
END
$$;

-- The utilization cache's refresh status: installed = false when its migration is absent.
CREATE OR REPLACE FUNCTION binwise_ops_cache_status(p_cache_name text)
RETURNS TABLE (installed boolean, last_refresh_time timestamptz, age_seconds double precision, error_message text)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
BEGIN
  IF to_regclass('public.cache_refresh_status') IS NULL THEN
    RETURN QUERY SELECT false, NULL::timestamptz, NULL::float8, NULL::text;
    RETURN;
  END IF;
  RETURN QUERY EXECUTE
    'SELECT true, s.last_refresh_time, EXTRACT(EPOCH FROM (now() - s.last_refresh_time))::float8, s.error_message
     FROM cache_refresh_status s WHERE s.cache_name = $1
     UNION ALL SELECT true, NULL::timestamptz, NULL::float8, NULL::text
     WHERE NOT EXISTS (SELECT 1 FROM cache_refresh_status s WHERE s.cache_name = $1)'
    USING p_cache_name;
END
$$;

-- Bins per zone code and utilization status, with their mean utilization. Zone codes are
-- shared vocabulary (A, B, BULK...) and are merged across tenants.
CREATE OR REPLACE FUNCTION binwise_ops_utilization_by_zone()
RETURNS TABLE (zone_code text, status text, bin_count bigint, mean_utilization_pct double precision)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
BEGIN
  IF to_regclass('public.bin_utilization_cache') IS NULL THEN
    RETURN;
  END IF;
  RETURN QUERY EXECUTE
    'SELECT z.code::text, c.status::text, COUNT(*)::bigint, AVG(c.utilization_pct)::float8
     FROM bin_utilization_cache c JOIN zones z ON z.zone_id = c.zone_id
     GROUP BY z.code, c.status ORDER BY z.code, c.status
     LIMIT 500';
END
$$;

-- Distinct per-tenant flag override values and how many tenants use each, so health can
-- report invalid overrides without naming a tenant.
CREATE OR REPLACE FUNCTION binwise_ops_flag_values()
RETURNS TABLE (flag_key text, value text, tenant_count bigint)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
BEGIN
  RETURN QUERY
  SELECT f.flag_key, f.value, COUNT(*)::bigint
  FROM feature_flags f GROUP BY f.flag_key, f.value ORDER BY f.flag_key, f.value LIMIT 200;
END
$$;

DO $$
DECLARE
  fn text;
BEGIN
  FOREACH fn IN ARRAY ARRAY[
    'binwise_ops_batch_stats(integer)', 'binwise_ops_decision_stats(integer)',
    'binwise_ops_ml_accuracy(integer, integer)', 'binwise_ops_cache_status(text)',
    'binwise_ops_utilization_by_zone()', 'binwise_ops_flag_values()'
  ] LOOP
    EXECUTE format('REVOKE ALL ON FUNCTION %s FROM PUBLIC', fn);
    EXECUTE format('GRANT EXECUTE ON FUNCTION %s TO binwise_app', fn);
    -- Owned by the BYPASSRLS role so the aggregate sees every tenant. Changing the owner
    -- needs a superuser migration runner; otherwise the functions keep the runner as owner
    -- (correct only if that role itself bypasses RLS) and we say so.
    IF (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
      EXECUTE format('ALTER FUNCTION %s OWNER TO binwise_ops', fn);
    ELSE
      RAISE WARNING 'ops_health: % is owned by %, not binwise_ops; run this migration as a superuser so health sees every tenant', fn, current_user;
    END IF;
  END LOOP;
END
$$;
