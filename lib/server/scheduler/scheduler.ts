import 'server-only';
import { hostname } from 'node:os';
import pg from 'pg';
import { env } from '../env';
import { startJobWorker, stopJobWorker } from '../jobs/worker';
import { ensurePgCronRefresh, pgCronJobExists } from './pg-cron';
import { periodicTasks, type PeriodicTask } from './tasks';

/** pg_try_advisory_lock key of the scheduler leader. Arbitrary constant, unique in the app. */
export const SCHEDULER_LOCK_KEY = 72_410_002;
/** How often the leader looks for due tasks and the followers try to take over. */
const TICK_MS = 5_000;
export const HEARTBEAT_ROW = 'scheduler';
export const taskRowName = (task: string) => `task:${task}`;

type SchedulerState = {
  started: boolean;
  holder: string;
  client: pg.Client | null;
  leader: boolean;
  timer: NodeJS.Timeout | null;
  ticking: boolean;
  running: Set<string>;
  pgCronChecked: boolean;
};

type SchedulerGlobals = { binwiseScheduler?: SchedulerState };
const globals = globalThis as unknown as SchedulerGlobals;

function state(): SchedulerState {
  globals.binwiseScheduler ??= {
    started: false,
    holder: `${hostname()}:${process.pid}`,
    client: null,
    leader: false,
    timer: null,
    ticking: false,
    running: new Set(),
    pgCronChecked: false,
  };
  return globals.binwiseScheduler;
}

/**
 * The leader lock lives on its own connection, outside the pool: an advisory lock belongs
 * to a session, so a pooled connection would hand it to whichever request got it next.
 * If this connection drops, PostgreSQL releases the lock and another replica takes over.
 */
async function dedicatedClient(s: SchedulerState): Promise<pg.Client> {
  if (s.client) return s.client;
  const client = new pg.Client({ connectionString: env().DATABASE_URL, connectionTimeoutMillis: env().DB_CONNECT_TIMEOUT_MS });
  client.on('error', (error) => {
    console.error('[binwise] scheduler connection lost', error.message);
    if (s.client === client) {
      s.client = null;
      s.leader = false;
    }
  });
  await client.connect();
  s.client = client;
  return client;
}

async function recordRun(client: pg.Client, s: SchedulerState, task: PeriodicTask, startedAt: Date, error: string | null): Promise<void> {
  const details = { lastRunAt: startedAt.toISOString(), durationMs: Date.now() - startedAt.getTime(), error, intervalMs: task.intervalMs };
  await client.query(
    `INSERT INTO scheduler_heartbeats (name, holder, heartbeat_at, details) VALUES ($1, $2, $3, $4)
     ON CONFLICT (name) DO UPDATE SET holder = EXCLUDED.holder, heartbeat_at = EXCLUDED.heartbeat_at, details = EXCLUDED.details`,
    [taskRowName(task.name), s.holder, startedAt, JSON.stringify(details)],
  );
}

async function runDueTasks(client: pg.Client, s: SchedulerState): Promise<void> {
  const tasks = [...periodicTasks().values()];
  const { rows } = await client.query<{ name: string; heartbeat_at: Date }>(
    `SELECT name, heartbeat_at FROM scheduler_heartbeats WHERE name = ANY($1::text[])`,
    [tasks.map((task) => taskRowName(task.name))],
  );
  // Last runs come from the table, not memory, so a new leader does not rerun a task the
  // previous leader ran a minute ago.
  const lastRun = new Map(rows.map((row) => [row.name, row.heartbeat_at.getTime()]));
  for (const task of tasks) {
    if (s.running.has(task.name)) continue;
    if (Date.now() - (lastRun.get(taskRowName(task.name)) ?? 0) < task.intervalMs) continue;
    if (task.pgCronJob && (await pgCronJobExists(client, task.pgCronJob))) continue;
    s.running.add(task.name);
    const startedAt = new Date();
    // Record the start first: a crash mid-run must not make every replica retry at once.
    await recordRun(client, s, task, startedAt, null);
    void task
      .run()
      .then(() => null, (error: unknown) => (error instanceof Error ? error.message : String(error)))
      .then(async (error) => {
        if (error) console.error(`[binwise] scheduled task ${task.name} failed: ${error}`);
        if (s.client && s.leader) await recordRun(s.client, s, task, startedAt, error);
      })
      .catch((error: unknown) => console.error(`[binwise] could not record task ${task.name}`, error))
      .finally(() => s.running.delete(task.name));
  }
}

async function tick(s: SchedulerState): Promise<void> {
  if (s.ticking) return;
  s.ticking = true;
  try {
    const client = await dedicatedClient(s);
    if (!s.leader) {
      const { rows } = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1) AS ok', [SCHEDULER_LOCK_KEY]);
      s.leader = rows[0]?.ok === true;
      if (!s.leader) return;
      console.info(`[binwise] scheduler: ${s.holder} is the runner`);
    }
    await client.query(
      `INSERT INTO scheduler_heartbeats (name, holder, heartbeat_at, details) VALUES ($1, $2, now(), $3)
       ON CONFLICT (name) DO UPDATE SET holder = EXCLUDED.holder, heartbeat_at = now(), details = EXCLUDED.details`,
      [HEARTBEAT_ROW, s.holder, JSON.stringify({ tasks: [...periodicTasks().keys()] })],
    );
    if (!s.pgCronChecked) {
      s.pgCronChecked = true;
      try {
        if (await ensurePgCronRefresh(client)) console.info('[binwise] scheduler: pg_cron runs refresh_bin_util');
      } catch (error) {
        console.error('[binwise] scheduler: could not schedule pg_cron job; using the in-app scheduler', (error as Error).message);
      }
    }
    await runDueTasks(client, s);
  } catch (error) {
    console.error('[binwise] scheduler tick failed', (error as Error).message);
    // Drop the connection (and with it the lock): the next tick starts clean.
    const client = s.client;
    s.client = null;
    s.leader = false;
    await client?.end().catch(() => undefined);
  } finally {
    s.ticking = false;
  }
}

/**
 * Starts the in-app scheduler and the background-job worker. Idempotent: a second call
 * (hot reload, a second instrumentation hook) does nothing. Every replica runs a job worker;
 * only the replica holding the advisory lock runs periodic tasks.
 */
export async function startScheduler(): Promise<void> {
  const s = state();
  if (s.started) return;
  s.started = true;
  try {
    await import('./registry');
  } catch (error) {
    // One area's broken task module must not stop the server or the other tasks.
    console.error('[binwise] scheduler: a task or job module failed to load', error);
  }
  s.timer = setInterval(() => void tick(s), TICK_MS);
  s.timer.unref();
  void tick(s);
  startJobWorker();
}

/** Stops timers and releases the lock (tests, graceful shutdown). */
export async function stopScheduler(): Promise<void> {
  const s = state();
  if (s.timer) clearInterval(s.timer);
  s.timer = null;
  s.started = false;
  s.pgCronChecked = false;
  stopJobWorker();
  const client = s.client;
  s.client = null;
  s.leader = false;
  await client?.end().catch(() => undefined);
}

export function schedulerHolder(): { holder: string; leader: boolean; started: boolean } {
  const s = state();
  return { holder: s.holder, leader: s.leader, started: s.started };
}
