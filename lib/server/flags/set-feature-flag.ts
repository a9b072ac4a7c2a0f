import 'server-only';
import { formatFlagValue, parseFlagValue, ZSetFlagInput, type TSetFlagInput } from '@/lib/schemas/flags';
import { parseInput } from '../action';
import { assertPermission, type AuthContext } from '../auth/session';
import { withTenant } from '../db';
import { writeFlagOverrides, type FlagChange } from './write-flag-overrides';
import type { EffectiveFlags } from './resolve-flags';

export type FlagUpdateResult = { changes: FlagChange[]; effective: EffectiveFlags };

/** Sets one flag for the tenant, with an audit row; the next batch uses it, on every replica. */
export async function setFeatureFlag(context: AuthContext, input: TSetFlagInput): Promise<FlagUpdateResult> {
  assertPermission(context, 'flags.write');
  const { flagKey, value, reason } = parseInput(ZSetFlagInput, input);
  // Store the canonical spelling ("HYBRID", "true"), whatever case the caller sent.
  const canonical = formatFlagValue(parseFlagValue(flagKey, value)!);
  return withTenant(context.tenantId, (tx) => writeFlagOverrides(tx, context, { [flagKey]: canonical }, reason));
}
