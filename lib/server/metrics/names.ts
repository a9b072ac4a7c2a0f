import 'server-only';

/**
 * Every metric name the app exports, in one place: the registry, the Grafana dashboard test
 * and the alert rules all refer to these strings, so a rename breaks a test instead of a panel.
 */
export const METRIC_NAMES = {
  batchProcessingMs: 'batch_putaway_processing_time_ms',
  recommendationsTotal: 'putaway_recommendations_total',
  decisionsTotal: 'putaway_decisions_total',
  optimizationErrorsTotal: 'bin_optimization_errors_total',
  batchesTotal: 'putaway_batches_total',
  cacheAgeSeconds: 'bin_utilization_cache_age_seconds',
  mlModelAccuracyPercentage: 'ml_model_accuracy_percentage',
  acceptanceRate: 'putaway_acceptance_rate',
  errorRate: 'bin_optimization_error_rate',
  utilizationPercentage: 'bin_utilization_percentage',
  utilizationBins: 'bin_utilization_bins',
  databaseUp: 'binwise_database_up',
  healthStatus: 'bin_optimization_health_status',
  healthCheckStatus: 'bin_optimization_health_check_status',
} as const;

export type MetricName = (typeof METRIC_NAMES)[keyof typeof METRIC_NAMES];

/** Buckets bracket the runbook's 2,000 ms (warning) and 5,000 ms (critical) p95 thresholds. */
export const PROCESSING_BUCKETS_MS = [25, 50, 100, 250, 500, 1000, 2000, 3000, 5000, 10000] as const;
