import { describe, expect, it } from 'vitest';
import { rankCandidates, type ScoredCandidate } from './candidates';
import { buildState } from './state';
import { syntheticWarehouse } from './synthetic';

const w = syntheticWarehouse({ locations: 10, lines: 1, unitsPerLine: 1, seed: 1 });
const state = buildState(w.locations, w.context, 0.95);
const c = (bin: number, score: number, utilization: number, fillAfter: number): ScoredCandidate => ({
  bin, units: 1, maxUnits: 1, fillBefore: 0, fillAfter, weightFillBefore: 0, weightFillAfter: 0, score,
  breakdown: { travel: score - utilization, utilization, affinity: 0, congestion: 0, consolidation: 0 },
  affinityLift: 0, partners: 0, consolidation: 0, openTasks: 0,
});

describe('rankCandidates', () => {
  const options = [c(1, 50, 25, 0.7), c(2, 40, 0, 0.93), c(3, 45, 5, 0.8)];

  it('ranks by total score for HYBRID', () => {
    expect(rankCandidates(options, 'HYBRID', state).map((x) => x.bin)).toEqual([1, 3, 2]);
  });

  it('ranks by preference without the utilization term for FFD', () => {
    expect(rankCandidates(options, 'FFD', state).map((x) => x.bin)).toEqual([2, 3, 1]);
  });

  it('ranks by tightest fill for BFD', () => {
    expect(rankCandidates(options, 'BFD', state).map((x) => x.bin)).toEqual([2, 3, 1]);
  });
});
