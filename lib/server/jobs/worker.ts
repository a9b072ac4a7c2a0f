import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import { withSystem, withTenant } from '../db';
import { jobHandlers, type ClaimedJob } from './handlers';

/** Jobs are CPU-heavy (simulations, training): one at a time per replica. */
const POLL_MS = 2_000;

type WorkerState = { timer: NodeJS.Timeout | null; busy: boolean; wake: boolean };
type WorkerGlobals = { binwiseJobWorker?: WorkerState };
const globals = globalThis as unknown as WorkerGlobals;

function state(): WorkerState {
  globals.binwiseJobWorker ??= { timer: null, busy: false, wake: false };
  return globals.binwiseJobWorker;
}

type ClaimRow = { job_id: string; tenant_id: string; kind: string; params: unknown; created_by: string | null };

/**
 * Claims the oldest QUEUED job of a kind this process can run. The SECURITY DEFINER
 * function sees every tenant's queue (the worker has no tenant) and uses
 * FOR UPDATE SKIP LOCKED, so replicas never claim the same job.
 */
async function claim(kinds: string[]): Promise<ClaimedJob | null> {
  const rows = await withSystem((tx) => tx.$queryRaw<ClaimRow[]>`SELECT * FROM binwise_claim_background_job(${kinds}::text[])`);
  const row = rows[0];
  return row ? { id: row.job_id, tenantId: row.tenant_id, kind: row.kind, params: row.params, createdBy: row.created_by } : null;
}

async function finish(job: ClaimedJob, outcome: { result: unknown } | { error: string }): Promise<void> {
  await withTenant(job.tenantId, (tx) =>
    'error' in outcome
      ? tx.backgroundJob.update({ where: { id: job.id }, data: { status: 'FAILED', error: outcome.error.slice(0, 2_000), finishedAt: new Date() } })
      : tx.backgroundJob.update({
          where: { id: job.id },
          data: { status: 'SUCCEEDED', progress: 1, result: (outcome.result ?? null) as Prisma.InputJsonValue, finishedAt: new Date() },
        }),
  );
}

/** Runs one claimed job to completion; never throws. */
export async function runClaimedJob(job: ClaimedJob): Promise<void> {
  const handler = jobHandlers().get(job.kind);
  if (!handler) {
    await finish(job, { error: `No handler is registered for job kind "${job.kind}".` });
    return;
  }
  const reportProgress = async (fraction: number) => {
    const progress = Math.min(1, Math.max(0, Number.isFinite(fraction) ? fraction : 0));
    await withTenant(job.tenantId, (tx) => tx.backgroundJob.update({ where: { id: job.id }, data: { progress } }));
  };
  try {
    const result = await handler(job, reportProgress);
    await finish(job, { result });
  } catch (error) {
    console.error(`[binwise] job ${job.kind} ${job.id} failed`, error);
    await finish(job, { error: error instanceof Error ? error.message : String(error) }).catch((e: unknown) =>
      console.error(`[binwise] could not record failure of job ${job.id}`, e),
    );
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
