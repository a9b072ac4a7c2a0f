import 'server-only';
import type { AuthContext } from '../auth/session';
import { assertPermission } from '../auth/session';
import { withTenant } from '../db';

export type AffinityStatus = { pairs: number; computedAt: string | null; strongestLift: number | null };

/** How many mined pairs the tenant has and when they were last computed. */
export async function getAffinityStatus(context: AuthContext): Promise<AffinityStatus> {
  assertPermission(context, 'recommendations.read');
  return withTenant(context.tenantId, async (tx) => {
    const [row] = await tx.$queryRaw<{ pairs: number; computed_at: Date | null; strongest: number | null }[]>`
      SELECT COUNT(*)::int AS pairs, MAX(computed_at) AS computed_at, MAX(lift) AS strongest FROM sku_affinity`;
    return { pairs: row?.pairs ?? 0, computedAt: row?.computed_at?.toISOString() ?? null, strongestLift: row?.strongest ?? null };
  });
}
