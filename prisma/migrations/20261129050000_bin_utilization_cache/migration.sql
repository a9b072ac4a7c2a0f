-- Bin utilization cache (issue 6; runbook "Migration V0.0.18 automated triggers").
--
-- A plain table maintained incrementally, per affected location, by statement-level triggers
-- with transition tables, plus a full rebuild every 10 minutes as a safety net. Not a
-- materialized view: refreshing a view recomputes all locations (1M lots) on every lot change
-- and ignores row-level security. Design and trade-offs: docs/cache.md.
--
-- Names are the runbook's: bin_utilization_cache, cache_refresh_status,
-- refresh_bin_utilization_for_location(uuid), scheduled_refresh_bin_utilization(), triggers
-- refresh_bin_utilization_on_lot_change (lots) and refresh_bin_utilization_on_transaction
-- (inventory_transactions). Helper triggers are named bincache_* so that the runbook's
-- "LIKE '%bin_utilization%'" check lists exactly its two triggers.

CREATE TABLE "bin_utilization_cache" (
    "location_id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "facility_id" UUID NOT NULL,
    "zone_id" UUID NOT NULL,
    "used_cubic_feet" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "used_weight_lbs" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "utilization_pct" DOUBLE PRECISION,
    "weight_pct" DOUBLE PRECISION,
    "lot_count" INTEGER NOT NULL DEFAULT 0,
    "sku_count" INTEGER NOT NULL DEFAULT 0,
    -- Nullable like every Prisma scalar list; every writer stores an array ('{}' when empty).
    "skus" TEXT[] DEFAULT '{}',
    "lot_numbers" TEXT[] DEFAULT '{}',
    "abc_classes" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL,
    "last_movement_at" TIMESTAMPTZ(6),
    "refreshed_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    -- txid_current() of the writer, as float8 (exact below 2^53, i.e. for ~2 million xid
    -- wraparounds), so the full refresh can tell a concurrent newer write from its own snapshot.
    "refreshed_xid" DOUBLE PRECISION NOT NULL DEFAULT 0,
    CONSTRAINT "bin_utilization_cache_pkey" PRIMARY KEY ("location_id"),
    CONSTRAINT "bin_utilization_cache_status_check" CHECK ("status" IN ('UNDER', 'OPTIMAL', 'OVER', 'INVALID'))
);
CREATE UNIQUE INDEX "bin_utilization_cache_tenant_id_location_id_key" ON "bin_utilization_cache"("tenant_id", "location_id");
CREATE INDEX "bin_utilization_cache_tenant_id_zone_id_idx" ON "bin_utilization_cache"("tenant_id", "zone_id");

-- The runbook's status table: one row per cache, the latest refresh of any kind (FULL from the
-- scheduler or a manual call, INCREMENTAL from the triggers, LOCATION from the per-location
-- function). error_message is the latest failure since the last successful FULL refresh,
-- which repairs whatever a failed incremental refresh left stale. A global table.
CREATE TABLE "cache_refresh_status" (
    "cache_name" TEXT NOT NULL,
    "last_refresh_time" TIMESTAMPTZ(6) NOT NULL,
    "duration_ms" DOUBLE PRECISION NOT NULL,
    "row_count" INTEGER NOT NULL,
    "refresh_kind" TEXT NOT NULL,
    "error_message" TEXT,
    CONSTRAINT "cache_refresh_status_pkey" PRIMARY KEY ("cache_name")
);

