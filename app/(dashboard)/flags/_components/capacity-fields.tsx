'use client';

import { useId } from 'react';
import { CAPACITY_FIELDS, CAPACITY_LABELS, formatPercent, fractionToPercent, type CapacityField, type CapacityRules } from '@/lib/schemas/capacity';

/** What each value means, under its input. */
export const CAPACITY_HINTS: Readonly<Record<CapacityField, string>> = {
  targetBandMin: 'Bins below this fill count as under-used; the engine prefers to top them up.',
  targetBandMax: 'The engine fills bins up to here first, and spreads units beyond it.',
  hardCap: 'No bin is filled past this, by volume or weight: when planning and when a supervisor accepts or overrides. 100% leaves no headroom.',
};

export type PercentDraft = Record<CapacityField, string>;

/** 0.95 → "95" for an input, without the % sign. */
export const percentText = (fraction: number) => String(fractionToPercent(fraction));

type FieldsProps = {
  draft: PercentDraft;
  defaults: CapacityRules;
  errors: Partial<Record<CapacityField, string>>;
  disabled: boolean;
  onChange: (field: CapacityField, value: string) => void;
};

/** The three values as percentage inputs, each with its default, meaning and error. */
export function CapacityFields({ draft, defaults, errors, disabled, onChange }: FieldsProps) {
  const id = useId();
  return (
    <div className="grid gap-4 sm:grid-cols-3">
      {CAPACITY_FIELDS.map((field) => {
        const inputId = `${id}-${field}`;
        const error = errors[field];
        return (
          <div key={field}>
            <label htmlFor={inputId} className="block text-sm font-medium">
              {CAPACITY_LABELS[field]} (%)
            </label>
            <div className="mt-1 flex items-center gap-1">
              <input
                id={inputId}
                type="number"
                inputMode="decimal"
                step="0.1"
                value={draft[field]}
                disabled={disabled}
                aria-invalid={error ? true : undefined}
                aria-describedby={`${inputId}-hint${error ? ` ${inputId}-error` : ''}`}
                onChange={(event) => onChange(field, event.target.value)}
                className={`w-24 rounded-md border px-2 py-1 text-sm tabular-nums ${error ? 'border-red-500' : 'border-slate-300'}`}
              />
              <span aria-hidden="true" className="text-sm text-slate-500">
                %
              </span>
            </div>
            <p id={`${inputId}-hint`} className="mt-1 text-xs text-slate-500">
              Default {formatPercent(defaults[field])}. {CAPACITY_HINTS[field]}
            </p>
            {error ? (
              <p id={`${inputId}-error`} role="alert" className="mt-1 text-xs font-medium text-red-700">
                {error}
              </p>
            ) : null}
          </div>
        );
      })}
    </div>
  );
}

/** Read-only: the three values as text, for roles without flags.write. */
export function CapacityValues({ rules, defaults }: { rules: CapacityRules; defaults: CapacityRules }) {
  return (
    <dl className="grid gap-4 sm:grid-cols-3">
      {CAPACITY_FIELDS.map((field) => (
        <div key={field}>
          <dt className="text-sm font-medium">{CAPACITY_LABELS[field]}</dt>
          <dd className="mt-1 font-mono text-lg font-semibold tabular-nums">{formatPercent(rules[field])}</dd>
          <dd className="mt-1 text-xs text-slate-500">
            Default {formatPercent(defaults[field])}. {CAPACITY_HINTS[field]}
          </dd>
        </div>
      ))}
    </dl>
  );
}
