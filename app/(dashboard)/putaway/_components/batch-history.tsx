'use client';

import { useQuery } from '@tanstack/react-query';
import { fetchHistory, percent, putawayKeys } from './putaway-cache';

/** Past batches with their acceptance rate; a click opens one in the review queue. */
export function BatchHistory({ selectedId, onSelect }: { selectedId: string | null; onSelect: (batchId: string) => void }) {
  const history = useQuery({ queryKey: putawayKeys.history, queryFn: fetchHistory });
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" aria-label="Batch history">
      <h2 className="text-lg font-semibold">History</h2>
      {history.isPending ? <div className="mt-3 h-32 animate-pulse rounded bg-slate-100" aria-busy="true" /> : null}
      {history.isError ? (
        <p role="alert" className="mt-3 text-sm text-red-700">
          History could not be loaded: {history.error.message}
        </p>
      ) : null}
      {history.data && history.data.length === 0 ? <p className="mt-3 text-sm text-slate-500">No batches yet. Enter a receipt to create the first one.</p> : null}
      {history.data && history.data.length > 0 ? (
        <div className="mt-3 overflow-x-auto">
          <table className="w-full min-w-2xl text-sm">
            <thead className="text-left text-xs uppercase text-slate-500">
              <tr>
                <th className="py-1">Created</th>
                <th>Source</th>
                <th>Algorithm</th>
                <th className="text-right">Lines</th>
                <th className="text-right">Pending</th>
                <th className="text-right">Accepted</th>
                <th className="text-right">Rejected</th>
                <th className="text-right">Overridden</th>
                <th className="text-right">Acceptance</th>
                <th className="text-right">ms</th>
              </tr>
            </thead>
            <tbody>
              {history.data.map((b) => (
                <tr
                  key={b.batchId}
                  className={`cursor-pointer border-t border-slate-100 hover:bg-slate-50 ${b.batchId === selectedId ? 'bg-indigo-50' : ''}`}
                  onClick={() => b.status !== 'FAILED' && onSelect(b.batchId)}
                >
                  <td className="py-1">
                    <button type="button" className="text-indigo-700 underline" disabled={b.status === 'FAILED'} onClick={() => onSelect(b.batchId)}>
                      {new Date(b.createdAt).toLocaleString()}
                    </button>
                    {b.status === 'FAILED' ? <span className="ml-2 rounded bg-red-100 px-1 text-xs text-red-800" title={b.errorMessage ?? ''}>failed</span> : null}
                  </td>
                  <td>{b.source}</td>
                  <td>{b.algorithm}</td>
                  <td className="text-right tabular-nums">{b.itemCount}</td>
                  <td className="text-right tabular-nums">{b.pending}</td>
                  <td className="text-right tabular-nums">{b.accepted}</td>
                  <td className="text-right tabular-nums">{b.rejected}</td>
                  <td className="text-right tabular-nums">{b.overridden}</td>
                  <td className="text-right tabular-nums">{b.acceptanceRate === null ? '—' : percent(b.acceptanceRate)}</td>
                  <td className="text-right tabular-nums">{Math.round(b.processingMs)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
