import { describe, expect, it } from 'vitest';
import { withAdminClient } from '@/test/integration/contexts';
import { findAllTenants } from './find-all-tenants';

describe('findAllTenants', () => {
  it('lists every tenant for scheduled work', async () => {
    const tenants = await findAllTenants();
    expect(tenants.map((t) => t.code)).toEqual(['acme-print', 'northwind-press']);
  });

  it('still lists them under the restricted app role, where row-level security hides the tenants table', async () => {
    const seen = await withAdminClient(async (client) => {
      await client.query('BEGIN');
      await client.query('SET LOCAL ROLE binwise_app');
      const direct = await client.query('SELECT COUNT(*)::int AS n FROM tenants');
      const listed = await client.query('SELECT code FROM binwise_list_tenants()');
      await client.query('ROLLBACK');
      return { direct: direct.rows[0].n, listed: listed.rows.map((row) => row.code) };
    });
    expect(seen).toEqual({ direct: 0, listed: ['acme-print', 'northwind-press'] });
  });
});
