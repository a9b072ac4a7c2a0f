import { describe, expect, it } from 'vitest';
import type { SchedulerStatus } from '../scheduler';
import { getOptimizationHealth, type HealthSources } from './get-optimization-health';

const scheduler: SchedulerStatus = {
  mode: 'in-app',
  holder: { holder: 'web-1', heartbeatAt: new Date().toISOString(), thisProcess: true },
  lastRunAt: {},
  tasks: [],
  pgCron: { installed: false, jobScheduled: false, schedule: null },
};

/** A healthy fleet; each test breaks one source. */
const healthy: HealthSources = {
  pingDatabase: async () => 1.2,
  readCacheStatus: async () => ({ installed: true, lastRefreshTime: new Date(), ageSeconds: 138, errorMessage: null }),
  readMlAccuracy: async () => ({ tenantsWithModel: 2, rollingTenants: 2, scoredDecisions: 400, minAccuracyPct: 87.5, meanAccuracyPct: 89 }),
  readBatchStats: async () => ({ batchCount: 40, failedCount: 1, p95Ms: 120, p99Ms: 300 }),
  readDecisionStats: async () => ({ decided: 100, accepted: 80, rejected: 10, overridden: 10 }),
  readFlagOverrideValues: async () => [{ flagKey: 'ML_MODEL_ENABLED', value: 'false', tenantCount: 1 }],
  getSchedulerStatus: async () => scheduler,
  environmentFlagDefaults: () => ({ BIN_OPTIMIZATION_ALGORITHM: 'HYBRID', SKU_AFFINITY_ENABLED: 'true', CROSS_DOCK_ENABLED: 'true', CONGESTION_AVOIDANCE_ENABLED: 'true', ML_MODEL_ENABLED: 'true' }),
};

const never = () => new Promise<never>(() => {});

