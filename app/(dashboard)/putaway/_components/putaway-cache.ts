import type { ActionResult } from '@/lib/action-result';
import type { BatchView } from '@/lib/server/putaway/batch-view';
import type { BatchSummary } from '@/lib/server/putaway/find-batches';

/** The review queue's cache contract: query keys and fetchers (route handlers under /api/putaway). */
export const putawayKeys = {
  history: ['putaway', 'history'] as const,
  batch: (batchId: string) => ['putaway', 'batch', batchId] as const,
};

/** An action or route refusal, with its code (CAPACITY_CONFLICT, FORBIDDEN, …) kept for the UI. */
export class PutawayRequestError extends Error {
  readonly code: string;
  readonly details?: Record<string, unknown>;
  constructor(code: string, message: string, details?: Record<string, unknown>) {
    super(message);
    this.code = code;
    this.details = details;
  }
}

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { cache: 'no-store' });
  const body = (await response.json()) as T | { error: { code: string; message: string } };
  if (!response.ok) {
    const error = (body as { error: { code: string; message: string } }).error;
    throw new PutawayRequestError(error.code, `${error.code}: ${error.message}`);
  }
  return body as T;
}

export const fetchHistory = () => getJson<BatchSummary[]>('/api/putaway/batches?limit=30');
export const fetchBatch = (batchId: string) => getJson<BatchView>(`/api/putaway/batches/${batchId}`);

/** Unwraps a server action's result, throwing its refusal so React Query can roll back. */
export async function unwrap<T>(promise: Promise<ActionResult<T>>): Promise<T> {
  const result = await promise;
  if (result.ok) return result.data;
  throw new PutawayRequestError(result.error.code, result.error.message, result.error.details);
}

export const percent = (value: number) => `${Math.round(value * 100)}%`;