-- History for the cache health page: every FULL refresh and every failure (successful
-- incremental refreshes only stamp the status row). Pruned after 7 days.
CREATE TABLE "cache_refresh_log" (
    "id" INTEGER GENERATED ALWAYS AS IDENTITY,
    "cache_name" TEXT NOT NULL,
    "refresh_kind" TEXT NOT NULL,
    "refreshed_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "duration_ms" DOUBLE PRECISION NOT NULL,
    "row_count" INTEGER NOT NULL,
    "error_message" TEXT,
    CONSTRAINT "cache_refresh_log_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "cache_refresh_log_cache_name_refreshed_at_idx" ON "cache_refresh_log"("cache_name", "refreshed_at");

-- Tenant isolation like every tenant-owned table. Readers go through withTenant.
ALTER TABLE "bin_utilization_cache" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "bin_utilization_cache" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "bin_utilization_cache"
  USING (tenant_id = binwise_current_tenant()) WITH CHECK (tenant_id = binwise_current_tenant());

-- Status band from the runbook: UNDER < 60 <= OPTIMAL <= 85 < OVER; INVALID capacity first.
CREATE OR REPLACE FUNCTION binwise_bin_status(p_used_cf double precision, p_cubic_feet double precision, p_max_weight double precision)
RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE
    WHEN p_cubic_feet <= 0 OR p_max_weight <= 0 THEN 'INVALID'
    WHEN 100.0 * p_used_cf / p_cubic_feet < 60 THEN 'UNDER'
    WHEN 100.0 * p_used_cf / p_cubic_feet <= 85 THEN 'OPTIMAL'
    ELSE 'OVER'
  END
$$;

-- ABC classes on hand as a bitmask (A=1, B=2, C=4; unclassified counts as C) and back to
-- 'AC'-style text: bit_or needs no per-bin sort, unlike string_agg(DISTINCT ...).
CREATE OR REPLACE FUNCTION binwise_abc_bit(p_class text) RETURNS integer LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE p_class WHEN 'A' THEN 1 WHEN 'B' THEN 2 ELSE 4 END
$$;
CREATE OR REPLACE FUNCTION binwise_abc_string(p_mask integer) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN p_mask & 1 > 0 THEN 'A' ELSE '' END || CASE WHEN p_mask & 2 > 0 THEN 'B' ELSE '' END
      || CASE WHEN p_mask & 4 > 0 THEN 'C' ELSE '' END
$$;

-- The runbook's rollback disables the two named triggers and drops cache_refresh_status but
-- not the helper triggers: they must then do nothing instead of failing the user's write.
CREATE OR REPLACE FUNCTION binwise_bin_cache_active(p_table regclass, p_trigger name)
RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT to_regclass('public.cache_refresh_status') IS NOT NULL
     AND to_regclass('public.bin_utilization_cache') IS NOT NULL
     AND COALESCE((SELECT tgenabled <> 'D' FROM pg_trigger WHERE tgrelid = p_table AND tgname = p_trigger), false)
$$;

-- Records a refresh. A successful incremental refresh stamps the status row at most once a
-- second and never waits for it: if another writer holds the row (SKIP LOCKED), that writer's
-- stamp is as fresh, so lot writes never queue behind each other on this one row.
CREATE OR REPLACE FUNCTION binwise_bin_cache_stamp(p_kind text, p_started timestamptz, p_rows integer, p_error text)
RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  v_ms double precision := 1000 * EXTRACT(EPOCH FROM clock_timestamp() - p_started);
BEGIN
  IF p_kind = 'FULL' OR p_error IS NOT NULL THEN
    INSERT INTO cache_refresh_log (cache_name, refresh_kind, refreshed_at, duration_ms, row_count, error_message)
    VALUES ('bin_utilization_cache', p_kind, clock_timestamp(), v_ms, p_rows, p_error);
    INSERT INTO cache_refresh_status AS s (cache_name, last_refresh_time, duration_ms, row_count, refresh_kind, error_message)
    VALUES ('bin_utilization_cache', clock_timestamp(), v_ms, p_rows, p_kind, p_error)
    ON CONFLICT (cache_name) DO UPDATE SET
      last_refresh_time = EXCLUDED.last_refresh_time, duration_ms = EXCLUDED.duration_ms, row_count = EXCLUDED.row_count,
      refresh_kind = EXCLUDED.refresh_kind,
      error_message = CASE WHEN p_kind = 'FULL' THEN p_error ELSE COALESCE(p_error, s.error_message) END;
    RETURN;
  END IF;
  PERFORM 1 FROM cache_refresh_status
  WHERE cache_name = 'bin_utilization_cache' AND last_refresh_time < clock_timestamp() - interval '1 second'
  FOR UPDATE SKIP LOCKED;
  IF FOUND THEN
    UPDATE cache_refresh_status SET last_refresh_time = clock_timestamp(), duration_ms = v_ms, row_count = p_rows, refresh_kind = p_kind
    WHERE cache_name = 'bin_utilization_cache';
  ELSIF NOT EXISTS (SELECT 1 FROM cache_refresh_status WHERE cache_name = 'bin_utilization_cache') THEN
    INSERT INTO cache_refresh_status (cache_name, last_refresh_time, duration_ms, row_count, refresh_kind)
    VALUES ('bin_utilization_cache', clock_timestamp(), v_ms, p_rows, p_kind)
    ON CONFLICT (cache_name) DO NOTHING;
  END IF;
END
$$;

-- Recomputes the given locations exactly. Locks their cache rows first (in location_id order,
-- so two writers cannot deadlock on each other's rows) and computes in a later statement,
-- which under READ COMMITTED sees everything committed by the writers it waited for: two
-- concurrent lot changes in one bin both end up in the cache. No EXCEPTION block: it would
-- open a subtransaction per statement, and a transaction writing many lots would overflow the
-- subtransaction cache and slow every session's snapshots. An error (a deadlock, a lock
-- timeout) fails the lot write, which the caller retries, rather than leaving the cache wrong.
CREATE OR REPLACE FUNCTION binwise_bin_cache_refresh(p_location_ids uuid[], p_kind text DEFAULT 'INCREMENTAL')
RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  v_started timestamptz := clock_timestamp();
  v_ids uuid[];
  v_rows integer := 0;
  v_locked bigint;
BEGIN
  SELECT array_agg(DISTINCT id ORDER BY id) INTO v_ids FROM unnest(p_location_ids) AS id WHERE id IS NOT NULL;
  IF v_ids IS NOT NULL THEN
    SELECT count(*) INTO v_locked FROM (
      SELECT 1 FROM bin_utilization_cache WHERE location_id = ANY (v_ids) ORDER BY location_id FOR UPDATE) AS locked;
    IF v_locked < cardinality(v_ids) THEN
      -- A bin never cached (or just created): a placeholder row to lock. A concurrent
      -- inserter of the same bin makes ON CONFLICT wait for it.
      INSERT INTO bin_utilization_cache (location_id, tenant_id, facility_id, zone_id, status, refreshed_xid)
      SELECT l.location_id, l.tenant_id, l.facility_id, l.zone_id, 'UNDER', txid_current()
      FROM inventory_locations l WHERE l.location_id = ANY (v_ids) ORDER BY l.location_id
      ON CONFLICT (location_id) DO NOTHING;
      PERFORM 1 FROM bin_utilization_cache WHERE location_id = ANY (v_ids) ORDER BY location_id FOR UPDATE;
    END IF;
    -- Rows of deleted bins are removed by the inventory_locations DELETE trigger (and the
    -- full refresh), not here: lots can only point at existing bins.
    UPDATE bin_utilization_cache c SET
      tenant_id = s.tenant_id, facility_id = s.facility_id, zone_id = s.zone_id,
      used_cubic_feet = s.used_cf, used_weight_lbs = s.used_lbs,
      utilization_pct = CASE WHEN s.cubic_feet > 0 THEN 100.0 * s.used_cf / s.cubic_feet END,
      weight_pct = CASE WHEN s.max_weight_lbs > 0 THEN 100.0 * s.used_lbs / s.max_weight_lbs END,
      lot_count = s.lot_count, sku_count = s.sku_count, skus = s.skus, lot_numbers = s.lot_numbers,
      abc_classes = s.abc_classes,
      status = binwise_bin_status(s.used_cf, s.cubic_feet, s.max_weight_lbs),
      refreshed_at = clock_timestamp(), refreshed_xid = txid_current()
    FROM (
      SELECT l.location_id, l.tenant_id, l.facility_id, l.zone_id, l.cubic_feet, l.max_weight_lbs,
             COALESCE(f.used_cf, 0) AS used_cf, COALESCE(f.used_lbs, 0) AS used_lbs,
             COALESCE(f.lot_count, 0) AS lot_count, COALESCE(f.sku_count, 0) AS sku_count,
             COALESCE(f.skus, '{}') AS skus, COALESCE(f.lot_numbers, '{}') AS lot_numbers,
             COALESCE(f.abc_classes, '') AS abc_classes
      FROM inventory_locations l
      LEFT JOIN LATERAL (
        SELECT SUM(lot.quantity_on_hand * COALESCE(m.length_inches * m.width_inches * m.height_inches, 0)) / 1728.0 AS used_cf,
               SUM(lot.quantity_on_hand * COALESCE(m.weight_lbs, 0)) AS used_lbs,
               COUNT(*)::int AS lot_count,
               cardinality(array_agg(DISTINCT m.sku ORDER BY m.sku))::int AS sku_count,
               array_agg(DISTINCT m.sku ORDER BY m.sku) AS skus,
               array_agg(lot.lot_number) AS lot_numbers,
               binwise_abc_string(bit_or(binwise_abc_bit(m.abc_classification))) AS abc_classes
        FROM (SELECT lot.lot_number, lot.quantity_on_hand, lot.material_id FROM lots lot
              WHERE lot.tenant_id = l.tenant_id AND lot.location_id = l.location_id AND lot.quantity_on_hand > 0
              ORDER BY lot.lot_number COLLATE "C") lot  -- sorted input: lot_numbers come out sorted without a per-bin sort
        JOIN materials m ON m.material_id = lot.material_id
      ) f ON true
      WHERE l.location_id = ANY (v_ids)
    ) s
    WHERE c.location_id = s.location_id;
    GET DIAGNOSTICS v_rows = ROW_COUNT;
  END IF;
  PERFORM binwise_bin_cache_stamp(p_kind, v_started, v_rows, NULL);
  RETURN v_rows;
END
$$;

-- Last movement = newest inventory_transactions row that moved stock into or out of the bin.
-- Exact recomputation for a few locations (transaction UPDATE/DELETE, the runbook function).
CREATE OR REPLACE FUNCTION binwise_bin_cache_recompute_movement(p_location_ids uuid[])
RETURNS void LANGUAGE sql SECURITY DEFINER SET search_path = public AS $$
  UPDATE bin_utilization_cache c SET last_movement_at = (
    SELECT max(t.created_at) FROM inventory_transactions t
    WHERE t.tenant_id = c.tenant_id AND (t.to_location_id = c.location_id OR t.from_location_id = c.location_id))
  WHERE c.location_id = ANY (p_location_ids)
$$;

-- The runbook's per-location refresh.
CREATE OR REPLACE FUNCTION refresh_bin_utilization_for_location(p_location_id uuid)
RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  PERFORM binwise_bin_cache_refresh(ARRAY[p_location_id], 'LOCATION');
  PERFORM binwise_bin_cache_recompute_movement(ARRAY[p_location_id]);
END
$$;

-- The runbook's full refresh (pg_cron or the in-app scheduler, every 10 minutes, and the
-- manual "SELECT scheduled_refresh_bin_utilization();"). One set-based statement over all
-- tenants. A row written by a transaction that this statement's snapshot cannot see is left
-- alone: that writer computed it later than we did. Unchanged rows are not rewritten.
CREATE OR REPLACE FUNCTION scheduled_refresh_bin_utilization()
RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = public SET work_mem = '128MB' AS $$
DECLARE
  v_started timestamptz := clock_timestamp();
  v_rows integer := 0;
