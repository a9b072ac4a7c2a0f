import { afterAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { inject } from 'vitest';
import { getSchedulerStatus } from './get-scheduler-status';
import { SCHEDULER_LOCK_KEY, startScheduler, stopScheduler } from './scheduler';
import { registerPeriodicTask } from './tasks';

const waitFor = async (predicate: () => boolean | Promise<boolean>, timeoutMs: number) => {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await predicate()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
};

afterAll(async () => {
  await stopScheduler();
});

describe('in-app scheduler', () => {
  it('runs tasks only while it holds the advisory lock, then takes over when the other holder goes', async () => {
    const other = new pg.Client({ connectionString: inject('databaseUrl') });
    await other.connect();
    // Another replica holds the lock.
    expect((await other.query('SELECT pg_try_advisory_lock($1) AS ok', [SCHEDULER_LOCK_KEY])).rows[0].ok).toBe(true);
    let runs = 0;
    registerPeriodicTask({ name: 'test-tick', intervalMs: 60_000, run: async () => { runs += 1; } });
    await startScheduler();
    await startScheduler(); // idempotent
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(runs).toBe(0);
    // The other replica dies: its session ends and PostgreSQL releases the lock.
    await other.end();
    expect(await waitFor(() => runs === 1, 12_000)).toBe(true);
    const status = await getSchedulerStatus();
    expect(status.mode).toBe('in-app');
    expect(status.holder?.thisProcess).toBe(true);
    expect(status.lastRunAt['test-tick']).not.toBeNull();
    // The cache refresh task from the registry ran too (pg_cron is not installed here).
    expect(await waitFor(async () => (await getSchedulerStatus()).lastRunAt['bin-utilization-refresh'] != null, 5_000)).toBe(true);
  });
});
