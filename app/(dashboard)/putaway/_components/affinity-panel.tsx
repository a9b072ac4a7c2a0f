'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AffinityStatus } from '@/lib/server/affinity/get-affinity-status';
import type { AffinityRefresh } from '@/lib/server/affinity/refresh-sku-affinity';

async function call<T>(method: 'GET' | 'POST'): Promise<T> {
  const response = await fetch('/api/putaway/affinity', { method, cache: 'no-store' });
  const body = await response.json();
  if (!response.ok) throw new Error(`${body.error?.code}: ${body.error?.message}`);
  return body as T;
}

/** Co-pick affinity freshness, with ops' on-demand refresh (nightly otherwise). */
export function AffinityPanel({ canRefresh }: { canRefresh: boolean }) {
  const queryClient = useQueryClient();
  const status = useQuery({ queryKey: ['putaway', 'affinity'], queryFn: () => call<AffinityStatus>('GET') });
  const refresh = useMutation({
    mutationFn: () => call<AffinityRefresh>('POST'),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['putaway', 'affinity'] }),
  });
  return (
    <div className="flex flex-wrap items-center gap-3 rounded-lg border border-slate-200 bg-white px-4 py-2 text-sm shadow-sm" aria-label="Co-pick affinity">
      <span className="font-medium">Co-pick affinity</span>
      {status.isPending ? <span className="text-slate-400">loading…</span> : null}
      {status.isError ? <span className="text-red-700">{status.error.message}</span> : null}
      {status.data ? (
        <span className="text-slate-600">
          {status.data.pairs} SKU pairs mined from the last 90 days of orders
          {status.data.computedAt ? ` · computed ${new Date(status.data.computedAt).toLocaleString()}` : ' · never computed'}
          {status.data.strongestLift !== null ? ` · strongest lift ${status.data.strongestLift.toFixed(1)}` : ''}
        </span>
      ) : null}
      {canRefresh ? (
        <button type="button" className="rounded-md border border-slate-300 px-2 py-1 disabled:opacity-50" disabled={refresh.isPending} onClick={() => refresh.mutate()}>
          {refresh.isPending ? 'Refreshing…' : 'Refresh now'}
        </button>
      ) : null}
      {refresh.data ? <span role="status" className="text-emerald-700">Refreshed: {refresh.data.pairs} pairs in {Math.round(refresh.data.ms)} ms.</span> : null}
      {refresh.isError ? <span role="alert" className="text-red-700">{refresh.error.message}</span> : null}
    </div>
  );
}
