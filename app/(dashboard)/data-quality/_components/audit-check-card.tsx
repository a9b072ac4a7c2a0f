import type { AuditCheckResult } from '@/lib/server/audit/get-data-quality-audit';

/** One audit check: count against its threshold, the query, and its offending rows. */
export function AuditCheckCard({ check }: { check: AuditCheckResult }) {
  const badge = check.passed ? 'bg-green-100 text-green-800' : check.severity === 'CRITICAL' ? 'bg-red-100 text-red-800' : 'bg-amber-100 text-amber-800';
  return (
    <article aria-labelledby={`check-${check.key}`} className="rounded-lg border border-slate-200 bg-white p-4">
      <div className="flex flex-wrap items-baseline gap-3">
        <h2 id={`check-${check.key}`} className="text-base font-semibold">{check.title}</h2>
        <span className={`rounded px-2 py-0.5 text-xs font-semibold ${badge}`}>{check.passed ? 'PASS' : check.severity}</span>
        <span className="text-2xl font-semibold tabular-nums">{check.count}</span>
        <span className="text-sm text-slate-500">expected {check.thresholdLabel}</span>
        {check.count > 0 ? (
          <a className="ml-auto text-sm text-indigo-700 underline" href={`/api/data-quality/csv?check=${check.key}`} download>
            CSV
          </a>
        ) : null}
      </div>
      <p className="mt-1 text-sm text-slate-600">{check.consequence}</p>
      <pre className="mt-2 overflow-x-auto rounded bg-slate-50 p-2 text-xs text-slate-700">{check.sql}</pre>
      {check.rows.length > 0 ? (
        <div className="mt-3 overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead className="text-xs text-slate-500">
              <tr>
                <th className="py-1">{check.rows[0]?.entity === 'location' ? 'Bin' : check.rows[0]?.entity === 'lot' ? 'Lot' : 'SKU'}</th>
                <th>Description</th>
                <th>Detail</th>
              </tr>
            </thead>
            <tbody>
              {check.rows.map((row) => (
                <tr key={row.id} className="border-t border-slate-100">
                  <td className="py-1 font-mono text-xs">{row.code}</td>
                  <td>{row.description}</td>
                  <td className="text-slate-600">{row.detail}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {check.count > check.rows.length ? <p className="mt-2 text-xs text-slate-500">Showing {check.rows.length} of {check.count}; the CSV has them all.</p> : null}
    </article>
  );
}
