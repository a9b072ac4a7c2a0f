import 'server-only';
import { FLAG_KEYS, FLAG_LABELS, SAFE_FLAG_VALUES, type FlagKey, type FlagSource } from '@/lib/schemas/flags';
import { assertPermission, type AuthContext } from '../auth/session';
import { withTenant } from '../db';
import { environmentFlagDefaults } from './environment-defaults';
import { flagText, resolveFlags, type EffectiveFlags } from './resolve-flags';

export type FlagSetting = {
  key: FlagKey;
  label: string;
  /** The value the next batch uses. */
  effective: string;
  source: FlagSource;
  /** The ConfigMap default as configured (raw, may be missing or invalid). */
  environmentDefault: string | null;
  safeValue: string;
  override: { value: string; updatedAt: string; updatedBy: string | null } | null;
};

export type FlagSettings = { flags: FlagSetting[]; problems: string[]; effective: EffectiveFlags };

type OverrideRow = { flag_key: string; value: string; updated_at: Date; updated_by_name: string | null };

/** Every flag of the tenant: effective value, where it comes from, the override and the default. */
export async function getFlagSettings(context: AuthContext): Promise<FlagSettings> {
  assertPermission(context, 'flags.read');
  const rows = await withTenant(context.tenantId, (tx) =>
    tx.$queryRaw<OverrideRow[]>`
      SELECT f.flag_key, f.value, f.updated_at, u.name AS updated_by_name
      FROM feature_flags f LEFT JOIN users u ON u.user_id = f.updated_by
      WHERE f.tenant_id = ${context.tenantId}::uuid`,
  );
  const environment = environmentFlagDefaults();
  const { flags } = resolveFlags(environment, rows);
  const byKey = new Map(rows.map((row) => [row.flag_key, row]));
  return {
    effective: flags,
    problems: flags.problems,
    flags: FLAG_KEYS.map((key) => {
      const row = byKey.get(key);
      return {
        key,
        label: FLAG_LABELS[key],
        effective: flagText(flags, key),
        source: flags.sources[key],
        environmentDefault: environment[key] ?? null,
        safeValue: SAFE_FLAG_VALUES[key],
        override: row ? { value: row.value, updatedAt: row.updated_at.toISOString(), updatedBy: row.updated_by_name } : null,
      };
    }),
  };
}
