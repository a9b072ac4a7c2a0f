'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState, type ReactNode } from 'react';
import { unwrapAction } from '@/lib/action-result';
import type { ModelSummary } from '@/lib/server/ml/find-models';
import { rollbackModelAction } from '../actions';

const pct = (value: number | null) => (value === null ? '—' : `${(value * 100).toFixed(1)}%`);
const trainedAt = (model: ModelSummary) => model.createdAt.slice(0, 16).replace('T', ' ');
const trainingWindow = (model: ModelSummary) => `${model.trainingWindowStart?.slice(0, 10) ?? '—'} → ${model.trainingWindowEnd?.slice(0, 10) ?? '—'}`;

export function ModelVersions({ models, canRollback }: { models: ModelSummary[]; canRollback: boolean }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState<number | null>(null);
  const rollback = useMutation({
    mutationFn: (version: number) => unwrapAction(rollbackModelAction({ version })),
    onSuccess: () => {
      setConfirming(null);
      router.refresh();
    },
  });

  // One control for the table and the phone list, so both share the confirm state and the mutation.
  const rollbackControl = (version: number) =>
    confirming === version ? (
      <span className="flex gap-2">
        <button type="button" className="rounded bg-amber-600 px-2 py-1 text-xs font-medium text-white disabled:opacity-50" disabled={rollback.isPending} onClick={() => rollback.mutate(version)}>
          Confirm roll back to v{version}
        </button>
        <button type="button" className="rounded border border-slate-300 px-2 py-1 text-xs" onClick={() => setConfirming(null)}>
          Cancel
        </button>
      </span>
    ) : (
      <button type="button" className="rounded border border-slate-300 px-2 py-1 text-xs hover:bg-slate-50" onClick={() => setConfirming(version)}>
        Roll back to this model (v{version})
      </button>
    );

  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" aria-labelledby="model-versions-heading">
      <h2 id="model-versions-heading" className="text-sm font-semibold">
        Model versions
      </h2>
      <p className="text-xs text-slate-500">Every trained model is kept. A new one goes live only if it beats the active one on the same newest decisions.</p>
      {rollback.isSuccess ? (
        <p role="status" className="mt-2 text-sm text-emerald-700">
          Model v{rollback.data.activeVersion} is now active{rollback.data.previousVersion ? ` (was v${rollback.data.previousVersion})` : ''}. The change is recorded in the audit log.
        </p>
      ) : null}
      {rollback.isError ? (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {rollback.error.message}
        </p>
      ) : null}
      {models.length === 0 ? (
        <p className="mt-3 text-sm text-slate-500">No model has been trained yet.</p>
      ) : (
        <>
          {/* Below md the eleven columns would scroll sideways and hide the status and the rollback button. */}
          <div className="mt-3 md:hidden">
            <ModelVersionsList models={models} rollbackControl={canRollback ? rollbackControl : undefined} />
          </div>
          <div className="mt-3 hidden overflow-x-auto md:block">
            <table aria-label="Model versions" className="w-full text-left text-sm">
              <thead className="border-b border-slate-200 text-xs uppercase text-slate-500">
                <tr>
                  <th className="py-2 pr-3">Version</th>
                  <th className="py-2 pr-3">Trained</th>
                  <th className="py-2 pr-3">Training window</th>
                  <th className="py-2 pr-3 text-right">Decisions</th>
                  <th className="py-2 pr-3 text-right">Accuracy</th>
                  <th className="py-2 pr-3 text-right">Baseline</th>
                  <th className="py-2 pr-3 text-right">Balanced</th>
                  <th className="py-2 pr-3 text-right">AUC</th>
                  <th className="py-2 pr-3 text-right">Brier</th>
                  <th className="py-2 pr-3">Status</th>
                  {canRollback ? <th className="py-2">Action</th> : null}
                </tr>
              </thead>
              <tbody>
                {models.map((model) => (
                  <tr key={model.version} className="border-b border-slate-100 align-top" title={model.selectionReason ?? undefined}>
                    <td className="py-2 pr-3 font-medium">v{model.version}</td>
                    <td className="py-2 pr-3 tabular-nums">{trainedAt(model)}</td>
                    <td className="py-2 pr-3 tabular-nums">{trainingWindow(model)}</td>
                    <td className="py-2 pr-3 text-right tabular-nums">{model.sampleCount}</td>
                    <td className="py-2 pr-3 text-right tabular-nums">{pct(model.accuracy)}</td>
                    <td className="py-2 pr-3 text-right tabular-nums text-slate-500">{pct(model.baselineAccuracy)}</td>
                    <td className="py-2 pr-3 text-right tabular-nums">{pct(model.balancedAccuracy)}</td>
                    <td className="py-2 pr-3 text-right tabular-nums">{model.auc?.toFixed(3) ?? '—'}</td>
                    <td className="py-2 pr-3 text-right tabular-nums">{model.brier?.toFixed(4) ?? '—'}</td>
                    <td className="py-2 pr-3">
                      {model.isActive ? <span className="rounded bg-emerald-100 px-2 py-0.5 text-xs font-medium text-emerald-800">Active</span> : <span className="text-xs text-slate-500">Stored</span>}
                    </td>
                    {canRollback ? (
                      <td className="py-2">{model.isActive ? null : rollbackControl(model.version)}</td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

/** The phone layout of the versions table: one item per version, each column a labelled field, so status and rollback need no sideways scroll. */
function ModelVersionsList({ models, rollbackControl }: { models: ModelSummary[]; rollbackControl?: (version: number) => ReactNode }) {
  return (
    <ul aria-label="Model versions" className="space-y-3">
      {models.map((model) => (
        <li key={model.version} className="rounded-md border border-slate-200 p-3" title={model.selectionReason ?? undefined}>
          <h3 className="text-sm font-semibold">
            v{model.version} · {model.isActive ? <span className="text-emerald-700">active</span> : <span className="font-normal text-slate-500">stored</span>}
          </h3>
          <dl className="mt-2 grid grid-cols-2 gap-x-4 gap-y-1.5 text-xs">
            <Field label="Trained" wide>
              {trainedAt(model)}
            </Field>
            <Field label="Training window" wide>
              {trainingWindow(model)}
            </Field>
            <Field label="Decisions">{model.sampleCount}</Field>
            <Field label="Accuracy vs baseline">
              {pct(model.accuracy)} <span className="text-slate-500">vs {pct(model.baselineAccuracy)}</span>
            </Field>
            <Field label="Balanced accuracy">{pct(model.balancedAccuracy)}</Field>
            <Field label="AUC">{model.auc?.toFixed(3) ?? '—'}</Field>
            <Field label="Brier">{model.brier?.toFixed(4) ?? '—'}</Field>
          </dl>
          {rollbackControl && !model.isActive ? <div className="mt-3">{rollbackControl(model.version)}</div> : null}
        </li>
      ))}
    </ul>
  );
}

function Field({ label, wide = false, children }: { label: string; wide?: boolean; children: ReactNode }) {
  return (
    <div className={wide ? 'col-span-2' : undefined}>
      <dt className="text-slate-500">{label}</dt>
      <dd className="tabular-nums">{children}</dd>
    </div>
  );
}
