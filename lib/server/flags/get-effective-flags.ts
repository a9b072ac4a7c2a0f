import 'server-only';
import type { Tx } from '../db';
import { environmentFlagDefaults } from './environment-defaults';
import { resolveFlags, type EffectiveFlags, type FlagOverrideRow } from './resolve-flags';

export type { EffectiveFlags } from './resolve-flags';

/**
 * The flags for the tenant's next batch, read inside the caller's transaction (a
 * `withTenant` tx). Read on every call, never cached in the process, so a change made on
 * any replica applies to the next batch on every replica without a restart.
 * Missing or invalid values fall back to the safe path and are listed in `problems`.
 */
export async function getEffectiveFlags(tx: Tx, tenantId: string): Promise<EffectiveFlags> {
  const overrides = await tx.$queryRaw<FlagOverrideRow[]>`
    SELECT flag_key, value FROM feature_flags WHERE tenant_id = ${tenantId}::uuid`;
  return resolveFlags(environmentFlagDefaults(), overrides).flags;
}
