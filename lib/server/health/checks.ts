import 'server-only';
import { FLAG_KEYS, parseFlagValue, type FlagKey } from '@/lib/schemas/flags';
import type { FlagIssue } from '../flags/resolve-flags';
import type { SchedulerStatus } from '../scheduler';
import type { BatchStats, CacheStatus, DecisionStats, FlagValueCount, MlAccuracyStats } from './ops-aggregates';
import {
  acceptanceRateStatus,
  cacheAgeStatus,
  errorRateStatus,
  mlAccuracyStatus,
  processingTimeStatus,
  THRESHOLDS,
  type HealthStatus,
} from './thresholds';

/**
 * Turns the aggregates into the runbook's checks. Each check states its own status, and
 * when there is no data it says so in `note` with the status that no data deserves.
 */
export type CheckResult = { status: HealthStatus; note?: string; error?: string } & Record<string, unknown>;

const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

export const PROCESSING_WINDOW_MINUTES = 15;
export const ACCEPTANCE_WINDOW_DAYS = 7;

export function databaseCheck(latencyMs: number): CheckResult {
  return { status: 'HEALTHY', latencyMs: round(latencyMs) };
}

export function cacheAgeCheck(cache: CacheStatus): CheckResult {
  if (!cache.installed) {
    return { status: 'UNHEALTHY', ageMinutes: null, note: 'cache_refresh_status does not exist: the utilization cache migration is not applied.' };
  }
  if (cache.ageSeconds === null) {
    return { status: 'UNHEALTHY', ageMinutes: null, note: 'The bin utilization cache has never been refreshed. Run SELECT scheduled_refresh_bin_utilization();' };
  }
  const ageMinutes = round(cache.ageSeconds / 60);
  return {
    status: cacheAgeStatus(ageMinutes),
    ageMinutes,
    lastRefreshTime: cache.lastRefreshTime?.toISOString() ?? null,
    ...(cache.errorMessage ? { lastError: cache.errorMessage } : {}),
  };
}

export function mlAccuracyCheck(ml: MlAccuracyStats): CheckResult {
  if (ml.minAccuracyPct === null) {
    return { status: 'HEALTHY', accuracy: null, note: 'No ML model has been trained yet: confidence comes from the heuristic.' };
  }
  return {
    status: mlAccuracyStatus(ml.minAccuracyPct),
    accuracy: round(ml.minAccuracyPct),
    meanAccuracy: ml.meanAccuracyPct === null ? null : round(ml.meanAccuracyPct),
    basis: 'lowest tenant: rolling 30-day accuracy (held-out accuracy with fewer than 20 scored decisions)',
    models: ml.tenantsWithModel,
    scoredDecisions: ml.scoredDecisions,
  };
}

export function processingTimeCheck(batches: BatchStats): CheckResult {
  const base = { windowMinutes: PROCESSING_WINDOW_MINUTES, batches: batches.batchCount };
  if (batches.p95Ms === null) return { status: 'HEALTHY', ...base, p95Ms: null, note: 'No completed batches in the last 15 minutes.' };
  return { status: processingTimeStatus(batches.p95Ms), ...base, p95Ms: round(batches.p95Ms), p99Ms: batches.p99Ms === null ? null : round(batches.p99Ms) };
}

export function errorRateCheck(batches: BatchStats): CheckResult {
  const base = { windowMinutes: PROCESSING_WINDOW_MINUTES, batches: batches.batchCount, failed: batches.failedCount };
  if (batches.batchCount === 0) return { status: 'HEALTHY', ...base, rate: null, note: 'No batches in the last 15 minutes.' };
  const rate = batches.failedCount / batches.batchCount;
  return { status: errorRateStatus(rate), ...base, rate: round(rate, 4), percentage: round(rate * 100, 2) };
}

export function acceptanceRateCheck(decisions: DecisionStats): CheckResult {
  const base = { windowDays: ACCEPTANCE_WINDOW_DAYS, decided: decisions.decided };
  if (decisions.decided === 0) return { status: 'HEALTHY', ...base, rate: null, note: 'No decisions in the last 7 days.' };
  const rate = decisions.accepted / decisions.decided;
  return { status: acceptanceRateStatus(rate), ...base, rate: round(rate, 4), percentage: round(rate * 100, 1), threshold: THRESHOLDS.acceptanceRate.degraded };
}

export function schedulerCheck(scheduler: SchedulerStatus): CheckResult {
  const failing = scheduler.tasks.filter((task) => task.error).map((task) => task.name);
  const base = { mode: scheduler.mode, holderAlive: scheduler.holder !== null, heartbeatAt: scheduler.holder?.heartbeatAt ?? null, failingTasks: failing };
  if (scheduler.mode === 'pg_cron') {
    return scheduler.pgCron.jobScheduled
      ? { status: failing.length ? 'DEGRADED' : 'HEALTHY', ...base }
      : { status: 'DEGRADED', ...base, note: 'pg_cron is installed but the refresh_bin_util job is not scheduled.' };
  }
  if (!scheduler.holder) {
    return { status: 'DEGRADED', ...base, note: 'No replica holds the scheduler lease (no heartbeat in 60 s); only the CronJob fallback refreshes the cache.' };
  }
  return { status: failing.length ? 'DEGRADED' : 'HEALTHY', ...base, ...(failing.length ? { note: `Last run failed: ${failing.join(', ')}` } : {}) };
}

/**
 * Environment problems (unset is only noted: it means the safe default; invalid is
 * DEGRADED) plus invalid tenant overrides, counted without naming a tenant.
 */
export function flagsCheck(environmentIssues: readonly FlagIssue[], overrides: readonly FlagValueCount[]): CheckResult {
  const problems = environmentIssues.map((issue) => issue.message);
  let invalidOverrides = 0;
  for (const row of overrides) {
    if (!(FLAG_KEYS as readonly string[]).includes(row.flagKey)) continue;
    if (parseFlagValue(row.flagKey as FlagKey, row.value) !== undefined) continue;
    invalidOverrides += row.tenantCount;
    problems.push(`${row.tenantCount} tenant override(s) of ${row.flagKey} have the invalid value "${row.value}"; those tenants use the safe value.`);
  }
  const invalid = invalidOverrides > 0 || environmentIssues.some((issue) => issue.kind === 'invalid');
  return { status: invalid ? 'DEGRADED' : 'HEALTHY', problems, invalidOverrides };
}
