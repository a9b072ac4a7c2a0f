import 'server-only';
import { withTenant } from '@/lib/server/db';
import { findAllTenants } from '@/lib/server/tenants/find-all-tenants';
import { AppError } from '@/lib/server/errors';
import { registerJobHandler } from '@/lib/server/jobs';
import { registerPeriodicTask } from '@/lib/server/scheduler';
import { ML_TRAINING_JOB } from './start-ml-training';
import { trainModelForTenant, type TrainModelOutcome } from './train-model';

export const ML_TRAINING_INTERVAL_MS = 24 * 60 * 60_000;

/**
 * Daily retraining of every tenant. A tenant without enough decisions is skipped with a
 * log line (a refusal is normal for a new tenant, not a failure of the task).
 */
export async function trainAllTenants(options: { now?: Date } = {}): Promise<{ tenantId: string; version?: number; activated?: boolean; refused?: string; skipped?: string }[]> {
  const tenants = await findAllTenants();
  const now = (options.now ?? new Date()).getTime();
  const results: { tenantId: string; version?: number; activated?: boolean; refused?: string; skipped?: string }[] = [];
  for (const { tenantId } of tenants) {
    // "Daily" holds across restarts and manual runs: a tenant trained within the interval is
    // skipped. Training is CPU work in this process, so it must not rerun at every boot.
    const [latest] = await withTenant(tenantId, (tx) => tx.$queryRaw<{ created_at: Date }[]>`SELECT MAX(created_at) AS created_at FROM ml_model_weights`);
    if (latest?.created_at && now - latest.created_at.getTime() < ML_TRAINING_INTERVAL_MS) {
      results.push({ tenantId, skipped: `trained at ${latest.created_at.toISOString()}` });
      continue;
    }
    try {
      const outcome = await trainModelForTenant(tenantId, { actorId: null });
      results.push({ tenantId, version: outcome.version, activated: outcome.activated });
    } catch (error) {
      if (error instanceof AppError && error.code === 'CONFLICT') {
        console.info(`[binwise] ml-training: tenant ${tenantId} skipped. ${error.message}`);
        results.push({ tenantId, refused: error.message });
      } else {
        throw error;
      }
    }
  }
  return results;
}

registerPeriodicTask({
  name: 'ml-training',
  intervalMs: ML_TRAINING_INTERVAL_MS,
  run: async () => {
    await trainAllTenants();
  },
});

// Started by ops from the ML page (startMlTraining); progress is shown while it runs.
registerJobHandler<unknown, TrainModelOutcome>(ML_TRAINING_JOB, (job, reportProgress) =>
  trainModelForTenant(job.tenantId, { actorId: job.createdBy, onProgress: reportProgress }),
);
