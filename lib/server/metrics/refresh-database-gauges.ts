import 'server-only';
import { readBatchStats, readCacheStatus, readDecisionStats, readMlAccuracy, readUtilizationByZone } from '../health/ops-aggregates';
import type { BinwiseMetrics } from './registry';

const QUERY_TIMEOUT_MS = 2_000;

/**
 * Sets the fleet-wide gauges from the database, once per scrape. Every replica reports the
 * same values, so dashboards and alerts aggregate them with max() or avg(), never sum().
 * A failed read sets the gauge to NaN (no data) rather than leaving a stale value behind.
 */
export async function refreshDatabaseGauges(metrics: BinwiseMetrics): Promise<void> {
  const [cache, ml, decisions, batches, zones] = await Promise.allSettled([
    readCacheStatus(QUERY_TIMEOUT_MS),
    readMlAccuracy(QUERY_TIMEOUT_MS),
    readDecisionStats(QUERY_TIMEOUT_MS),
    readBatchStats(QUERY_TIMEOUT_MS),
    readUtilizationByZone(QUERY_TIMEOUT_MS),
  ]);

  // A cache that was never refreshed (or whose table is missing) is infinitely stale: the
  // BinUtilizationCacheStale alert should fire, not stay silent.
  metrics.cacheAgeSeconds.set(cache.status === 'fulfilled' ? (cache.value.ageSeconds ?? Number.POSITIVE_INFINITY) : Number.NaN);
  metrics.mlModelAccuracyPercentage.set(ml.status === 'fulfilled' ? (ml.value.minAccuracyPct ?? Number.NaN) : Number.NaN);
  metrics.acceptanceRate.set(
    decisions.status === 'fulfilled' && decisions.value.decided > 0 ? decisions.value.accepted / decisions.value.decided : Number.NaN,
  );
  metrics.errorRate.set(
    batches.status === 'fulfilled' && batches.value.batchCount > 0 ? batches.value.failedCount / batches.value.batchCount : Number.NaN,
  );

  metrics.utilizationPercentage.reset();
  metrics.utilizationBins.reset();
  if (zones.status === 'fulfilled') {
    for (const row of zones.value) {
      const labels = { zone: row.zone, status: row.status };
      metrics.utilizationBins.set(labels, row.bins);
      if (row.meanUtilizationPct !== null) metrics.utilizationPercentage.set(labels, row.meanUtilizationPct);
    }
  }

  const results = [cache, ml, decisions, batches, zones];
  const failed = results.filter((result) => result.status === 'rejected');
  metrics.databaseUp.set(failed.length === 0 ? 1 : 0);
  if (failed.length > 0) {
    metrics.optimizationErrorsTotal.inc({ operation: 'metrics_scrape' });
    const first = failed[0] as PromiseRejectedResult;
    console.error('[binwise] metrics: database gauges could not be read', String((first.reason as Error)?.message ?? first.reason));
  }
}
