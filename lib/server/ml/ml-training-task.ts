import 'server-only';
import { withSystem } from '@/lib/server/db';
import { AppError } from '@/lib/server/errors';
import { registerJobHandler } from '@/lib/server/jobs';
import { registerPeriodicTask } from '@/lib/server/scheduler';
import { ML_TRAINING_JOB } from './start-ml-training';
import { trainModelForTenant, type TrainModelOutcome } from './train-model';

export const ML_TRAINING_INTERVAL_MS = 24 * 60 * 60_000;

/**
 * Daily retraining of every tenant. A tenant without enough decisions is skipped with a
 * log line (a refusal is normal for a new tenant, not a failure of the task).
 * Listing tenants needs a connection role that bypasses row-level security (the superuser
 * that runs migrations, as in the embedded database); under a restricted role the list is
 * empty and the task logs that it found no tenants.
 */
export async function trainAllTenants(): Promise<{ tenantId: string; version?: number; activated?: boolean; refused?: string }[]> {
  const tenants = await withSystem((tx) => tx.$queryRaw<{ tenant_id: string }[]>`SELECT tenant_id FROM tenants ORDER BY tenant_id`);
  if (tenants.length === 0) console.warn('[binwise] ml-training: no tenants visible to the scheduler connection; nothing trained.');
  const results: { tenantId: string; version?: number; activated?: boolean; refused?: string }[] = [];
  for (const { tenant_id: tenantId } of tenants) {
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
