import { describe, expect, it } from 'vitest';
import { buildReason } from './reason';

const base = { abc: 'A' as const, distanceFt: 38.2, fillAfter: 0.781, partners: 2, consolidation: 0, openTasks: 0, aisle: 'A3', showAffinity: true, showCongestion: true };

describe('buildReason', () => {
  it('reads like "A-class, 38 ft from dock, fills bin to 78%, next to 2 co-picked SKUs"', () => {
    expect(buildReason(base)).toBe('A-class, 38 ft from dock, fills bin to 78%, next to 2 co-picked SKUs');
  });

  it('mentions consolidation and congestion when present', () => {
    expect(buildReason({ ...base, partners: 0, consolidation: 1, openTasks: 3 })).toBe(
      'A-class, 38 ft from dock, fills bin to 78%, same SKU and lot already there, 3 open picks in aisle A3',
    );
  });

  it('says how many feet the aisle adds to the pick tours of the SKU orders when it knows them', () => {
    expect(buildReason({ ...base, partners: 0, tourFt: 26.7 })).toBe("A-class, 38 ft from dock, fills bin to 78%, adds 27 ft to its orders' pick tours");
    expect(buildReason({ ...base, partners: 0, tourFt: 26.7, showAffinity: false })).toBe('A-class, 38 ft from dock, fills bin to 78%');
  });

  it('explains cross-dock placements with the order and due time', () => {
    const r = buildReason({ ...base, crossDock: { orderRef: 'SO-9', dueAt: 3 * 3_600_000, now: 0 } });
    expect(r).toBe('Cross-dock for order SO-9 (due in 3.0 h), staged 38 ft from dock, fills to 78%');
  });
});
