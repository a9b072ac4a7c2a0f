import 'server-only';

/**
 * The runbook's alert thresholds as health statuses. Pure, so the boundaries are unit tested:
 * a value exactly at a threshold is not past it ("more than 15 minutes", "below 80%").
 */
export type HealthStatus = 'HEALTHY' | 'DEGRADED' | 'UNHEALTHY';

export const THRESHOLDS = {
  cacheAgeMinutes: { degraded: 15, unhealthy: 30 },
  mlAccuracyPct: { degraded: 80, unhealthy: 70 },
  processingP95Ms: { degraded: 2_000, unhealthy: 5_000 },
  errorRate: { unhealthy: 0.05 },
  acceptanceRate: { degraded: 0.6 },
} as const;

const RANK: Record<HealthStatus, number> = { HEALTHY: 0, DEGRADED: 1, UNHEALTHY: 2 };

/** The worst of the statuses (HEALTHY when there are none). */
export function worstStatus(statuses: readonly HealthStatus[]): HealthStatus {
  return statuses.reduce<HealthStatus>((worst, status) => (RANK[status] > RANK[worst] ? status : worst), 'HEALTHY');
}

export function cacheAgeStatus(ageMinutes: number): HealthStatus {
  if (ageMinutes > THRESHOLDS.cacheAgeMinutes.unhealthy) return 'UNHEALTHY';
  if (ageMinutes > THRESHOLDS.cacheAgeMinutes.degraded) return 'DEGRADED';
  return 'HEALTHY';
}

export function mlAccuracyStatus(accuracyPct: number): HealthStatus {
  if (accuracyPct < THRESHOLDS.mlAccuracyPct.unhealthy) return 'UNHEALTHY';
  if (accuracyPct < THRESHOLDS.mlAccuracyPct.degraded) return 'DEGRADED';
  return 'HEALTHY';
}

export function processingTimeStatus(p95Ms: number): HealthStatus {
  if (p95Ms > THRESHOLDS.processingP95Ms.unhealthy) return 'UNHEALTHY';
  if (p95Ms > THRESHOLDS.processingP95Ms.degraded) return 'DEGRADED';
  return 'HEALTHY';
}

/** `rate` is a ratio, 0-1. */
export function errorRateStatus(rate: number): HealthStatus {
  return rate > THRESHOLDS.errorRate.unhealthy ? 'UNHEALTHY' : 'HEALTHY';
}

/** `rate` is a ratio, 0-1. */
export function acceptanceRateStatus(rate: number): HealthStatus {
  return rate < THRESHOLDS.acceptanceRate.degraded ? 'DEGRADED' : 'HEALTHY';
}

/** 200 while the service can serve (HEALTHY, DEGRADED), 503 to take it out of rotation. */
export function httpStatusOf(status: HealthStatus): 200 | 503 {
  return status === 'UNHEALTHY' ? 503 : 200;
}