BEGIN
  -- One full refresh at a time (pg_cron, the in-app scheduler and an ops click may overlap).
  PERFORM pg_advisory_xact_lock(72410003);
  BEGIN
    DELETE FROM bin_utilization_cache c WHERE NOT EXISTS (SELECT 1 FROM inventory_locations l WHERE l.location_id = c.location_id);
    WITH fill AS (
      SELECT lot.location_id,
             SUM(lot.quantity_on_hand * COALESCE(m.length_inches * m.width_inches * m.height_inches, 0)) / 1728.0 AS used_cf,
             SUM(lot.quantity_on_hand * COALESCE(m.weight_lbs, 0)) AS used_lbs,
             COUNT(*)::int AS lot_count,
             array_agg(DISTINCT m.sku ORDER BY m.sku) AS skus,
             array_agg(lot.lot_number) AS lot_numbers,
             binwise_abc_string(bit_or(binwise_abc_bit(m.abc_classification))) AS abc_classes
      FROM (SELECT lot.location_id, lot.lot_number, lot.quantity_on_hand, lot.material_id FROM lots lot
            WHERE lot.location_id IS NOT NULL AND lot.quantity_on_hand > 0
            ORDER BY lot.location_id, lot.lot_number COLLATE "C") lot  -- one sort; lot_numbers come out sorted
      JOIN materials m ON m.material_id = lot.material_id
      GROUP BY lot.location_id
    ), moved AS (
      SELECT location_id, max(created_at) AS last_movement_at FROM (
        SELECT to_location_id AS location_id, created_at FROM inventory_transactions WHERE to_location_id IS NOT NULL
        UNION ALL
        SELECT from_location_id, created_at FROM inventory_transactions WHERE from_location_id IS NOT NULL
      ) t GROUP BY location_id
    )
    INSERT INTO bin_utilization_cache AS c (location_id, tenant_id, facility_id, zone_id, used_cubic_feet, used_weight_lbs,
      utilization_pct, weight_pct, lot_count, sku_count, skus, lot_numbers, abc_classes, status, last_movement_at, refreshed_at, refreshed_xid)
    SELECT l.location_id, l.tenant_id, l.facility_id, l.zone_id, COALESCE(f.used_cf, 0), COALESCE(f.used_lbs, 0),
           CASE WHEN l.cubic_feet > 0 THEN 100.0 * COALESCE(f.used_cf, 0) / l.cubic_feet END,
           CASE WHEN l.max_weight_lbs > 0 THEN 100.0 * COALESCE(f.used_lbs, 0) / l.max_weight_lbs END,
           COALESCE(f.lot_count, 0), COALESCE(cardinality(f.skus), 0), COALESCE(f.skus, '{}'), COALESCE(f.lot_numbers, '{}'),
           COALESCE(f.abc_classes, ''), binwise_bin_status(COALESCE(f.used_cf, 0), l.cubic_feet, l.max_weight_lbs),
           mv.last_movement_at, clock_timestamp(), txid_current()
    FROM inventory_locations l
    LEFT JOIN fill f ON f.location_id = l.location_id
    LEFT JOIN moved mv ON mv.location_id = l.location_id
    ON CONFLICT (location_id) DO UPDATE SET
      tenant_id = EXCLUDED.tenant_id, facility_id = EXCLUDED.facility_id, zone_id = EXCLUDED.zone_id,
      used_cubic_feet = EXCLUDED.used_cubic_feet, used_weight_lbs = EXCLUDED.used_weight_lbs,
      utilization_pct = EXCLUDED.utilization_pct, weight_pct = EXCLUDED.weight_pct,
      lot_count = EXCLUDED.lot_count, sku_count = EXCLUDED.sku_count, skus = EXCLUDED.skus,
      lot_numbers = EXCLUDED.lot_numbers, abc_classes = EXCLUDED.abc_classes, status = EXCLUDED.status,
      last_movement_at = EXCLUDED.last_movement_at, refreshed_at = EXCLUDED.refreshed_at, refreshed_xid = EXCLUDED.refreshed_xid
    WHERE txid_visible_in_snapshot(c.refreshed_xid::bigint, txid_current_snapshot())
      AND (c.tenant_id, c.facility_id, c.zone_id, c.used_cubic_feet, c.used_weight_lbs, c.utilization_pct, c.weight_pct,
           c.lot_count, c.sku_count, c.skus, c.lot_numbers, c.abc_classes, c.status, c.last_movement_at)
          IS DISTINCT FROM
          (EXCLUDED.tenant_id, EXCLUDED.facility_id, EXCLUDED.zone_id, EXCLUDED.used_cubic_feet, EXCLUDED.used_weight_lbs,
           EXCLUDED.utilization_pct, EXCLUDED.weight_pct, EXCLUDED.lot_count, EXCLUDED.sku_count, EXCLUDED.skus,
           EXCLUDED.lot_numbers, EXCLUDED.abc_classes, EXCLUDED.status, EXCLUDED.last_movement_at);
    SELECT count(*) INTO v_rows FROM inventory_locations;
    DELETE FROM cache_refresh_log WHERE refreshed_at < clock_timestamp() - interval '7 days';
  EXCEPTION WHEN OTHERS THEN
    PERFORM binwise_bin_cache_stamp('FULL', v_started, 0, SQLERRM);
    RAISE WARNING 'scheduled_refresh_bin_utilization failed: %', SQLERRM;
    RETURN -1;
  END;
  PERFORM binwise_bin_cache_stamp('FULL', v_started, v_rows, NULL);
  RETURN v_rows;
