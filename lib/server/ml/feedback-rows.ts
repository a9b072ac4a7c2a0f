import 'server-only';
import type { Tx } from '@/lib/server/db';
import type { TrainingSample } from '@/lib/ml/train';

type FeedbackRow = { features: unknown; accepted: boolean; created_at: Date };

/**
 * Every decision of the transaction's tenant (RLS), oldest first. Ties on created_at are
 * broken by id so the split, and therefore the model, is reproducible.
 */
export async function readTrainingSamples(tx: Tx): Promise<TrainingSample[]> {
  const rows = await tx.$queryRaw<FeedbackRow[]>`
    SELECT features, accepted, created_at
    FROM ml_feedback_training_data
    ORDER BY created_at, feedback_id`;
  return rows.map((row) => ({ features: row.features, accepted: row.accepted, createdAt: row.created_at }));
}
