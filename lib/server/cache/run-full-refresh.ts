import 'server-only';
import { withSystem } from '../db';

export type FullRefreshResult = { ran: boolean; rows: number | null; durationMs: number };

/**
 * The runbook's manual refresh, `SELECT scheduled_refresh_bin_utilization();`. It refreshes
 * every tenant (the function is global, as under pg_cron), so only the scheduler and the
 * audited ops action call it. After the runbook's rollback the function is gone: no-op.
 */
export async function runFullRefresh(): Promise<FullRefreshResult> {
  const started = performance.now();
  return withSystem(
    async (tx) => {
      const [exists] = await tx.$queryRaw<{ ok: boolean }[]>`SELECT to_regprocedure('scheduled_refresh_bin_utilization()') IS NOT NULL AS ok`;
      if (!exists?.ok) return { ran: false, rows: null, durationMs: performance.now() - started };
      const [row] = await tx.$queryRaw<{ rows: number }[]>`SELECT scheduled_refresh_bin_utilization() AS rows`;
      return { ran: true, rows: row ? Number(row.rows) : null, durationMs: performance.now() - started };
    },
    { timeoutMs: 120_000 },
  );
}
