'use client';

import { useEffect, useId, useRef, useState } from 'react';

export type ChangeLine = { label: string; flagKey: string; from: string; to: string };

/** What a flag change affects; the capacity rules say their own (they also govern accepts and overrides). */
export const FLAG_CHANGE_EFFECT = 'For this tenant only. The next putaway batch uses the new values, on every replica.';

type Props = {
  title: string;
  /** One sentence on who and what the change affects, shown under the title. */
  effect: string;
  changes: ChangeLine[];
  confirmLabel: string;
  pending: boolean;
  error: string | null;
  onConfirm: (reason: string) => void;
  onCancel: () => void;
};

const MIN_REASON = 5;

/**
 * Says exactly what will change before it changes, and will not confirm without a reason
 * (the reason goes to the audit log). Escape or Cancel closes it without a change.
 */
export function ConfirmChangeDialog({ title, effect, changes, confirmLabel, pending, error, onConfirm, onCancel }: Props) {
  const [reason, setReason] = useState('');
  const titleId = useId();
  const reasonId = useId();
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const valid = reason.trim().length >= MIN_REASON;

  useEffect(() => {
    reasonRef.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !pending) onCancel();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onCancel, pending]);

  // On a phone the panel takes the screen's width less a margin, and scrolls itself when the
  // keyboard or a five-line rollback leaves it taller than the screen.
  return (
    <div className="fixed inset-0 z-50 flex items-center justify-center bg-slate-900/40 p-3 sm:p-4">
      <div role="dialog" aria-modal="true" aria-labelledby={titleId} className="max-h-full w-full max-w-lg overflow-y-auto rounded-lg bg-white p-4 shadow-xl sm:p-6">
        <h2 id={titleId} className="text-lg font-semibold">
          {title}
        </h2>
        <p className="mt-2 text-sm text-slate-600">{effect}</p>
        <ul className="mt-3 space-y-1 rounded-md bg-slate-50 p-3 text-sm" aria-label="Changes">
          {changes.map((change) => (
            <li key={change.flagKey} className="wrap-anywhere">
              <span className="font-medium">{change.label}</span> <span className="font-mono text-xs text-slate-500">({change.flagKey})</span>:{' '}
              <span className="whitespace-nowrap">
                <span className="font-mono">{change.from}</span> → <span className="font-mono font-semibold">{change.to}</span>
              </span>
            </li>
          ))}
        </ul>
        <form
          className="mt-4 space-y-3"
          onSubmit={(event) => {
            event.preventDefault();
            if (valid && !pending) onConfirm(reason.trim());
          }}
        >
          <label htmlFor={reasonId} className="block text-sm font-medium">
            Reason (required, recorded in the audit log)
          </label>
          <textarea
            id={reasonId}
            ref={reasonRef}
            required
            minLength={MIN_REASON}
            maxLength={500}
            rows={3}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            className="w-full rounded-md border border-slate-300 p-2 text-sm focus:border-indigo-500 focus:outline-none"
            placeholder="e.g. ML accuracy below 70% since the last retraining"
          />
          {!valid && reason.length > 0 ? <p className="text-xs text-amber-700">Give at least {MIN_REASON} characters.</p> : null}
          {error ? (
            <p role="alert" className="rounded-md bg-red-50 p-2 text-sm text-red-700">
              {error}
            </p>
          ) : null}
          <div className="flex flex-wrap justify-end gap-2 pt-2">
            <button type="button" onClick={onCancel} disabled={pending} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm">
              Cancel
            </button>
            <button type="submit" disabled={!valid || pending} className="rounded-md bg-indigo-700 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-50">
              {pending ? 'Saving…' : confirmLabel}
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}
