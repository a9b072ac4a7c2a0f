import 'server-only';

/** A job as its handler sees it. Handlers do tenant work with withTenant(job.tenantId, …). */
export type ClaimedJob<P = unknown> = {
  id: string;
  tenantId: string;
  kind: string;
  params: P;
  createdBy: string | null;
  /** This claim's attempt (1 on the first claim); with the id it identifies the claim. */
  attempts: number;
};

/** fraction is 0..1; each call is written (and visible to pollers) in its own transaction. */
export type ReportProgress = (fraction: number) => Promise<void>;

export type JobHandler<P = unknown, R = unknown> = (job: ClaimedJob<P>, reportProgress: ReportProgress) => Promise<R>;

type HandlerGlobals = { binwiseJobHandlers?: Map<string, JobHandler> };
const globals = globalThis as unknown as HandlerGlobals;

export function jobHandlers(): Map<string, JobHandler> {
  globals.binwiseJobHandlers ??= new Map();
  return globals.binwiseJobHandlers;
}

/**
 * Registers the handler of one job kind (e.g. 'simulation', 'ml-training'). Call it at module
 * load from the area's handler file and import that file from lib/server/scheduler/registry.ts.
 * The result must be JSON-serializable: it is stored in background_jobs.result.
 */
export function registerJobHandler<P, R>(kind: string, handler: JobHandler<P, R>): void {
  if (!kind) throw new Error('A job kind is required.');
  jobHandlers().set(kind, handler as JobHandler);
}
