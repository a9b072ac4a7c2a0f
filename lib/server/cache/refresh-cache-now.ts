import 'server-only';
import type { AuthContext } from '../auth/session';
import { assertPermission } from '../auth/session';
import { withTenant } from '../db';
import { AppError } from '../errors';
import { runFullRefresh } from './run-full-refresh';

/** A full refresh takes seconds on a large database; repeated clicks within this window are refused. */
export const MANUAL_REFRESH_COOLDOWN_SECONDS = 15;

export type RefreshCacheResult = { rows: number; durationMs: number };

/**
 * The ops "Refresh now" button: the runbook's manual `SELECT scheduled_refresh_bin_utilization();`,
 * recorded in audit_events. Refused with RATE_LIMITED while a full refresh ran in the last
 * few seconds, and with UNAVAILABLE after the runbook's rollback removed the function.
 */
export async function refreshCacheNow(context: AuthContext): Promise<RefreshCacheResult> {
  assertPermission(context, 'cache.refresh');
  const recent = await withTenant(context.tenantId, async (tx) => {
    const [log] = await tx.$queryRaw<{ ok: boolean }[]>`SELECT to_regclass('cache_refresh_log') IS NOT NULL AS ok`;
    if (!log?.ok) return 0;
    const [row] = await tx.$queryRaw<{ n: bigint }[]>`
      SELECT COUNT(*) AS n FROM cache_refresh_log
      WHERE refresh_kind = 'FULL' AND refreshed_at > now() - make_interval(secs => ${MANUAL_REFRESH_COOLDOWN_SECONDS})`;
    return Number(row?.n ?? 0);
  });
  if (recent > 0) {
    throw new AppError('RATE_LIMITED', `The cache was fully refreshed less than ${MANUAL_REFRESH_COOLDOWN_SECONDS} seconds ago. Try again shortly.`);
  }
  const result = await runFullRefresh();
  if (!result.ran) throw new AppError('UNAVAILABLE', 'The cache refresh function is not installed (the cache migration was rolled back). Pages compute utilization live.');
  if (result.rows === null || result.rows < 0) {
    throw new AppError('UNAVAILABLE', 'The refresh failed; the error is recorded in cache_refresh_status and shown on this page.');
  }
  const durationMs = Math.round(result.durationMs);
  await withTenant(context.tenantId, (tx) =>
    tx.auditEvent.create({
      data: { tenantId: context.tenantId, actorId: context.userId, action: 'cache.refresh', target: 'bin_utilization_cache', details: { rows: result.rows, durationMs } },
    }),
  );
  return { rows: result.rows, durationMs };
}
