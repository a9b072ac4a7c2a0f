import 'server-only';
import { withTenant } from '../db';
import { findAllTenants } from '../tenants/find-all-tenants';
import { registerPeriodicTask } from '../scheduler/tasks';
import { refreshSkuAffinity } from './refresh-sku-affinity';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The nightly co-pick mining, tenant by tenant (each in its own tenant transaction, so one
 * tenant's failure does not stop the others).
 */
export async function refreshAffinityForAllTenants(): Promise<void> {
  for (const tenant of await findAllTenants()) {
    try {
      const result = await withTenant(tenant.tenantId, (tx) => refreshSkuAffinity(tx), { timeoutMs: 300_000 });
      console.info(`[binwise] sku_affinity ${tenant.code}: ${result.pairs} pairs from ${result.orders} orders in ${Math.round(result.ms)} ms`);
    } catch (error) {
      console.error(`[binwise] sku_affinity refresh failed for ${tenant.code}`, error);
    }
  }
}

registerPeriodicTask({ name: 'sku-affinity-refresh', intervalMs: DAY_MS, run: refreshAffinityForAllTenants });
