import 'server-only';
import type { SimulationCapacity, SimulationFlags } from '@/lib/simulator/policies/names';
import { assertPermission, type AuthContext } from '../auth/session';
import { withTenant } from '../db';
import { getEffectiveCapacity } from '../capacity';
import { getEffectiveFlags } from '../flags/get-effective-flags';

/** The tenant's current feature flags and capacity rules: the page starts from them ("binwise as it runs today"). */
export async function getSimulationDefaults(context: AuthContext): Promise<{ flags: SimulationFlags; capacity: SimulationCapacity }> {
  assertPermission(context, 'simulation.run');
  const { flags, capacity } = await withTenant(context.tenantId, async (tx) => ({
    flags: await getEffectiveFlags(tx, context.tenantId),
    capacity: await getEffectiveCapacity(tx, context.tenantId),
  }));
  return {
    capacity: { targetBandMin: capacity.targetBandMin, targetBandMax: capacity.targetBandMax, hardCap: capacity.hardCap },
    flags: {
      SKU_AFFINITY_ENABLED: flags.SKU_AFFINITY_ENABLED,
      CROSS_DOCK_ENABLED: flags.CROSS_DOCK_ENABLED,
      CONGESTION_AVOIDANCE_ENABLED: flags.CONGESTION_AVOIDANCE_ENABLED,
    },
  };
}
