import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { AuthContext } from '../auth/session';
import { withTenant } from '../db';
import { AppError } from '../errors';
import { nudgeJobWorker } from './worker';

export { registerJobHandler, type ClaimedJob, type JobHandler, type ReportProgress } from './handlers';

export type JobStatus = 'QUEUED' | 'RUNNING' | 'SUCCEEDED' | 'FAILED';

/** Claims a job gets before it is failed as lost (binwise_claim_background_job, migration 20261204010000). */
export const JOB_MAX_ATTEMPTS = 3;

export type Job = {
  id: string;
  kind: string;
  status: JobStatus;
  /** 0..1 */
  progress: number;
  params: unknown;
  result: unknown;
  error: string | null;
  createdBy: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  /** Claims so far: above 1, a worker was lost and the job was retried. */
  attempts: number;
  /** The running worker's last lease renewal; null before the first claim. */
  heartbeatAt: string | null;
};

const KIND = /^[a-z][a-z0-9-]{0,62}$/;

/**
 * Queues long work (a simulation, an ML training run) for the tenant of `context` and
 * returns its id at once. Any replica's worker claims it. Callers check their own
 * permission (simulation.run, ml.train) before enqueueing.
 */
export async function enqueueJob(context: AuthContext, kind: string, params: Prisma.InputJsonValue): Promise<string> {
  if (!KIND.test(kind)) throw new AppError('BAD_USER_INPUT', `kind: "${kind}" is not a valid job kind.`, { fieldErrors: { kind: ['invalid'] } });
  const jobId = await withTenant(context.tenantId, async (tx) => {
    const job = await tx.backgroundJob.create({
      data: { tenantId: context.tenantId, kind, params, createdBy: context.userId },
      select: { id: true },
    });
    return job.id;
  });
  nudgeJobWorker();
  return jobId;
}

/** One job of the caller's tenant (row-level security hides the others), or NOT_FOUND. */
export async function getJob(context: AuthContext, jobId: string): Promise<Job> {
  if (!/^[0-9a-f-]{36}$/i.test(jobId)) throw new AppError('NOT_FOUND', 'No such job.');
  const row = await withTenant(context.tenantId, (tx) => tx.backgroundJob.findUnique({ where: { id: jobId } }));
  if (!row) throw new AppError('NOT_FOUND', 'No such job.');
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    progress: row.progress,
    params: row.params,
    result: row.result,
    error: row.error,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
    attempts: row.attempts,
    heartbeatAt: row.heartbeatAt?.toISOString() ?? null,
  };
}
