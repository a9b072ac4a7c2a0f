'use client';

import type { FlagSetting } from '@/lib/server/flags';
import { ChangeControl, ConfigMapDefault, EffectiveValue, LastOverride, SourceBadge } from './flag-fields';

type Props = { flag: FlagSetting; canWrite: boolean; algorithms: readonly string[]; onRequestChange: (value: string) => void };

/** One flag as a table row: the layout from md (768 px) up. */
export function FlagRow({ flag, canWrite, algorithms, onRequestChange }: Props) {
  return (
    <tr>
      <th scope="row" className="px-4 py-3 text-left font-normal">
        <span className="block font-medium">{flag.label}</span>
        <span className="font-mono text-xs text-slate-500">{flag.key}</span>
      </th>
      <td className="px-4 py-3">
        <EffectiveValue flag={flag} />
      </td>
      <td className="px-4 py-3">
        <SourceBadge flag={flag} />
      </td>
      <td className="px-4 py-3 font-mono text-xs text-slate-600">
        <ConfigMapDefault flag={flag} />
      </td>
      <td className="space-y-1 px-4 py-3">
        {canWrite ? <ChangeControl flag={flag} algorithms={algorithms} onRequestChange={onRequestChange} /> : null}
        <LastOverride flag={flag} canWrite={canWrite} />
      </td>
    </tr>
  );
}
