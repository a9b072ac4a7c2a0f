import 'server-only';
import { withSystem } from '../db';

export type TenantRef = { tenantId: string; code: string };

/**
 * Every tenant's id and code, for scheduled work that runs once per tenant. Goes through the
 * SECURITY DEFINER function binwise_list_tenants(), so it works under the restricted app role
 * that row-level security would otherwise leave seeing no tenant at all.
 */
export async function findAllTenants(): Promise<TenantRef[]> {
  const rows = await withSystem((tx) => tx.$queryRaw<{ tenant_id: string; code: string }[]>`SELECT tenant_id::text, code FROM binwise_list_tenants()`);
  return rows.map((row) => ({ tenantId: row.tenant_id, code: row.code }));
}
