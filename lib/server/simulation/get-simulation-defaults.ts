import 'server-only';
import type { SimulationFlags } from '@/lib/simulator/policies/names';
import { assertPermission, type AuthContext } from '../auth/session';
import { withTenant } from '../db';
import { getEffectiveFlags } from '../flags/get-effective-flags';

/** The tenant's current feature flags: the page starts from them ("binwise with current flags"). */
export async function getSimulationDefaults(context: AuthContext): Promise<{ flags: SimulationFlags }> {
  assertPermission(context, 'simulation.run');
  const flags = await withTenant(context.tenantId, (tx) => getEffectiveFlags(tx, context.tenantId));
  return {
    flags: {
      SKU_AFFINITY_ENABLED: flags.SKU_AFFINITY_ENABLED,
      CROSS_DOCK_ENABLED: flags.CROSS_DOCK_ENABLED,
      CONGESTION_AVOIDANCE_ENABLED: flags.CONGESTION_AVOIDANCE_ENABLED,
    },
  };
}
