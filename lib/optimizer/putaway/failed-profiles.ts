import { sortedDims } from './geometry';
import type { PutawayItem, UnplaceableCode } from './types';

/** What made a line unplaceable: any line at least as demanding fails too. */
export type FailedProfile = {
  hazard: string;
  temperature: string;
  dims: number[];
  cf: number;
  lbs: number;
  code: UnplaceableCode;
};

/** Profiles kept per run (the most recent failures are enough in practice). */
export const FAILED_PROFILES = 64;

/** Profile of a line that found no bin. @param cf unit volume, cu ft. */
export function profileOf(it: PutawayItem, cf: number, code: UnplaceableCode): FailedProfile {
  return {
    hazard: it.hazardClass ?? '',
    temperature: it.temperatureClass ?? '',
    dims: sortedDims(it),
    cf,
    lbs: it.unitWeightLbs,
    code,
  };
}

/**
 * True when `it` cannot fit anywhere the failed profile could not: same
 * hazard and temperature classes, and at least as large in every sorted
 * dimension, in volume and in weight (bins only fill up during a run). The
 * caller must also check that the new SKU is held by no allowMixing=false bin:
 * such a bin is reached only through its own SKU, so the failed line never saw it.
 */
export function dominates(f: FailedProfile, it: PutawayItem, cf: number): boolean {
  if ((it.hazardClass ?? '') !== f.hazard || (it.temperatureClass ?? '') !== f.temperature) return false;
  if (cf < f.cf || it.unitWeightLbs < f.lbs) return false;
  const d = sortedDims(it);
  return d[0] >= f.dims[0] && d[1] >= f.dims[1] && d[2] >= f.dims[2];
}
