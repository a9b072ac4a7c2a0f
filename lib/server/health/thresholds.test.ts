import { describe, expect, it } from 'vitest';
import { acceptanceRateStatus, cacheAgeStatus, errorRateStatus, httpStatusOf, mlAccuracyStatus, processingTimeStatus, worstStatus } from './thresholds';

describe('runbook thresholds', () => {
  it('marks the cache DEGRADED past 15 minutes and UNHEALTHY past 30', () => {
    expect(cacheAgeStatus(2.3)).toBe('HEALTHY');
    expect(cacheAgeStatus(15)).toBe('HEALTHY');
    expect(cacheAgeStatus(15.1)).toBe('DEGRADED');
    expect(cacheAgeStatus(30)).toBe('DEGRADED');
    expect(cacheAgeStatus(30.1)).toBe('UNHEALTHY');
  });

  it('marks ML accuracy DEGRADED below 80% and UNHEALTHY below 70%', () => {
    expect(mlAccuracyStatus(87.5)).toBe('HEALTHY');
    expect(mlAccuracyStatus(80)).toBe('HEALTHY');
    expect(mlAccuracyStatus(79.9)).toBe('DEGRADED');
    expect(mlAccuracyStatus(70)).toBe('DEGRADED');
    expect(mlAccuracyStatus(69.9)).toBe('UNHEALTHY');
  });

  it('marks p95 processing time DEGRADED above 2 s and UNHEALTHY above 5 s', () => {
    expect(processingTimeStatus(2000)).toBe('HEALTHY');
    expect(processingTimeStatus(2001)).toBe('DEGRADED');
    expect(processingTimeStatus(5000)).toBe('DEGRADED');
    expect(processingTimeStatus(5001)).toBe('UNHEALTHY');
  });

  it('marks an error rate above 5% UNHEALTHY', () => {
    expect(errorRateStatus(0.05)).toBe('HEALTHY');
    expect(errorRateStatus(0.0501)).toBe('UNHEALTHY');
  });

  it('marks an acceptance rate below 60% DEGRADED', () => {
    expect(acceptanceRateStatus(0.6)).toBe('HEALTHY');
    expect(acceptanceRateStatus(0.599)).toBe('DEGRADED');
  });

  it('takes the worst status overall and answers 503 only for UNHEALTHY', () => {
    expect(worstStatus([])).toBe('HEALTHY');
    expect(worstStatus(['HEALTHY', 'DEGRADED', 'HEALTHY'])).toBe('DEGRADED');
    expect(worstStatus(['DEGRADED', 'UNHEALTHY'])).toBe('UNHEALTHY');
    expect(httpStatusOf('HEALTHY')).toBe(200);
    expect(httpStatusOf('DEGRADED')).toBe(200);
    expect(httpStatusOf('UNHEALTHY')).toBe(503);
  });
});
