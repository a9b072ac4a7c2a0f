import 'server-only';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { METRIC_NAMES, PROCESSING_BUCKETS_MS } from './names';

function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  return {
    registry,
    batchProcessingMs: new Histogram({
      name: METRIC_NAMES.batchProcessingMs,
      help: 'Wall time of one putaway batch (candidate query, engine, inserts), in milliseconds.',
      labelNames: ['algorithm'] as const,
      buckets: [...PROCESSING_BUCKETS_MS],
      registers,
    }),
    recommendationsTotal: new Counter({
      name: METRIC_NAMES.recommendationsTotal,
      help: 'Putaway recommendations produced, by algorithm and where the confidence came from (ml or heuristic).',
      labelNames: ['algorithm', 'confidence_source'] as const,
      registers,
    }),
    decisionsTotal: new Counter({
      name: METRIC_NAMES.decisionsTotal,
      help: 'Supervisor decisions on recommendations.',
      labelNames: ['decision'] as const,
      registers,
    }),
    optimizationErrorsTotal: new Counter({
      name: METRIC_NAMES.optimizationErrorsTotal,
      help: 'Failures by operation (batch, decision, cache_refresh, ml_training, metrics_scrape, ...).',
      labelNames: ['operation'] as const,
      registers,
    }),
    batchesTotal: new Counter({
      name: METRIC_NAMES.batchesTotal,
      help: 'Putaway batches attempted, by outcome. Error rate = failure / all.',
      labelNames: ['status'] as const,
      registers,
    }),
    // The gauges below are set from the database at scrape time (refresh-database-gauges.ts),
    // so every replica reports the same fleet-wide value. NaN means "no data yet".
    cacheAgeSeconds: new Gauge({
      name: METRIC_NAMES.cacheAgeSeconds,
      help: 'Seconds since the bin utilization cache was last refreshed (+Inf if it never was).',
      registers,
    }),
    mlModelAccuracyPercentage: new Gauge({
      name: METRIC_NAMES.mlModelAccuracyPercentage,
      help: 'ML confidence accuracy in percent (0-100) on decisions of the last 30 days, lowest across tenants; NaN without a model.',
      registers,
    }),
    acceptanceRate: new Gauge({
      name: METRIC_NAMES.acceptanceRate,
      help: 'Share (0-1) of decided recommendations accepted as recommended in the last 7 days; alert below 0.6. NaN without decisions.',
      registers,
    }),
    errorRate: new Gauge({
      name: METRIC_NAMES.errorRate,
      help: 'Share (0-1) of putaway batches that failed in the last 15 minutes; NaN without batches.',
      registers,
    }),
    utilizationPercentage: new Gauge({
      name: METRIC_NAMES.utilizationPercentage,
      help: 'Mean bin utilization (percent of cubic feet) per zone code and cache status (UNDER, OPTIMAL, OVER, INVALID).',
      labelNames: ['zone', 'status'] as const,
      registers,
    }),
    utilizationBins: new Gauge({
      name: METRIC_NAMES.utilizationBins,
      help: 'Number of bins per zone code and utilization status.',
      labelNames: ['zone', 'status'] as const,
      registers,
    }),
    healthStatus: new Gauge({
      name: METRIC_NAMES.healthStatus,
      help: 'Overall /api/wms/optimization/health status: 0 HEALTHY, 1 DEGRADED, 2 UNHEALTHY.',
      registers,
    }),
    healthCheckStatus: new Gauge({
      name: METRIC_NAMES.healthCheckStatus,
      help: 'Status of each health check: 0 HEALTHY, 1 DEGRADED, 2 UNHEALTHY.',
      labelNames: ['check'] as const,
      registers,
    }),
    databaseUp: new Gauge({
      name: METRIC_NAMES.databaseUp,
      help: '1 if the last scrape could read the database aggregates, else 0.',
      registers,
    }),
  };
}

export type BinwiseMetrics = ReturnType<typeof createMetrics>;

/**
 * Zero series for every known label value, so a scrape shows each counter from the start
 * and rate()/ratios see an explicit 0 rather than a missing series.
 */
function initialiseCounters(metrics: BinwiseMetrics): BinwiseMetrics {
  for (const decision of ['accepted', 'rejected', 'overridden']) metrics.decisionsTotal.inc({ decision }, 0);
  for (const status of ['success', 'failure']) metrics.batchesTotal.inc({ status }, 0);
  for (const operation of ['batch', 'decision', 'cache_refresh', 'ml_training', 'metrics_scrape']) metrics.optimizationErrorsTotal.inc({ operation }, 0);
  for (const algorithm of ['FFD', 'BFD', 'HYBRID']) {
    for (const source of ['ml', 'heuristic']) metrics.recommendationsTotal.inc({ algorithm, confidence_source: source }, 0);
  }
  return metrics;
}

// One registry per process, on globalThis: Next.js evaluates this module once per route
// bundle, and separate registries would split (or reset) the counters between routes.
const globals = globalThis as unknown as { binwiseMetrics?: BinwiseMetrics };

export function binwiseMetrics(): BinwiseMetrics {
  globals.binwiseMetrics ??= initialiseCounters(createMetrics());
  return globals.binwiseMetrics;
}
