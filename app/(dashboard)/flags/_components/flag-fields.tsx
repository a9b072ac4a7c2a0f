'use client';

import type { FlagSource } from '@/lib/schemas/flags';
import type { FlagSetting } from '@/lib/server/flags';
import { formatUtc } from './format';

// The pieces of one flag that the desktop row and the phone card both show, so the two layouts
// cannot drift apart: above all the change control, whose accessible name the e2e specs find it by.

const SOURCE_STYLE: Record<FlagSource, { label: string; className: string; hint: string }> = {
  env: { label: 'ConfigMap', className: 'bg-slate-100 text-slate-700', hint: 'The environment default (bin-optimization-config).' },
  tenant: { label: 'Tenant override', className: 'bg-indigo-100 text-indigo-800', hint: 'Set on this page for this tenant.' },
  fallback: { label: 'Safe fallback', className: 'bg-amber-100 text-amber-900', hint: 'The configured value is missing or invalid, so the safe value is used.' },
};

const isAlgorithm = (flag: FlagSetting) => flag.key === 'BIN_OPTIMIZATION_ALGORITHM';

export function EffectiveValue({ flag }: { flag: FlagSetting }) {
  const on = flag.effective === 'true';
  return (
    <span className={`rounded px-2 py-0.5 font-mono text-xs font-semibold ${isAlgorithm(flag) || on ? 'bg-emerald-100 text-emerald-800' : 'bg-slate-200 text-slate-700'}`}>
      {isAlgorithm(flag) ? flag.effective : on ? 'ON' : 'OFF'}
    </span>
  );
}

export function SourceBadge({ flag }: { flag: FlagSetting }) {
  const source = SOURCE_STYLE[flag.source];
  return (
    <span title={source.hint} className={`rounded px-2 py-0.5 text-xs ${source.className}`}>
      {source.label}
    </span>
  );
}

export function ConfigMapDefault({ flag }: { flag: FlagSetting }) {
  return flag.environmentDefault ?? <span className="italic text-slate-400">unset (safe: {flag.safeValue})</span>;
}

type ChangeControlProps = {
  flag: FlagSetting;
  algorithms: readonly string[];
  onRequestChange: (value: string) => void;
  /** A bigger target for a thumb (the phone card); the table keeps the compact one. */
  large?: boolean;
};

/** The toggle or the algorithm select, named "<label> (<KEY>)" in both layouts. */
export function ChangeControl({ flag, algorithms, onRequestChange, large = false }: ChangeControlProps) {
  const name = `${flag.label} (${flag.key})`;
  if (isAlgorithm(flag)) {
    return (
      <select
        aria-label={name}
        value={flag.effective}
        onChange={(event) => onRequestChange(event.target.value)}
        className={`rounded-md border border-slate-300 bg-white text-sm ${large ? 'px-3 py-2' : 'px-2 py-1'}`}
      >
        {algorithms.map((algorithm) => (
          <option key={algorithm} value={algorithm}>
            {algorithm}
          </option>
        ))}
      </select>
    );
  }
  const on = flag.effective === 'true';
  const [track, knob, shift] = large ? ['h-8 w-14', 'h-7 w-7', 'translate-x-6.5'] : ['h-6 w-11', 'h-5 w-5', 'translate-x-5'];
  return (
    <button
      type="button"
      role="switch"
      aria-checked={on}
      aria-label={name}
      onClick={() => onRequestChange(on ? 'false' : 'true')}
      className={`relative inline-flex shrink-0 items-center rounded-full transition ${track} ${on ? 'bg-emerald-600' : 'bg-slate-300'}`}
    >
      <span className={`inline-block rounded-full bg-white shadow transition ${knob} ${on ? shift : 'translate-x-0.5'}`} />
    </button>
  );
}

/** Who last pinned the flag for this tenant; read-only viewers also learn when nobody has. */
export function LastOverride({ flag, canWrite }: { flag: FlagSetting; canWrite: boolean }) {
  if (flag.override) {
    return (
      <p className="text-xs text-slate-500">
        Set by {flag.override.updatedBy ?? 'API token'}, {formatUtc(flag.override.updatedAt)}
      </p>
    );
  }
  return canWrite ? null : <p className="text-xs text-slate-400">none</p>;
}
