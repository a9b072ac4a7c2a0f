import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RECENT_ORDERS_PER_SKU } from '@/lib/optimizer';
import { contextFor, withAdminClient } from '@/test/integration/contexts';
import type { AuthContext } from '../auth/session';
import { withTenant } from '../db';
import { loadRecentOrders } from './load-putaway-inputs';

/**
 * Materials and orders of their own (SKUs under a random prefix), so the seeded order book
 * cannot change what loadRecentOrders returns for them.
 */
const prefix = `TRO-${randomUUID().slice(0, 8)}`;
let acme: AuthContext;
let northwind: AuthContext;
const orderIds: string[] = [];
const materialIds: string[] = [];

async function createMaterial(client: pg.Client, tenantId: string, name: string): Promise<{ id: string; sku: string }> {
  const sku = `${prefix}-${name}`;
  const { rows } = await client.query<{ material_id: string }>(
    `INSERT INTO materials (tenant_id, sku, description, category, length_inches, width_inches, height_inches, weight_lbs)
     VALUES ($1, $2, 'recent-orders test', 'SMALL_PART', 10, 10, 10, 1) RETURNING material_id`,
    [tenantId, sku],
  );
  materialIds.push(rows[0]!.material_id);
  return { id: rows[0]!.material_id, sku };
}

/** An order created `ageMinutes` ago, with one line per material id (repeats allowed). */
async function createOrder(client: pg.Client, tenantId: string, ageMinutes: number, lineMaterialIds: string[], status = 'SHIPPED'): Promise<string> {
  const { rows } = await client.query<{ sales_order_id: string }>(
    `INSERT INTO sales_orders (tenant_id, order_number, customer, status, due_at, created_at)
     VALUES ($1, $2, 'test', $3::sales_order_status, now(), now() - make_interval(mins => $4::int)) RETURNING sales_order_id`,
    [tenantId, `${prefix}-${orderIds.length}`, status, ageMinutes],
  );
  const orderId = rows[0]!.sales_order_id;
  orderIds.push(orderId);
  for (const materialId of lineMaterialIds) {
    await client.query(`INSERT INTO sales_order_lines (tenant_id, sales_order_id, material_id, quantity) VALUES ($1, $2, $3, 1)`, [tenantId, orderId, materialId]);
  }
  return orderId;
}

const recentOrdersOf = (ids: string[]) => withTenant(acme.tenantId, (tx) => loadRecentOrders(tx, ids));

beforeAll(async () => {
  acme = await contextFor('supervisor@acme.test');
  northwind = await contextFor('supervisor@northwind.test');
});

afterAll(async () => {
  await withAdminClient(async (client) => {
    await client.query(`DELETE FROM sales_orders WHERE sales_order_id = ANY($1::uuid[])`, [orderIds]);
    await client.query(`DELETE FROM materials WHERE material_id = ANY($1::uuid[])`, [materialIds]);
  });
});

