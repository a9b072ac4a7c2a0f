'use client';

import { useState } from 'react';
import { REASON_CODES, REASON_LABELS, type ReasonCode } from '@/lib/schemas/putaway';
import type { AlternativeView } from '@/lib/server/putaway/batch-view';

type Props = {
  kind: 'reject' | 'override';
  alternatives: AlternativeView[];
  onCancel: () => void;
  onSubmit: (input: { reasonCode: ReasonCode; note?: string; locationCode?: string }) => void;
};

/** The reason (fixed list, text required for OTHER) and, for an override, the bin chosen instead. */
export function DecisionForm({ kind, alternatives, onCancel, onSubmit }: Props) {
  const [reasonCode, setReasonCode] = useState<ReasonCode>(kind === 'override' ? 'BETTER_SPOT_KNOWN' : 'BIN_BLOCKED');
  const [note, setNote] = useState('');
  const [locationCode, setLocationCode] = useState(alternatives[0]?.locationCode ?? '');
  const needsNote = reasonCode === 'OTHER' && !note.trim();
  const needsBin = kind === 'override' && !locationCode.trim();
  return (
    <form
      className="mt-3 flex flex-wrap items-end gap-3 rounded-md border border-slate-200 bg-slate-50 p-3 text-sm"
      aria-label={kind === 'reject' ? 'Reject recommendation' : 'Override recommendation'}
      onSubmit={(event) => {
        event.preventDefault();
        if (needsNote || needsBin) return;
        onSubmit({ reasonCode, note: note.trim() || undefined, locationCode: kind === 'override' ? locationCode.trim() : undefined });
      }}
    >
      {kind === 'override' ? (
        <label className="flex flex-col gap-1">
          <span className="text-slate-600">Put it in bin</span>
          <input
            list="override-alternatives"
            className="w-40 rounded border border-slate-300 px-2 py-1 font-mono"
            aria-label="Bin code"
            value={locationCode}
            onChange={(e) => setLocationCode(e.target.value)}
            autoFocus
          />
          <datalist id="override-alternatives">
            {alternatives.map((a) => (
              <option key={a.locationId} value={a.locationCode} />
            ))}
          </datalist>
        </label>
      ) : null}
      <label className="flex flex-col gap-1">
        <span className="text-slate-600">Reason</span>
        <select className="rounded border border-slate-300 px-2 py-1" aria-label="Reason" value={reasonCode} onChange={(e) => setReasonCode(e.target.value as ReasonCode)} autoFocus={kind === 'reject'}>
          {REASON_CODES.map((code) => (
            <option key={code} value={code}>
              {REASON_LABELS[code]}
            </option>
          ))}
        </select>
      </label>
      <label className="flex min-w-48 flex-1 flex-col gap-1">
        <span className="text-slate-600">Note{reasonCode === 'OTHER' ? ' (required)' : ' (optional)'}</span>
        <input className="rounded border border-slate-300 px-2 py-1" aria-label="Note" value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} />
      </label>
      <button type="submit" disabled={needsNote || needsBin} className="rounded-md bg-slate-800 px-3 py-1.5 text-white disabled:opacity-50">
        {kind === 'reject' ? 'Confirm reject' : 'Confirm override'}
      </button>
      <button type="button" onClick={onCancel} className="rounded-md border border-slate-300 px-3 py-1.5">
        Cancel
      </button>
    </form>
  );
}
