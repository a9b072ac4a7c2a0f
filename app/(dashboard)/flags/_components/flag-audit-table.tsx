import type { FlagAuditEntry } from '@/lib/server/flags';

const when = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

/** Who changed which flag, when, from what to what, and why: newest first. */
export function FlagAuditTable({ entries }: { entries: FlagAuditEntry[] }) {
  return (
    <section aria-labelledby="flag-audit-heading" className="rounded-lg border border-slate-200 bg-white shadow-sm">
      <h2 id="flag-audit-heading" className="border-b border-slate-200 px-4 py-3 text-lg font-semibold">
        Audit log
      </h2>
      {entries.length === 0 ? (
        <p className="px-4 py-6 text-sm text-slate-500">No flag has been changed for this tenant yet: every flag uses its ConfigMap default.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead className="bg-slate-50 text-xs uppercase text-slate-500">
              <tr>
                <th scope="col" className="px-4 py-2">When (UTC)</th>
                <th scope="col" className="px-4 py-2">Who</th>
                <th scope="col" className="px-4 py-2">Flag</th>
                <th scope="col" className="px-4 py-2">Change</th>
                <th scope="col" className="px-4 py-2">Why</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {entries.map((entry) => (
                <tr key={entry.id}>
                  <td className="whitespace-nowrap px-4 py-2 tabular-nums text-slate-600">{when.format(new Date(entry.changedAt))}</td>
                  <td className="px-4 py-2">{entry.changedBy ?? 'API token'}</td>
                  <td className="px-4 py-2 font-mono text-xs">{entry.flagKey}</td>
                  <td className="whitespace-nowrap px-4 py-2 font-mono text-xs">
                    {entry.oldValue ?? '—'} → <span className="font-semibold">{entry.newValue}</span>
                  </td>
                  <td className="px-4 py-2 text-slate-700">{entry.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
