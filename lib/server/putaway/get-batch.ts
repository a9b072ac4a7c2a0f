import 'server-only';
import { z } from 'zod';
import type { AuthContext } from '../auth/session';
import { assertPermission } from '../auth/session';
import { withTenant } from '../db';
import { AppError } from '../errors';
import { loadRecommendationViews, type BatchFlags, type BatchView, type UnplaceableView } from './batch-view';
import { parsePutawayInput } from './validate';

const ZBatchId = z.object({ batchId: z.uuid('must be a batch id') });

type Row = {
  batch_id: string; status: BatchView['status']; algorithm: string; flags: BatchFlags & { excludedLocations?: BatchView['excludedLocations'] };
  source: string; item_count: number; processing_ms: number; created_at: Date; unplaceable: UnplaceableView[];
};

/** One batch with all its recommendations, or NOT_FOUND (also for another tenant's batch). */
export async function getBatch(context: AuthContext, input: { batchId: string }): Promise<BatchView> {
  assertPermission(context, 'recommendations.read');
  const { batchId } = parsePutawayInput(ZBatchId, input);
  return withTenant(context.tenantId, async (tx) => {
    const [row] = await tx.$queryRaw<Row[]>`
      SELECT batch_id::text, status::text AS status, algorithm, flags, source, item_count, processing_ms, created_at, unplaceable
      FROM putaway_batches WHERE batch_id = ${batchId}::uuid`;
    if (!row) throw new AppError('NOT_FOUND', 'No such batch.');
    const recommendations = await loadRecommendationViews(tx, { batchId });
    const { excludedLocations, ...flags } = row.flags;
    return {
      batchId: row.batch_id,
      status: row.status,
      algorithm: row.algorithm,
      flags: {
        algorithm: flags.algorithm ?? row.algorithm,
        SKU_AFFINITY_ENABLED: Boolean(flags.SKU_AFFINITY_ENABLED),
        CROSS_DOCK_ENABLED: Boolean(flags.CROSS_DOCK_ENABLED),
        CONGESTION_AVOIDANCE_ENABLED: Boolean(flags.CONGESTION_AVOIDANCE_ENABLED),
        ML_MODEL_ENABLED: Boolean(flags.ML_MODEL_ENABLED),
      },
      source: row.source,
      itemCount: row.item_count,
      processingMs: row.processing_ms,
      createdAt: row.created_at.toISOString(),
      excludedLocations: excludedLocations ?? { inactive: 0, invalidCapacity: 0 },
      recommendations,
      unplaceable: row.unplaceable ?? [],
    };
  });
}
