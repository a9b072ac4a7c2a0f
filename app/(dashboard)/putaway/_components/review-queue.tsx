'use client';

import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { HIGH_CONFIDENCE } from '@/lib/schemas/putaway';
import { fetchBatch, percent, putawayKeys } from './putaway-cache';
import { RecommendationRow } from './recommendation-row';
import { useDecisions } from './use-decisions';

const isTyping = (target: EventTarget | null) => target instanceof HTMLElement && (['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) || target.isContentEditable);

/** The review queue for one batch: j/k to move, a to accept, r to reject. */
export function ReviewQueue({ batchId, canReview }: { batchId: string; canReview: boolean }) {
  const batch = useQuery({ queryKey: putawayKeys.batch(batchId), queryFn: () => fetchBatch(batchId) });
  const [selected, setSelected] = useState(0);
  const [openForm, setOpenForm] = useState<{ id: string; kind: 'reject' | 'override' } | null>(null);
  const [message, setMessage] = useState<{ tone: 'error' | 'info'; text: string } | null>(null);
  const { decide, acceptAll } = useDecisions(batchId, (text) => setMessage({ tone: 'error', text }));
  const recommendations = batch.data?.recommendations ?? [];

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (isTyping(event.target) || event.metaKey || event.ctrlKey || event.altKey || !recommendations.length) return;
      const current = recommendations[Math.min(selected, recommendations.length - 1)];
      if (event.key === 'j') setSelected((i) => Math.min(recommendations.length - 1, i + 1));
      else if (event.key === 'k') setSelected((i) => Math.max(0, i - 1));
      else if (event.key === 'a' && canReview && current?.status === 'PENDING') decide.mutate({ kind: 'accept', id: current.id });
      else if (event.key === 'r' && canReview && current?.status === 'PENDING') setOpenForm({ id: current.id, kind: 'reject' });
      else return;
      event.preventDefault();
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [recommendations, selected, canReview, decide]);

  if (batch.isPending) return <div className="h-48 animate-pulse rounded-lg bg-slate-100" aria-busy="true" aria-label="Loading batch" />;
  if (batch.isError) {
    return (
      <div role="alert" className="rounded-lg border border-red-200 bg-red-50 p-4 text-sm text-red-800">
        The batch could not be loaded: {batch.error.message}{' '}
        <button type="button" className="underline" onClick={() => batch.refetch()}>
          Retry
        </button>
      </div>
    );
  }
  const view = batch.data;
  const pendingHigh = recommendations.filter((r) => r.status === 'PENDING' && r.confidenceScore >= HIGH_CONFIDENCE).length;
  const flags = view.flags;
  const flagText = [
    `algorithm ${flags.algorithm}`,
    `affinity ${flags.SKU_AFFINITY_ENABLED ? 'on' : 'off'}`,
    `cross-dock ${flags.CROSS_DOCK_ENABLED ? 'on' : 'off'}`,
    `congestion ${flags.CONGESTION_AVOIDANCE_ENABLED ? 'on' : 'off'}`,
    `ML ${flags.ML_MODEL_ENABLED ? 'on' : 'off'}`,
  ];

  return (
    <section className="space-y-3" aria-label="Review queue">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h2 className="text-lg font-semibold">Review queue</h2>
          <p className="text-xs text-slate-500">
            Batch {view.batchId.slice(0, 8)} · {view.itemCount} lines · {Math.round(view.processingMs)} ms · {flagText.join(' · ')}
            {view.excludedLocations.inactive + view.excludedLocations.invalidCapacity > 0
              ? ` · skipped ${view.excludedLocations.inactive} inactive and ${view.excludedLocations.invalidCapacity} invalid-capacity bins`
              : ''}
          </p>
          <p className="text-xs text-slate-500">Keys: j/k move · a accept · r reject</p>
        </div>
        {canReview ? (
          <button
            type="button"
            disabled={!pendingHigh || acceptAll.isPending}
            onClick={() =>
              acceptAll.mutate(HIGH_CONFIDENCE, {
                onSuccess: (result) =>
                  setMessage({
                    tone: result.conflicts.length ? 'error' : 'info',
                    text: `Accepted ${result.acceptedIds.length}.${result.conflicts.length ? ` ${result.conflicts.length} left pending: ${result.conflicts.map((c) => `${c.sku}: ${c.message}`).join(' ')}` : ''}`,
                  }),
              })
            }
            className="rounded-md bg-emerald-700 px-3 py-1.5 text-sm text-white disabled:opacity-50"
          >
            Accept all ≥ {percent(HIGH_CONFIDENCE)} confidence ({pendingHigh})
          </button>
        ) : null}
      </div>
      {message ? (
        <div role={message.tone === 'error' ? 'alert' : 'status'} className={`flex justify-between rounded-md p-3 text-sm ${message.tone === 'error' ? 'bg-red-50 text-red-800' : 'bg-emerald-50 text-emerald-800'}`}>
          <span>{message.text}</span>
          <button type="button" className="ml-4 underline" onClick={() => setMessage(null)}>
            Dismiss
          </button>
        </div>
      ) : null}
      {recommendations.length === 0 ? <p className="rounded-lg border border-dashed border-slate-300 p-6 text-center text-sm text-slate-500">No line of this receipt could be placed.</p> : null}
      <ul className="space-y-2">
        {recommendations.map((r, index) => (
          <RecommendationRow
            key={r.id}
            recommendation={r}
            selected={index === selected}
            canReview={canReview}
            openForm={openForm?.id === r.id ? openForm.kind : null}
            onSelect={() => setSelected(index)}
            onAccept={() => decide.mutate({ kind: 'accept', id: r.id })}
            onOpenForm={(kind) => setOpenForm(kind ? { id: r.id, kind } : null)}
            onDecide={(kind, input) => {
              setOpenForm(null);
              decide.mutate(kind === 'reject' ? { kind, id: r.id, reasonCode: input.reasonCode, note: input.note } : { kind, id: r.id, reasonCode: input.reasonCode, note: input.note, locationCode: input.locationCode ?? '' });
            }}
          />
        ))}
      </ul>
      {view.unplaceable.length ? (
        <div className="rounded-lg border border-amber-200 bg-amber-50 p-3 text-sm">
          <p className="font-semibold text-amber-900">Could not be placed</p>
          <ul className="mt-1 space-y-0.5 text-amber-900">
            {view.unplaceable.map((u, i) => (
              <li key={`${u.sku}-${i}`}>
                <span className="font-mono">{u.sku}</span> × {u.quantity}: {u.reason} <span className="text-xs">({u.reasonCode})</span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
