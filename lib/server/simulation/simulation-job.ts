import 'server-only';
import { scenarioFromDatabase, type QueryFunction } from '@/lib/simulator/from-db';
import { generateScenario } from '@/lib/simulator/generate';
import { ZSimulationParams } from '@/lib/simulator/params';
import { resolvePolicies } from '@/lib/simulator/policies/registry';
import { simulationSteps, type SimulationResult } from '@/lib/simulator/run';
import { withTenant } from '../db';
import { registerJobHandler } from '../jobs';
import { SIMULATION_JOB_KIND } from './start-simulation';

/** Progress is written at most this often (each write is a transaction). */
const PROGRESS_EVERY_MS = 500;

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Runs a queued simulation. The replay is CPU work: it advances one simulated day at a time
 * and yields to the event loop in between, so the replica keeps serving requests.
 */
registerJobHandler<unknown, SimulationResult>(SIMULATION_JOB_KIND, async (job, reportProgress) => {
  const params = ZSimulationParams.parse(job.params);
  const scenario =
    params.source === 'generated'
      ? generateScenario(params.generator)
      : await withTenant(
          job.tenantId,
          (tx) => {
            const query: QueryFunction = <Row>(text: string, values: readonly unknown[]) => tx.$queryRawUnsafe<Row[]>(text, ...values);
            return scenarioFromDatabase(query, job.tenantId, { days: params.databaseDays });
          },
          { timeoutMs: 60_000 },
        );
  const steps = simulationSteps(scenario, {
    policies: resolvePolicies(params.policies, params.flags, params.capacity),
    seed: params.source === 'generated' ? params.generator.seed : 1,
    dayZeroStock: params.dayZeroStock,
  });
  let reportedAt = 0;
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    if (performance.now() - reportedAt > PROGRESS_EVERY_MS) {
      reportedAt = performance.now();
      await reportProgress(next.value.fraction * 0.99);
    }
    await yieldToEventLoop();
  }
});
