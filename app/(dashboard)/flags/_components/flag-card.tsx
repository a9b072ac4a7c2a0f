'use client';

import { useId } from 'react';
import type { FlagSetting } from '@/lib/server/flags';
import { ChangeControl, ConfigMapDefault, EffectiveValue, LastOverride, SourceBadge } from './flag-fields';

type Props = { flag: FlagSetting; canWrite: boolean; algorithms: readonly string[]; onRequestChange: (value: string) => void };

/**
 * One flag as a card: the phone layout below md, where the five table columns would push the
 * change control off-screen. The control sits beside the name, within a thumb's reach.
 */
export function FlagCard({ flag, canWrite, algorithms, onRequestChange }: Props) {
  const headingId = useId();
  return (
    <li aria-labelledby={headingId} className="p-4">
      <div className="flex items-start justify-between gap-3">
        <div className="min-w-0">
          <h3 id={headingId} className="font-medium">
            {flag.label}
          </h3>
          <p className="font-mono text-xs text-slate-500 wrap-anywhere">{flag.key}</p>
        </div>
        {canWrite ? <ChangeControl flag={flag} algorithms={algorithms} onRequestChange={onRequestChange} large /> : null}
      </div>
      <dl className="mt-3 grid grid-cols-2 gap-x-4 gap-y-2 text-xs">
        <div>
          <dt className="text-slate-500">Effective value</dt>
          <dd className="mt-0.5">
            <EffectiveValue flag={flag} />
          </dd>
        </div>
        <div>
          <dt className="text-slate-500">Source</dt>
          <dd className="mt-0.5">
            <SourceBadge flag={flag} />
          </dd>
        </div>
        <div className="col-span-2">
          <dt className="text-slate-500">ConfigMap default</dt>
          <dd className="mt-0.5 font-mono text-slate-600">
            <ConfigMapDefault flag={flag} />
          </dd>
        </div>
        {canWrite && !flag.override ? null : (
          <div className="col-span-2">
            <dt className="text-slate-500">Last override</dt>
            <dd className="mt-0.5">
              <LastOverride flag={flag} canWrite={canWrite} />
            </dd>
          </div>
        )}
      </dl>
    </li>
  );
}
