import 'server-only';
import { ZFindBatches } from '@/lib/schemas/putaway';
import type { AuthContext } from '../auth/session';
import { assertPermission } from '../auth/session';
import { withTenant } from '../db';
import type { BatchFlags, BatchHeader } from './batch-view';
import { parsePutawayInput } from './validate';

export type BatchSummary = BatchHeader & {
  errorMessage: string | null;
  pending: number;
  accepted: number;
  rejected: number;
  overridden: number;
  /** Accepted as recommended ÷ decided (0..1); null before the first decision. */
  acceptanceRate: number | null;
};

type Row = {
  batch_id: string; status: BatchSummary['status']; algorithm: string; flags: BatchFlags; source: string; item_count: number;
  processing_ms: number; created_at: Date; error_message: string | null; pending: number; accepted: number; rejected: number; overridden: number;
};

/** Past batches, newest first, with their decision counts and acceptance rate (one query). */
export async function findBatches(context: AuthContext, input: { limit?: number } = {}): Promise<BatchSummary[]> {
  assertPermission(context, 'recommendations.read');
  const { limit } = parsePutawayInput(ZFindBatches, input);
  return withTenant(context.tenantId, async (tx) => {
    const rows = await tx.$queryRaw<Row[]>`
      SELECT b.batch_id::text, b.status::text AS status, b.algorithm, b.flags, b.source, b.item_count, b.processing_ms, b.created_at, b.error_message,
             COALESCE(c.pending, 0)::int AS pending, COALESCE(c.accepted, 0)::int AS accepted,
             COALESCE(c.rejected, 0)::int AS rejected, COALESCE(c.overridden, 0)::int AS overridden
      FROM (SELECT * FROM putaway_batches ORDER BY created_at DESC LIMIT ${limit}) b
      LEFT JOIN LATERAL (
        SELECT COUNT(*) FILTER (WHERE status = 'PENDING') AS pending,
               COUNT(*) FILTER (WHERE status = 'ACCEPTED') AS accepted,
               COUNT(*) FILTER (WHERE status = 'REJECTED') AS rejected,
               COUNT(*) FILTER (WHERE status = 'OVERRIDDEN') AS overridden
        FROM putaway_recommendations r WHERE r.batch_id = b.batch_id
      ) c ON true
      ORDER BY b.created_at DESC`;
    return rows.map((r) => {
      const decided = r.accepted + r.rejected + r.overridden;
      return {
        batchId: r.batch_id,
        status: r.status,
        algorithm: r.algorithm,
        flags: r.flags,
        source: r.source,
        itemCount: r.item_count,
        processingMs: r.processing_ms,
        createdAt: r.created_at.toISOString(),
        errorMessage: r.error_message,
        pending: r.pending,
        accepted: r.accepted,
        rejected: r.rejected,
        overridden: r.overridden,
        acceptanceRate: decided ? r.accepted / decided : null,
      };
    });
  });
}
