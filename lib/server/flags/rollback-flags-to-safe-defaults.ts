import 'server-only';
import { SAFE_FLAG_VALUES, ZRollbackFlagsInput, type TRollbackFlagsInput } from '@/lib/schemas/flags';
import { parseInput } from '../action';
import { assertPermission, type AuthContext } from '../auth/session';
import { withTenant } from '../db';
import type { FlagUpdateResult } from './set-feature-flag';
import { writeFlagOverrides } from './write-flag-overrides';

/**
 * The runbook's partial rollback for this tenant: FFD with SKU affinity, cross-dock,
 * congestion avoidance and the ML model off, in one transaction with one audit row per
 * flag that changes. Infrastructure (cache, scheduler) keeps running.
 */
export async function rollbackFlagsToSafeDefaults(context: AuthContext, input: TRollbackFlagsInput): Promise<FlagUpdateResult> {
  assertPermission(context, 'flags.write');
  const { reason } = parseInput(ZRollbackFlagsInput, input);
  return withTenant(context.tenantId, (tx) => writeFlagOverrides(tx, context, { ...SAFE_FLAG_VALUES }, `Rollback to safe defaults: ${reason}`));
}
