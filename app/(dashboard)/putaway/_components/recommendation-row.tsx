'use client';

import { useState } from 'react';
import type { ReasonCode } from '@/lib/schemas/putaway';
import type { RecommendationView } from '@/lib/server/putaway/batch-view';
import { orderedBreakdown } from './breakdown-order';
import { DecisionForm } from './decision-form';
import { percent } from './putaway-cache';

type Props = {
  recommendation: RecommendationView;
  selected: boolean;
  canReview: boolean;
  openForm: 'reject' | 'override' | null;
  onSelect: () => void;
  onAccept: () => void;
  onOpenForm: (kind: 'reject' | 'override' | null) => void;
  onDecide: (kind: 'reject' | 'override', input: { reasonCode: ReasonCode; note?: string; locationCode?: string }) => void;
};

const STATUS_STYLE: Record<RecommendationView['status'], string> = {
  PENDING: 'bg-amber-100 text-amber-800',
  ACCEPTED: 'bg-emerald-100 text-emerald-800',
  REJECTED: 'bg-red-100 text-red-800',
  OVERRIDDEN: 'bg-sky-100 text-sky-800',
};

function FillBar({ before, after }: { before: number; after: number }) {
  const clamp = (v: number) => Math.max(0, Math.min(1, v)) * 100;
  return (
    <div className="w-28" title={`Fill ${percent(before)} → ${percent(after)}`}>
      <div className="relative h-2 rounded bg-slate-200">
        <div className="absolute h-2 rounded bg-indigo-300" style={{ width: `${clamp(after)}%` }} />
        <div className="absolute h-2 rounded bg-indigo-700" style={{ width: `${clamp(before)}%` }} />
      </div>
      <p className="mt-0.5 text-xs tabular-nums text-slate-600">
        {percent(before)} → {percent(after)}
      </p>
    </div>
  );
}

/** One recommendation: bin, fill before → after, confidence, reason; details and decisions. */
export function RecommendationRow({ recommendation: r, selected, canReview, openForm, onSelect, onAccept, onOpenForm, onDecide }: Props) {
  const [expanded, setExpanded] = useState(false);
  const pending = r.status === 'PENDING';
  const label = `${r.sku} → ${r.locationCode}`;
  return (
    <li
      className={`rounded-lg border bg-white p-3 shadow-sm ${selected ? 'border-indigo-500 ring-2 ring-indigo-200' : 'border-slate-200'}`}
      aria-current={selected ? 'true' : undefined}
      aria-label={`Recommendation ${label}`}
      onClick={onSelect}
    >
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2 md:gap-4">
        <div className="md:min-w-40">
          <p className="font-mono text-sm font-semibold">{r.sku}</p>
          <p className="text-xs text-slate-500">
            {r.quantity} unit{r.quantity === 1 ? '' : 's'} · lot {r.lotNumber}
          </p>
        </div>
        <div className="md:min-w-32">
          <p className="font-mono text-sm">{r.status === 'OVERRIDDEN' && r.finalLocationCode ? <><s className="text-slate-400">{r.locationCode}</s> {r.finalLocationCode}</> : r.locationCode}</p>
          <p className="text-xs text-slate-500">zone {r.zone}</p>
        </div>
        <FillBar before={r.fillBefore} after={r.fillAfter} />
        <div className="w-24 text-sm" title={`Confidence from the ${r.confidenceSource} model`}>
          <p className="font-semibold tabular-nums">{percent(r.confidenceScore)}</p>
          <p className="text-xs text-slate-500">{r.confidenceSource}</p>
        </div>
        <p className="basis-full text-sm text-slate-700 md:min-w-48 md:flex-1">
          {r.crossDock ? <span className="mr-2 rounded bg-fuchsia-100 px-1.5 py-0.5 text-xs text-fuchsia-800">cross-dock {r.crossDock.orderRef}</span> : null}
          {r.reason}
        </p>
        <span className={`rounded px-2 py-0.5 text-xs font-medium ${STATUS_STYLE[r.status]}`}>{r.status.toLowerCase()}</span>
        {canReview && pending ? (
          <div className="flex flex-wrap gap-2">
            <button type="button" aria-label={`Accept ${label}`} onClick={(e) => { e.stopPropagation(); onAccept(); }} className="rounded-md bg-emerald-700 px-3 py-1 text-sm text-white">
              Accept
            </button>
            <button type="button" aria-label={`Reject ${label}`} onClick={(e) => { e.stopPropagation(); onOpenForm(openForm === 'reject' ? null : 'reject'); }} className="rounded-md border border-slate-300 px-3 py-1 text-sm">
              Reject
            </button>
            <button type="button" aria-label={`Override ${label}`} onClick={(e) => { e.stopPropagation(); onOpenForm(openForm === 'override' ? null : 'override'); }} className="rounded-md border border-slate-300 px-3 py-1 text-sm">
              Override
            </button>
          </div>
        ) : null}
        <button type="button" aria-expanded={expanded} aria-label={`Details for ${label}`} onClick={(e) => { e.stopPropagation(); setExpanded(!expanded); }} className="text-sm text-indigo-700 underline">
          {expanded ? 'Hide' : 'Why?'}
        </button>
      </div>
      {r.decisionReasonCode ? (
        <p className="mt-1 text-xs text-slate-500">
          Reason: {r.decisionReasonCode}
          {r.decisionNote ? ` — ${r.decisionNote}` : ''}
        </p>
      ) : null}
      {expanded ? (
        <div className="mt-3 grid gap-4 text-sm md:grid-cols-2">
          <table className="w-full" aria-label={`Score breakdown for ${label}`}>
            <caption className="text-left text-xs font-semibold uppercase text-slate-500">Score breakdown (points)</caption>
            <tbody>
              {orderedBreakdown(r.scoreBreakdown).map(([factor, points]) => (
                <tr key={factor}>
                  <td className="py-0.5 capitalize text-slate-600">{factor}</td>
                  <td className="py-0.5 text-right font-mono tabular-nums">{points.toFixed(1)}</td>
                </tr>
              ))}
              <tr className="border-t border-slate-200 font-semibold">
                <td className="py-0.5">Total</td>
                <td className="py-0.5 text-right font-mono tabular-nums">{r.scoreTotal.toFixed(1)}</td>
              </tr>
            </tbody>
          </table>
          <div>
            <p className="text-xs font-semibold uppercase text-slate-500">Alternatives</p>
            {r.alternatives.length ? (
              <ul className="mt-1 space-y-0.5">
                {r.alternatives.map((a) => (
                  <li key={a.locationId} className="font-mono">
                    {a.locationCode}
                    <span className="ml-2 font-sans text-xs text-slate-500">
                      {a.scoreTotal !== null ? `score ${a.scoreTotal.toFixed(1)}` : ''}
                      {a.fillAfter !== null ? ` · fill after ${percent(a.fillAfter)}` : ''}
                    </span>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="mt-1 text-slate-500">No other bin scored close.</p>
            )}
          </div>
        </div>
      ) : null}
      {openForm && pending ? <DecisionForm kind={openForm} alternatives={r.alternatives} onCancel={() => onOpenForm(null)} onSubmit={(input) => onDecide(openForm, input)} /> : null}
    </li>
  );
}
