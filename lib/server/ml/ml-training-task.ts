import 'server-only';
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
export async function trainAllTenants(): Promise<{ tenantId: string; version?: number; activated?: boolean; refused?: string }[]> {
  const tenants = await findAllTenants();
  const results: { tenantId: string; version?: number; activated?: boolean; refused?: string }[] = [];
  for (const { tenantId } of tenants) {
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
