import 'server-only';
import { getOptimizationHealth } from '../health/get-optimization-health';
import { readUtilizationByZone } from '../health/ops-aggregates';
import type { HealthStatus } from '../health/thresholds';
import type { BinwiseMetrics } from './registry';

/** Scrapes may wait longer than the readiness probe; Prometheus' own timeout is 10 s. */
const SCRAPE_CHECK_TIMEOUT_MS = 2_000;

const STATUS_VALUE: Record<HealthStatus, number> = { HEALTHY: 0, DEGRADED: 1, UNHEALTHY: 2 };

/** A number from a check, or NaN (no data, or the check failed). */
const numberOr = (value: unknown, fallback = Number.NaN): number => (typeof value === 'number' && Number.isFinite(value) ? value : fallback);

/**
 * Sets the fleet-wide gauges from the database once per scrape, from the same reads as the
 * health endpoint, so /metrics and /health never disagree. Every replica reports the same
 * values: dashboards and alerts aggregate them with max() or min(), never sum().
 * NaN means "no data" (no model yet, no decisions): Prometheus comparisons on NaN never fire.
 */
export async function refreshDatabaseGauges(metrics: BinwiseMetrics): Promise<void> {
  const [health, zones] = await Promise.all([
    getOptimizationHealth({ timeoutMs: SCRAPE_CHECK_TIMEOUT_MS }),
    readUtilizationByZone(SCRAPE_CHECK_TIMEOUT_MS).catch((error: unknown) => {
      console.error('[binwise] metrics: utilization by zone could not be read', String((error as Error)?.message ?? error));
      return null;
    }),
  ]);
  const { checks } = health;

  metrics.healthStatus.set(STATUS_VALUE[health.status]);
  for (const [name, check] of Object.entries(checks)) metrics.healthCheckStatus.set({ check: name }, STATUS_VALUE[check.status]);

  // A cache that was never refreshed (or is not installed) is infinitely stale, so
  // BinUtilizationCacheStale fires; a check that could not run reports NaN.
  const cache = checks.cacheAge;
  metrics.cacheAgeSeconds.set(
    typeof cache.ageMinutes === 'number' ? cache.ageMinutes * 60 : cache.error ? Number.NaN : Number.POSITIVE_INFINITY,
  );
  metrics.mlModelAccuracyPercentage.set(numberOr(checks.mlModelAccuracy.accuracy));
  metrics.acceptanceRate.set(numberOr(checks.acceptanceRate.rate));
  metrics.errorRate.set(numberOr(checks.errorRate.rate));

  metrics.utilizationPercentage.reset();
  metrics.utilizationBins.reset();
  for (const row of zones ?? []) {
    const labels = { zone: row.zone, status: row.status };
    metrics.utilizationBins.set(labels, row.bins);
    if (row.meanUtilizationPct !== null) metrics.utilizationPercentage.set(labels, row.meanUtilizationPct);
  }

  const databaseUp = checks.database.status === 'HEALTHY' && zones !== null;
  metrics.databaseUp.set(databaseUp ? 1 : 0);
  if (!databaseUp) metrics.optimizationErrorsTotal.inc({ operation: 'metrics_scrape' });
}
