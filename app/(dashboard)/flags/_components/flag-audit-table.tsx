import type { FlagAuditEntry } from '@/lib/server/flags';
import { formatUtc } from './format';

const changedAt = (entry: FlagAuditEntry) => formatUtc(entry.changedAt);
const changedBy = (entry: FlagAuditEntry) => entry.changedBy ?? 'API token';

function Change({ entry }: { entry: FlagAuditEntry }) {
  return (
    <>
      {entry.oldValue ?? '—'} → <span className="font-semibold">{entry.newValue}</span>
    </>
  );
}

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
        <>
          {/* Below md the five columns would hide the change and the reason behind a sideways scroll. */}
          <ul aria-label="Audit log entries" className="divide-y divide-slate-100 md:hidden">
            {entries.map((entry) => (
              <li key={entry.id} className="space-y-1 px-4 py-3 text-sm">
                <p className="flex flex-wrap items-baseline justify-between gap-x-3 font-mono text-xs">
                  <span className="wrap-anywhere">{entry.flagKey}</span>
                  <span className="wrap-anywhere">
                    <Change entry={entry} />
                  </span>
                </p>
                <p className="text-slate-700 wrap-anywhere">{entry.reason}</p>
                <p className="text-xs text-slate-500">
                  <time dateTime={entry.changedAt} className="tabular-nums">
                    {changedAt(entry)} UTC
                  </time>{' '}
                  · {changedBy(entry)}
                </p>
              </li>
            ))}
          </ul>
          <div className="hidden overflow-x-auto md:block">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Audit log entries, newest first</caption>
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
                    <td className="whitespace-nowrap px-4 py-2 tabular-nums text-slate-600">{changedAt(entry)}</td>
                    <td className="px-4 py-2">{changedBy(entry)}</td>
                    <td className="px-4 py-2 font-mono text-xs">{entry.flagKey}</td>
                    <td className="whitespace-nowrap px-4 py-2 font-mono text-xs">
                      <Change entry={entry} />
                    </td>
                    <td className="px-4 py-2 text-slate-700">{entry.reason}</td>
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
