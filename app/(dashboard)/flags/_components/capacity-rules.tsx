'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import {
  CAPACITY_AUDIT_KEYS,
  CAPACITY_FIELDS,
  CAPACITY_LABELS,
  formatPercent,
  percentToFraction,
  ZCapacityRules,
  type CapacityField,
  type CapacityRules as Rules,
} from '@/lib/schemas/capacity';
import { unwrapAction } from '@/lib/action-result';
import type { CapacitySettings, CapacityUpdateResult } from '@/lib/server/capacity';
import { setCapacityAction } from '../actions';
import { CapacityFields, CapacityValues, percentText, type PercentDraft } from './capacity-fields';
import { ConfirmChangeDialog, type ChangeLine } from './confirm-change-dialog';
import { formatUtc } from './format';

const draftOf = (rules: Rules): PercentDraft => ({
  targetBandMin: percentText(rules.targetBandMin),
  targetBandMax: percentText(rules.targetBandMax),
  hardCap: percentText(rules.hardCap),
});

// An empty box is "not a number", not 0 %: the message then says so.
const fractionOf = (text: string) => (text.trim() === '' ? Number.NaN : percentToFraction(Number(text)));

/** The draft as rules, or the first message for each field that breaks them (the server's own schema). */
function check(draft: PercentDraft): { rules: Rules } | { errors: Partial<Record<CapacityField, string>> } {
  const parsed = ZCapacityRules.safeParse({ targetBandMin: fractionOf(draft.targetBandMin), targetBandMax: fractionOf(draft.targetBandMax), hardCap: fractionOf(draft.hardCap) });
  if (parsed.success) return { rules: parsed.data };
  const errors: Partial<Record<CapacityField, string>> = {};
  for (const issue of parsed.error.issues) errors[issue.path[0] as CapacityField] ??= issue.message;
  return { errors };
}

function describe({ changes }: CapacityUpdateResult): string {
  if (!changes.length) return 'Nothing changed: those were already the rules for this tenant.';
  return `Saved: ${changes.map((change) => `${CAPACITY_LABELS[change.field]} ${formatPercent(change.from)} → ${formatPercent(change.to)}`).join(', ')}.`;
}

/**
 * What a capacity change affects: unlike a flag, the hard cap also governs every accept and
 * override (re-checked at write time), so the confirmation says so when the cap changes.
 */
function effectOf(rules: Rules, current: Rules): string {
  if (rules.hardCap !== current.hardCap) {
    return 'For this tenant only. The next putaway batch uses the new values, and every accept and override is checked against the new hard cap, on every replica.';
  }
  return `For this tenant only. The next putaway batch uses the new values, on every replica; accepts and overrides are still checked against the hard cap of ${formatPercent(current.hardCap)}.`;
}

/**
 * The tenant's target band and hard cap. Ops and admins edit them as percentages; a change is
 * checked here with the server's schema, then stated in a confirmation that needs a reason.
 * Everyone else with flags.read sees them read-only.
 */
export function CapacityRules({ settings, canWrite, tenantName }: { settings: CapacitySettings; canWrite: boolean; tenantName: string }) {
  const router = useRouter();
  const [draft, setDraft] = useState<PercentDraft>(() => draftOf(settings.effective));
  const [errors, setErrors] = useState<Partial<Record<CapacityField, string>>>({});
  const [pending, setPending] = useState<{ rules: Rules; changes: ChangeLine[] } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const mutation = useMutation({
    mutationFn: (input: { rules: Rules; reason: string }) => unwrapAction(setCapacityAction({ ...input.rules, reason: input.reason })),
    onSuccess: (result) => {
      setPending(null);
      setDraft(draftOf(result.effective));
      setNotice(describe(result));
      router.refresh();
    },
  });

  const unchanged = CAPACITY_FIELDS.every((field) => fractionOf(draft[field]) === settings.effective[field]);

  const review = () => {
    setNotice(null);
    const outcome = check(draft);
    if ('errors' in outcome) {
      setErrors(outcome.errors);
      return;
    }
    setErrors({});
    const changes = CAPACITY_FIELDS.filter((field) => outcome.rules[field] !== settings.effective[field]).map((field) => ({
      label: CAPACITY_LABELS[field],
      flagKey: CAPACITY_AUDIT_KEYS[field],
      from: formatPercent(settings.effective[field]),
      to: formatPercent(outcome.rules[field]),
    }));
    if (!changes.length) return;
    mutation.reset();
    setPending({ rules: outcome.rules, changes });
  };

  return (
    <section aria-labelledby="capacity-heading" className="rounded-lg border border-slate-200 bg-white shadow-sm">
      <div className="border-b border-slate-200 px-4 py-3">
        <h2 id="capacity-heading" className="text-lg font-semibold">
          Capacity rules
        </h2>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">
          How full the putaway engine may fill a bin, for {tenantName} only. The next batch is planned with these values and every accept or override is
          checked against the hard cap, on every replica, without a restart.
        </p>
        <p className="mt-1 text-xs text-slate-500">
          {settings.updated
            ? `Set for this tenant by ${settings.updated.by ?? 'API token'}, ${formatUtc(settings.updated.at)} (UTC).`
            : 'No rules set for this tenant: the engine defaults apply.'}
        </p>
      </div>
      <div className="space-y-4 p-4">
        {notice ? (
          <p role="status" className="rounded-md bg-emerald-50 p-3 text-sm text-emerald-800">
            {notice}
          </p>
        ) : null}
        {canWrite ? (
          <form
            noValidate
            className="space-y-4"
            onSubmit={(event) => {
              event.preventDefault();
              review();
            }}
          >
            <CapacityFields
              draft={draft}
              defaults={settings.defaults}
              errors={errors}
              disabled={mutation.isPending}
              onChange={(field, value) => {
                setDraft((current) => ({ ...current, [field]: value }));
                setErrors((current) => ({ ...current, [field]: undefined }));
              }}
            />
            <div className="flex flex-wrap gap-2">
              <button type="submit" disabled={unchanged || mutation.isPending} className="rounded-md bg-indigo-700 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-50">
                Review change
              </button>
              <button
                type="button"
                disabled={unchanged || mutation.isPending}
                onClick={() => {
                  setDraft(draftOf(settings.effective));
                  setErrors({});
                }}
                className="rounded-md border border-slate-300 px-3 py-1.5 text-sm disabled:opacity-50"
              >
                Undo edits
              </button>
            </div>
          </form>
        ) : (
          <>
            <CapacityValues rules={settings.effective} defaults={settings.defaults} />
            <p className="text-sm text-slate-500">Read-only: only ops and admins (the flags.write permission) can change the capacity rules.</p>
          </>
        )}
      </div>
      {pending ? (
        <ConfirmChangeDialog
          title="Change the capacity rules?"
          effect={effectOf(pending.rules, settings.effective)}
          changes={pending.changes}
          confirmLabel="Apply change"
          pending={mutation.isPending}
          error={mutation.error ? mutation.error.message : null}
          onCancel={() => setPending(null)}
          onConfirm={(reason) => mutation.mutate({ rules: pending.rules, reason })}
        />
      ) : null}
    </section>
  );
}
