import 'server-only';
import type { FlagKey, FlagSource } from '@/lib/schemas/flags';
import type { AuthContext } from '../auth/session';
import type { Tx } from '../db';
import { environmentFlagDefaults } from './environment-defaults';
import { flagText, resolveFlags, type EffectiveFlags, type FlagOverrideRow } from './resolve-flags';

/** One flag written: its value before and after, and where the old value came from. */
export type FlagChange = { key: FlagKey; from: string; to: string; previousSource: FlagSource };

const SOURCE_WORDS: Record<FlagSource, string> = { env: 'ConfigMap default', tenant: 'tenant override', fallback: 'safe fallback' };

/**
 * Pins flags as tenant overrides and writes one audit row per flag whose value or source
 * changes, inside the caller's tenant transaction. A per-tenant advisory lock serializes
 * concurrent edits, so each audit row's "old" is the value that was really in force.
 */
export async function writeFlagOverrides(
  tx: Tx,
  context: AuthContext,
  values: Partial<Record<FlagKey, string>>,
  reason: string,
): Promise<{ changes: FlagChange[]; effective: EffectiveFlags }> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('feature_flags'), hashtext(${context.tenantId}))`;
  const before = await tx.$queryRaw<FlagOverrideRow[]>`
    SELECT flag_key, value FROM feature_flags WHERE tenant_id = ${context.tenantId}::uuid`;
  const environment = environmentFlagDefaults();
  const old = resolveFlags(environment, before).flags;

  const changes: FlagChange[] = [];
  for (const [key, value] of Object.entries(values) as [FlagKey, string][]) {
    const from = flagText(old, key);
    const previousSource = old.sources[key];
    // Nothing to record when the value is already pinned for this tenant.
    if (from === value && previousSource === 'tenant') continue;
    // Same value, newly pinned (e.g. by a rollback): say where it used to come from, so the
    // audit row does not read as a change from "false" to "false".
    const auditOld = from === value ? `${from} (${SOURCE_WORDS[previousSource]})` : from;
    await tx.$executeRaw`
      INSERT INTO feature_flags (tenant_id, flag_key, value, updated_by, updated_at)
      VALUES (${context.tenantId}::uuid, ${key}, ${value}, ${context.userId}::uuid, now())
      ON CONFLICT (tenant_id, flag_key) DO UPDATE SET value = EXCLUDED.value, updated_by = EXCLUDED.updated_by, updated_at = now()`;
    await tx.$executeRaw`
      INSERT INTO feature_flag_audit_log (tenant_id, flag_key, old_value, new_value, reason, changed_by)
      VALUES (${context.tenantId}::uuid, ${key}, ${auditOld}, ${value}, ${reason}, ${context.userId}::uuid)`;
    changes.push({ key, from, to: value, previousSource });
  }

  const after = await tx.$queryRaw<FlagOverrideRow[]>`
    SELECT flag_key, value FROM feature_flags WHERE tenant_id = ${context.tenantId}::uuid`;
  return { changes, effective: resolveFlags(environment, after).flags };
}
