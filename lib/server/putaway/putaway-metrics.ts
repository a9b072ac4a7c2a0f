import 'server-only';
import { binwiseMetrics } from '../metrics/registry';

// Metrics must never break a putaway: every call is guarded, a failure is logged once.
function safely(update: () => void): void {
  try {
    update();
  } catch (error) {
    console.error('[binwise] metrics update failed', error);
  }
}

export function countDecision(decision: 'ACCEPTED' | 'REJECTED' | 'OVERRIDDEN', count = 1): void {
  if (count > 0) safely(() => binwiseMetrics().decisionsTotal.inc({ decision }, count));
}

export function observeBatch(algorithm: string, ms: number, recommendations: { confidenceSource: string }[]): void {
  safely(() => {
    const metrics = binwiseMetrics();
    metrics.batchProcessingMs.observe({ algorithm }, ms);
    metrics.batchesTotal.inc({ status: 'success' });
    const bySource = new Map<string, number>();
    for (const r of recommendations) bySource.set(r.confidenceSource, (bySource.get(r.confidenceSource) ?? 0) + 1);
    for (const [source, n] of bySource) metrics.recommendationsTotal.inc({ algorithm, confidence_source: source }, n);
  });
}

export function countBatchFailure(operation: 'batch' | 'decision'): void {
  safely(() => {
    const metrics = binwiseMetrics();
    metrics.optimizationErrorsTotal.inc({ operation });
    if (operation === 'batch') metrics.batchesTotal.inc({ status: 'failure' });
  });
}
