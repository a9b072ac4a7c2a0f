import 'server-only';
import { assertPermission, type AuthContext } from '@/lib/server/auth/session';
import { withTenant, type Tx } from '@/lib/server/db';

export type ModelSummary = {
  version: number;
  isActive: boolean;
  createdAt: string;
  updatedAt: string;
  sampleCount: number;
  trainingWindowStart: string | null;
  trainingWindowEnd: string | null;
  featureCount: number;
  accuracy: number | null;
  balancedAccuracy: number | null;
  auc: number | null;
  brier: number | null;
  baselineAccuracy: number | null;
  heldOutCount: number | null;
  selectionReason: string | null;
};

type Row = {
  version: number; is_active: boolean; created_at: Date; updated_at: Date; sample_count: number;
  training_window_start: Date | null; training_window_end: Date | null; feature_count: number; metrics: unknown;
};

const num = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);
const obj = (value: unknown): Record<string, unknown> => (value && typeof value === 'object' ? (value as Record<string, unknown>) : {});

export function summarizeModelRow(row: Row): ModelSummary {
  const metrics = obj(row.metrics);
  const heldOut = obj(metrics.heldOut);
  const baseline = obj(metrics.baseline);
  const selection = obj(metrics.selection);
  return {
    version: row.version,
    isActive: row.is_active,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    sampleCount: row.sample_count,
    trainingWindowStart: row.training_window_start?.toISOString() ?? null,
    trainingWindowEnd: row.training_window_end?.toISOString() ?? null,
    featureCount: Number(row.feature_count),
    accuracy: num(heldOut.accuracy),
    balancedAccuracy: num(heldOut.balancedAccuracy),
    auc: num(heldOut.auc),
    brier: num(heldOut.brier),
    baselineAccuracy: num(baseline.accuracy),
    heldOutCount: num(heldOut.count),
    selectionReason: typeof selection.reason === 'string' ? selection.reason : null,
  };
}

export async function readModelSummaries(tx: Tx): Promise<ModelSummary[]> {
  const rows = await tx.$queryRaw<Row[]>`
    SELECT version, is_active, created_at, updated_at, sample_count, training_window_start, training_window_end,
           COALESCE(cardinality(feature_names), 0) AS feature_count, metrics
    FROM ml_model_weights
    ORDER BY version DESC`;
  return rows.map(summarizeModelRow);
}

/** Every stored model version of the caller's tenant, newest first. Requires ml.read. */
export async function findModels(context: AuthContext): Promise<ModelSummary[]> {
  assertPermission(context, 'ml.read');
  return withTenant(context.tenantId, readModelSummaries);
}
