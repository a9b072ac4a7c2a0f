import 'server-only';
/**
 * Arranges putaway rows directly (as the superuser) for integration tests: a fresh bin
 * with room for exactly `k` recommendations, and `n` PENDING recommendations aimed at it.
 * Not imported by the app.
 */
import { randomUUID } from 'node:crypto';
import type pg from 'pg';

export type ContendedBin = { locationId: string; locationCode: string; materialId: string; sku: string; batchId: string; recommendationIds: string[]; quantity: number; capacityCubicFeet: number };

export async function arrangeContendedBin(client: pg.Client, tenantId: string, options: { k: number; n: number; quantity?: number }): Promise<ContendedBin> {
  const quantity = options.quantity ?? 2;
  const { rows: materials } = await client.query<{ material_id: string; sku: string; unit_cf: number; unit_lbs: number }>(
    `SELECT material_id, sku, (length_inches * width_inches * height_inches) / 1728.0 AS unit_cf, COALESCE(weight_lbs, 0) AS unit_lbs
     FROM materials WHERE tenant_id = $1 AND length_inches > 0 AND width_inches > 0 AND height_inches > 0 AND hazard_class IS NULL
     ORDER BY sku LIMIT 1`,
    [tenantId],
  );
  const material = materials[0]!;
  const { rows: anchors } = await client.query<{ facility_id: string; zone_id: string }>(
    `SELECT facility_id, zone_id FROM inventory_locations WHERE tenant_id = $1 LIMIT 1`,
    [tenantId],
  );
  const anchor = anchors[0]!;
  // Room for k recommendations and a bit more, but not k + 1.
  const need = quantity * material.unit_cf;
  const capacity = need * options.k + need * 0.5;
  const locationCode = `TEST-${randomUUID().slice(0, 8)}`;
  const { rows: locations } = await client.query<{ location_id: string }>(
    `INSERT INTO inventory_locations (tenant_id, facility_id, zone_id, location_code, aisle, bay, level, x_feet, y_feet, location_type,
       cubic_feet, max_weight_lbs, inside_length_inches, inside_width_inches, inside_height_inches)
     VALUES ($1, $2, $3, $4, 'T1', 1, 1, 5, 5, 'RESERVE', $5, 1000000, 96, 96, 96) RETURNING location_id`,
    [tenantId, anchor.facility_id, anchor.zone_id, locationCode, capacity],
  );
  const locationId = locations[0]!.location_id;
  const batchId = randomUUID();
  await client.query(
    `INSERT INTO putaway_batches (batch_id, tenant_id, algorithm, flags, item_count, processing_ms) VALUES ($1, $2, 'FFD', '{"algorithm":"FFD"}', $3, 1)`,
    [batchId, tenantId, options.n],
  );
  const recommendationIds: string[] = [];
  for (let i = 0; i < options.n; i++) {
    const id = randomUUID();
    recommendationIds.push(id);
    await client.query(
      `INSERT INTO putaway_recommendations (recommendation_id, tenant_id, batch_id, material_id, lot_number, quantity, location_id, algorithm,
         confidence_score, confidence_source, score_total, score_breakdown, features, reason, fill_before, fill_after)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'FFD', 0.9, 'heuristic', 50,
         '{"travel":10,"utilization":10,"affinity":0,"congestion":0,"consolidation":0}', '{"travel":1}', 'test', 0, 0.1)`,
      [id, tenantId, batchId, material.material_id, `TLOT-${id.slice(0, 8)}`, quantity, locationId],
    );
  }
  return { locationId, locationCode, materialId: material.material_id, sku: material.sku, batchId, recommendationIds, quantity, capacityCubicFeet: capacity };
}

/** Lots whose quantity on hand differs from the sum of their transactions (should be none). */
export async function lotsOutOfBalance(client: pg.Client, locationId: string): Promise<number> {
  const { rows } = await client.query<{ n: number }>(
    `SELECT COUNT(*)::int AS n FROM lots l
     LEFT JOIN (SELECT lot_id, SUM(quantity) AS s FROM inventory_transactions GROUP BY lot_id) t ON t.lot_id = l.lot_id
     WHERE l.location_id = $1 AND l.quantity_on_hand <> COALESCE(t.s, 0)`,
    [locationId],
  );
  return rows[0]!.n;
}

/** Live used cubic feet of a bin, from lots. */
export async function usedCubicFeet(client: pg.Client, locationId: string): Promise<number> {
  const { rows } = await client.query<{ cf: number }>(
    `SELECT COALESCE(SUM(l.quantity_on_hand * m.length_inches * m.width_inches * m.height_inches) / 1728.0, 0)::float8 AS cf
     FROM lots l JOIN materials m ON m.material_id = l.material_id WHERE l.location_id = $1 AND l.quantity_on_hand > 0`,
    [locationId],
  );
  return rows[0]!.cf;
}

export async function countRows(client: pg.Client, tenantId: string): Promise<Record<string, number>> {
  const tables = ['putaway_batches', 'putaway_recommendations', 'lots', 'inventory_transactions', 'ml_feedback_training_data', 'idempotency_keys'];
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const { rows } = await client.query<{ n: number }>(`SELECT COUNT(*)::int AS n FROM ${table} WHERE tenant_id = $1`, [tenantId]);
    counts[table] = rows[0]!.n;
  }
  return counts;
}

/**
 * Removes what a putaway test file created since `since` (test files run one after another),
 * so other files see the seeded warehouse: batches and recommendations, the stock they moved
 * into TEST- bins, the bins, idempotency keys, tokens and their audit events.
 */
export async function cleanUpPutawayTestData(client: pg.Client, since: Date): Promise<void> {
  await client.query('BEGIN');
  await client.query(
    `DELETE FROM ml_feedback_training_data WHERE recommendation_id IN (SELECT recommendation_id FROM putaway_recommendations WHERE created_at >= $1)`,
    [since],
  );
  await client.query(`DELETE FROM inventory_transactions WHERE recommendation_id IN (SELECT recommendation_id FROM putaway_recommendations WHERE created_at >= $1)`, [since]);
  await client.query(`DELETE FROM inventory_transactions WHERE to_location_id IN (SELECT location_id FROM inventory_locations WHERE location_code LIKE 'TEST-%')`);
  await client.query(`DELETE FROM lots WHERE location_id IN (SELECT location_id FROM inventory_locations WHERE location_code LIKE 'TEST-%')`);
  await client.query(`DELETE FROM putaway_batches WHERE created_at >= $1`, [since]);
  await client.query(`DELETE FROM idempotency_keys WHERE created_at >= $1`, [since]);
  await client.query(`DELETE FROM audit_events WHERE created_at >= $1 AND action IN ('api_token.created', 'api_token.revoked', 'sku_affinity.refreshed')`, [since]);
  await client.query(`DELETE FROM api_tokens WHERE created_at >= $1`, [since]);
  await client.query(`DELETE FROM inventory_locations WHERE location_code LIKE 'TEST-%'`);
  await client.query('COMMIT');
}
