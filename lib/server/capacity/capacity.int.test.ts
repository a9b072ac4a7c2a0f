import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contextFor, withAdminClient } from '@/test/integration/contexts';
import type { AuthContext } from '../auth/session';
import { withTenant } from '../db';
import { findFlagAudit } from '../flags';
import { getCapacitySettings, getEffectiveCapacity, setCapacitySettings } from './index';

type StoredRow = { target_band_min: number; target_band_max: number; hard_cap: number; updated_by: string | null; xmin: string };

async function storedRow(tenantId: string): Promise<StoredRow | null> {
  return withAdminClient(async (client) => {
    const { rows } = await client.query<StoredRow>(
      'SELECT target_band_min, target_band_max, hard_cap, updated_by, xmin::text AS xmin FROM optimizer_capacity_settings WHERE tenant_id = $1',
      [tenantId],
    );
    return rows[0] ?? null;
  });
}

async function capacityAuditCount(tenantId: string): Promise<number> {
  return withAdminClient(async (client) => {
    const { rows } = await client.query(`SELECT COUNT(*)::int AS n FROM feature_flag_audit_log WHERE tenant_id = $1 AND flag_key LIKE 'CAPACITY_%'`, [tenantId]);
    return rows[0].n as number;
  });
}

const resetBoth = (tenantIds: string[]) =>
  withAdminClient(async (client) => {
    await client.query('DELETE FROM optimizer_capacity_settings WHERE tenant_id = ANY($1::uuid[])', [tenantIds]);
    await client.query(`DELETE FROM feature_flag_audit_log WHERE tenant_id = ANY($1::uuid[]) AND flag_key LIKE 'CAPACITY_%'`, [tenantIds]);
  });

