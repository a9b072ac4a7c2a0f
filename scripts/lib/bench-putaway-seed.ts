/**
 * A scratch warehouse for bench:putaway, built with set-based SQL in a few seconds:
 * 10,000 bins in 50 aisles, 800 materials, ~200,000 lots (bins about half full), open
 * orders, open pick tasks and mined affinity. Deterministic (setseed), idempotent: an
 * existing bench tenant of the right size is reused.
 */
import type { ClientBase } from 'pg';

export const BENCH_TENANT_CODE = 'bench-putaway';

export type BenchWarehouse = { tenantId: string; tenantName: string; userId: string; skus: string[]; locations: number; lots: number };

export async function ensureBenchWarehouse(client: ClientBase, options: { locations: number; lots: number; materials: number }): Promise<BenchWarehouse> {
  const existing = await client.query<{ tenant_id: string; n: string }>(
    `SELECT t.tenant_id, (SELECT COUNT(*) FROM inventory_locations l WHERE l.tenant_id = t.tenant_id) AS n FROM tenants t WHERE t.code = $1`,
    [BENCH_TENANT_CODE],
  );
  if (existing.rows[0] && Number(existing.rows[0].n) !== options.locations) {
    await client.query(`DELETE FROM tenants WHERE tenant_id = $1`, [existing.rows[0].tenant_id]);
    for (const table of ['lots', 'inventory_transactions', 'materials', 'inventory_locations', 'zones', 'putaway_recommendations', 'putaway_batches', 'sales_order_lines', 'sales_orders', 'pick_tasks', 'sku_affinity', 'users', 'ml_feedback_training_data', 'idempotency_keys']) {
      await client.query(`DELETE FROM ${table} WHERE tenant_id = $1`, [existing.rows[0].tenant_id]);
    }
    existing.rows.length = 0;
  }
  if (!existing.rows[0]) await seed(client, options);
  const tenant = await client.query<{ tenant_id: string; name: string }>(`SELECT tenant_id, name FROM tenants WHERE code = $1`, [BENCH_TENANT_CODE]);
  const tenantId = tenant.rows[0]!.tenant_id;
  const user = await client.query<{ user_id: string }>(`SELECT user_id FROM users WHERE tenant_id = $1 LIMIT 1`, [tenantId]);
  const skus = await client.query<{ sku: string }>(`SELECT sku FROM materials WHERE tenant_id = $1 ORDER BY sku`, [tenantId]);
  const counts = await client.query<{ locations: string; lots: string }>(
    `SELECT (SELECT COUNT(*) FROM inventory_locations WHERE tenant_id = $1) AS locations, (SELECT COUNT(*) FROM lots WHERE tenant_id = $1) AS lots`,
    [tenantId],
  );
  return { tenantId, tenantName: tenant.rows[0]!.name, userId: user.rows[0]!.user_id, skus: skus.rows.map((r) => r.sku), locations: Number(counts.rows[0]!.locations), lots: Number(counts.rows[0]!.lots) };
}

