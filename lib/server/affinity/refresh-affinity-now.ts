import 'server-only';
import type { AuthContext } from '../auth/session';
import { assertPermission } from '../auth/session';
import { withTenant } from '../db';
import { refreshSkuAffinity, type AffinityRefresh } from './refresh-sku-affinity';

/** Ops' on-demand refresh (after a data fix, or to try affinity before the nightly run). */
export async function refreshAffinityNow(context: AuthContext): Promise<AffinityRefresh> {
  assertPermission(context, 'cache.refresh');
  return withTenant(
    context.tenantId,
    async (tx) => {
      const result = await refreshSkuAffinity(tx);
      await tx.$executeRaw`
        INSERT INTO audit_events (tenant_id, actor_id, action, target, details)
        VALUES (${context.tenantId}::uuid, ${context.userId}::uuid, 'sku_affinity.refreshed', 'sku_affinity', ${JSON.stringify(result)}::jsonb)`;
      return result;
    },
    { timeoutMs: 120_000 },
  );
}
