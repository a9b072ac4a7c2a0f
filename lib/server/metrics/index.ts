import 'server-only';
import type { Registry } from 'prom-client';
import { binwiseMetrics } from './registry';
import { refreshDatabaseGauges } from './refresh-database-gauges';

export { METRIC_NAMES, PROCESSING_BUCKETS_MS, type MetricName } from './names';

/**
 * The app's Prometheus metrics. Import the named metrics and record on them, e.g.
 * `batchProcessingMs.observe({ algorithm: 'HYBRID' }, ms)` or
 * `decisionsTotal.inc({ decision: 'accepted' })`. Labels must stay bounded: algorithm,
 * confidence source, decision, status, operation, zone code; never an id or a tenant.
 */
const metrics = binwiseMetrics();

/** Histogram `batch_putaway_processing_time_ms` {algorithm}: one observation per batch. */
export const batchProcessingMs = metrics.batchProcessingMs;
/** Counter `putaway_recommendations_total` {algorithm, confidence_source: 'ml' | 'heuristic'}. */
export const recommendationsTotal = metrics.recommendationsTotal;
/** Counter `putaway_decisions_total` {decision: 'accepted' | 'rejected' | 'overridden'}. */
export const decisionsTotal = metrics.decisionsTotal;
/** Counter `bin_optimization_errors_total` {operation}, e.g. batch, decision, cache_refresh, ml_training. */
export const optimizationErrorsTotal = metrics.optimizationErrorsTotal;
/** Counter `putaway_batches_total` {status: 'success' | 'failure'}. */
export const batchesTotal = metrics.batchesTotal;
/** Gauge `bin_utilization_cache_age_seconds` (set at scrape time from cache_refresh_status). */
export const cacheAgeSeconds = metrics.cacheAgeSeconds;
/** Gauge `ml_model_accuracy_percentage`, 0-100, lowest tenant's rolling 30-day accuracy. */
export const mlModelAccuracyPercentage = metrics.mlModelAccuracyPercentage;
/** Gauge `putaway_acceptance_rate`, a RATIO 0-1 (the alert threshold 60% is 0.6). */
export const acceptanceRate = metrics.acceptanceRate;
/** Gauge `bin_optimization_error_rate`, a ratio 0-1 of failed batches in the last 15 minutes. */
export const errorRate = metrics.errorRate;
/** Gauge `bin_utilization_percentage` {zone, status}: mean utilization, percent. */
export const utilizationPercentage = metrics.utilizationPercentage;
/** Gauge `bin_utilization_bins` {zone, status}: bin counts. */
export const utilizationBins = metrics.utilizationBins;

export function metricsRegistry(): Registry {
  return metrics.registry;
}

export type RenderOptions = {
  /** Read the database-backed gauges first (default). Off for tests that only need names. */
  refreshFromDatabase?: boolean;
};

/** The Prometheus text exposition of every metric, with the database gauges refreshed. */
export async function renderMetrics(options: RenderOptions = {}): Promise<{ body: string; contentType: string }> {
  if (options.refreshFromDatabase ?? true) await refreshDatabaseGauges(metrics);
  return { body: await metrics.registry.metrics(), contentType: metrics.registry.contentType };
}
