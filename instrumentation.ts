/**
 * Next.js calls register() once per server process at start. In the Node.js runtime it warms
 * the connection pool, then starts the in-app scheduler (periodic tasks on one elected
 * replica, background jobs on all) unless this replica opted out with SCHEDULER_ENABLED=false.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { warmPool } = await import('./lib/server/db');
  await warmPool();
  if (process.env.SCHEDULER_ENABLED === 'false') return;
  const { startScheduler } = await import('./lib/server/scheduler/scheduler');
  await startScheduler();
}
