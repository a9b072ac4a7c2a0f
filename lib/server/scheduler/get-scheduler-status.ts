import 'server-only';
import { withSystem } from '../db';
import { PG_CRON_JOB } from './pg-cron';
import { HEARTBEAT_ROW, schedulerHolder, taskRowName } from './scheduler';
import { periodicTasks } from './tasks';

/** A holder whose heartbeat is older than this is presumed dead (the lock went with it). */
const HOLDER_STALE_MS = 60_000;

export type SchedulerTaskStatus = { name: string; lastRunAt: string | null; durationMs: number | null; error: string | null };

export type SchedulerStatus = {
  /** Who runs the 10-minute cache refresh: pg_cron inside PostgreSQL, or the in-app scheduler. */
  mode: 'pg_cron' | 'in-app';
  /** The replica holding the advisory lock, when its heartbeat is recent. */
  holder: { holder: string; heartbeatAt: string; thisProcess: boolean } | null;
  /** Last run per task, by task name. */
  lastRunAt: Record<string, string | null>;
  tasks: SchedulerTaskStatus[];
  /** The pg_cron job (runbook: refresh_bin_util), when pg_cron is installed. */
  pgCron: { installed: boolean; jobScheduled: boolean; schedule: string | null };
};

type HeartbeatRow = { name: string; holder: string; heartbeat_at: Date; details: { durationMs?: number; error?: string | null } | null };

/** Which scheduler is in use and what it last did. System data: callers check permissions. */
export async function getSchedulerStatus(): Promise<SchedulerStatus> {
  return withSystem(async (tx) => {
    const [ext] = await tx.$queryRaw<{ installed: boolean }[]>`SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_cron') AS installed`;
    let schedule: string | null = null;
    if (ext?.installed) {
      const jobs = await tx.$queryRawUnsafe<{ schedule: string }[]>(`SELECT schedule FROM cron.job WHERE jobname = $1`, PG_CRON_JOB);
      schedule = jobs[0]?.schedule ?? null;
    }
    const rows = await tx.$queryRaw<HeartbeatRow[]>`SELECT name, holder, heartbeat_at, details FROM scheduler_heartbeats ORDER BY name`;
    const byName = new Map(rows.map((row) => [row.name, row]));
    const leader = byName.get(HEARTBEAT_ROW);
    const alive = leader && Date.now() - leader.heartbeat_at.getTime() < HOLDER_STALE_MS;
    // Tasks registered in this process, plus any another replica recorded.
    const names = new Set([...periodicTasks().keys(), ...rows.filter((r) => r.name.startsWith('task:')).map((r) => r.name.slice(5))]);
    const tasks = [...names].sort().map((name): SchedulerTaskStatus => {
      const row = byName.get(taskRowName(name));
      return { name, lastRunAt: row?.heartbeat_at.toISOString() ?? null, durationMs: row?.details?.durationMs ?? null, error: row?.details?.error ?? null };
    });
    return {
      mode: schedule ? 'pg_cron' : 'in-app',
      holder: alive && leader ? { holder: leader.holder, heartbeatAt: leader.heartbeat_at.toISOString(), thisProcess: leader.holder === schedulerHolder().holder } : null,
      lastRunAt: Object.fromEntries(tasks.map((task) => [task.name, task.lastRunAt])),
      tasks,
      pgCron: { installed: ext?.installed === true, jobScheduled: schedule !== null, schedule },
    };
  });
}
