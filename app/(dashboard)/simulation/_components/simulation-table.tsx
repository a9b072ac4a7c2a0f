import { EVERY_UNIT_PLACED, notPlacedLines } from '@/lib/simulator/report';
import type { PolicyResult } from '@/lib/simulator/run';
import { feet, pct } from './format';

const HEADERS = [
  'Policy',
  'Pick travel (ft)',
  'Per order (ft)',
  'vs first-fit',
  'vs ABC',
  'vs first-fit, 2nd half',
  'vs ABC, 2nd half',
  'Band (end)',
  'Band (avg)',
  'Band after putaway',
  'From day-0 stock, 1st / 2nd half',
  'Bins used',
  'Not placed',
  'Short at pick',
  'Cross-dock hits',
  'Putaway travel (ft)',
];

/**
 * Every figure per policy. The second-half reductions leave out the days when orders are mostly
 * picked from the starting stock, which no policy placed; results stored before those fields
 * existed show a dash. "From day-0 stock" is the share of picked units that came from that stock.
 * Under the table, why each policy left units without a bin, in words (the cells stay numbers).
 */
export function SimulationTable({ policies }: { policies: readonly PolicyResult[] }) {
  const notPlaced = notPlacedLines({ policies });
  return (
    <div className="space-y-2">
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
        <table className="min-w-full text-sm">
          <caption className="sr-only">Results per policy</caption>
          <thead className="bg-slate-50 text-left text-xs uppercase text-slate-500">
            <tr>
              {HEADERS.map((header) => (
                <th key={header} scope="col" className="px-3 py-2 font-medium">
                  {header}
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
                <td className="whitespace-nowrap px-3 py-2">{feet.format(policy.pickTravel)}</td>
                <td className="whitespace-nowrap px-3 py-2">{feet.format(policy.pickTravelPerOrder)}</td>
                <td className="whitespace-nowrap px-3 py-2">{pct(policy.reductionVsFirstFit)}</td>
                <td className="whitespace-nowrap px-3 py-2">{pct(policy.reductionVsAbc)}</td>
                <td className="whitespace-nowrap px-3 py-2">{pct(policy.lateReductionVsFirstFit ?? null)}</td>
                <td className="whitespace-nowrap px-3 py-2">{pct(policy.lateReductionVsAbc ?? null)}</td>
                <td className="whitespace-nowrap px-3 py-2">{pct(policy.bandShareEnd * 100)}</td>
                <td className="whitespace-nowrap px-3 py-2">{pct(policy.bandShareAvg * 100)}</td>
                <td className="whitespace-nowrap px-3 py-2">{policy.bandShareAfterPutaway === undefined ? '—' : pct(policy.bandShareAfterPutaway * 100)}</td>
                <td className="whitespace-nowrap px-3 py-2">{policy.startStockPickShare ? `${pct(policy.startStockPickShare.firstHalf * 100)} / ${pct(policy.startStockPickShare.secondHalf * 100)}` : '—'}</td>
                <td className="whitespace-nowrap px-3 py-2">{feet.format(policy.binsUsedEnd)}</td>
                <td className="whitespace-nowrap px-3 py-2">{feet.format(policy.unitsNotPlaced)}</td>
                <td className="whitespace-nowrap px-3 py-2">{feet.format(policy.unitsShort)}</td>
                <td className="whitespace-nowrap px-3 py-2">{feet.format(policy.crossDockHits)}</td>
                <td className="whitespace-nowrap px-3 py-2">{feet.format(policy.putawayTravel)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {notPlaced.length > 0 ? (
        <div className="text-xs text-slate-600">
          <p className="font-medium">Units not placed, by reason</p>
          <ul aria-label="Units not placed, by reason" className="list-disc pl-5">
            {notPlaced.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="text-xs text-slate-600">{EVERY_UNIT_PLACED}</p>
      )}
    </div>
  );
}
