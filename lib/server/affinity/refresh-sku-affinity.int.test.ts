import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contextFor, withAdminClient } from '@/test/integration/contexts';
import type { AuthContext } from '../auth/session';
import { cleanUpPutawayTestData } from '../putaway/putaway-test-fixtures';
import { getAffinityStatus } from './get-affinity-status';
import { refreshAffinityNow } from './refresh-affinity-now';

let ops: AuthContext;
let supervisor: AuthContext;

beforeAll(async () => {
  ops = await contextFor('ops@acme.test');
  supervisor = await contextFor('supervisor@acme.test');
});

const startedAt = new Date();

afterAll(async () => {
  await withAdminClient((client) => cleanUpPutawayTestData(client, startedAt));
  // The seed has no mined pairs; leave the table as the other files expect it.
  await withAdminClient((client) => client.query('DELETE FROM sku_affinity'));
});

describe('sku affinity mining', () => {
  it('stores lift = co·N / (n_a·n_b) for pairs co-ordered at least twice in 90 days', async () => {
    const result = await refreshAffinityNow(ops);
    expect(result.orders).toBeGreaterThan(0);
    expect(result.pairs).toBeGreaterThan(0);
    await withAdminClient(async (client) => {
      const { rows } = await client.query(
        `WITH om AS (SELECT DISTINCT so.sales_order_id, sol.material_id FROM sales_orders so JOIN sales_order_lines sol USING (sales_order_id)
                     WHERE so.tenant_id = $1 AND so.created_at >= now() - interval '90 days' AND so.status <> 'CANCELLED')
         SELECT a.material_a_id, a.co_pick_count, a.lift,
                (SELECT COUNT(DISTINCT sales_order_id) FROM om)::float8 AS n,
                (SELECT COUNT(*) FROM om WHERE material_id = a.material_a_id)::float8 AS na,
                (SELECT COUNT(*) FROM om WHERE material_id = a.material_b_id)::float8 AS nb,
                (SELECT COUNT(*) FROM om x JOIN om y ON x.sales_order_id = y.sales_order_id WHERE x.material_id = a.material_a_id AND y.material_id = a.material_b_id)::int AS co
         FROM sku_affinity a WHERE a.tenant_id = $1 ORDER BY a.lift DESC LIMIT 5`,
        [ops.tenantId],
      );
      for (const row of rows) {
        expect(row.co_pick_count).toBe(row.co);
        expect(row.co_pick_count).toBeGreaterThanOrEqual(2);
        expect(row.lift).toBeCloseTo((row.co * row.n) / (row.na * row.nb), 9);
      }
    });
    const status = await getAffinityStatus(supervisor);
    expect(status.pairs).toBe(result.pairs);
  });

  it('is idempotent: a second run keeps the same pairs', async () => {
    const first = await refreshAffinityNow(ops);
    const second = await refreshAffinityNow(ops);
    expect(second.pairs).toBe(first.pairs);
    expect(second.removed).toBe(0);
  });

  it('is for ops: a supervisor is refused', async () => {
    await expect(refreshAffinityNow(supervisor)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
