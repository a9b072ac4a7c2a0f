import 'server-only';
/**
 * A throwaway tenant for the capacity tests (arranged as the superuser): one 10 ft³ bin and a
 * 1 ft³ cube, so exactly 10 cubes fill the bin to 100 % and the 95 % default cap lets 9 in.
 * With the seeded warehouse the engine would always find another bin with room and never need
 * to go past 95 %. Not imported by the app.
 */
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { AuthContext } from '../auth/session';

export type CapacityTestTenant = {
  tenantId: string;
  supervisor: AuthContext;
  ops: AuthContext;
  facilityId: string;
  zoneId: string;
  binId: string;
  binCode: string;
  materialId: string;
  sku: string;
};

export const BIN_CUBIC_FEET = 10;

export async function arrangeCapacityTestTenant(client: pg.Client): Promise<CapacityTestTenant> {
  const code = `cap-${randomUUID().slice(0, 8)}`;
  const tenantName = 'Capacity test warehouse';
  const { rows: tenants } = await client.query<{ tenant_id: string }>(`INSERT INTO tenants (code, name) VALUES ($1, $2) RETURNING tenant_id`, [code, tenantName]);
  const tenantId = tenants[0]!.tenant_id;
  const user = async (role: 'SUPERVISOR' | 'OPS', name: string): Promise<AuthContext> => {
    const { rows } = await client.query<{ user_id: string }>(
      `INSERT INTO users (tenant_id, email, name, role, password_hash) VALUES ($1, $2, $3, $4, 'x') RETURNING user_id`,
      [tenantId, `${role.toLowerCase()}@${code}.test`, name, role],
    );
    return { userId: rows[0]!.user_id, tenantId, tenantName, role, name, via: 'session' };
  };
  const supervisor = await user('SUPERVISOR', 'Cap supervisor');
  const ops = await user('OPS', 'Cap ops');
  const { rows: facilities } = await client.query<{ facility_id: string }>(
    `INSERT INTO facilities (tenant_id, code, name) VALUES ($1, 'MAIN', 'Main') RETURNING facility_id`,
    [tenantId],
  );
  const facilityId = facilities[0]!.facility_id;
  const { rows: zones } = await client.query<{ zone_id: string }>(
    `INSERT INTO zones (tenant_id, facility_id, code, name, purpose) VALUES ($1, $2, 'FINISHED', 'Finished goods', 'FINISHED') RETURNING zone_id`,
    [tenantId, facilityId],
  );
  const zoneId = zones[0]!.zone_id;
  const bin = await addBin(client, { tenantId, facilityId, zoneId }, 'CAP-01');
  const sku = 'CAP-CUBE';
  const { rows: materials } = await client.query<{ material_id: string }>(
    `INSERT INTO materials (tenant_id, sku, description, category, length_inches, width_inches, height_inches, weight_lbs, abc_classification)
     VALUES ($1, $2, 'One cubic foot carton', 'FINISHED_CARTON', 12, 12, 12, 10, 'A') RETURNING material_id`,
    [tenantId, sku],
  );
  return { tenantId, supervisor, ops, facilityId, zoneId, binId: bin.locationId, binCode: bin.locationCode, materialId: materials[0]!.material_id, sku };
}

/** A 10 ft³ bin with room for far more weight than ten cubes, so only volume limits it. */
export async function addBin(
  client: pg.Client,
  at: { tenantId: string; facilityId: string; zoneId: string },
  locationCode: string,
): Promise<{ locationId: string; locationCode: string }> {
  const { rows } = await client.query<{ location_id: string }>(
    `INSERT INTO inventory_locations (tenant_id, facility_id, zone_id, location_code, aisle, bay, level, x_feet, y_feet, location_type,
       cubic_feet, max_weight_lbs, inside_length_inches, inside_width_inches, inside_height_inches)
     VALUES ($1, $2, $3, $4, 'A1', 1, 1, 10, 10, 'RESERVE', $5, 100000, 48, 48, 48) RETURNING location_id`,
    [at.tenantId, at.facilityId, at.zoneId, locationCode, BIN_CUBIC_FEET],
  );
  return { locationId: rows[0]!.location_id, locationCode };
}

/** `n` PENDING one-unit recommendations of the cube into the bin, in one batch. */
export async function pendingRecommendations(client: pg.Client, t: CapacityTestTenant, locationId: string, n: number): Promise<string[]> {
  const batchId = randomUUID();
  await client.query(`INSERT INTO putaway_batches (batch_id, tenant_id, algorithm, flags, item_count, processing_ms) VALUES ($1, $2, 'FFD', '{"algorithm":"FFD"}', $3, 1)`, [
    batchId,
    t.tenantId,
    n,
  ]);
  const ids = Array.from({ length: n }, () => randomUUID());
  for (const id of ids) {
    await client.query(
      `INSERT INTO putaway_recommendations (recommendation_id, tenant_id, batch_id, material_id, lot_number, quantity, location_id, algorithm,
         confidence_score, confidence_source, score_total, score_breakdown, features, reason, fill_before, fill_after)
       VALUES ($1, $2, $3, $4, $5, 1, $6, 'FFD', 0.9, 'heuristic', 50,
         '{"travel":10,"utilization":10,"affinity":0,"congestion":0,"consolidation":0}', '{"travel":1}', 'test', 0, 0.1)`,
      [id, t.tenantId, batchId, t.materialId, `CLOT-${id.slice(0, 8)}`, locationId],
    );
  }
  return ids;
}

/** Removes the tenant and everything it owns (tables without a foreign key to tenants first). */
export async function removeCapacityTestTenant(client: pg.Client, tenantId: string): Promise<void> {
  const tables = [
    'ml_feedback_training_data',
    'inventory_transactions',
    'lots',
    'putaway_recommendations',
    'putaway_batches',
    'idempotency_keys',
    'feature_flag_audit_log',
    'feature_flags',
    'optimizer_capacity_settings',
    'bin_utilization_cache',
    'inventory_locations',
    'zones',
    'materials',
  ];
  await client.query('BEGIN');
  for (const table of tables) await client.query(`DELETE FROM ${table} WHERE tenant_id = $1`, [tenantId]);
  await client.query('DELETE FROM tenants WHERE tenant_id = $1', [tenantId]);
  await client.query('COMMIT');
}
