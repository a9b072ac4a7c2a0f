import 'server-only';
import type { AuthContext } from '../auth/session';
import { assertPermission } from '../auth/session';
import { withTenant } from '../db';
import { getSchedulerStatus, type SchedulerStatus } from '../scheduler/get-scheduler-status';
import { cacheAvailability, type CacheAvailability } from './cache-availability';

/** Runbook alerts: BinUtilizationCacheDegraded above 15 minutes, BinUtilizationCacheStale above 30. */
export const CACHE_DEGRADED_SECONDS = 15 * 60;
export const CACHE_STALE_SECONDS = 30 * 60;

export type CacheRefreshEntry = { refreshedAt: string; kind: string; durationMs: number; rows: number; errorMessage: string | null };

export type CacheStatus = {
  availability: CacheAvailability;
  /** The runbook's cache_refresh_status row; null after the rollback dropped the table. */
  last: CacheRefreshEntry | null;
  ageSeconds: number | null;
  health: 'HEALTHY' | 'DEGRADED' | 'STALE' | 'UNAVAILABLE';
  /** Rows of this tenant in bin_utilization_cache. */
  tenantRows: number;
  /** Last full refreshes and failures (cache_refresh_log), newest first. */
  history: CacheRefreshEntry[];
  recentErrors: CacheRefreshEntry[];
  scheduler: SchedulerStatus;
};

type StatusRow = { last_refresh_time: Date; refresh_kind: string; duration_ms: number; row_count: number; error_message: string | null; age: number };
type LogRow = { refreshed_at: Date; refresh_kind: string; duration_ms: number; row_count: number; error_message: string | null };

const entry = (at: Date, row: { refresh_kind: string; duration_ms: number; row_count: number; error_message: string | null }): CacheRefreshEntry => ({
  refreshedAt: at.toISOString(),
  kind: row.refresh_kind,
  durationMs: Math.round(Number(row.duration_ms) * 10) / 10,
  rows: Number(row.row_count),
  errorMessage: row.error_message,
});

/** The cache health page: age, last refresh, history, errors and the scheduler in use. */
export async function getCacheStatus(context: AuthContext): Promise<CacheStatus> {
  assertPermission(context, 'cache.read');
  const data = await withTenant(context.tenantId, async (tx) => {
    const availability = await cacheAvailability(tx);
    let last: CacheRefreshEntry | null = null;
    let ageSeconds: number | null = null;
    let history: CacheRefreshEntry[] = [];
    let recentErrors: CacheRefreshEntry[] = [];
    let tenantRows = 0;
    if (availability.statusTableExists) {
      const [row] = await tx.$queryRaw<StatusRow[]>`
        SELECT last_refresh_time, refresh_kind, duration_ms, row_count, error_message,
               EXTRACT(EPOCH FROM now() - last_refresh_time)::float8 AS age
        FROM cache_refresh_status WHERE cache_name = 'bin_utilization_cache'`;
      if (row) {
        last = entry(row.last_refresh_time, row);
        ageSeconds = Math.max(0, Math.round(row.age));
      }
    }
    if (availability.tableExists) {
      const [count] = await tx.$queryRaw<{ n: bigint }[]>`SELECT COUNT(*) AS n FROM bin_utilization_cache`;
      tenantRows = Number(count?.n ?? 0);
      const [log] = await tx.$queryRaw<{ ok: boolean }[]>`SELECT to_regclass('cache_refresh_log') IS NOT NULL AS ok`;
      if (log?.ok) {
        const rows = await tx.$queryRaw<LogRow[]>`
          SELECT refreshed_at, refresh_kind, duration_ms, row_count, error_message FROM cache_refresh_log
          WHERE cache_name = 'bin_utilization_cache' ORDER BY refreshed_at DESC LIMIT 20`;
        history = rows.map((r) => entry(r.refreshed_at, r));
        const errors = await tx.$queryRaw<LogRow[]>`
          SELECT refreshed_at, refresh_kind, duration_ms, row_count, error_message FROM cache_refresh_log
          WHERE cache_name = 'bin_utilization_cache' AND error_message IS NOT NULL ORDER BY refreshed_at DESC LIMIT 10`;
        recentErrors = errors.map((r) => entry(r.refreshed_at, r));
      }
    }
    return { availability, last, ageSeconds, history, recentErrors, tenantRows };
  });
  const scheduler = await getSchedulerStatus();
  const health = !data.availability.usable || data.ageSeconds === null
    ? 'UNAVAILABLE'
    : data.ageSeconds > CACHE_STALE_SECONDS
      ? 'STALE'
      : data.ageSeconds > CACHE_DEGRADED_SECONDS
        ? 'DEGRADED'
        : 'HEALTHY';
  return { ...data, health, scheduler };
}
