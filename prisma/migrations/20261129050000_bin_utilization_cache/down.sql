-- Reverts 20261129050000_bin_utilization_cache. Safe after the runbook's rollback block
-- (which already disabled the triggers and dropped some of these objects): IF EXISTS throughout.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_cron') THEN
    PERFORM cron.unschedule(jobid) FROM cron.job WHERE jobname = 'refresh_bin_util';
  END IF;
END
$$;
DROP TRIGGER IF EXISTS refresh_bin_utilization_on_lot_change ON lots;
DROP TRIGGER IF EXISTS bincache_lots_insert ON lots;
DROP TRIGGER IF EXISTS bincache_lots_delete ON lots;
DROP TRIGGER IF EXISTS refresh_bin_utilization_on_transaction ON inventory_transactions;
DROP TRIGGER IF EXISTS bincache_transactions_update ON inventory_transactions;
DROP TRIGGER IF EXISTS bincache_transactions_delete ON inventory_transactions;
DROP TRIGGER IF EXISTS bincache_locations_insert ON inventory_locations;
DROP TRIGGER IF EXISTS bincache_locations_update ON inventory_locations;
DROP TRIGGER IF EXISTS bincache_locations_delete ON inventory_locations;
DROP TRIGGER IF EXISTS bincache_materials_update ON materials;
DROP FUNCTION IF EXISTS binwise_bin_cache_on_lots();
DROP FUNCTION IF EXISTS binwise_bin_cache_on_transactions();
DROP FUNCTION IF EXISTS binwise_bin_cache_on_locations();
DROP FUNCTION IF EXISTS binwise_bin_cache_on_materials();
DROP FUNCTION IF EXISTS refresh_bin_utilization_for_location(uuid);
DROP FUNCTION IF EXISTS scheduled_refresh_bin_utilization();
DROP FUNCTION IF EXISTS binwise_bin_cache_recompute_movement(uuid[]);
DROP FUNCTION IF EXISTS binwise_bin_cache_refresh(uuid[], text);
DROP FUNCTION IF EXISTS binwise_bin_cache_active(regclass, name);
DROP FUNCTION IF EXISTS binwise_bin_status(double precision, double precision, double precision);
DROP FUNCTION IF EXISTS binwise_abc_string(integer);
DROP FUNCTION IF EXISTS binwise_abc_bit(text);
DROP FUNCTION IF EXISTS binwise_claim_background_job(text[]);
DROP FUNCTION IF EXISTS binwise_bin_cache_stamp(text, timestamptz, integer, text);
DROP TABLE IF EXISTS cache_refresh_log;
DROP TABLE IF EXISTS cache_refresh_status;
DROP TABLE IF EXISTS bin_utilization_cache;
