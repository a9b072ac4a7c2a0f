import { beforeAll, describe, expect, it } from 'vitest';
import { contextFor, withAdminClient } from '@/test/integration/contexts';
import type { AuthContext } from './auth/session';
import { withTenant } from './db';

// Row-level security is the backstop: these queries deliberately omit the tenant filter
// that the data layer would add, and still see only their own tenant's rows.
describe('tenant isolation', () => {
  let acme: AuthContext;
  let northwind: AuthContext;
  let acmeLocationId: string;
  let acmeLocationCount: number;

  beforeAll(async () => {
    acme = await contextFor('supervisor@acme.test');
    northwind = await contextFor('supervisor@northwind.test');
    await withAdminClient(async (client) => {
      const { rows } = await client.query('SELECT location_id FROM inventory_locations WHERE tenant_id = $1 LIMIT 1', [acme.tenantId]);
      acmeLocationId = rows[0].location_id;
      const count = await client.query('SELECT COUNT(*)::int AS n FROM inventory_locations WHERE tenant_id = $1', [acme.tenantId]);
      acmeLocationCount = count.rows[0].n;
    });
  });

  it('runs tenant queries as a role that is neither superuser nor BYPASSRLS', async () => {
    const [role] = await withTenant(northwind.tenantId, (tx) =>
      tx.$queryRaw<{ rolsuper: boolean; rolbypassrls: boolean; current_user: string }[]>`
        SELECT rolsuper, rolbypassrls, current_user FROM pg_roles WHERE rolname = current_user`,
    );
    expect(role).toEqual({ rolsuper: false, rolbypassrls: false, current_user: 'binwise_app' });
  });

  it('finds nothing when one tenant asks for another tenant’s record by id', async () => {
    const found = await withTenant(northwind.tenantId, (tx) => tx.inventoryLocation.findUnique({ where: { id: acmeLocationId } }));
    expect(found).toBeNull();
    const own = await withTenant(acme.tenantId, (tx) => tx.inventoryLocation.findUnique({ where: { id: acmeLocationId } }));
    expect(own?.tenantId).toBe(acme.tenantId);
  });

  it('lists only the caller’s rows even without a tenant filter', async () => {
    const tenants = await withTenant(northwind.tenantId, (tx) => tx.inventoryLocation.findMany({ select: { tenantId: true }, distinct: ['tenantId'] }));
    expect(tenants).toEqual([{ tenantId: northwind.tenantId }]);
    const count = await withTenant(acme.tenantId, (tx) => tx.inventoryLocation.count());
    expect(count).toBe(acmeLocationCount);
  });

  it('cannot update or delete another tenant’s rows', async () => {
    const updated = await withTenant(northwind.tenantId, (tx) => tx.$executeRaw`UPDATE lots SET quantity_on_hand = quantity_on_hand + 1000 WHERE tenant_id = ${acme.tenantId}::uuid`);
    expect(updated).toBe(0);
    const deleted = await withTenant(northwind.tenantId, (tx) => tx.$executeRaw`DELETE FROM inventory_locations WHERE location_id = ${acmeLocationId}::uuid`);
    expect(deleted).toBe(0);
  });

  it('refuses to write a row into another tenant', async () => {
    await expect(
      withTenant(northwind.tenantId, (tx) =>
        tx.$executeRaw`INSERT INTO audit_events (tenant_id, action) VALUES (${acme.tenantId}::uuid, 'cross-tenant write')`,
      ),
    ).rejects.toThrow();
    const written = await withAdminClient((client) => client.query(`SELECT 1 FROM audit_events WHERE action = 'cross-tenant write'`));
    expect(written.rowCount).toBe(0);
  });

  it('sees no tenant data at all when no tenant is set', async () => {
    const count = await withAdminClient(async (client) => {
      await client.query('BEGIN');
      await client.query('SET LOCAL ROLE binwise_app');
      const { rows } = await client.query('SELECT COUNT(*)::int AS n FROM materials');
      await client.query('ROLLBACK');
      return rows[0].n;
    });
    expect(count).toBe(0);
  });
});