describe('loadRecentOrders', () => {
  it('returns the distinct SKUs of each order holding a batch material, most recent last, without cancelled, old or other tenants\' orders', async () => {
    const { a, b, c, d } = await withAdminClient(async (client) => {
      const [a, b, c, d] = [
        await createMaterial(client, acme.tenantId, 'A'),
        await createMaterial(client, acme.tenantId, 'B'),
        await createMaterial(client, acme.tenantId, 'C'),
        await createMaterial(client, acme.tenantId, 'D'),
      ];
      await createOrder(client, acme.tenantId, 60 * 24 * 5, [b.id, a.id, d.id, a.id]);
      await createOrder(client, acme.tenantId, 60 * 24 * 10, [c.id, a.id]);
      await createOrder(client, acme.tenantId, 60 * 24 * 2, [c.id]);
      await createOrder(client, acme.tenantId, 60 * 24, [a.id, b.id], 'CANCELLED');
      await createOrder(client, acme.tenantId, 60 * 24 * 120, [a.id]);
      // Another tenant's order naming acme's material: row-level security must hide it.
      await createOrder(client, northwind.tenantId, 60, [a.id]);
      return { a, b, c, d };
    });
    expect(await recentOrdersOf([a.id, b.id])).toEqual([
      [a.sku, c.sku],
      [a.sku, b.sku, d.sku],
    ]);
    expect(await recentOrdersOf([])).toEqual([]);
  });

  it(`returns at most the ${RECENT_ORDERS_PER_SKU} most recent orders of each material, counting once an order that holds it twice or that two materials share`, async () => {
    const limit = RECENT_ORDERS_PER_SKU;
    const { e, f, g } = await withAdminClient(async (client) => {
      const [e, f, g] = [await createMaterial(client, acme.tenantId, 'E'), await createMaterial(client, acme.tenantId, 'F'), await createMaterial(client, acme.tenantId, 'G')];
      // limit + 5 orders of E, one a minute; the 5 oldest also hold G, so they show whether the
      // oldest were dropped, and one holds E twice, which must still count as one order.
      for (let age = 2; age < limit + 7; age++) {
        await createOrder(client, acme.tenantId, age, age >= limit + 2 ? [e.id, g.id] : age <= 3 ? [e.id, f.id] : age === 4 ? [e.id, e.id] : [e.id]);
      }
      await createOrder(client, acme.tenantId, 1, [f.id]);
      return { e, f, g };
    });
    const ofE = await recentOrdersOf([e.id]);
    expect(ofE).toHaveLength(limit);
    expect(ofE.some((skus) => skus.includes(g.sku))).toBe(false);

    const ofEAndF = await recentOrdersOf([e.id, f.id]);
    expect(ofEAndF).toHaveLength(limit + 1);
    expect(ofEAndF.slice(-3)).toEqual([[e.sku, f.sku], [e.sku, f.sku], [f.sku]]);
  });

  it('dates each order by its created_at, even when a line was written with another time or the order was re-dated later', async () => {
    const { h, late, redated } = await withAdminClient(async (client) => {
      const h = await createMaterial(client, acme.tenantId, 'H');
      const early = await createOrder(client, acme.tenantId, 60 * 24 * 3, []);
      // A writer's ordered_at is replaced by the order's created_at (3 days ago, not 200).
      await client.query(
        `INSERT INTO sales_order_lines (tenant_id, sales_order_id, material_id, quantity, ordered_at) VALUES ($1, $2, $3, 1, now() - interval '200 days')`,
        [acme.tenantId, early, h.id],
      );
      const late = await createOrder(client, acme.tenantId, 60 * 24, [h.id]);
      const redated = await createOrder(client, acme.tenantId, 60 * 24 * 2, [h.id]);
      return { h, late, redated };
    });
    expect(await recentOrdersOf([h.id])).toHaveLength(3);

    await withAdminClient((client) => client.query(`UPDATE sales_orders SET created_at = now() - interval '120 days' WHERE sales_order_id = $1`, [redated]));
    expect(await recentOrdersOf([h.id])).toHaveLength(2);
    await withAdminClient((client) => client.query(`UPDATE sales_orders SET created_at = now() WHERE sales_order_id = $1`, [redated]));
    const { rows } = await withAdminClient((client) =>
      client.query<{ sales_order_id: string }>(`SELECT sales_order_id FROM sales_order_lines WHERE material_id = $1 ORDER BY ordered_at DESC LIMIT 2`, [h.id]),
    );
    expect(rows.map((r) => r.sales_order_id)).toEqual([redated, late]);

    // The app writes lines as binwise_app under row-level security: the trigger sees the order.
    const viaApp = await withAdminClient((client) => createOrder(client, acme.tenantId, 30, []));
    await withTenant(acme.tenantId, (tx) => tx.$executeRaw`INSERT INTO sales_order_lines (tenant_id, sales_order_id, material_id, quantity) VALUES (${acme.tenantId}::uuid, ${viaApp}::uuid, ${h.id}::uuid, 1)`);
    expect(await recentOrdersOf([h.id])).toHaveLength(4);
  });
});
