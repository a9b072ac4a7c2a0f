import 'server-only';
import { environmentFlagDefaults } from '../flags/environment-defaults';
import { resolveFlags } from '../flags/resolve-flags';
import { getSchedulerStatus } from '../scheduler';
import {
  acceptanceRateCheck,
  cacheAgeCheck,
  databaseCheck,
  errorRateCheck,
  flagsCheck,
  mlAccuracyCheck,
  processingTimeCheck,
  schedulerCheck,
  type CheckResult,
  ACCEPTANCE_WINDOW_DAYS,
  PROCESSING_WINDOW_MINUTES,
} from './checks';
import { pingDatabase, readBatchStats, readCacheStatus, readDecisionStats, readFlagOverrideValues, readMlAccuracy } from './ops-aggregates';
import { worstStatus, type HealthStatus } from './thresholds';
import { CheckTimeoutError, withTimeout } from './with-timeout';

export const CHECK_NAMES = ['database', 'cacheAge', 'mlModelAccuracy', 'processingTime', 'errorRate', 'acceptanceRate', 'scheduler', 'flags'] as const;
export type CheckName = (typeof CHECK_NAMES)[number];

export type OptimizationHealth = {
  status: HealthStatus;
  checks: Record<CheckName, CheckResult>;
  checkedAt: string;
  durationMs: number;
};

/** Where the checks get their data; tests replace them to simulate slow or failing sources. */
export type HealthSources = {
  pingDatabase: typeof pingDatabase;
  readCacheStatus: typeof readCacheStatus;
  readMlAccuracy: typeof readMlAccuracy;
  readBatchStats: typeof readBatchStats;
  readDecisionStats: typeof readDecisionStats;
  readFlagOverrideValues: typeof readFlagOverrideValues;
  getSchedulerStatus: typeof getSchedulerStatus;
  environmentFlagDefaults: typeof environmentFlagDefaults;
};

const DEFAULT_SOURCES: HealthSources = {
  pingDatabase,
  readCacheStatus,
  readMlAccuracy,
  readBatchStats,
  readDecisionStats,
  readFlagOverrideValues,
  getSchedulerStatus,
  environmentFlagDefaults,
};

/** Per-check budget: every check runs in parallel, so the endpoint answers in about this. */
export const CHECK_TIMEOUT_MS = 150;

/**
 * One check under its own timeout. A check that fails or times out cannot hang or crash
 * the endpoint: it reports `failureStatus` and a generic error (details go to the log only,
 * so no SQL or tenant data leaves the server).
 */
async function runCheck(name: CheckName, work: () => Promise<CheckResult>, timeoutMs: number, failureStatus: HealthStatus): Promise<CheckResult> {
  try {
    return await withTimeout(work(), timeoutMs);
  } catch (error) {
    if (error instanceof CheckTimeoutError) return { status: failureStatus, error: `timed out after ${timeoutMs} ms` };
    console.error(`[binwise] health check ${name} failed`, String((error as Error)?.message ?? error));
    return { status: failureStatus, error: 'could not be evaluated; see the server log' };
  }
}

/**
 * The runbook's health report, fleet-wide and cross-tenant (aggregates only). Called by the
 * readiness probe and by people: no authentication, so nothing tenant-specific is in it.
 */
export async function getOptimizationHealth(options: { timeoutMs?: number; sources?: Partial<HealthSources> } = {}): Promise<OptimizationHealth> {
  const started = performance.now();
  const timeoutMs = options.timeoutMs ?? CHECK_TIMEOUT_MS;
  const source = { ...DEFAULT_SOURCES, ...options.sources };
  // Processing time and error rate share one read of the batches.
  let batchStats: ReturnType<typeof readBatchStats> | undefined;
  const batches = () => (batchStats ??= source.readBatchStats(timeoutMs, PROCESSING_WINDOW_MINUTES));

  const entries = await Promise.all([
    runCheck('database', async () => databaseCheck(await source.pingDatabase(timeoutMs)), timeoutMs, 'UNHEALTHY'),
    runCheck('cacheAge', async () => cacheAgeCheck(await source.readCacheStatus(timeoutMs)), timeoutMs, 'DEGRADED'),
    runCheck('mlModelAccuracy', async () => mlAccuracyCheck(await source.readMlAccuracy(timeoutMs)), timeoutMs, 'DEGRADED'),
    runCheck('processingTime', async () => processingTimeCheck(await batches()), timeoutMs, 'DEGRADED'),
    runCheck('errorRate', async () => errorRateCheck(await batches()), timeoutMs, 'DEGRADED'),
    runCheck('acceptanceRate', async () => acceptanceRateCheck(await source.readDecisionStats(timeoutMs, ACCEPTANCE_WINDOW_DAYS)), timeoutMs, 'DEGRADED'),
    runCheck('scheduler', async () => schedulerCheck(await source.getSchedulerStatus()), timeoutMs, 'DEGRADED'),
    runCheck(
      'flags',
      async () => flagsCheck(resolveFlags(source.environmentFlagDefaults(), []).issues, await source.readFlagOverrideValues(timeoutMs)),
      timeoutMs,
      'DEGRADED',
    ),
  ]);

  const checks = Object.fromEntries(CHECK_NAMES.map((name, index) => [name, entries[index]])) as Record<CheckName, CheckResult>;
  return {
    status: worstStatus(entries.map((check) => check.status)),
    checks,
    checkedAt: new Date().toISOString(),
    durationMs: Math.round((performance.now() - started) * 10) / 10,
  };
}
