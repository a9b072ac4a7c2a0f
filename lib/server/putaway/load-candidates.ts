import 'server-only';
import type { Tx } from '../db';
import { cacheAvailability } from '../cache/cache-availability';
import { findLocationFill } from '../cache/find-location-fill';
import { loadLocations, type LocationWithFill } from './load-putaway-inputs';
import { loadLocationMaster, splitUsable } from './location-master';

/**
 * Stands for "holds SKUs this batch does not care about": the engine then still sees the
 * bin as non-empty (mixing rules, consolidation) without receiving every SKU string.
 */
export const OTHER_SKUS = '(other SKUs)';

type Relevant = {
  skus: readonly string[];
  lotNumbers: readonly string[];
  /** Hazard classes in the receipt: bins of zones approved for hazardous goods take them all. */
  hazardClasses: readonly string[];
};

type FillRow = [id: string, usedCubicFeet: number, usedWeightLbs: number, skus: string[], lots: string[]];

export type Candidates = {
  excluded: { inactive: number; invalidCapacity: number };
  /**
   * The usable bins with this batch's fill written into them. Call it right before the
   * (synchronous) engine with no `await` in between, and read nothing from the bins after
   * the next `await`: the bin objects are shared per process to avoid building 10,000 of
   * them per batch, and JavaScript's run-to-completion is what keeps another batch from
   * writing its fill between this call and the engine's return.
   */
  materialize: () => LocationWithFill[];
};

/**
 * The bins the engine may choose from, with their fill, in ONE query when the utilization
 * cache is usable (compact rows from bin_utilization_cache; bin master data cached per
 * process and revalidated per call), else two (bins, then live fill from lots via
 * findLocationFill). To keep 10,000 bins cheap, a bin's SKU list is sent in full only when
 * it holds a SKU of the receipt or a co-picked partner, its lot list only when it holds one
 * of the receipt's lots; otherwise a placeholder keeps it non-empty, so "does not allow
 * mixing" and "holds only this SKU" still decide exactly as with the full list.
 * Inactive and invalid-capacity bins are left out and counted.
 */
export async function loadCandidateLocations(tx: Tx, tenantId: string, relevant: Relevant): Promise<Candidates> {
  const { usable } = await cacheAvailability(tx);
  const master = usable ? await loadLocationMaster(tx, tenantId) : splitUsable(await loadLocations(tx));
  const fill = usable ? await loadCachedFill(tx, relevant) : await loadLiveFill(tx);
  const hazardClasses = [...relevant.hazardClasses];
  return { excluded: master.excluded, materialize: () => fillLocations(master.usable, fill, hazardClasses) };
}

async function loadCachedFill(tx: Tx, relevant: Relevant): Promise<Map<string, FillRow>> {
  const skus = [...relevant.skus];
  const lots = [...relevant.lotNumbers];
  // Compact rows (JSON arrays, no keys); bins absent from the result are empty.
  const rows = await tx.$queryRaw<{ data: string | null }[]>`
    SELECT json_agg(json_build_array(c.location_id, c.used_cubic_feet, c.used_weight_lbs,
      CASE WHEN cardinality(c.skus) = 0 THEN '{}'::text[]
           WHEN c.skus && ${skus}::text[] THEN c.skus
           ELSE ARRAY[${OTHER_SKUS}]::text[] END,
      CASE WHEN c.lot_numbers && ${lots}::text[] THEN c.lot_numbers ELSE '{}'::text[] END))::text AS data
    FROM bin_utilization_cache c
    WHERE c.used_cubic_feet > 0 OR c.used_weight_lbs > 0 OR cardinality(c.skus) > 0`;
  return new Map((JSON.parse(rows[0]?.data ?? '[]') as FillRow[]).map((row) => [row[0], row]));
}

async function loadLiveFill(tx: Tx): Promise<Map<string, FillRow>> {
  return new Map((await findLocationFill(tx)).map((f) => [f.locationId, [f.locationId, f.usedCubicFeet, f.usedWeightLbs, f.skus, f.lots] as FillRow]));
}

// Shared by every empty bin; frozen because the engine must never write into its input.
const NO_STRINGS: readonly string[] = Object.freeze([]);

/** Writes this batch's fill into the bins (see Candidates.materialize for why in place). */
function fillLocations(locations: LocationWithFill[], fill: Map<string, FillRow>, hazardClasses: string[]): LocationWithFill[] {
  for (const location of locations) {
    const f = fill.get(location.id);
    // Negative stock (a data-quality defect) must not make a bin look emptier than empty.
    location.usedCubicFeet = f ? Math.max(0, f[1]) : 0;
    location.usedWeightLbs = f ? Math.max(0, f[2]) : 0;
    location.skus = f ? f[3] : NO_STRINGS;
    location.lots = f ? f[4] : NO_STRINGS;
    location.allowedHazardClasses = location.zoneHazardAllowed ? hazardClasses : NO_STRINGS;
  }
  return locations;
}