END
$$;

-- ---------------------------------------------------------------------------
-- Trigger functions. Statement-level with transition tables: one recomputation per affected
-- location per statement, however many lots the statement touched.
-- ---------------------------------------------------------------------------
CREATE OR REPLACE FUNCTION binwise_bin_cache_on_lots()
RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  v_ids uuid[];
BEGIN
  IF NOT binwise_bin_cache_active('public.lots'::regclass, 'refresh_bin_utilization_on_lot_change') THEN RETURN NULL; END IF;
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(location_id) INTO v_ids FROM new_rows WHERE location_id IS NOT NULL;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(location_id) INTO v_ids FROM old_rows WHERE location_id IS NOT NULL;
  ELSE
    -- Only rows whose quantity, bin or material changed affect utilization.
    SELECT array_agg(x.location_id) INTO v_ids FROM (
      SELECT o.location_id FROM old_rows o JOIN new_rows n ON n.lot_id = o.lot_id
      WHERE (o.quantity_on_hand, o.location_id, o.material_id, o.lot_number) IS DISTINCT FROM (n.quantity_on_hand, n.location_id, n.material_id, n.lot_number)
      UNION ALL
      SELECT n.location_id FROM old_rows o JOIN new_rows n ON n.lot_id = o.lot_id
      WHERE (o.quantity_on_hand, o.location_id, o.material_id, o.lot_number) IS DISTINCT FROM (n.quantity_on_hand, n.location_id, n.material_id, n.lot_number)
    ) x WHERE x.location_id IS NOT NULL;
  END IF;
  PERFORM binwise_bin_cache_refresh(COALESCE(v_ids, '{}'));
  RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION binwise_bin_cache_on_transactions()
RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  v_ids uuid[];
BEGIN
  IF NOT binwise_bin_cache_active('public.inventory_transactions'::regclass, 'refresh_bin_utilization_on_transaction') THEN RETURN NULL; END IF;
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(x.location_id) INTO v_ids FROM (
      SELECT to_location_id AS location_id FROM new_rows UNION ALL SELECT from_location_id FROM new_rows) x
    WHERE x.location_id IS NOT NULL;
    PERFORM binwise_bin_cache_refresh(COALESCE(v_ids, '{}'));
    -- Append-only ledger: the newest movement only moves forward.
    UPDATE bin_utilization_cache c SET last_movement_at = GREATEST(c.last_movement_at, m.moved_at)
    FROM (
      SELECT x.location_id, max(x.created_at) AS moved_at FROM (
        SELECT to_location_id AS location_id, created_at FROM new_rows UNION ALL SELECT from_location_id, created_at FROM new_rows) x
      WHERE x.location_id IS NOT NULL GROUP BY x.location_id
    ) m
    WHERE c.location_id = m.location_id AND c.last_movement_at IS DISTINCT FROM GREATEST(c.last_movement_at, m.moved_at);
  ELSE
    -- Corrections to the ledger are rare: recompute the movement time exactly.
    IF TG_OP = 'UPDATE' THEN
      SELECT array_agg(x.location_id) INTO v_ids FROM (
        SELECT to_location_id AS location_id FROM new_rows UNION ALL SELECT from_location_id FROM new_rows
        UNION ALL SELECT to_location_id FROM old_rows UNION ALL SELECT from_location_id FROM old_rows) x
      WHERE x.location_id IS NOT NULL;
    ELSE
      SELECT array_agg(x.location_id) INTO v_ids FROM (
        SELECT to_location_id AS location_id FROM old_rows UNION ALL SELECT from_location_id FROM old_rows) x
      WHERE x.location_id IS NOT NULL;
    END IF;
    PERFORM binwise_bin_cache_refresh(COALESCE(v_ids, '{}'));
    PERFORM binwise_bin_cache_recompute_movement(COALESCE(v_ids, '{}'));
  END IF;
  RETURN NULL;
