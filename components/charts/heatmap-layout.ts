// Pure layout of the utilization heatmap: one panel per (zone, level), aisles as rows and
// bays as columns, panels flowing left to right and wrapping. Kept apart from the canvas so
// it is unit-tested and so hit-testing is a lookup, not a search.
import type { HeatmapPayload } from '@/lib/server/heatmap/types';

export type HeatmapFilters = { zone: string; level: string; status: string; abc: string };
export const NO_FILTERS: HeatmapFilters = { zone: 'all', level: 'all', status: 'all', abc: 'all' };

export type Panel = {
  title: string;
  x: number;
  y: number;
  /** Grid origin (after the aisle labels and bay header). */
  gridX: number;
  gridY: number;
  aisles: string[];
  bays: number;
  /** Bin index per cell (row-major, aisle × bay), -1 where no bin. */
  cells: Int32Array;
};

export type HeatmapLayout = { panels: Panel[]; width: number; height: number; cell: number; matches: Uint8Array };

export const LABEL_WIDTH = 44;
export const HEADER_HEIGHT = 30;
const GAP = 18;

const ABC_BIT: Record<string, number> = { A: 1, B: 2, C: 4 };

/** Whether bin i passes the status and ABC filters (zone and level choose panels instead). */
export function binMatches(payload: HeatmapPayload, i: number, filters: HeatmapFilters): boolean {
  if (filters.status !== 'all' && payload.bins.status[i] !== filters.status) return false;
  if (filters.abc !== 'all' && (Number(payload.bins.abc[i]) & (ABC_BIT[filters.abc] ?? 0)) === 0) return false;
  return true;
}

export function layoutHeatmap(payload: HeatmapPayload, filters: HeatmapFilters, width: number): HeatmapLayout {
  const { bins } = payload;
  const n = bins.code.length;
  const groups = new Map<string, number[]>();
  for (let i = 0; i < n; i++) {
    const zone = payload.zones[bins.zone[i]!]?.code ?? '?';
    if (filters.zone !== 'all' && zone !== filters.zone) continue;
    if (filters.level !== 'all' && String(bins.level[i]) !== filters.level) continue;
    const key = `${zone}\u0000${String(bins.level[i]).padStart(3, '0')}`;
    let list = groups.get(key);
    if (!list) groups.set(key, (list = []));
    list.push(i);
  }
  const keys = [...groups.keys()].sort();
  let maxBays = 1;
  for (const key of keys) for (const i of groups.get(key)!) maxBays = Math.max(maxBays, bins.bay[i]!);
  // At least two panels side by side on a wide screen; cells between 6 and 16 px.
  const cell = Math.max(6, Math.min(16, Math.floor((Math.max(width, 320) / 2 - LABEL_WIDTH - GAP) / maxBays)));

  const panels: Panel[] = [];
  let x = 0;
  let y = 0;
  let rowHeight = 0;
  let used = 0;
  for (const key of keys) {
    const members = groups.get(key)!;
    const [zone, level] = key.split('\u0000') as [string, string];
    // A row is an aisle; where two rack families share an aisle number in one zone (dock doors
    // and staging lanes both in aisle 00), the code prefix tells the rows apart.
    const rowKey = (i: number) => `${bins.code[i]!.split('-')[0]} ${payload.aisles[bins.aisle[i]!]!}`;
    const keysInPanel = [...new Set(members.map(rowKey))].sort();
    const prefixes = new Set(keysInPanel.map((k) => k.split(' ')[0]));
    const aisles = keysInPanel.map((k) => (prefixes.size > 1 ? k : k.split(' ')[1]!));
    const aisleRow = new Map(keysInPanel.map((k, r) => [k, r]));
    const bays = members.reduce((m, i) => Math.max(m, bins.bay[i]!), 1);
    const cells = new Int32Array(aisles.length * bays).fill(-1);
    for (const i of members) cells[aisleRow.get(rowKey(i))! * bays + bins.bay[i]! - 1] = i;
    const panelWidth = LABEL_WIDTH + bays * cell;
    const panelHeight = HEADER_HEIGHT + aisles.length * cell;
    if (x > 0 && x + panelWidth > width) {
      x = 0;
      y += rowHeight + GAP;
      rowHeight = 0;
    }
    panels.push({ title: `${zone} · level ${Number(level)}`, x, y, gridX: x + LABEL_WIDTH, gridY: y + HEADER_HEIGHT, aisles, bays, cells });
    x += panelWidth + GAP;
    used = Math.max(used, x - GAP);
    rowHeight = Math.max(rowHeight, panelHeight);
  }
  const matches = new Uint8Array(n);
  for (let i = 0; i < n; i++) matches[i] = binMatches(payload, i, filters) ? 1 : 0;
  return { panels, width: Math.max(used, 1), height: panels.length ? y + rowHeight : 0, cell, matches };
}

/** The bin under a point of the canvas, or -1. */
export function binAt(layout: HeatmapLayout, px: number, py: number): number {
  for (const panel of layout.panels) {
    const col = Math.floor((px - panel.gridX) / layout.cell);
    const row = Math.floor((py - panel.gridY) / layout.cell);
    if (col >= 0 && col < panel.bays && row >= 0 && row < panel.aisles.length) return panel.cells[row * panel.bays + col]!;
  }
  return -1;
}
