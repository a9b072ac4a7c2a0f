import 'server-only';
import {
  CAPACITY_AUDIT_KEYS,
  CAPACITY_FIELDS,
  formatPercent,
  ZSetCapacitySettingsInput,
  type CapacityField,
  type CapacityRules,
  type TSetCapacitySettingsInput,
} from '@/lib/schemas/capacity';
import { parseInput } from '../action';
import { assertPermission, type AuthContext } from '../auth/session';
import { withTenant } from '../db';
import { getEffectiveCapacity } from './get-effective-capacity';

/** One value written: fractions before and after, and its audit key. */
export type CapacityChange = { field: CapacityField; key: string; from: number; to: number };
export type CapacityUpdateResult = { changes: CapacityChange[]; effective: CapacityRules };

/**
 * Sets the tenant's target band and hard cap. Input is validated before anything runs (a
 * refusal names the field and writes nothing); then, in ONE transaction, the row is upserted
 * and one audit row per changed value goes to feature_flag_audit_log (who, old → new, why),
 * so the page's audit log lists capacity changes beside flag changes. A per-tenant advisory
 * lock serializes concurrent edits, so each audit row's "old" is the value really in force.
 */
export async function setCapacitySettings(context: AuthContext, input: TSetCapacitySettingsInput): Promise<CapacityUpdateResult> {
  assertPermission(context, 'flags.write');
  const { reason, ...rules } = parseInput(ZSetCapacitySettingsInput, input);
  return withTenant(context.tenantId, async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('optimizer_capacity_settings'), hashtext(${context.tenantId}))`;
    const before = await getEffectiveCapacity(tx, context.tenantId);
    const changes: CapacityChange[] = CAPACITY_FIELDS.filter((field) => before[field] !== rules[field]).map((field) => ({
      field,
      key: CAPACITY_AUDIT_KEYS[field],
      from: before[field],
      to: rules[field],
    }));
    if (!changes.length) return { changes, effective: rules };
    await tx.$executeRaw`
      INSERT INTO optimizer_capacity_settings (tenant_id, target_band_min, target_band_max, hard_cap, updated_by, updated_at)
      VALUES (${context.tenantId}::uuid, ${rules.targetBandMin}, ${rules.targetBandMax}, ${rules.hardCap}, ${context.userId}::uuid, now())
      ON CONFLICT (tenant_id) DO UPDATE SET target_band_min = EXCLUDED.target_band_min, target_band_max = EXCLUDED.target_band_max,
        hard_cap = EXCLUDED.hard_cap, updated_by = EXCLUDED.updated_by, updated_at = now()`;
    // A first change says the old value was the default, so "95% → 100%" is never read as a
    // change from a value someone had set.
    const suffix = before.source === 'default' ? ' (default)' : '';
    for (const change of changes) {
      await tx.$executeRaw`
        INSERT INTO feature_flag_audit_log (tenant_id, flag_key, old_value, new_value, reason, changed_by)
        VALUES (${context.tenantId}::uuid, ${change.key}, ${formatPercent(change.from) + suffix}, ${formatPercent(change.to)}, ${reason}, ${context.userId}::uuid)`;
    }
    return { changes, effective: rules };
  });
}
