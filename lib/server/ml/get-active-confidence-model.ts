import 'server-only';
import type { Tx } from '@/lib/server/db';
import type { ConfidenceModel } from '@/lib/optimizer';
import { toConfidencePredictor, type StoredModel } from '@/lib/ml/model';

type ModelRow = {
  version: number;
  feature_names: string[] | null;
  weights: number[] | null;
  intercept: number;
  feature_means: number[] | null;
  feature_stds: number[] | null;
};

export function storedModelFromRow(row: ModelRow): StoredModel {
  return {
    version: row.version,
    featureNames: row.feature_names ?? [],
    weights: (row.weights ?? []).map(Number),
    intercept: Number(row.intercept),
    featureMeans: (row.feature_means ?? []).map(Number),
    featureStds: (row.feature_stds ?? []).map(Number),
  };
}

/** The active model's stored weights for the transaction's tenant, or null. */
export async function findActiveStoredModel(tx: Tx): Promise<StoredModel | null> {
  // RLS scopes ml_model_weights to the tenant set by withTenant.
  const rows = await tx.$queryRaw<ModelRow[]>`
    SELECT version, feature_names, weights, intercept, feature_means, feature_stds
    FROM ml_model_weights
    WHERE is_active
    ORDER BY version DESC
    LIMIT 1`;
  return rows[0] ? storedModelFromRow(rows[0]) : null;
}

/**
 * The tenant's active confidence model (P(accept) in [0, 1], features matched by name),
 * or null when no model has been activated yet — the caller then uses the heuristic.
 * `version` is the model version as a decimal string (store `Number(version)` in
 * ml_feedback_training_data.model_version).
 */
export async function getActiveConfidenceModel(tx: Tx): Promise<ConfidenceModel | null> {
  const stored = await findActiveStoredModel(tx);
  return stored ? toConfidencePredictor(stored) : null;
}
