import 'server-only';
import { prisma, type Tx } from '../db';
import { toAppError } from '../errors';
import { CheckTimeoutError, withTimeout } from './with-timeout';

/**
 * Fleet-wide aggregates for health and metrics, read through the SECURITY DEFINER
 * functions of migration 20261129060000_ops_health: counts, ratios and percentiles only.
 *
 * Each read is one statement on a pooled connection, not a transaction: a probe then holds
 * a connection for one round trip instead of four (BEGIN, SET, SELECT, COMMIT), so health
 * checks and scrapes do not starve the pool. Reads never touch tenant rows directly, so
 * there is no tenant to set. Each read gives up after `timeoutMs` (CheckTimeoutError).
 */
async function systemRead<T>(timeoutMs: number, fn: (db: Pick<Tx, '$queryRaw'>) => Promise<T>): Promise<T> {
  try {
    return await withTimeout(fn(prisma()), timeoutMs);
  } catch (error) {
    if (error instanceof CheckTimeoutError) throw error;
    throw toAppError(error);
  }
}

const num = (value: number | bigint | null | undefined): number | null => (value === null || value === undefined ? null : Number(value));

export type CacheStatus = { installed: boolean; lastRefreshTime: Date | null; ageSeconds: number | null; errorMessage: string | null };

export async function readCacheStatus(timeoutMs: number, cacheName = 'bin_utilization_cache'): Promise<CacheStatus> {
  const rows = await systemRead(timeoutMs, (tx) =>
    tx.$queryRaw<{ installed: boolean; last_refresh_time: Date | null; age_seconds: number | null; error_message: string | null }[]>`
      SELECT * FROM binwise_ops_cache_status(${cacheName})`,
  );
  const row = rows[0];
  return {
    installed: row?.installed ?? false,
    lastRefreshTime: row?.last_refresh_time ?? null,
    ageSeconds: num(row?.age_seconds),
    errorMessage: row?.error_message ?? null,
  };
}

export type BatchStats = { batchCount: number; failedCount: number; p95Ms: number | null; p99Ms: number | null };

export async function readBatchStats(timeoutMs: number, windowMinutes = 15): Promise<BatchStats> {
  const rows = await systemRead(timeoutMs, (tx) =>
    tx.$queryRaw<{ batch_count: bigint; failed_count: bigint; p95_ms: number | null; p99_ms: number | null }[]>`
      SELECT * FROM binwise_ops_batch_stats(${windowMinutes}::int)`,
  );
  const row = rows[0];
  return { batchCount: num(row?.batch_count) ?? 0, failedCount: num(row?.failed_count) ?? 0, p95Ms: num(row?.p95_ms), p99Ms: num(row?.p99_ms) };
}

export type DecisionStats = { decided: number; accepted: number; rejected: number; overridden: number };

export async function readDecisionStats(timeoutMs: number, windowDays = 7): Promise<DecisionStats> {
  const rows = await systemRead(timeoutMs, (tx) =>
    tx.$queryRaw<{ decided: bigint; accepted: bigint; rejected: bigint; overridden: bigint }[]>`
      SELECT * FROM binwise_ops_decision_stats(${windowDays}::int)`,
  );
  const row = rows[0];
  return { decided: num(row?.decided) ?? 0, accepted: num(row?.accepted) ?? 0, rejected: num(row?.rejected) ?? 0, overridden: num(row?.overridden) ?? 0 };
}

export type MlAccuracyStats = { tenantsWithModel: number; rollingTenants: number; scoredDecisions: number; minAccuracyPct: number | null; meanAccuracyPct: number | null };

/** Rolling 30-day accuracy per tenant (held-out accuracy below 20 scored decisions). */
export async function readMlAccuracy(timeoutMs: number, windowDays = 30, minDecisions = 20): Promise<MlAccuracyStats> {
  const rows = await systemRead(timeoutMs, (tx) =>
    tx.$queryRaw<{ tenants_with_model: bigint; rolling_tenants: bigint; scored_decisions: bigint; min_accuracy_pct: number | null; mean_accuracy_pct: number | null }[]>`
      SELECT * FROM binwise_ops_ml_accuracy(${windowDays}::int, ${minDecisions}::int)`,
  );
  const row = rows[0];
  return {
    tenantsWithModel: num(row?.tenants_with_model) ?? 0,
    rollingTenants: num(row?.rolling_tenants) ?? 0,
    scoredDecisions: num(row?.scored_decisions) ?? 0,
    minAccuracyPct: num(row?.min_accuracy_pct),
    meanAccuracyPct: num(row?.mean_accuracy_pct),
  };
}

export type ZoneUtilization = { zone: string; status: string; bins: number; meanUtilizationPct: number | null };

export async function readUtilizationByZone(timeoutMs: number): Promise<ZoneUtilization[]> {
  const rows = await systemRead(timeoutMs, (tx) =>
    tx.$queryRaw<{ zone_code: string; status: string; bin_count: bigint; mean_utilization_pct: number | null }[]>`
      SELECT * FROM binwise_ops_utilization_by_zone()`,
  );
  return rows.map((row) => ({ zone: row.zone_code, status: row.status, bins: Number(row.bin_count), meanUtilizationPct: num(row.mean_utilization_pct) }));
}

export type FlagValueCount = { flagKey: string; value: string; tenantCount: number };

export async function readFlagOverrideValues(timeoutMs: number): Promise<FlagValueCount[]> {
  const rows = await systemRead(timeoutMs, (tx) =>
    tx.$queryRaw<{ flag_key: string; value: string; tenant_count: bigint }[]>`SELECT * FROM binwise_ops_flag_values()`,
  );
  return rows.map((row) => ({ flagKey: row.flag_key, value: row.value, tenantCount: Number(row.tenant_count) }));
}

export async function pingDatabase(timeoutMs: number): Promise<number> {
  const started = performance.now();
  await systemRead(timeoutMs, (tx) => tx.$queryRaw`SELECT 1`);
  return performance.now() - started;
}
