export function NoModelYet({ decisions, accepted, canTrain, storedModels }: { decisions: number; accepted: number; canTrain: boolean; storedModels: number }) {
  return (
    <div className="rounded-lg border border-dashed border-slate-300 bg-white p-6" role="status">
      <h2 className="text-lg font-semibold">No active model yet</h2>
      <p className="mt-2 max-w-3xl text-sm text-slate-600">
        Until a model is trained and activated, each recommendation&apos;s confidence comes from the heuristic (score margin and bin slack).
        {storedModels > 0 ? ` ${storedModels} model version(s) are stored but none is active: none beat the no-model baseline.` : ''}
      </p>
      <ol className="mt-3 list-decimal space-y-1 pl-5 text-sm text-slate-700">
        <li>
          Supervisors accept, reject or override recommendations in the review queue; each decision is recorded as feedback ({decisions} so far, {accepted} accepted).
        </li>
        <li>Training needs at least 50 decisions with both accepted and rejected ones (at least 5 of each in the older 80%).</li>
        <li>
          {canTrain ? 'Press “Train a new model” above, ' : 'Ops can start training from this page, '}or run <code className="rounded bg-slate-100 px-1">npm run -s ml:train -- --tenant &lt;code&gt;</code>. It also
          retrains every day.
        </li>
      </ol>
    </div>
  );
}
