import 'server-only';
import { ZSimulationParams, type TSimulationParams } from '@/lib/simulator/params';
import { parseInput } from '../action';
import { assertPermission, type AuthContext } from '../auth/session';
import { enqueueJob } from '../jobs';

export const SIMULATION_JOB_KIND = 'simulation';

/** Queues a what-if simulation for the caller's tenant; returns the job id to poll. */
export async function startSimulation(context: AuthContext, input: TSimulationParams): Promise<{ jobId: string }> {
  assertPermission(context, 'simulation.run');
  const params = parseInput(ZSimulationParams, input);
  const jobId = await enqueueJob(context, SIMULATION_JOB_KIND, params);
  return { jobId };
}
