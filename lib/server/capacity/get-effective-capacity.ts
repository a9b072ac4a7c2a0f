import 'server-only';
import { CAPACITY_DEFAULTS, ZCapacityRules, type CapacityRules } from '@/lib/schemas/capacity';
import type { Tx } from '../db';

/** 'tenant' when the tenant has set its own rules, 'default' when the engine's defaults apply. */
export type CapacitySource = 'default' | 'tenant';
export type EffectiveCapacity = CapacityRules & { source: CapacitySource };

/** The rule columns of the tenant's optimizer_capacity_settings row. */
export type CapacitySettingsRow = { target_band_min: number; target_band_max: number; hard_cap: number };

/**
 * The tenant's fill rules for the next batch or decision, read inside the caller's tenant
 * transaction (a `withTenant` tx) and never cached in the process, like the flags: a change
 * on one replica applies to the next batch and the next accept on every replica.
 */
export async function getEffectiveCapacity(tx: Tx, tenantId: string): Promise<EffectiveCapacity> {
  const [row] = await tx.$queryRaw<CapacitySettingsRow[]>`
    SELECT target_band_min, target_band_max, hard_cap FROM optimizer_capacity_settings WHERE tenant_id = ${tenantId}::uuid`;
  return effectiveCapacityOf(row);
}

/**
 * The rules a tenant's row (or its absence) means. Shared with getCapacitySettings, which reads
 * the same row together with who changed it, so both fall back to the defaults the same way.
 */
export function effectiveCapacityOf(row: CapacitySettingsRow | undefined): EffectiveCapacity {
  if (!row) return { ...CAPACITY_DEFAULTS, source: 'default' };
  const parsed = ZCapacityRules.safeParse({ targetBandMin: row.target_band_min, targetBandMax: row.target_band_max, hardCap: row.hard_cap });
  // The table's CHECK constraint makes this unreachable; should it ever be dropped, a broken
  // row must not fail every batch or let a bin past full: the defaults apply instead.
  if (!parsed.success) {
    console.error('[binwise] invalid optimizer_capacity_settings row; using the defaults', parsed.error.issues[0]?.message);
    return { ...CAPACITY_DEFAULTS, source: 'default' };
  }
  return { ...parsed.data, source: 'tenant' };
}
