import { describe, expect, it } from 'vitest';
import type { HeatmapPayload } from '@/lib/server/heatmap/types';
import { binAt, layoutHeatmap, NO_FILTERS } from './heatmap-layout';

function payload(): HeatmapPayload {
  // Two zones; PAPER has levels 1 and 2, aisles 01-02, bays 1-3.
  const code: string[] = [];
  const zone: number[] = [];
  const aisle: number[] = [];
  const bay: number[] = [];
  const level: number[] = [];
  for (const [z, levels] of [[0, [1, 2]], [1, [1]]] as const) {
    for (const l of levels) for (const a of [0, 1]) for (const b of [1, 2, 3]) {
      code.push(`${z}-${a}-${b}-${l}`);
      zone.push(z);
      aisle.push(a);
      bay.push(b);
      level.push(l);
    }
  }
  const n = code.length;
  return {
    generatedAt: '', source: 'cache', zones: [{ code: 'PAPER', name: 'Paper' }, { code: 'INK', name: 'Ink' }], aisles: ['01', '02'], skus: [],
    bins: { code, zone, aisle, bay, level, fill: Array(n).fill(700), weight: Array(n).fill(0), status: 'O'.repeat(n - 1) + 'I', abc: '1'.repeat(n - 1) + '4', skus: Array.from({ length: n }, () => []), lastMove: Array(n).fill(-1) },
  };
}

describe('layoutHeatmap', () => {
  it('draws one panel per zone and level, aisles as rows and bays as columns', () => {
    const layout = layoutHeatmap(payload(), NO_FILTERS, 1200);
    expect(layout.panels.map((p) => p.title)).toEqual(['INK · level 1', 'PAPER · level 1', 'PAPER · level 2']);
    expect(layout.panels[0]!.aisles).toEqual(['01', '02']);
    expect(layout.panels[0]!.bays).toBe(3);
  });

  it('finds the bin under a point and -1 between panels', () => {
    const p = payload();
    const layout = layoutHeatmap(p, NO_FILTERS, 1200);
    const panel = layout.panels[1]!;
    const i = binAt(layout, panel.gridX + layout.cell * 1.5, panel.gridY + layout.cell * 0.5);
    expect(p.bins.code[i]).toBe('0-0-2-1');
    expect(binAt(layout, -5, -5)).toBe(-1);
  });

  it('keeps two rack families that share an aisle number in separate rows', () => {
    const p = payload();
    p.bins.code[0] = 'DCK-00-01-1';
    p.bins.code[3] = 'STG-00-01-1';
    p.bins.aisle[3] = 0;
    const panel = layoutHeatmap(p, { ...NO_FILTERS, zone: 'PAPER', level: '1' }, 1200).panels[0]!;
    expect(panel.aisles.length).toBeGreaterThan(2);
    expect(panel.aisles.some((a) => a.startsWith('DCK'))).toBe(true);
    expect([...panel.cells].filter((i) => i >= 0)).toHaveLength(6);
  });

  it('hides other zones and levels and fades bins outside the status or ABC filter', () => {
    const p = payload();
    expect(layoutHeatmap(p, { ...NO_FILTERS, zone: 'PAPER', level: '2' }, 1200).panels).toHaveLength(1);
    const layout = layoutHeatmap(p, { ...NO_FILTERS, status: 'I' }, 1200);
    expect([...layout.matches].filter(Boolean)).toHaveLength(1);
    expect([...layoutHeatmap(p, { ...NO_FILTERS, abc: 'C' }, 1200).matches].filter(Boolean)).toHaveLength(1);
  });
});