END
$$;

-- A bin's capacity, zone or existence changes its row; a material's size or weight changes
-- every bin that holds it.
CREATE OR REPLACE FUNCTION binwise_bin_cache_on_locations()
RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  v_ids uuid[];
BEGIN
  IF NOT binwise_bin_cache_active('public.lots'::regclass, 'refresh_bin_utilization_on_lot_change') THEN RETURN NULL; END IF;
  IF TG_OP = 'INSERT' THEN
    -- A new bin has no movements yet: no need to scan the ledger.
    SELECT array_agg(location_id) INTO v_ids FROM new_rows;
    PERFORM binwise_bin_cache_refresh(COALESCE(v_ids, '{}'));
  ELSIF TG_OP = 'DELETE' THEN
    DELETE FROM bin_utilization_cache c USING old_rows o WHERE c.location_id = o.location_id;
  ELSE
    SELECT array_agg(n.location_id) INTO v_ids FROM old_rows o JOIN new_rows n ON n.location_id = o.location_id
    WHERE (o.cubic_feet, o.max_weight_lbs, o.zone_id, o.facility_id, o.tenant_id)
          IS DISTINCT FROM (n.cubic_feet, n.max_weight_lbs, n.zone_id, n.facility_id, n.tenant_id);
    IF v_ids IS NOT NULL THEN PERFORM binwise_bin_cache_refresh(v_ids); END IF;
  END IF;
  RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION binwise_bin_cache_on_materials()
RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  v_ids uuid[];
BEGIN
  IF NOT binwise_bin_cache_active('public.lots'::regclass, 'refresh_bin_utilization_on_lot_change') THEN RETURN NULL; END IF;
  SELECT array_agg(DISTINCT lot.location_id) INTO v_ids
  FROM old_rows o JOIN new_rows n ON n.material_id = o.material_id
  JOIN lots lot ON lot.tenant_id = n.tenant_id AND lot.material_id = n.material_id
  WHERE lot.location_id IS NOT NULL
    AND (o.length_inches, o.width_inches, o.height_inches, o.weight_lbs, o.sku, o.abc_classification)
        IS DISTINCT FROM (n.length_inches, n.width_inches, n.height_inches, n.weight_lbs, n.sku, n.abc_classification);
  IF v_ids IS NOT NULL THEN PERFORM binwise_bin_cache_refresh(v_ids); END IF;
  RETURN NULL;
END
$$;

-- PostgreSQL allows transition tables only on single-event triggers, so each table has one
-- trigger per event. The runbook's two names are the hot paths: lot UPDATE, transaction INSERT.
CREATE TRIGGER refresh_bin_utilization_on_lot_change AFTER UPDATE ON lots
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION binwise_bin_cache_on_lots();
CREATE TRIGGER bincache_lots_insert AFTER INSERT ON lots
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION binwise_bin_cache_on_lots();
CREATE TRIGGER bincache_lots_delete AFTER DELETE ON lots
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION binwise_bin_cache_on_lots();

