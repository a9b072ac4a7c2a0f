'use client';

import type { FlagSource } from '@/lib/schemas/flags';
import type { FlagSetting } from '@/lib/server/flags';

const SOURCE_STYLE: Record<FlagSource, { label: string; className: string; hint: string }> = {
  env: { label: 'ConfigMap', className: 'bg-slate-100 text-slate-700', hint: 'The environment default (bin-optimization-config).' },
  tenant: { label: 'Tenant override', className: 'bg-indigo-100 text-indigo-800', hint: 'Set on this page for this tenant.' },
  fallback: { label: 'Safe fallback', className: 'bg-amber-100 text-amber-900', hint: 'The configured value is missing or invalid, so the safe value is used.' },
};

const when = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

type Props = { flag: FlagSetting; canWrite: boolean; algorithms: readonly string[]; onRequestChange: (value: string) => void };

export function FlagRow({ flag, canWrite, algorithms, onRequestChange }: Props) {
  const source = SOURCE_STYLE[flag.source];
  const isAlgorithm = flag.key === 'BIN_OPTIMIZATION_ALGORITHM';
  const on = flag.effective === 'true';
  return (
    <tr>
      <th scope="row" className="px-4 py-3 text-left font-normal">
        <span className="block font-medium">{flag.label}</span>
        <span className="font-mono text-xs text-slate-500">{flag.key}</span>
      </th>
      <td className="px-4 py-3">
        <span className={`rounded px-2 py-0.5 font-mono text-xs font-semibold ${isAlgorithm || on ? 'bg-emerald-100 text-emerald-800' : 'bg-slate-200 text-slate-700'}`}>
          {isAlgorithm ? flag.effective : on ? 'ON' : 'OFF'}
        </span>
      </td>
      <td className="px-4 py-3">
        <span title={source.hint} className={`rounded px-2 py-0.5 text-xs ${source.className}`}>
          {source.label}
        </span>
      </td>
      <td className="px-4 py-3 font-mono text-xs text-slate-600">{flag.environmentDefault ?? <span className="italic text-slate-400">unset (safe: {flag.safeValue})</span>}</td>
      <td className="px-4 py-3">
        {canWrite ? (
          isAlgorithm ? (
            <select
              aria-label={`${flag.label} (${flag.key})`}
              value={flag.effective}
              onChange={(event) => onRequestChange(event.target.value)}
              className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
            >
              {algorithms.map((algorithm) => (
                <option key={algorithm} value={algorithm}>
                  {algorithm}
                </option>
              ))}
            </select>
          ) : (
            <button
              type="button"
              role="switch"
              aria-checked={on}
              aria-label={`${flag.label} (${flag.key})`}
              onClick={() => onRequestChange(on ? 'false' : 'true')}
              className={`relative inline-flex h-6 w-11 items-center rounded-full transition ${on ? 'bg-emerald-600' : 'bg-slate-300'}`}
            >
              <span className={`inline-block h-5 w-5 rounded-full bg-white shadow transition ${on ? 'translate-x-5' : 'translate-x-0.5'}`} />
            </button>
          )
        ) : null}
        {flag.override ? (
          <p className="mt-1 text-xs text-slate-500">
            Set by {flag.override.updatedBy ?? 'API token'}, {when.format(new Date(flag.override.updatedAt))}
          </p>
        ) : canWrite ? null : (
          <p className="text-xs text-slate-400">none</p>
        )}
      </td>
    </tr>
  );
}
