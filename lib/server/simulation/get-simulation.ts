import 'server-only';
import type { SimulationResult } from '@/lib/simulator/run';
import { assertPermission, type AuthContext } from '../auth/session';
import { AppError } from '../errors';
import { JOB_MAX_ATTEMPTS, getJob, type JobStatus } from '../jobs';
import { SIMULATION_JOB_KIND } from './start-simulation';

export type SimulationView = {
  id: string;
  status: JobStatus;
  /** 0..1 */
  progress: number;
  error: string | null;
  /** Claims so far (0 while queued); above 1, a worker stopped mid-run and another one restarted it. */
  attempts: number;
  /** Claims before the job fails as lost. */
  maxAttempts: number;
  createdAt: string;
  finishedAt: string | null;
  result: SimulationResult | null;
};

/** One simulation job of the caller's tenant, or NOT_FOUND (other kinds of job included). */
export async function getSimulation(context: AuthContext, jobId: string): Promise<SimulationView> {
  assertPermission(context, 'simulation.run');
  const job = await getJob(context, jobId);
  if (job.kind !== SIMULATION_JOB_KIND) throw new AppError('NOT_FOUND', 'No such simulation.');
  return {
    id: job.id,
    status: job.status,
    progress: job.progress,
    error: job.error,
    attempts: job.attempts,
    maxAttempts: JOB_MAX_ATTEMPTS,
    createdAt: job.createdAt,
    finishedAt: job.finishedAt,
    result: job.status === 'SUCCEEDED' ? (job.result as SimulationResult) : null,
  };
}
