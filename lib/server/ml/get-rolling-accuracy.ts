import 'server-only';
import { assertPermission, type AuthContext } from '@/lib/server/auth/session';
import { withTenant, type Tx } from '@/lib/server/db';

/** The runbook's alert thresholds on ML accuracy (percent). */
export const ML_ACCURACY_WARNING_PCT = 80;
export const ML_ACCURACY_CRITICAL_PCT = 70;

export type RollingAccuracy = {
  windowDays: number;
  /** Decisions in the window that were scored by a model (model_version and confidence recorded). */
  decisions: number;
  /** Share of those where (confidence ≥ 0.5) matched the decision; null without scored decisions. */
  accuracy: number | null;
  status: 'HEALTHY' | 'WARNING' | 'CRITICAL' | 'NO_DATA';
};

export function accuracyStatus(accuracy: number | null): RollingAccuracy['status'] {
  if (accuracy === null) return 'NO_DATA';
  if (accuracy * 100 < ML_ACCURACY_CRITICAL_PCT) return 'CRITICAL';
  if (accuracy * 100 < ML_ACCURACY_WARNING_PCT) return 'WARNING';
  return 'HEALTHY';
}

/**
 * Accuracy of the model on the most recent real decisions. A confidence stored as a
 * percentage (> 1) is read as a fraction, as the health check does.
 */
export async function readRollingAccuracy(tx: Tx, windowDays = 30): Promise<RollingAccuracy> {
  const [row] = await tx.$queryRaw<{ decisions: bigint; correct: bigint }[]>`
    SELECT COUNT(*) AS decisions,
           COUNT(*) FILTER (WHERE ((CASE WHEN confidence_score > 1 THEN confidence_score / 100 ELSE confidence_score END) >= 0.5) = accepted) AS correct
    FROM ml_feedback_training_data
    WHERE model_version IS NOT NULL AND confidence_score IS NOT NULL
      AND created_at >= now() - make_interval(days => ${windowDays}::int)`;
  const decisions = Number(row?.decisions ?? 0);
  const accuracy = decisions > 0 ? Number(row.correct) / decisions : null;
  return { windowDays, decisions, accuracy, status: accuracyStatus(accuracy) };
}

/** Rolling accuracy (default 30 days) for the caller's tenant. Requires ml.read. */
export async function getRollingAccuracy(context: AuthContext, windowDays = 30): Promise<RollingAccuracy> {
  assertPermission(context, 'ml.read');
  return withTenant(context.tenantId, (tx) => readRollingAccuracy(tx, windowDays));
}
