import 'server-only';
import { assertPermission, type AuthContext } from '@/lib/server/auth/session';
import { enqueueJob, getJob, type Job } from '@/lib/server/jobs';
import { AppError } from '@/lib/server/errors';

export const ML_TRAINING_JOB = 'ml-training';

/** Queues a training run for the caller's tenant; the page polls the job for progress. Requires ml.train. */
export async function startMlTraining(context: AuthContext): Promise<{ jobId: string }> {
  assertPermission(context, 'ml.train');
  return { jobId: await enqueueJob(context, ML_TRAINING_JOB, {}) };
}

/** A training job of the caller's tenant (progress, result or the refusal message). Requires ml.read. */
export async function getMlTrainingJob(context: AuthContext, jobId: string): Promise<Job> {
  assertPermission(context, 'ml.read');
  const job = await getJob(context, jobId);
  if (job.kind !== ML_TRAINING_JOB) throw new AppError('NOT_FOUND', 'No such training job.');
  return job;
}
