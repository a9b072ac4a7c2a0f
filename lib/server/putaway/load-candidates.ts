import 'server-only';
import type { Tx } from '../db';
import { findLocationFill } from '../cache/find-location-fill';
import { loadLocations, type LocationWithFill } from './load-putaway-inputs';

export type Candidates = { locations: LocationWithFill[]; excluded: { inactive: number; invalidCapacity: number } };

/**
 * The bins the engine may choose from, with their fill: two queries whatever the size —
 * the bins, then their fill from the utilization cache (or live lots after a rollback).
 * Inactive bins and bins with a zero or negative capacity (the runbook's CRITICAL
 * data-quality check) are left out and counted, so the batch can say how many were
 * skipped and why.
 */
export async function loadCandidateLocations(tx: Tx): Promise<Candidates> {
  const all = await loadLocations(tx);
  const excluded = { inactive: 0, invalidCapacity: 0 };
  const valid: LocationWithFill[] = [];
  for (const location of all) {
    if (!location.isActive) excluded.inactive++;
    else if (!(location.cubicFeet > 0) || !(location.maxWeightLbs > 0)) excluded.invalidCapacity++;
    else valid.push(location);
  }
  const fill = new Map((await findLocationFill(tx)).map((f) => [f.locationId, f]));
  for (const location of valid) {
    const f = fill.get(location.id);
    if (!f) continue;
    location.usedCubicFeet = f.usedCubicFeet;
    location.usedWeightLbs = f.usedWeightLbs;
    location.skus = f.skus;
    location.lots = f.lots;
  }
  return { locations: valid, excluded };
}
