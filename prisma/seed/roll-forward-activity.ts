/**
 * Test data for roll-forward.int.test.ts: one row of each kind of activity the app writes
 * after the seed (a putaway batch and a decision, flags, audits, a job, a token, a sign-in
 * throttle, a scheduler beat, affinity), all dated before `before`, so that every timestamp
 * column of the schema holds a value the roll-forward test can see move, or stay.
 */
import type { ClientBase } from 'pg';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export async function addAppActivity(client: ClientBase, before: Date): Promise<void> {
  const at = (msBefore: number) => new Date(before.getTime() - msBefore);
  const { rows: [acme] } = await client.query<{ tenant_id: string; material_a: string; material_b: string; location_id: string }>(
    `SELECT t.tenant_id,
            (SELECT material_id FROM materials m WHERE m.tenant_id = t.tenant_id ORDER BY sku LIMIT 1) AS material_a,
            (SELECT material_id FROM materials m WHERE m.tenant_id = t.tenant_id ORDER BY sku OFFSET 1 LIMIT 1) AS material_b,
            (SELECT location_id FROM inventory_locations l WHERE l.tenant_id = t.tenant_id ORDER BY location_code LIMIT 1) AS location_id
     FROM tenants t WHERE t.code = 'acme-print'`);
  const tenant = acme.tenant_id;
  await client.query(`INSERT INTO sku_affinity (tenant_id, material_a_id, material_b_id, co_pick_count, lift, computed_at) VALUES ($1, $2, $3, 5, 2.5, $4)`,
    [tenant, acme.material_a, acme.material_b, at(HOUR)]);
  const { rows: [batch] } = await client.query<{ batch_id: string }>(
    `INSERT INTO putaway_batches (tenant_id, status, algorithm, flags, item_count, processing_ms, created_at)
     VALUES ($1, 'COMPLETED', 'HYBRID', '{}', 1, 12, $2) RETURNING batch_id`, [tenant, at(2 * HOUR)]);
  await client.query(
    `INSERT INTO putaway_recommendations (tenant_id, batch_id, material_id, lot_number, quantity, location_id, status, algorithm, confidence_score,
       confidence_source, score_total, score_breakdown, reason, fill_before, fill_after, decided_at, created_at)
     VALUES ($1, $2, $3, 'L-TEST-1', 4, $4, 'ACCEPTED', 'HYBRID', 0.8, 'MODEL', 0.7, '{}', 'closest bin in the band', 0.5, 0.7, $5, $6)`,
    [tenant, batch.batch_id, acme.material_a, acme.location_id, at(HOUR), at(2 * HOUR)]);
  await client.query(`INSERT INTO feature_flags (tenant_id, flag_key, value, updated_at) VALUES ($1, 'CROSS_DOCK_ENABLED', 'true', $2)`, [tenant, at(3 * HOUR)]);
  await client.query(`INSERT INTO feature_flag_audit_log (tenant_id, flag_key, old_value, new_value, reason, changed_at) VALUES ($1, 'CROSS_DOCK_ENABLED', NULL, 'true', 'demo', $2)`,
    [tenant, at(3 * HOUR)]);
  await client.query(`INSERT INTO optimizer_capacity_settings (tenant_id, target_band_min, target_band_max, hard_cap, updated_at) VALUES ($1, 0.6, 0.85, 0.95, $2)`,
    [tenant, at(3 * HOUR)]);
  await client.query(`INSERT INTO audit_events (tenant_id, action, target, created_at) VALUES ($1, 'cache.refresh', 'bin_utilization_cache', $2)`, [tenant, at(4 * HOUR)]);
  await client.query(`INSERT INTO idempotency_keys (tenant_id, key, scope, request_hash, response, created_at) VALUES ($1, 'test-key', 'accept', 'hash', '{}', $2)`,
    [tenant, at(HOUR)]);
  await client.query(
    `INSERT INTO background_jobs (tenant_id, kind, status, progress, created_at, started_at, finished_at, heartbeat_at) VALUES ($1, 'simulation', 'SUCCEEDED', 1, $2, $3, $4, $4)`,
    [tenant, at(5 * HOUR), at(5 * HOUR - MINUTE), at(4 * HOUR)]);
  await client.query(
    `INSERT INTO api_tokens (tenant_id, name, token_hash, token_prefix, role, created_at, last_used_at, expires_at, revoked_at)
     VALUES ($1, 'wms', 'hash', 'bw_test', 'SUPERVISOR', $2, $3, $4, $5)`, [tenant, at(6 * HOUR), at(HOUR), at(-30 * 24 * HOUR), at(30 * MINUTE)]);
  await client.query(`INSERT INTO auth_throttle (key, failures, window_start, locked_until) VALUES ('supervisor@acme.test', 5, $1, $2)`, [at(HOUR), at(45 * MINUTE)]);
  await client.query(`INSERT INTO scheduler_heartbeats (name, holder, heartbeat_at) VALUES ('scheduler', 'test', $1)`, [at(10 * MINUTE)]);
}