CREATE TRIGGER refresh_bin_utilization_on_transaction AFTER INSERT ON inventory_transactions
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION binwise_bin_cache_on_transactions();
CREATE TRIGGER bincache_transactions_update AFTER UPDATE ON inventory_transactions
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION binwise_bin_cache_on_transactions();
CREATE TRIGGER bincache_transactions_delete AFTER DELETE ON inventory_transactions
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION binwise_bin_cache_on_transactions();

CREATE TRIGGER bincache_locations_insert AFTER INSERT ON inventory_locations
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION binwise_bin_cache_on_locations();
CREATE TRIGGER bincache_locations_update AFTER UPDATE ON inventory_locations
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION binwise_bin_cache_on_locations();
CREATE TRIGGER bincache_locations_delete AFTER DELETE ON inventory_locations
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION binwise_bin_cache_on_locations();

CREATE TRIGGER bincache_materials_update AFTER UPDATE ON materials
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION binwise_bin_cache_on_materials();

-- ---------------------------------------------------------------------------
-- Background jobs: the worker has no tenant, so it claims through this narrow function.
-- SKIP LOCKED: replicas polling at once each get a different job, none waits.
-- ---------------------------------------------------------------------------
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

-- ---------------------------------------------------------------------------
-- Privileges: the app reads the cache and the log; only the functions above write them.
-- ---------------------------------------------------------------------------
REVOKE INSERT, UPDATE, DELETE ON "bin_utilization_cache" FROM binwise_app;
REVOKE INSERT, UPDATE, DELETE ON "cache_refresh_status", "cache_refresh_log" FROM binwise_app;
GRANT SELECT ON "bin_utilization_cache", "cache_refresh_status", "cache_refresh_log" TO binwise_app;
REVOKE ALL ON FUNCTION binwise_bin_cache_stamp(text, timestamptz, integer, text), binwise_bin_cache_refresh(uuid[], text), binwise_bin_cache_recompute_movement(uuid[]),
  refresh_bin_utilization_for_location(uuid), scheduled_refresh_bin_utilization(), binwise_claim_background_job(text[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION refresh_bin_utilization_for_location(uuid), scheduled_refresh_bin_utilization(),
  binwise_claim_background_job(text[]) TO binwise_app;
GRANT EXECUTE ON FUNCTION binwise_abc_bit(text), binwise_abc_string(integer), binwise_bin_status(double precision, double precision, double precision),
  binwise_bin_cache_active(regclass, name) TO binwise_app;

-- Fill the cache for existing data.
SELECT scheduled_refresh_bin_utilization();

-- pg_cron path (runbook Step 2), when the extension is installed in this database. Without
-- it, the app's in-app scheduler runs the same function every 10 minutes.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_cron') THEN
    EXECUTE $cron$SELECT cron.schedule(
  'refresh_bin_util',
  '*/10 * * * *',
  'SELECT scheduled_refresh_bin_utilization();'
)$cron$;
  END IF;
END
$$;
