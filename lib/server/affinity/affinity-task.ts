import 'server-only';
import { withSystem, withTenant } from '../db';
import { registerPeriodicTask } from '../scheduler/tasks';
import { refreshSkuAffinity } from './refresh-sku-affinity';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The nightly co-pick mining, tenant by tenant (each in its own tenant transaction, so one
 * tenant's failure does not stop the others). The tenant list is read before any tenant is
 * known, with the connection's own role.
 */
export async function refreshAffinityForAllTenants(): Promise<void> {
  const tenants = await withSystem((tx) => tx.$queryRaw<{ tenant_id: string; code: string }[]>`SELECT tenant_id::text, code FROM tenants ORDER BY code`);
  for (const tenant of tenants) {
    try {
      const result = await withTenant(tenant.tenant_id, (tx) => refreshSkuAffinity(tx), { timeoutMs: 300_000 });
      console.info(`[binwise] sku_affinity ${tenant.code}: ${result.pairs} pairs from ${result.orders} orders in ${Math.round(result.ms)} ms`);
    } catch (error) {
      console.error(`[binwise] sku_affinity refresh failed for ${tenant.code}`, error);
    }
  }
}

registerPeriodicTask({ name: 'sku-affinity-refresh', intervalMs: DAY_MS, run: refreshAffinityForAllTenants });
