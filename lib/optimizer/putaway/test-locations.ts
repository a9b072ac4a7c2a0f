import type { CandidateLocation } from './types';

/** For tests: an empty 10 cu ft RESERVE bin at level 2, `x` feet down aisle A1 from a dock at the origin. */
export function rackBin(code: string, x: number, extra: Partial<CandidateLocation> = {}): CandidateLocation {
  return {
    id: code, code, zone: 'Z', aisle: 'A1', bay: String(x), level: 2, x, y: 0, type: 'RESERVE',
    cubicFeet: 10, maxWeightLbs: 1000, insideInches: { l: 48, w: 48, h: 60 },
    usedCubicFeet: 0, usedWeightLbs: 0, skus: [], lots: [], allowMixing: true, isActive: true,
    ...extra,
  };
}
