import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import { withSystem, withTenant } from '../db';
import { jobHandlers, type ClaimedJob } from './handlers';

/** Jobs are CPU-heavy (simulations, training): one at a time per replica. */
const POLL_MS = 2_000;
/**
 * How often a running job renews its lease when its handler reports no progress for a while
 * (one long step). Well inside the claim function's default lease of 2 minutes, so a few late
 * beats (a busy event loop, a slow database) do not get a live job requeued.
 */
const HEARTBEAT_MS = 20_000;

type WorkerState = { timer: NodeJS.Timeout | null; busy: boolean; wake: boolean };
type WorkerGlobals = { binwiseJobWorker?: WorkerState };
const globals = globalThis as unknown as WorkerGlobals;

function state(): WorkerState {
  globals.binwiseJobWorker ??= { timer: null, busy: false, wake: false };
  return globals.binwiseJobWorker;
}

type ClaimRow = { job_id: string; tenant_id: string; kind: string; params: unknown; created_by: string | null; attempts: number };

/**
 * Claims the oldest QUEUED job of a kind this process can run. The SECURITY DEFINER
 * function sees every tenant's queue (the worker has no tenant) and uses
 * FOR UPDATE SKIP LOCKED, so replicas never claim the same job. In the same transaction it
 * requeues (or, after 3 attempts, fails) RUNNING jobs of these kinds whose lease expired:
 * their worker died without finishing them.
 */
async function claim(kinds: string[]): Promise<ClaimedJob | null> {
  const rows = await withSystem((tx) => tx.$queryRaw<ClaimRow[]>`SELECT * FROM binwise_claim_background_job(${kinds}::text[])`);
  const row = rows[0];
  return row
    ? { id: row.job_id, tenantId: row.tenant_id, kind: row.kind, params: row.params, createdBy: row.created_by, attempts: row.attempts }
    : null;
}

/**
 * Renews this claim's lease (with the database's clock, which the reaper compares against),
 * and sets the progress when given. Touches the job only while this claim still owns it:
 * once the lease was lost, the job belongs to its retry. Returns whether it still did.
 */
async function renewLease(job: ClaimedJob, progress?: number): Promise<boolean> {
  const count = await withTenant(
    job.tenantId,
    (tx) => tx.$executeRaw`UPDATE background_jobs SET heartbeat_at = now(), progress = COALESCE(${progress ?? null}::float8, progress)
      WHERE job_id = ${job.id}::uuid AND status = 'RUNNING' AND attempts = ${job.attempts}`,
  );
  return count > 0;
}

function warnLeaseLost(job: ClaimedJob, what: string): void {
  console.warn(`[binwise] job ${job.kind} ${job.id} attempt ${job.attempts} lost its lease (requeued or failed meanwhile); its ${what} was discarded`);
}

/**
 * Records the outcome, only while this claim still owns the job (RUNNING, same attempt): a
 * worker that was presumed dead must not overwrite what its retry recorded or is doing.
 */
async function finish(job: ClaimedJob, outcome: { result: unknown } | { error: string }): Promise<void> {
  const data: Prisma.BackgroundJobUpdateManyMutationInput =
    'error' in outcome
      ? { status: 'FAILED', error: outcome.error.slice(0, 2_000), finishedAt: new Date() }
      : { status: 'SUCCEEDED', progress: 1, result: (outcome.result ?? null) as Prisma.InputJsonValue, finishedAt: new Date() };
  const { count } = await withTenant(job.tenantId, (tx) => tx.backgroundJob.updateMany({ where: { id: job.id, status: 'RUNNING', attempts: job.attempts }, data }));
  if (count === 0) warnLeaseLost(job, 'error' in outcome ? 'failure' : 'result');
}

/** Runs one claimed job to completion; never throws. */
export async function runClaimedJob(job: ClaimedJob): Promise<void> {
  const handler = jobHandlers().get(job.kind);
  if (!handler) {
    await finish(job, { error: `No handler is registered for job kind "${job.kind}".` });
    return;
  }
  let lost = false;
  const reportProgress = async (fraction: number) => {
    const progress = Math.min(1, Math.max(0, Number.isFinite(fraction) ? fraction : 0));
    if (!(await renewLease(job, progress)) && !lost) {
      lost = true;
      warnLeaseLost(job, 'progress');
    }
  };
  // Unref'd: a beat must never keep the process alive on shutdown.
  const heartbeat = setInterval(() => {
    renewLease(job).catch((error: unknown) => console.warn(`[binwise] could not renew the lease of job ${job.id}`, (error as Error).message));
  }, HEARTBEAT_MS);
  heartbeat.unref();
  try {
    const result = await handler(job, reportProgress);
    await finish(job, { result });
  } catch (error) {
    console.error(`[binwise] job ${job.kind} ${job.id} failed`, error);
    await finish(job, { error: error instanceof Error ? error.message : String(error) }).catch((e: unknown) =>
      console.error(`[binwise] could not record failure of job ${job.id}`, e),
    );
  } finally {
    clearInterval(heartbeat);
  }
}

/** Claims and runs jobs until the queue (for the registered kinds) is empty. */
export async function drainJobs(): Promise<number> {
  const s = state();
  if (s.busy) return 0;
  s.busy = true;
  let ran = 0;
  try {
    do {
      s.wake = false;
      const kinds = [...jobHandlers().keys()];
      if (!kinds.length) break;
      for (let job = await claim(kinds); job; job = await claim(kinds)) {
        await runClaimedJob(job);
        ran += 1;
      }
    } while (s.wake);
  } catch (error) {
    console.error('[binwise] job worker poll failed', (error as Error).message);
  } finally {
    s.busy = false;
  }
  return ran;
}

export function startJobWorker(): void {
  const s = state();
  if (s.timer) return;
  s.timer = setInterval(() => void drainJobs(), POLL_MS);
  s.timer.unref();
}

export function stopJobWorker(): void {
  const s = state();
  if (s.timer) clearInterval(s.timer);
  s.timer = null;
}

/** Called after an enqueue in this process, so a job starts without waiting for the poll. */
export function nudgeJobWorker(): void {
  const s = state();
  if (!s.timer) return;
  s.wake = true;
  if (!s.busy) setTimeout(() => void drainJobs(), 0);
}
