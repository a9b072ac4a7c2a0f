import type { ConfusionMatrix } from '@/lib/ml/metrics';

/** The held-out confusion matrix at the 0.5 threshold; positive = the supervisor accepted. */
export function ConfusionMatrixTable({ confusion, version }: { confusion: ConfusionMatrix | null; version: number }) {
  if (!confusion) return <p className="text-sm text-slate-500">No confusion matrix stored for model v{version}.</p>;
  const total = confusion.truePositive + confusion.falsePositive + confusion.trueNegative + confusion.falseNegative;
  const share = (n: number) => (total ? `${((n / total) * 100).toFixed(1)}%` : '—');
  const cell = (n: number, good: boolean) => (
    <td className={`border border-slate-200 px-4 py-3 text-center tabular-nums ${good ? 'bg-emerald-50 text-emerald-900' : 'bg-rose-50 text-rose-900'}`}>
      <span className="block text-lg font-semibold">{n}</span>
      <span className="text-xs">{share(n)}</span>
    </td>
  );
  return (
    <figure className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <figcaption className="mb-3">
        <p className="text-sm font-semibold">Confusion matrix (model v{version})</p>
        <p className="text-xs text-slate-500">held-out decisions; predicted “accept” when confidence ≥ 50%</p>
      </figcaption>
      <div className="overflow-x-auto">
        <table className="w-full border-collapse text-sm" aria-label="Confusion matrix">
          <thead>
            <tr>
              <th className="p-2" />
              <th scope="col" className="p-2 font-medium text-slate-600">Predicted accept</th>
              <th scope="col" className="p-2 font-medium text-slate-600">Predicted reject</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row" className="p-2 text-left font-medium text-slate-600">Supervisor accepted</th>
              {cell(confusion.truePositive, true)}
              {cell(confusion.falseNegative, false)}
            </tr>
            <tr>
              <th scope="row" className="p-2 text-left font-medium text-slate-600">Supervisor rejected</th>
              {cell(confusion.falsePositive, false)}
              {cell(confusion.trueNegative, true)}
            </tr>
          </tbody>
        </table>
      </div>
    </figure>
  );
}
