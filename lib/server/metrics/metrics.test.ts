import { describe, expect, it } from 'vitest';
import { batchProcessingMs, batchesTotal, decisionsTotal, METRIC_NAMES, metricsRegistry, recommendationsTotal, renderMetrics } from './index';
import { binwiseMetrics } from './registry';

describe('metrics registry', () => {
  it('registers every runbook metric name once, plus the default process metrics', async () => {
    const names = (await metricsRegistry().getMetricsAsJSON()).map((metric) => metric.name);
    for (const name of Object.values(METRIC_NAMES)) expect(names).toContain(name);
    expect(names).toContain('process_cpu_user_seconds_total');
    expect(new Set(names).size).toBe(names.length);
  });

  it('is anchored on globalThis, so a second module instance shares the same counters', () => {
    expect(binwiseMetrics().registry).toBe(metricsRegistry());
    expect(binwiseMetrics().batchesTotal).toBe(batchesTotal);
  });

  it('renders observations in the Prometheus text format with bounded labels', async () => {
    batchProcessingMs.observe({ algorithm: 'HYBRID' }, 1500);
    recommendationsTotal.inc({ algorithm: 'HYBRID', confidence_source: 'heuristic' }, 3);
    decisionsTotal.inc({ decision: 'accepted' });
    const { body, contentType } = await renderMetrics({ refreshFromDatabase: false });
    expect(contentType).toContain('text/plain');
    expect(body).toContain('batch_putaway_processing_time_ms_bucket{le="2000",algorithm="HYBRID"} 1');
    expect(body).toContain('batch_putaway_processing_time_ms_bucket{le="1000",algorithm="HYBRID"} 0');
    expect(body).toContain('putaway_recommendations_total{algorithm="HYBRID",confidence_source="heuristic"} 3');
    expect(body).toContain('putaway_decisions_total{decision="accepted"} 1');
  });

  it('exposes every counter from the first scrape with zero series for each known label value', async () => {
    const { body } = await renderMetrics({ refreshFromDatabase: false });
    expect(body).toContain('putaway_decisions_total{decision="overridden"} 0');
    expect(body).toContain('putaway_batches_total{status="failure"} 0');
    expect(body).toContain('bin_optimization_errors_total{operation="cache_refresh"} 0');
    expect(body).toContain('putaway_recommendations_total{algorithm="BFD",confidence_source="ml"} 0');
  });

  it('puts histogram bucket edges at the 2,000 ms and 5,000 ms alert thresholds', async () => {
    const { body } = await renderMetrics({ refreshFromDatabase: false });
    expect(body).toMatch(/batch_putaway_processing_time_ms_bucket\{le="2000"/);
    expect(body).toMatch(/batch_putaway_processing_time_ms_bucket\{le="5000"/);
  });
});
