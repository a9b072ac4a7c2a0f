import 'server-only';
import type { Tx } from '../db';

export type CacheAvailability = {
  /** bin_utilization_cache exists, the runbook's lot trigger is enabled and cache_refresh_status exists. */
  usable: boolean;
  tableExists: boolean;
  statusTableExists: boolean;
  lotTriggerEnabled: boolean;
  transactionTriggerEnabled: boolean;
};

type Row = { table_exists: boolean; status_exists: boolean; lot_trigger: boolean; tx_trigger: boolean };

/**
 * Whether reads may use bin_utilization_cache. The runbook's rollback disables the triggers
 * and drops cache_refresh_status but leaves the cache table behind, stale; readers then
 * fall back to computing from lots. Catalog lookups only: a few microseconds.
 */
export async function cacheAvailability(tx: Tx): Promise<CacheAvailability> {
  const [row] = await tx.$queryRaw<Row[]>`
    SELECT to_regclass('bin_utilization_cache') IS NOT NULL AS table_exists,
           to_regclass('cache_refresh_status') IS NOT NULL AS status_exists,
           COALESCE((SELECT tgenabled <> 'D' FROM pg_trigger
                     WHERE tgname = 'refresh_bin_utilization_on_lot_change' AND tgrelid = to_regclass('lots')), false) AS lot_trigger,
           COALESCE((SELECT tgenabled <> 'D' FROM pg_trigger
                     WHERE tgname = 'refresh_bin_utilization_on_transaction' AND tgrelid = to_regclass('inventory_transactions')), false) AS tx_trigger`;
  const tableExists = row?.table_exists === true;
  const statusTableExists = row?.status_exists === true;
  const lotTriggerEnabled = row?.lot_trigger === true;
  return {
    usable: tableExists && statusTableExists && lotTriggerEnabled,
    tableExists,
    statusTableExists,
    lotTriggerEnabled,
    transactionTriggerEnabled: row?.tx_trigger === true,
  };
}
