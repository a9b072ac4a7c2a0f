import 'server-only';
import type { CalibrationBin, ConfusionMatrix } from '@/lib/ml/metrics';
import { assertPermission, type AuthContext } from '@/lib/server/auth/session';
import { withTenant } from '@/lib/server/db';
import { readModelSummaries, type ModelSummary } from './find-models';
import { readRollingAccuracy, type RollingAccuracy } from './get-rolling-accuracy';

// Health and metrics read the rolling accuracy from here as well.
export { getRollingAccuracy, readRollingAccuracy, type RollingAccuracy } from './get-rolling-accuracy';

export type FeatureWeight = { feature: string; weight: number };

export type ActiveModelDetail = {
  version: number;
  confusion: ConfusionMatrix | null;
  calibration: CalibrationBin[];
  featureWeights: FeatureWeight[];
};

export type MlDashboard = {
  models: ModelSummary[];
  active: (ModelSummary & ActiveModelDetail) | null;
  rolling: RollingAccuracy;
  /** Live accuracy of the scored decisions, per ISO week. */
  liveAccuracyByWeek: { weekStart: string; decisions: number; accuracy: number }[];
  acceptanceByDay: { day: string; decisions: number; acceptanceRate: number }[];
  feedback: { total: number; accepted: number; lastDecisionAt: string | null };
};

const FEATURE_WEIGHTS_SHOWN = 15;
const ACCEPTANCE_DAYS = 90;

type ActiveRow = { version: number; feature_names: string[] | null; weights: number[] | null; metrics: unknown };

function activeDetail(row: ActiveRow): ActiveModelDetail {
  const metrics = (row.metrics ?? {}) as { heldOut?: { confusion?: ConfusionMatrix; calibration?: CalibrationBin[] } };
  const names = row.feature_names ?? [];
  const weights = (row.weights ?? []).map(Number);
  return {
    version: row.version,
    confusion: metrics.heldOut?.confusion ?? null,
    calibration: metrics.heldOut?.calibration ?? [],
    // Weights are per standard deviation of the feature, so their sizes are comparable.
    featureWeights: names
      .map((feature, i) => ({ feature, weight: weights[i] ?? 0 }))
      .sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight) || a.feature.localeCompare(b.feature))
      .slice(0, FEATURE_WEIGHTS_SHOWN),
  };
}

/** Everything the ML accuracy page shows, for the caller's tenant. Requires ml.read. */
export async function getMlDashboard(context: AuthContext): Promise<MlDashboard> {
  assertPermission(context, 'ml.read');
  return withTenant(context.tenantId, async (tx) => {
    const models = await readModelSummaries(tx);
    const [activeRow] = await tx.$queryRaw<ActiveRow[]>`
      SELECT version, feature_names, weights, metrics FROM ml_model_weights WHERE is_active ORDER BY version DESC LIMIT 1`;
    const rolling = await readRollingAccuracy(tx, 30);
    const weekly = await tx.$queryRaw<{ week: Date; decisions: bigint; correct: bigint }[]>`
      SELECT date_trunc('week', created_at) AS week, COUNT(*) AS decisions,
             COUNT(*) FILTER (WHERE ((CASE WHEN confidence_score > 1 THEN confidence_score / 100 ELSE confidence_score END) >= 0.5) = accepted) AS correct
      FROM ml_feedback_training_data
      WHERE model_version IS NOT NULL AND confidence_score IS NOT NULL AND created_at >= now() - interval '26 weeks'
      GROUP BY 1 ORDER BY 1`;
    const daily = await tx.$queryRaw<{ day: Date; decisions: bigint; accepted: bigint }[]>`
      SELECT date_trunc('day', created_at) AS day, COUNT(*) AS decisions, COUNT(*) FILTER (WHERE accepted) AS accepted
      FROM ml_feedback_training_data
      WHERE created_at >= now() - make_interval(days => ${ACCEPTANCE_DAYS}::int)
      GROUP BY 1 ORDER BY 1`;
    const [totals] = await tx.$queryRaw<{ total: bigint; accepted: bigint; last: Date | null }[]>`
      SELECT COUNT(*) AS total, COUNT(*) FILTER (WHERE accepted) AS accepted, MAX(created_at) AS last FROM ml_feedback_training_data`;
    const activeSummary = activeRow ? models.find((m) => m.version === activeRow.version) : undefined;
    return {
      models,
      active: activeRow && activeSummary ? { ...activeSummary, ...activeDetail(activeRow) } : null,
      rolling,
      liveAccuracyByWeek: weekly.map((w) => ({ weekStart: w.week.toISOString(), decisions: Number(w.decisions), accuracy: Number(w.correct) / Number(w.decisions) })),
      acceptanceByDay: daily.map((d) => ({ day: d.day.toISOString().slice(0, 10), decisions: Number(d.decisions), acceptanceRate: Number(d.accepted) / Number(d.decisions) })),
      feedback: { total: Number(totals?.total ?? 0), accepted: Number(totals?.accepted ?? 0), lastDecisionAt: totals?.last?.toISOString() ?? null },
    };
  });
}
