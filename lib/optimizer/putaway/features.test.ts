import { describe, expect, it } from 'vitest';
import { FEATURE_NAMES, buildFeatures, featureArray, zoneBucket } from './features';

const input = {
  score: 50,
  breakdown: { travel: 20, utilization: 25, affinity: 5, congestion: -2, consolidation: 2 },
  margin: 3,
  fillAfter: 0.7,
  weightFillAfter: 0.4,
  distanceFt: 38,
  abc: 'B' as const,
  affinityLift: 1,
  openTasks: 2,
  crossDock: false,
  algorithm: 'HYBRID' as const,
  level: 2,
  type: 'RESERVE' as const,
  zone: 'Z1',
  unitWeightLbs: 12,
  quantity: 4,
  alternatives: 3,
};

describe('FEATURE_NAMES', () => {
  it('is a stable ordered list without duplicates', () => {
    expect(new Set(FEATURE_NAMES).size).toBe(FEATURE_NAMES.length);
    expect(FEATURE_NAMES[0]).toBe('score_total');
  });
});

describe('buildFeatures', () => {
  it('fills every named feature with a finite number', () => {
    const v = buildFeatures(input);
    expect(Object.keys(v).sort()).toEqual([...FEATURE_NAMES].sort());
    for (const name of FEATURE_NAMES) expect(Number.isFinite(v[name])).toBe(true);
  });

  it('one-hot encodes ABC class, algorithm and location type', () => {
    const v = buildFeatures(input);
    expect([v.abc_a, v.abc_b, v.abc_c]).toEqual([0, 1, 0]);
    expect([v.algo_ffd, v.algo_bfd, v.algo_hybrid]).toEqual([0, 0, 1]);
    expect([v.loc_pick_face, v.loc_reserve, v.loc_bulk, v.loc_staging, v.loc_dock]).toEqual([0, 1, 0, 0, 0]);
  });

  it('lists values in FEATURE_NAMES order for models', () => {
    const v = buildFeatures(input);
    expect(featureArray(v)).toEqual(FEATURE_NAMES.map((n) => v[n]));
  });
});

describe('zoneBucket', () => {
  it('maps any zone name into [0, 1) deterministically', () => {
    for (const z of ['', 'Z1', 'FROZEN-NORTH', 'ä'.repeat(50)]) {
      const b = zoneBucket(z);
      expect(b).toBeGreaterThanOrEqual(0);
      expect(b).toBeLessThan(1);
      expect(zoneBucket(z)).toBe(b);
    }
  });
});
