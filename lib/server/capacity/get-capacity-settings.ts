import 'server-only';
import { CAPACITY_DEFAULTS, type CapacityRules } from '@/lib/schemas/capacity';
import { assertPermission, type AuthContext } from '../auth/session';
import { withTenant } from '../db';
import { effectiveCapacityOf, type CapacitySettingsRow, type CapacitySource } from './get-effective-capacity';

export type CapacitySettings = {
  /** The rules the next batch and the next accept use. */
  effective: CapacityRules;
  source: CapacitySource;
  defaults: CapacityRules;
  /** Who set the tenant's rules and when; null while the defaults apply. */
  updated: { at: string; by: string | null } | null;
};

type SettingsWithAuthorRow = CapacitySettingsRow & { updated_at: Date; updated_by_name: string | null };

/** The tenant's capacity rules as the Feature flags page shows them (managers read them too). */
export async function getCapacitySettings(context: AuthContext): Promise<CapacitySettings> {
  assertPermission(context, 'flags.read');
  return withTenant(context.tenantId, async (tx) => {
    // One read of the row: its rules (with getEffectiveCapacity's fallback) and who set them.
    const [row] = await tx.$queryRaw<SettingsWithAuthorRow[]>`
      SELECT s.target_band_min, s.target_band_max, s.hard_cap, s.updated_at, u.name AS updated_by_name
      FROM optimizer_capacity_settings s LEFT JOIN users u ON u.user_id = s.updated_by
      WHERE s.tenant_id = ${context.tenantId}::uuid`;
    const { source, ...effective } = effectiveCapacityOf(row);
    return {
      effective,
      source,
      defaults: { ...CAPACITY_DEFAULTS },
      updated: source === 'tenant' && row ? { at: row.updated_at.toISOString(), by: row.updated_by_name } : null,
    };
  });
}
