import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import { isTrainingRefusedError } from '@/lib/ml/errors';
import { decideActivation, type SelectionDecision } from '@/lib/ml/model-selection';
import { trainConfidenceModel, type ModelMetrics } from '@/lib/ml/train';
import { assertPermission, type AuthContext } from '@/lib/server/auth/session';
import { withTenant } from '@/lib/server/db';
import { AppError } from '@/lib/server/errors';
import { optimizationErrorsTotal } from '@/lib/server/metrics';
import { findActiveStoredModel } from './get-active-confidence-model';
import { readTrainingSamples } from './feedback-rows';

export type TrainModelOutcome = {
  version: number;
  activated: boolean;
  reason: string;
  sampleCount: number;
  trainingWindow: { start: string; end: string };
  metrics: ModelMetrics;
  selection: SelectionDecision;
};

export type TrainModelOptions = {
  actorId?: string | null;
  /** 0..1, for the job's progress bar. */
  onProgress?: (fraction: number) => Promise<void>;
};

/** Reading 100,000 feedback rows and writing the model can take longer than a request. */
const LONG_TX_MS = 120_000;

/** Trains a model for the caller's tenant. Requires ml.train. */
export async function trainModel(context: AuthContext, options: Omit<TrainModelOptions, 'actorId'> = {}): Promise<TrainModelOutcome> {
  assertPermission(context, 'ml.train');
  return trainModelForTenant(context.tenantId, { ...options, actorId: context.userId });
}

/**
 * Reads the tenant's decisions, trains on the oldest 80% and scores on the newest 20%,
 * stores the model as a new version (kept forever, for rollback) and activates it only if
 * it beats the active model on those same held-out decisions. Refusals (too little data,
 * one class) throw AppError('CONFLICT') with the reason and store nothing.
 * For the scheduler and the job worker, which have a tenant but no session.
 */
export async function trainModelForTenant(tenantId: string, options: TrainModelOptions = {}): Promise<TrainModelOutcome> {
  try {
    return await trainAndStore(tenantId, options);
  } catch (error) {
    // A refusal is a normal answer; anything else is a failure the ml_training alert counts.
    if (!(error instanceof AppError && error.code === 'CONFLICT')) optimizationErrorsTotal.inc({ operation: 'ml_training' });
    throw error;
  }
}

async function trainAndStore(tenantId: string, options: TrainModelOptions): Promise<TrainModelOutcome> {
  const progress = options.onProgress ?? (async () => {});
  await progress(0.05);
  const { samples, nextVersion } = await withTenant(
    tenantId,
    async (tx) => {
      const loaded = await readTrainingSamples(tx);
      const [row] = await tx.$queryRaw<{ next: number }[]>`SELECT COALESCE(MAX(version), 0)::int + 1 AS next FROM ml_model_weights`;
      return { samples: loaded, nextVersion: row.next };
    },
    { timeoutMs: LONG_TX_MS },
  );
  await progress(0.3);

  let trained: ReturnType<typeof trainConfidenceModel>;
  try {
    trained = trainConfidenceModel(samples, { version: nextVersion });
  } catch (error) {
    if (isTrainingRefusedError(error)) throw new AppError('CONFLICT', `Training refused: ${error.message}`, { details: { reason: error.reason, ...error.details } });
    throw error;
  }
  await progress(0.85);

  const outcome = await withTenant(
    tenantId,
    async (tx) => {
      // One training at a time per tenant: version numbers and the active flag stay consistent.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('binwise-ml-train:' || ${tenantId}))`;
      const [row] = await tx.$queryRaw<{ next: number }[]>`SELECT COALESCE(MAX(version), 0)::int + 1 AS next FROM ml_model_weights`;
      const version = row.next;
      const model = { ...trained.model, version };
      // Compared with whatever is active NOW, on the held-out decisions neither model was trained on.
      const incumbent = await findActiveStoredModel(tx);
      const selection = decideActivation({ candidate: model, incumbent, heldOut: trained.heldOut, trainingAcceptanceRate: trained.metrics.training.acceptanceRate });
      const metrics = { ...trained.metrics, selection: { activated: selection.activate, reason: selection.reason, candidate: selection.candidate, incumbent: selection.incumbent } };
      if (selection.activate) await tx.$executeRaw`UPDATE ml_model_weights SET is_active = false, updated_at = now() WHERE is_active`;
      await tx.$executeRaw`
        INSERT INTO ml_model_weights (tenant_id, version, feature_names, weights, intercept, feature_means, feature_stds, is_active, metrics,
                                      training_window_start, training_window_end, sample_count)
        VALUES (${tenantId}::uuid, ${version}, ${[...model.featureNames]}::text[], ${[...model.weights]}::float8[], ${model.intercept},
                ${[...model.featureMeans]}::float8[], ${[...model.featureStds]}::float8[], ${selection.activate},
                ${JSON.stringify(metrics)}::jsonb, ${trained.trainingWindow.start}, ${trained.trainingWindow.end}, ${trained.sampleCount})`;
      await tx.$executeRaw`
        INSERT INTO audit_events (tenant_id, actor_id, action, target, details)
        VALUES (${tenantId}::uuid, ${options.actorId ?? null}::uuid, 'ml.train', ${`model v${version}`},
                ${JSON.stringify({ version, activated: selection.activate, reason: selection.reason, sampleCount: trained.sampleCount, heldOutAccuracy: trained.metrics.heldOut.accuracy } satisfies Prisma.InputJsonValue)}::jsonb)`;
      return { version, selection };
    },
    { timeoutMs: LONG_TX_MS },
  );
  await progress(1);

  return {
    version: outcome.version,
    activated: outcome.selection.activate,
    reason: outcome.selection.reason,
    sampleCount: trained.sampleCount,
    trainingWindow: { start: trained.trainingWindow.start.toISOString(), end: trained.trainingWindow.end.toISOString() },
    metrics: trained.metrics,
    selection: outcome.selection,
  };
}