describe('capacity settings against PostgreSQL', () => {
  let ops: AuthContext;
  let admin: AuthContext;
  let manager: AuthContext;
  let supervisor: AuthContext;
  let northwindOps: AuthContext;

  beforeAll(async () => {
    [ops, admin, manager, supervisor, northwindOps] = await Promise.all(
      ['ops@acme.test', 'admin@acme.test', 'manager@acme.test', 'supervisor@acme.test', 'ops@northwind.test'].map(contextFor),
    );
    await resetBoth([ops.tenantId, northwindOps.tenantId]);
  });

  afterAll(() => resetBoth([ops.tenantId, northwindOps.tenantId]));

  it('gives the engine defaults, band 60–85 % and cap 95 %, while the tenant has no row', async () => {
    expect(await storedRow(ops.tenantId)).toBeNull();
    const settings = await getCapacitySettings(manager);
    expect(settings).toEqual({
      effective: { targetBandMin: 0.6, targetBandMax: 0.85, hardCap: 0.95 },
      source: 'default',
      defaults: { targetBandMin: 0.6, targetBandMax: 0.85, hardCap: 0.95 },
      updated: null,
    });
    const effective = await withTenant(ops.tenantId, (tx) => getEffectiveCapacity(tx, ops.tenantId));
    expect(effective).toEqual({ targetBandMin: 0.6, targetBandMax: 0.85, hardCap: 0.95, source: 'default' });
  });

  it('stores a change and its audit rows (who, old → new, why) in one transaction', async () => {
    const result = await setCapacitySettings(ops, { targetBandMin: 0.6, targetBandMax: 0.9, hardCap: 1, reason: 'Peak season: the warehouse is nearly full' });
    expect(result.changes).toEqual([
      { field: 'targetBandMax', key: 'CAPACITY_TARGET_BAND_MAX', from: 0.85, to: 0.9 },
      { field: 'hardCap', key: 'CAPACITY_HARD_CAP', from: 0.95, to: 1 },
    ]);
    const row = await storedRow(ops.tenantId);
    expect(row).toMatchObject({ target_band_min: 0.6, target_band_max: 0.9, hard_cap: 1, updated_by: ops.userId });

    // The same transaction wrote both: the audit rows carry the settings row's xmin.
    const audit = await withAdminClient(async (client) => {
      const { rows } = await client.query(
        `SELECT flag_key, old_value, new_value, reason, changed_by, xmin::text AS xmin FROM feature_flag_audit_log
         WHERE tenant_id = $1 AND flag_key LIKE 'CAPACITY_%' ORDER BY flag_key`,
        [ops.tenantId],
      );
      return rows;
    });
    expect(audit).toEqual([
      { flag_key: 'CAPACITY_HARD_CAP', old_value: '95% (default)', new_value: '100%', reason: 'Peak season: the warehouse is nearly full', changed_by: ops.userId, xmin: row!.xmin },
      { flag_key: 'CAPACITY_TARGET_BAND_MAX', old_value: '85% (default)', new_value: '90%', reason: 'Peak season: the warehouse is nearly full', changed_by: ops.userId, xmin: row!.xmin },
    ]);

    // The page's audit log lists it beside the flag changes, with the person's name.
    const [latest] = await findFlagAudit(manager, { limit: 1 });
    expect(latest).toMatchObject({ reason: 'Peak season: the warehouse is nearly full', changedBy: ops.name });

    const settings = await getCapacitySettings(manager);
    expect(settings).toMatchObject({ effective: { targetBandMin: 0.6, targetBandMax: 0.9, hardCap: 1 }, source: 'tenant', updated: { by: ops.name } });
  });

  it('lets an admin change it too, and audits a later change against the value that was set', async () => {
    const result = await setCapacitySettings(admin, { targetBandMin: 0.6, targetBandMax: 0.9, hardCap: 0.97, reason: 'Leave a little headroom again' });
    expect(result.changes).toEqual([{ field: 'hardCap', key: 'CAPACITY_HARD_CAP', from: 1, to: 0.97 }]);
    const [latest] = await findFlagAudit(ops, { limit: 1 });
    expect(latest).toMatchObject({ flagKey: 'CAPACITY_HARD_CAP', oldValue: '100%', newValue: '97%', changedBy: admin.name });
  });

  it('writes nothing when the values are already the tenant’s', async () => {
    const before = await capacityAuditCount(ops.tenantId);
    const xmin = (await storedRow(ops.tenantId))!.xmin;
    const result = await setCapacitySettings(ops, { targetBandMin: 0.6, targetBandMax: 0.9, hardCap: 0.97, reason: 'Pressed save twice' });
    expect(result.changes).toEqual([]);
    expect(await capacityAuditCount(ops.tenantId)).toBe(before);
    expect((await storedRow(ops.tenantId))!.xmin).toBe(xmin);
  });

  it('refuses bad input with BAD_USER_INPUT naming the field, and changes nothing', async () => {
    const row = await storedRow(ops.tenantId);
    const before = await capacityAuditCount(ops.tenantId);
    const cases: [Record<string, unknown>, string][] = [
      [{ targetBandMin: 0.6, targetBandMax: 0.9, hardCap: 1.05 }, 'hardCap'],
      [{ targetBandMin: 0.6, targetBandMax: 0.9, hardCap: 0.4 }, 'hardCap'],
      [{ targetBandMin: 0.2, targetBandMax: 0.9, hardCap: 0.97 }, 'targetBandMin'],
      [{ targetBandMin: 0.95, targetBandMax: 0.9, hardCap: 0.97 }, 'targetBandMin'],
      [{ targetBandMin: 0.6, targetBandMax: 0.99, hardCap: 0.97 }, 'targetBandMax'],
      [{ targetBandMin: 0.6, targetBandMax: 'lots', hardCap: 0.97 }, 'targetBandMax'],
    ];
    for (const [values, field] of cases) {
      const refusal = setCapacitySettings(ops, { ...values, reason: 'Testing the limits' } as never);
      await expect(refusal).rejects.toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringContaining(`${field}:`), fieldErrors: { [field]: expect.any(Array) } });
    }
    await expect(setCapacitySettings(ops, { targetBandMin: 0.6, targetBandMax: 0.9, hardCap: 1, reason: '' })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      fieldErrors: { reason: expect.any(Array) },
    });
    expect(await storedRow(ops.tenantId)).toEqual(row);
    expect(await capacityAuditCount(ops.tenantId)).toBe(before);
  });

  it('refuses a supervisor and a manager the write with FORBIDDEN, and changes nothing', async () => {
    const row = await storedRow(ops.tenantId);
    const before = await capacityAuditCount(ops.tenantId);
    for (const who of [supervisor, manager]) {
      await expect(setCapacitySettings(who, { targetBandMin: 0.6, targetBandMax: 0.85, hardCap: 1, reason: 'I would like fuller bins' })).rejects.toMatchObject({
        code: 'FORBIDDEN',
        message: expect.stringContaining('flags.write'),
      });
    }
    // A supervisor may not even read them; a manager may.
    await expect(getCapacitySettings(supervisor)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(getCapacitySettings(manager)).resolves.toMatchObject({ source: 'tenant' });
    expect(await storedRow(ops.tenantId)).toEqual(row);
    expect(await capacityAuditCount(ops.tenantId)).toBe(before);
  });

  it('keeps each tenant’s rules to itself: another tenant neither reads nor changes them, even without a tenant filter', async () => {
    const acmeRow = await storedRow(ops.tenantId);
    expect(await getCapacitySettings(northwindOps)).toMatchObject({ source: 'default', effective: { hardCap: 0.95 } });

    // Row-level security, with queries that leave out the tenant filter on purpose.
    const seen = await withTenant(northwindOps.tenantId, (tx) => tx.$queryRaw<{ tenant_id: string }[]>`SELECT tenant_id::text FROM optimizer_capacity_settings`);
    expect(seen).toEqual([]);
    const updated = await withTenant(northwindOps.tenantId, (tx) => tx.$executeRaw`UPDATE optimizer_capacity_settings SET hard_cap = 0.5, target_band_max = 0.5, target_band_min = 0.5`);
    expect(updated).toBe(0);
    await expect(
      withTenant(northwindOps.tenantId, (tx) =>
        tx.$executeRaw`INSERT INTO optimizer_capacity_settings (tenant_id, target_band_min, target_band_max, hard_cap) VALUES (${ops.tenantId}::uuid, 0.5, 0.5, 0.5)
          ON CONFLICT (tenant_id) DO UPDATE SET hard_cap = 0.5`,
      ),
    ).rejects.toThrow();

    // Northwind's own change lands on Northwind only.
    await setCapacitySettings(northwindOps, { targetBandMin: 0.5, targetBandMax: 0.8, hardCap: 0.9, reason: 'Small site, more headroom' });
    expect(await storedRow(northwindOps.tenantId)).toMatchObject({ hard_cap: 0.9 });
    expect(await storedRow(ops.tenantId)).toEqual(acmeRow);
    expect(await getCapacitySettings(ops)).toMatchObject({ effective: { targetBandMin: 0.6, targetBandMax: 0.9, hardCap: 0.97 } });
  });

  it('is protected by the table’s CHECK constraint even from a hand-written UPDATE', async () => {
    await expect(
      withTenant(ops.tenantId, (tx) => tx.$executeRaw`UPDATE optimizer_capacity_settings SET hard_cap = 1.2 WHERE tenant_id = ${ops.tenantId}::uuid`),
    ).rejects.toThrow();
    expect(await storedRow(ops.tenantId)).toMatchObject({ hard_cap: 0.97 });
  });
});
