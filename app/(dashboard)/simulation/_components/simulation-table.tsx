import type { ReactNode } from 'react';
import { EVERY_UNIT_PLACED, notPlacedLines } from '@/lib/simulator/report';
import type { PolicyResult } from '@/lib/simulator/run';
import { feet, pct } from './format';

type Column = { header: string; cell: (policy: PolicyResult) => string };

/**
 * Walking per policy. The second-half reductions leave out the days when orders are mostly picked
 * from the starting stock, which no policy placed; results stored before those fields existed show
 * a dash. "From day-0 stock" is the share of picked units that came from that stock.
 */
const WALKING: readonly Column[] = [
  { header: 'Pick travel (ft)', cell: (p) => feet.format(p.pickTravel) },
  { header: 'Per order (ft)', cell: (p) => feet.format(p.pickTravelPerOrder) },
  { header: 'vs first-fit', cell: (p) => pct(p.reductionVsFirstFit) },
  { header: 'vs ABC', cell: (p) => pct(p.reductionVsAbc) },
  { header: 'vs first-fit, 2nd half', cell: (p) => pct(p.lateReductionVsFirstFit ?? null) },
  { header: 'vs ABC, 2nd half', cell: (p) => pct(p.lateReductionVsAbc ?? null) },
  { header: 'From day-0 stock, 1st / 2nd half', cell: (p) => (p.startStockPickShare ? `${pct(p.startStockPickShare.firstHalf * 100)} / ${pct(p.startStockPickShare.secondHalf * 100)}` : '—') },
  { header: 'Putaway travel (ft)', cell: (p) => feet.format(p.putawayTravel) },
];

/** Bins and units per policy: the band shares, what was left without a bin, short at pick or cross-docked. */
const BINS: readonly Column[] = [
  { header: 'Band (end)', cell: (p) => pct(p.bandShareEnd * 100) },
  { header: 'Band (avg)', cell: (p) => pct(p.bandShareAvg * 100) },
  { header: 'Band after putaway', cell: (p) => (p.bandShareAfterPutaway === undefined ? '—' : pct(p.bandShareAfterPutaway * 100)) },
  { header: 'Bins used', cell: (p) => feet.format(p.binsUsedEnd) },
  { header: 'Not placed', cell: (p) => feet.format(p.unitsNotPlaced) },
  { header: 'Short at pick', cell: (p) => feet.format(p.unitsShort) },
  { header: 'Cross-dock hits', cell: (p) => feet.format(p.crossDockHits) },
];

/**
 * One table per question, each a row per policy, so neither scrolls sideways on a laptop screen
 * (sixteen columns in one table did at 1280 px). The caption names the table for screen readers
 * and for the eye.
 */
function PolicyTable({ caption, columns, policies, children }: { caption: string; columns: readonly Column[]; policies: readonly PolicyResult[]; children?: ReactNode }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="min-w-full text-sm">
        <caption className="px-3 pt-3 text-left text-sm font-semibold text-slate-700">{caption}</caption>
        <thead className="bg-slate-50 text-left text-xs uppercase text-slate-500">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">
              Policy
            </th>
            {columns.map((column) => (
              <th key={column.header} scope="col" className="px-3 py-2 font-medium">
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 tabular-nums">
          {policies.map((policy) => (
            <tr key={policy.policy}>
              <th scope="row" className="whitespace-nowrap px-3 py-2 text-left font-medium">
                {policy.policy}
              </th>
              {columns.map((column) => (
                <td key={column.header} className="whitespace-nowrap px-3 py-2">
                  {column.cell(policy)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {children}
    </div>
  );
}

/** Every figure per policy, in two tables; under the bins table, why each policy left units without a bin, in words (the cells stay numbers). */
export function SimulationTable({ policies }: { policies: readonly PolicyResult[] }) {
  const notPlaced = notPlacedLines({ policies });
  return (
    <div className="space-y-4">
      <PolicyTable caption="Walking per policy" columns={WALKING} policies={policies} />
      <PolicyTable caption="Bins per policy" columns={BINS} policies={policies}>
        <div className="border-t border-slate-100 px-3 py-2 text-xs text-slate-600">
          {notPlaced.length > 0 ? (
            <>
              <p className="font-medium">Units not placed, by reason</p>
              <ul aria-label="Units not placed, by reason" className="list-disc pl-5">
                {notPlaced.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </>
          ) : (
            <p>{EVERY_UNIT_PLACED}</p>
          )}
        </div>
      </PolicyTable>
    </div>
  );
}
