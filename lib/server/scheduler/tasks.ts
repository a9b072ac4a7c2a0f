import 'server-only';

/** A periodic task run by the one elected scheduler replica. */
export type PeriodicTask = {
  /** Unique, stable name: it keys the task's last run in scheduler_heartbeats. */
  name: string;
  intervalMs: number;
  run: () => Promise<void>;
  /**
   * The pg_cron job name that does the same work inside PostgreSQL. When that job is
   * scheduled, the in-app scheduler leaves the task to pg_cron.
   */
  pgCronJob?: string;
};

type TaskGlobals = { binwisePeriodicTasks?: Map<string, PeriodicTask> };
// On globalThis so route bundles and instrumentation share one registry per process.
const globals = globalThis as unknown as TaskGlobals;

export function periodicTasks(): Map<string, PeriodicTask> {
  globals.binwisePeriodicTasks ??= new Map();
  return globals.binwisePeriodicTasks;
}

/** Registers (or replaces, on hot reload) a task. Call it at module load from an area's task file. */
export function registerPeriodicTask(task: PeriodicTask): void {
  if (!task.name || !(task.intervalMs >= 1_000)) throw new Error(`Invalid periodic task "${task.name}": intervalMs must be >= 1000.`);
  periodicTasks().set(task.name, task);
}