async function seed(client: ClientBase, { locations, lots, materials }: { locations: number; lots: number; materials: number }): Promise<void> {
  await client.query('BEGIN');
  await client.query(`SELECT setseed(0.42)`);
  const { rows } = await client.query<{ tenant_id: string }>(`INSERT INTO tenants (code, name) VALUES ($1, 'Bench warehouse') RETURNING tenant_id`, [BENCH_TENANT_CODE]);
  const t = rows[0]!.tenant_id;
  await client.query(`INSERT INTO users (tenant_id, email, name, role, password_hash) VALUES ($1, 'bench@bench.test', 'Bench supervisor', 'SUPERVISOR', 'x')`, [t]);
  await client.query(`INSERT INTO facilities (tenant_id, code, name) VALUES ($1, 'MAIN', 'Main') `, [t]);
  await client.query(
    `INSERT INTO zones (tenant_id, facility_id, code, name, purpose, hazard_allowed)
     SELECT $1, f.facility_id, z.code, z.code, 'bench', z.code = 'INK' FROM facilities f, (VALUES ('FINISHED'), ('PAPER'), ('INK'), ('PLATES')) z(code) WHERE f.tenant_id = $1`,
    [t],
  );
  // 200 bins per aisle (40 bays × 5 levels), aisles 10 ft apart, zones in blocks of aisles.
  await client.query(
    `INSERT INTO inventory_locations (tenant_id, facility_id, zone_id, location_code, aisle, bay, level, x_feet, y_feet, location_type,
       cubic_feet, max_weight_lbs, inside_length_inches, inside_width_inches, inside_height_inches)
     SELECT $1, z.facility_id, z.zone_id, format('B-%s-%s-%s', lpad((g / 200)::text, 2, '0'), lpad(((g % 200) / 5)::text, 2, '0'), g % 5),
            format('B-%s', lpad((g / 200)::text, 2, '0')), (g % 200) / 5, 1 + g % 5, 30 + (g / 200) * 10, 40 + ((g % 200) / 5) * 6,
            (CASE WHEN g % 5 < 2 THEN 'PICK_FACE' ELSE 'RESERVE' END)::location_type, 66.67, 2500, 48, 40, 60
     FROM generate_series(0, $2 - 1) g
     JOIN zones z ON z.tenant_id = $1 AND z.code = (ARRAY['FINISHED','PAPER','INK','PLATES'])[1 + (g / 200) % 4]`,
    [t, locations],
  );
  await client.query(
    `INSERT INTO materials (tenant_id, sku, description, category, length_inches, width_inches, height_inches, weight_lbs, abc_classification)
     SELECT $1, format('BEN-%s', lpad(g::text, 4, '0')), 'bench item', (ARRAY['FINISHED_CARTON','PAPER_ROLL','INK','PLATE'])[1 + g % 4],
            8 + floor(random() * 9), 8 + floor(random() * 9), 6 + floor(random() * 9), round((2 + random() * 40)::numeric, 1),
            (ARRAY['A','B','C','C'])[1 + g % 4]
     FROM generate_series(1, $2) g`,
    [t, materials],
  );
  // Each bin holds lots of materials of its zone's category: about half full by volume.
  await client.query(
    `WITH bins AS (SELECT location_id, z.code AS zone, row_number() OVER (ORDER BY location_code) - 1 AS i
                   FROM inventory_locations l JOIN zones z ON z.zone_id = l.zone_id WHERE l.tenant_id = $1),
          mats AS (SELECT material_id, category, row_number() OVER (PARTITION BY category ORDER BY sku) - 1 AS j,
                          COUNT(*) OVER (PARTITION BY category) AS n FROM materials WHERE tenant_id = $1),
          zone_category AS (SELECT * FROM (VALUES ('FINISHED','FINISHED_CARTON'), ('PAPER','PAPER_ROLL'), ('INK','INK'), ('PLATES','PLATE')) v(zone, category))
     INSERT INTO lots (tenant_id, lot_number, material_id, location_id, quantity_on_hand, received_at)
     SELECT $1, format('BL-%s', g), m.material_id, b.location_id, 1 + floor(random() * 2)::int, now() - (random() * interval '90 days')
     FROM generate_series(0, $2 - 1) g
     JOIN bins b ON b.i = g % $3
     JOIN zone_category zc ON zc.zone = b.zone
     JOIN mats m ON m.category = zc.category AND m.j = (g * 7919) % m.n`,
    [t, lots, locations],
  );
  await client.query(
    `INSERT INTO sales_orders (tenant_id, order_number, customer, status, due_at)
     SELECT $1, format('SO-B%s', g), 'bench', 'OPEN', now() + (g % 72) * interval '1 hour' FROM generate_series(1, 200) g`,
    [t],
  );
  await client.query(
    `INSERT INTO sales_order_lines (tenant_id, sales_order_id, material_id, quantity)
     SELECT $1, so.sales_order_id, m.material_id, 1 + floor(random() * 5)::int
     FROM sales_orders so CROSS JOIN LATERAL (SELECT material_id FROM materials WHERE tenant_id = $1 ORDER BY random() + length(so.order_number) * 0 LIMIT 3) m
     WHERE so.tenant_id = $1`,
    [t],
  );
  await client.query(
    `INSERT INTO pick_tasks (tenant_id, location_id, material_id, quantity, status)
     SELECT $1, l.location_id, l.material_id, 1, 'OPEN' FROM (SELECT location_id, material_id FROM lots WHERE tenant_id = $1 ORDER BY random() LIMIT 300) l`,
    [t],
  );
  await client.query(
    `INSERT INTO sku_affinity (tenant_id, material_a_id, material_b_id, co_pick_count, lift)
     SELECT $1, a.material_id, b.material_id, 5, 2.5 FROM materials a JOIN materials b ON b.tenant_id = a.tenant_id AND b.category = a.category AND b.sku > a.sku
     WHERE a.tenant_id = $1 AND (hashtext(a.sku || b.sku) % 40) = 0`,
    [t],
  );
  await client.query('COMMIT');
  await client.query('ANALYZE');
}