describe('getOptimizationHealth', () => {
  it('reports HEALTHY with every runbook check when all sources are within thresholds', async () => {
    const health = await getOptimizationHealth({ sources: healthy });
    expect(health.status).toBe('HEALTHY');
    expect(Object.keys(health.checks)).toEqual(['database', 'cacheAge', 'mlModelAccuracy', 'processingTime', 'errorRate', 'acceptanceRate', 'scheduler', 'flags']);
    expect(health.checks.cacheAge).toMatchObject({ status: 'HEALTHY', ageMinutes: 2.3 });
    expect(health.checks.mlModelAccuracy).toMatchObject({ status: 'HEALTHY', accuracy: 87.5 });
    expect(health.checks.errorRate).toMatchObject({ status: 'HEALTHY', rate: 0.025 });
  });

  it('turns UNHEALTHY when the cache is older than 30 minutes', async () => {
    const health = await getOptimizationHealth({ sources: { ...healthy, readCacheStatus: async () => ({ installed: true, lastRefreshTime: new Date(), ageSeconds: 31 * 60, errorMessage: null }) } });
    expect(health.status).toBe('UNHEALTHY');
    expect(health.checks.cacheAge).toMatchObject({ status: 'UNHEALTHY', ageMinutes: 31 });
  });

  it('turns UNHEALTHY when the utilization cache is not installed at all', async () => {
    const health = await getOptimizationHealth({ sources: { ...healthy, readCacheStatus: async () => ({ installed: false, lastRefreshTime: null, ageSeconds: null, errorMessage: null }) } });
    expect(health.checks.cacheAge.status).toBe('UNHEALTHY');
    expect(health.checks.cacheAge.note).toContain('cache_refresh_status');
  });

  it('answers within its budget when a check hangs, and marks only that check as timed out', async () => {
    const started = performance.now();
    const health = await getOptimizationHealth({ timeoutMs: 50, sources: { ...healthy, readMlAccuracy: never, getSchedulerStatus: never } });
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(health.checks.mlModelAccuracy).toEqual({ status: 'DEGRADED', error: 'timed out after 50 ms' });
    expect(health.checks.scheduler.status).toBe('DEGRADED');
    expect(health.checks.cacheAge.status).toBe('HEALTHY');
    expect(health.status).toBe('DEGRADED');
  });

  it('is UNHEALTHY when the database does not answer, without leaking the error text', async () => {
    const health = await getOptimizationHealth({ sources: { ...healthy, pingDatabase: async () => Promise.reject(new Error('password authentication failed for user "binwise"')) } });
    expect(health.status).toBe('UNHEALTHY');
    expect(JSON.stringify(health)).not.toContain('password');
  });

  it('treats no data as HEALTHY with a note: no model, no batches, no decisions', async () => {
    const health = await getOptimizationHealth({
      sources: {
        ...healthy,
        readMlAccuracy: async () => ({ tenantsWithModel: 0, rollingTenants: 0, scoredDecisions: 0, minAccuracyPct: null, meanAccuracyPct: null }),
        readBatchStats: async () => ({ batchCount: 0, failedCount: 0, p95Ms: null, p99Ms: null }),
        readDecisionStats: async () => ({ decided: 0, accepted: 0, rejected: 0, overridden: 0 }),
      },
    });
    expect(health.status).toBe('HEALTHY');
    expect(health.checks.mlModelAccuracy).toMatchObject({ status: 'HEALTHY', accuracy: null });
    expect(health.checks.mlModelAccuracy.note).toBeTruthy();
    expect(health.checks.processingTime).toMatchObject({ status: 'HEALTHY', p95Ms: null });
    expect(health.checks.acceptanceRate).toMatchObject({ status: 'HEALTHY', rate: null });
  });

  it('maps slow batches, failures and low acceptance to the runbook statuses', async () => {
    const health = await getOptimizationHealth({
      sources: {
        ...healthy,
        readBatchStats: async () => ({ batchCount: 100, failedCount: 6, p95Ms: 2500, p99Ms: 6000 }),
        readDecisionStats: async () => ({ decided: 10, accepted: 5, rejected: 5, overridden: 0 }),
        readMlAccuracy: async () => ({ tenantsWithModel: 1, rollingTenants: 1, scoredDecisions: 50, minAccuracyPct: 75, meanAccuracyPct: 75 }),
      },
    });
    expect(health.checks.processingTime.status).toBe('DEGRADED');
    expect(health.checks.errorRate.status).toBe('UNHEALTHY');
    expect(health.checks.acceptanceRate.status).toBe('DEGRADED');
    expect(health.checks.mlModelAccuracy.status).toBe('DEGRADED');
    expect(health.status).toBe('UNHEALTHY');
  });

  it('reports flag problems: an invalid environment value and invalid tenant overrides are DEGRADED, unset is only noted', async () => {
    const invalid = await getOptimizationHealth({
      sources: {
        ...healthy,
        environmentFlagDefaults: () => ({ ...healthy.environmentFlagDefaults(), BIN_OPTIMIZATION_ALGORITHM: 'QUANTUM' }),
        readFlagOverrideValues: async () => [{ flagKey: 'CROSS_DOCK_ENABLED', value: 'maybe', tenantCount: 2 }],
      },
    });
    expect(invalid.checks.flags).toMatchObject({ status: 'DEGRADED', invalidOverrides: 2 });
    expect(invalid.checks.flags.problems).toHaveLength(2);
    const unset = await getOptimizationHealth({ sources: { ...healthy, environmentFlagDefaults: () => ({}) } });
    expect(unset.checks.flags.status).toBe('HEALTHY');
    expect(unset.checks.flags.problems).toHaveLength(5);
  });

  it('marks the scheduler DEGRADED when no replica holds the lease', async () => {
    const health = await getOptimizationHealth({ sources: { ...healthy, getSchedulerStatus: async () => ({ ...scheduler, holder: null }) } });
    expect(health.checks.scheduler).toMatchObject({ status: 'DEGRADED', holderAlive: false });
  });
});
