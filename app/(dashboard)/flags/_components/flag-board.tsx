'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { unwrapAction } from '@/lib/action-result';
import { ALGORITHMS, SAFE_FLAG_VALUES, type FlagKey } from '@/lib/schemas/flags';
import type { FlagSetting, FlagUpdateResult } from '@/lib/server/flags';
import { rollbackFlagsAction, setFlagAction } from '../actions';
import { ConfirmChangeDialog, FLAG_CHANGE_EFFECT, type ChangeLine } from './confirm-change-dialog';
import { FlagCard } from './flag-card';
import { FlagRow } from './flag-row';

type Pending = { kind: 'set'; key: FlagKey; value: string; changes: ChangeLine[] } | { kind: 'rollback'; changes: ChangeLine[] };

function describeChanges({ changes }: FlagUpdateResult): string {
  if (changes.length === 0) return 'Nothing changed: those values were already set for this tenant.';
  const changed = changes.filter((change) => change.from !== change.to).map((change) => `${change.key} ${change.from} → ${change.to}`);
  const pinned = changes.filter((change) => change.from === change.to).map((change) => change.key);
  return [changed.length ? `Saved: ${changed.join(', ')}.` : 'Saved.', pinned.length ? `Pinned for this tenant at their current value: ${pinned.join(', ')}.` : '']
    .filter(Boolean)
    .join(' ');
}

/** The flags with their effective value and source; ops change them through a confirmation. */
export function FlagBoard({ flags, problems, canWrite }: { flags: FlagSetting[]; problems: string[]; canWrite: boolean }) {
  const router = useRouter();
  const [pending, setPending] = useState<Pending | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const mutation = useMutation({
    mutationFn: (input: { pending: Pending; reason: string }) =>
      input.pending.kind === 'set'
        ? unwrapAction(setFlagAction({ flagKey: input.pending.key, value: input.pending.value, reason: input.reason }))
        : unwrapAction(rollbackFlagsAction({ reason: input.reason })),
    onSuccess: (result) => {
      setPending(null);
      setNotice(describeChanges(result));
      router.refresh();
    },
  });

  const open = (next: Pending) => {
    mutation.reset();
    setNotice(null);
    setPending(next);
  };

  const requestChange = (flag: FlagSetting, value: string) => {
    if (value === flag.effective) return;
    open({ kind: 'set', key: flag.key, value, changes: [{ label: flag.label, flagKey: flag.key, from: flag.effective, to: value }] });
  };

  const rollbackChanges: ChangeLine[] = flags.map((flag) => ({ label: flag.label, flagKey: flag.key, from: flag.effective, to: SAFE_FLAG_VALUES[flag.key] }));
  const alreadySafe = flags.every((flag) => flag.effective === SAFE_FLAG_VALUES[flag.key] && flag.source === 'tenant');

  return (
    <div className="space-y-4">
      {problems.length > 0 ? (
        <div role="status" aria-label="Flag problems" className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900">
          <p className="font-medium">Using safe values for some flags (also reported by the health check):</p>
          <ul className="mt-1 list-disc pl-5">
            {problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {notice ? (
        <p role="status" className="rounded-md bg-emerald-50 p-3 text-sm text-emerald-800">
          {notice}
        </p>
      ) : null}

      {/* Below md the five columns would push Source, the default and the change control off a phone's screen. */}
      <ul aria-label="Feature flags" className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white shadow-sm md:hidden">
        {flags.map((flag) => (
          <FlagCard key={flag.key} flag={flag} canWrite={canWrite} algorithms={ALGORITHMS} onRequestChange={(value) => requestChange(flag, value)} />
        ))}
      </ul>
      <div className="hidden overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm md:block">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Feature flags, their effective values and sources</caption>
          <thead className="bg-slate-50 text-xs uppercase text-slate-500">
            <tr>
              <th scope="col" className="px-4 py-2">Flag</th>
              <th scope="col" className="px-4 py-2">Effective value</th>
              <th scope="col" className="px-4 py-2">Source</th>
              <th scope="col" className="px-4 py-2">ConfigMap default</th>
              <th scope="col" className="px-4 py-2">{canWrite ? 'Change' : 'Last override'}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {flags.map((flag) => (
              <FlagRow key={flag.key} flag={flag} canWrite={canWrite} algorithms={ALGORITHMS} onRequestChange={(value) => requestChange(flag, value)} />
            ))}
          </tbody>
        </table>
      </div>

      {canWrite ? (
        <div className="flex flex-wrap items-center gap-3 rounded-lg border border-red-200 bg-red-50 p-4">
          <div className="min-w-60 flex-1 text-sm text-red-900">
            <p className="font-medium">Partial rollback</p>
            <p>FFD packing with SKU affinity, cross-dock, congestion avoidance and the ML model off. The cache and scheduler keep running.</p>
          </div>
          <button
            type="button"
            onClick={() => open({ kind: 'rollback', changes: rollbackChanges })}
            disabled={alreadySafe}
            className="rounded-md bg-red-700 px-3 py-2 text-sm font-medium text-white disabled:opacity-50"
          >
            Roll back to safe defaults
          </button>
        </div>
      ) : (
        <p className="text-sm text-slate-500">You can view the flags. Changing them needs the flags.write permission (ops).</p>
      )}

      {pending ? (
        <ConfirmChangeDialog
          title={pending.kind === 'rollback' ? 'Roll back to safe defaults?' : `Change ${pending.changes[0]!.label}?`}
          effect={FLAG_CHANGE_EFFECT}
          changes={pending.changes}
          confirmLabel={pending.kind === 'rollback' ? 'Roll back' : 'Apply change'}
          pending={mutation.isPending}
          error={mutation.error ? mutation.error.message : null}
          onCancel={() => setPending(null)}
          onConfirm={(reason) => mutation.mutate({ pending, reason })}
        />
      ) : null}
    </div>
  );
}
