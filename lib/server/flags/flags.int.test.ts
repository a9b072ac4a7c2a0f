import { beforeAll, describe, expect, it } from 'vitest';
import { contextFor, withAdminClient } from '@/test/integration/contexts';
import type { AuthContext } from '../auth/session';
import { withTenant } from '../db';
import { createPutawayBatch } from '../putaway/create-putaway-batch';
import { findFlagAudit, getEffectiveFlags, getFlagSettings, rollbackFlagsToSafeDefaults, setFeatureFlag } from './index';

async function auditCount(tenantId: string): Promise<number> {
  return withAdminClient(async (client) => {
    const { rows } = await client.query('SELECT COUNT(*)::int AS n FROM feature_flag_audit_log WHERE tenant_id = $1', [tenantId]);
    return rows[0].n as number;
  });
}

describe('feature flags against PostgreSQL', () => {
  let ops: AuthContext;
  let supervisor: AuthContext;
  let northwindOps: AuthContext;
  let sku: string;

  beforeAll(async () => {
    ops = await contextFor('ops@acme.test');
    supervisor = await contextFor('supervisor@acme.test');
    northwindOps = await contextFor('ops@northwind.test');
    await withAdminClient(async (client) => {
      await client.query('DELETE FROM feature_flags WHERE tenant_id IN ($1, $2)', [ops.tenantId, northwindOps.tenantId]);
      const { rows } = await client.query(
        `SELECT sku FROM materials WHERE tenant_id = $1 AND is_active AND width_inches > 0 AND height_inches > 0 AND length_inches > 0
         AND hazard_class IS NULL ORDER BY sku LIMIT 1`,
        [ops.tenantId],
      );
      sku = rows[0].sku;
      // A tiny active model (intercept only), so "ML on" has a model to use.
      await client.query(
        `INSERT INTO ml_model_weights (tenant_id, version, feature_names, weights, intercept, feature_means, feature_stds, is_active, metrics, sample_count)
         SELECT $1, (SELECT COALESCE(MAX(version), 0) + 1 FROM ml_model_weights WHERE tenant_id = $1), '{}', '{}', 1.2, '{}', '{}', true, '{"accuracy": 0.9}', 100
         WHERE NOT EXISTS (SELECT 1 FROM ml_model_weights WHERE tenant_id = $1 AND is_active)`,
        [ops.tenantId],
      );
    });
  });

  it('changes the effective flags of the next batch and writes who, old → new and why to the audit log', async () => {
    await setFeatureFlag(ops, { flagKey: 'ML_MODEL_ENABLED', value: 'true', reason: 'Model validated on last week' });
    const result = await setFeatureFlag(ops, { flagKey: 'ML_MODEL_ENABLED', value: 'false', reason: 'Accuracy dropped below 70%' });
    expect(result.changes).toEqual([{ key: 'ML_MODEL_ENABLED', from: 'true', to: 'false', previousSource: 'tenant' }]);

    const effective = await withTenant(ops.tenantId, (tx) => getEffectiveFlags(tx, ops.tenantId));
    expect(effective.ML_MODEL_ENABLED).toBe(false);
    expect(effective.sources.ML_MODEL_ENABLED).toBe('tenant');

    const [latest] = await findFlagAudit(ops, { limit: 1 });
    expect(latest).toMatchObject({ flagKey: 'ML_MODEL_ENABLED', oldValue: 'true', newValue: 'false', reason: 'Accuracy dropped below 70%', changedBy: ops.name });
  });

  it('makes the very next batch run under a flipped ML_MODEL_ENABLED: on means model confidence, off means heuristic', async () => {
    await setFeatureFlag(ops, { flagKey: 'ML_MODEL_ENABLED', value: 'true', reason: 'Back on for the comparison' });
    const withModel = await createPutawayBatch(supervisor, { items: [{ sku, quantity: 1 }] });
    const storedOn = await withAdminClient((client) => client.query('SELECT flags FROM putaway_batches WHERE batch_id = $1', [withModel.batchId]));
    expect(storedOn.rows[0].flags.ML_MODEL_ENABLED).toBe(true);
    // With the flag on and an active model, confidence comes from the model.
    expect(withModel.recommendations.length).toBeGreaterThan(0);
    expect(withModel.recommendations.every((r) => r.confidenceSource === 'ml')).toBe(true);

    await setFeatureFlag(ops, { flagKey: 'ML_MODEL_ENABLED', value: 'false', reason: 'Turning the model off' });
    const heuristic = await createPutawayBatch(supervisor, { items: [{ sku, quantity: 1 }] });
    expect(heuristic.recommendations.length).toBeGreaterThan(0);
    expect(heuristic.recommendations.every((r) => r.confidenceSource === 'heuristic')).toBe(true);
    const stored = await withAdminClient((client) => client.query('SELECT flags FROM putaway_batches WHERE batch_id = $1', [heuristic.batchId]));
    expect(stored.rows[0].flags.ML_MODEL_ENABLED).toBe(false);
  });

  it('rolls back to FFD with every feature off in one transaction, with an audit row per changed flag', async () => {
    await setFeatureFlag(ops, { flagKey: 'BIN_OPTIMIZATION_ALGORITHM', value: 'hybrid', reason: 'Trying the hybrid packer' });
    await setFeatureFlag(ops, { flagKey: 'SKU_AFFINITY_ENABLED', value: 'true', reason: 'Affinity data refreshed' });
    const before = await auditCount(ops.tenantId);
    const result = await rollbackFlagsToSafeDefaults(ops, { reason: 'Error rate above 5%' });
    const effective = await withTenant(ops.tenantId, (tx) => getEffectiveFlags(tx, ops.tenantId));
    expect(effective).toMatchObject({ algorithm: 'FFD', SKU_AFFINITY_ENABLED: false, CROSS_DOCK_ENABLED: false, CONGESTION_AVOIDANCE_ENABLED: false, ML_MODEL_ENABLED: false });
    expect(Object.values(effective.sources).every((source) => source === 'tenant')).toBe(true);
    expect(await auditCount(ops.tenantId)).toBe(before + result.changes.length);
    expect(result.changes).toContainEqual({ key: 'BIN_OPTIMIZATION_ALGORITHM', from: 'HYBRID', to: 'FFD', previousSource: 'tenant' });
    const audit = await findFlagAudit(ops, { limit: result.changes.length });
    expect(audit.every((entry) => entry.reason === 'Rollback to safe defaults: Error rate above 5%')).toBe(true);
    // A flag that already had the safe value is pinned, and the audit row says where the value came from.
    const pinned = audit.find((entry) => entry.flagKey === 'CONGESTION_AVOIDANCE_ENABLED');
    expect(pinned?.oldValue).toMatch(/^false \((ConfigMap default|safe fallback)\)$/);
    expect(await rollbackFlagsToSafeDefaults(ops, { reason: 'Pressed twice by mistake' })).toMatchObject({ changes: [] });
  });

  it('leaves the other tenant untouched', async () => {
    const settings = await getFlagSettings(northwindOps);
    expect(settings.flags.every((flag) => flag.override === null)).toBe(true);
    expect(await findFlagAudit(northwindOps)).toEqual([]);
  });

  it('refuses a supervisor with FORBIDDEN and writes nothing', async () => {
    const before = await auditCount(ops.tenantId);
    await expect(setFeatureFlag(supervisor, { flagKey: 'CROSS_DOCK_ENABLED', value: 'true', reason: 'I want cross-dock' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(rollbackFlagsToSafeDefaults(supervisor, { reason: 'Not my call to make' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(getFlagSettings(supervisor)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await auditCount(ops.tenantId)).toBe(before);
  });

  it('refuses an invalid value or a missing reason with BAD_USER_INPUT naming the field', async () => {
    const before = await auditCount(ops.tenantId);
    await expect(setFeatureFlag(ops, { flagKey: 'BIN_OPTIMIZATION_ALGORITHM', value: 'QUANTUM', reason: 'Because it is faster' })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      fieldErrors: { value: [expect.stringContaining('FFD, BFD, HYBRID')] },
    });
    await expect(setFeatureFlag(ops, { flagKey: 'CROSS_DOCK_ENABLED', value: 'true', reason: '' })).rejects.toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: { reason: expect.any(Array) } });
    await expect(setFeatureFlag(ops, { flagKey: 'TURBO' as 'CROSS_DOCK_ENABLED', value: 'true', reason: 'Speed it all up' })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await auditCount(ops.tenantId)).toBe(before);
  });

  it('falls back to the safe value and reports a problem when a stored override is invalid', async () => {
    await withAdminClient((client) =>
      client.query(`UPDATE feature_flags SET value = 'sometimes' WHERE tenant_id = $1 AND flag_key = 'CROSS_DOCK_ENABLED'`, [ops.tenantId]),
    );
    const effective = await withTenant(ops.tenantId, (tx) => getEffectiveFlags(tx, ops.tenantId));
    expect(effective.CROSS_DOCK_ENABLED).toBe(false);
    expect(effective.sources.CROSS_DOCK_ENABLED).toBe('fallback');
    expect(effective.problems.join(' ')).toContain('"sometimes"');
    await withAdminClient((client) =>
      client.query(`UPDATE feature_flags SET value = 'false' WHERE tenant_id = $1 AND flag_key = 'CROSS_DOCK_ENABLED'`, [ops.tenantId]),
    );
  });
});
