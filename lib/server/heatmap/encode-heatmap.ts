import 'server-only';
import type { BinStatus, HeatmapPayload } from './types';

export type HeatmapRow = {
  code: string;
  zoneCode: string;
  aisle: string;
  bay: number;
  level: number;
  utilizationPct: number | null;
  weightPct: number | null;
  status: BinStatus;
  abcClasses: string;
  skus: string[];
  lastMovementAt: Date | null;
};

const STATUS_CHAR: Record<BinStatus, string> = { UNDER: 'U', OPTIMAL: 'O', OVER: 'V', INVALID: 'I' };
const ABC_BIT: Record<string, number> = { A: 1, B: 2, C: 4 };

const tenths = (pct: number | null) => (pct === null || !Number.isFinite(pct) ? -1 : Math.max(0, Math.round(pct * 10)));

/** Rows (any order) to the compact column payload. Pure, so it is unit-tested and benchmarked alone. */
export function encodeHeatmap(rows: HeatmapRow[], zones: { code: string; name: string }[], source: HeatmapPayload['source'], now: Date): HeatmapPayload {
  const zoneIndex = new Map(zones.map((z, i) => [z.code, i]));
  const aisles: string[] = [];
  const aisleIndex = new Map<string, number>();
  const skus: string[] = [];
  const skuIndex = new Map<string, number>();
  const intern = (value: string, list: string[], index: Map<string, number>) => {
    let i = index.get(value);
    if (i === undefined) {
      i = list.length;
      list.push(value);
      index.set(value, i);
    }
    return i;
  };
  const bins: HeatmapPayload['bins'] = { code: [], zone: [], aisle: [], bay: [], level: [], fill: [], weight: [], status: '', abc: '', skus: [], lastMove: [] };
  let status = '';
  let abc = '';
  for (const row of rows) {
    bins.code.push(row.code);
    bins.zone.push(zoneIndex.get(row.zoneCode) ?? -1);
    bins.aisle.push(intern(row.aisle, aisles, aisleIndex));
    bins.bay.push(row.bay);
    bins.level.push(row.level);
    bins.fill.push(row.status === 'INVALID' ? -1 : tenths(row.utilizationPct));
    bins.weight.push(tenths(row.weightPct));
    status += STATUS_CHAR[row.status];
    let mask = 0;
    for (const c of row.abcClasses) mask |= ABC_BIT[c] ?? 0;
    abc += String(mask);
    bins.skus.push(row.skus.map((s) => intern(s, skus, skuIndex)));
    bins.lastMove.push(row.lastMovementAt ? Math.max(0, Math.round((now.getTime() - row.lastMovementAt.getTime()) / 60_000)) : -1);
  }
  bins.status = status;
  bins.abc = abc;
  return { generatedAt: now.toISOString(), source, zones, aisles, skus, bins };
}
