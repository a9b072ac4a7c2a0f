import 'server-only';
import { PG_CRON_JOB } from '../scheduler/pg-cron';
import { registerPeriodicTask } from '../scheduler/tasks';
import { runFullRefresh } from './run-full-refresh';

/** Every 10 minutes, the runbook's cron schedule. Triggers keep the cache exact; this is the safety net. */
export const CACHE_REFRESH_INTERVAL_MS = 10 * 60_000;

registerPeriodicTask({
  name: 'bin-utilization-refresh',
  intervalMs: CACHE_REFRESH_INTERVAL_MS,
  // When pg_cron runs refresh_bin_util, the in-app scheduler stands aside.
  pgCronJob: PG_CRON_JOB,
  run: async () => {
    await runFullRefresh();
  },
});
