import { describe, expect, it } from 'vitest';
import { orderedBreakdown } from './breakdown-order';

describe('orderedBreakdown', () => {
  it('lists the components in the engine order whatever order the keys arrive in', () => {
    // PostgreSQL's jsonb key order: shorter keys first, then bytewise.
    const fromJsonb = { travel: 12.5, affinity: 3, congestion: -1.5, utilization: 20, consolidation: 4 };
    expect(orderedBreakdown(fromJsonb)).toEqual([
      ['travel', 12.5],
      ['utilization', 20],
      ['affinity', 3],
      ['congestion', -1.5],
      ['consolidation', 4],
    ]);
  });

  it('gives a fresh breakdown and its jsonb round trip the same order', () => {
    const fresh = { travel: 1, utilization: 2, affinity: 3, congestion: 4, consolidation: 5 };
    const reopened = { travel: 1, affinity: 3, congestion: 4, utilization: 2, consolidation: 5 };
    expect(orderedBreakdown(reopened)).toEqual(orderedBreakdown(fresh));
  });

  it('puts unknown keys after the known ones, alphabetically', () => {
    const breakdown = { zeta: 1, congestion: 0, alpha: 2, travel: 5 };
    expect(orderedBreakdown(breakdown).map(([key]) => key)).toEqual(['travel', 'congestion', 'alpha', 'zeta']);
  });

  it('leaves out components the breakdown does not have', () => {
    expect(orderedBreakdown({ consolidation: 1, travel: 2 })).toEqual([
      ['travel', 2],
      ['consolidation', 1],
    ]);
    expect(orderedBreakdown({})).toEqual([]);
  });
});
