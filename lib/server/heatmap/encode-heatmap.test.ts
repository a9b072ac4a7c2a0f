import { describe, expect, it } from 'vitest';
import { encodeHeatmap, type HeatmapRow } from './encode-heatmap';

const now = new Date('2026-11-29T12:00:00Z');
const row = (over: Partial<HeatmapRow>): HeatmapRow => ({
  code: 'PAP-01-01-1', zoneCode: 'PAPER', aisle: '01', bay: 1, level: 1, utilizationPct: 72.34, weightPct: 10, status: 'OPTIMAL',
  abcClasses: 'AC', skus: ['PAP-0001'], lastMovementAt: new Date('2026-11-29T11:00:00Z'), ...over,
});

describe('encodeHeatmap', () => {
  it('encodes fill in tenths of a percent, status as one char and ABC as a bitmask digit', () => {
    const payload = encodeHeatmap([row({}), row({ code: 'X', status: 'INVALID', utilizationPct: null, weightPct: null, abcClasses: '' })], [{ code: 'PAPER', name: 'Paper' }], 'cache', now);
    expect(payload.bins.fill).toEqual([723, -1]);
    expect(payload.bins.weight).toEqual([100, -1]);
    expect(payload.bins.status).toBe('OI');
    expect(payload.bins.abc).toBe('50');
    expect(payload.bins.lastMove).toEqual([60, 60]);
  });

  it('interns aisles and SKUs into dictionaries shared by all bins', () => {
    const payload = encodeHeatmap(
      [row({ skus: ['A', 'B'] }), row({ code: 'b', aisle: '02', skus: ['B'] }), row({ code: 'c', skus: [], lastMovementAt: null })],
      [{ code: 'PAPER', name: 'Paper' }],
      'live',
      now,
    );
    expect(payload.skus).toEqual(['A', 'B']);
    expect(payload.bins.skus).toEqual([[0, 1], [1], []]);
    expect(payload.aisles).toEqual(['01', '02']);
    expect(payload.bins.aisle).toEqual([0, 1, 0]);
    expect(payload.bins.lastMove[2]).toBe(-1);
    expect(payload.source).toBe('live');
  });

  it('keeps 10,000 bins under 500 KB of JSON', () => {
    const rows = Array.from({ length: 10_000 }, (_, i) =>
      row({ code: `FIN-${String(i % 60).padStart(2, '0')}-${String(i % 80).padStart(2, '0')}-${(i % 5) + 1}`, aisle: String(i % 60).padStart(2, '0'),
        bay: i % 80, level: (i % 5) + 1, utilizationPct: (i * 7.3) % 110, weightPct: (i * 3.1) % 100, skus: [`FG-${i % 900}`, `FG-${(i * 7) % 900}`],
        lastMovementAt: new Date(now.getTime() - (i % 90) * 86_400_000) }),
    );
    const bytes = Buffer.byteLength(JSON.stringify(encodeHeatmap(rows, [{ code: 'PAPER', name: 'Paper' }], 'cache', now)));
    expect(bytes).toBeLessThan(500 * 1024);
  });
});
