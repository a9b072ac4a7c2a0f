import 'server-only';
import { toAppError, type AppError } from '../errors';
import { batchesTotal, batchProcessingMs, decisionsTotal, optimizationErrorsTotal, recommendationsTotal } from '../metrics';

// Metrics must never break a putaway: every update is guarded and a failure only logged.
function safely(update: () => void): void {
  try {
    update();
  } catch (error) {
    console.error('[binwise] metrics update failed', error);
  }
}

/** `putaway_decisions_total{decision}` with the registry's lowercase label values. */
export function countDecision(decision: 'ACCEPTED' | 'REJECTED' | 'OVERRIDDEN', count = 1): void {
  if (count > 0) safely(() => decisionsTotal.inc({ decision: decision.toLowerCase() }, count));
}

export function observeBatch(algorithm: string, ms: number, recommendations: { confidenceSource: string }[]): void {
  safely(() => {
    batchProcessingMs.observe({ algorithm }, ms);
    batchesTotal.inc({ status: 'success' });
    const bySource = new Map<string, number>();
    for (const r of recommendations) bySource.set(r.confidenceSource, (bySource.get(r.confidenceSource) ?? 0) + 1);
    for (const [source, n] of bySource) recommendationsTotal.inc({ algorithm, confidence_source: source }, n);
  });
}

export function countBatchFailure(operation: 'batch' | 'decision'): void {
  safely(() => {
    optimizationErrorsTotal.inc({ operation });
    if (operation === 'batch') batchesTotal.inc({ status: 'failure' });
  });
}

/**
 * For `.catch()` on a decision: refusals (CAPACITY_CONFLICT, CONFLICT, NOT_FOUND, bad input)
 * are the normal outcome of a race or a typo; only unexpected failures count as errors.
 */
export function countUnexpectedDecisionError(error: unknown): never {
  const appError: AppError = toAppError(error);
  if (appError.code === 'INTERNAL' || appError.code === 'UNAVAILABLE') countBatchFailure('decision');
  throw appError;
}
