/**
 * Puts the current stock into bins at mixed fill levels: ~12% of storage bins empty, some
 * under-filled, most 60–85% by volume, some above 85%, never above 100% of volume or weight.
 * 1–3 lots per occupied bin; every placeable material gets at least one lot.
 */
import type { LocationRow, MaterialRow } from './types';
import { CATEGORY_ZONE } from './materials';
import { Rng, WeightedSampler } from './random';

export type PlacedLot = { lotId: string; materialId: string; locationId: string; quantity: number };

const FILL_BUCKETS: { p: number; min: number; max: number }[] = [
  { p: 0.12, min: 0, max: 0 }, // empty
  { p: 0.2, min: 0.15, max: 0.6 }, // under-utilized
  { p: 0.53, min: 0.6, max: 0.85 }, // the target band
  { p: 0.15, min: 0.86, max: 0.99 }, // tight
];

export const unitCubicFeet = (m: MaterialRow) => ((m.widthIn ?? 0) * (m.heightIn ?? 0) * (m.lengthIn ?? 0)) / 1728;

/** Whether one unit fits the bin's inside dimensions (any orientation), its weight limit and its volume. */
export function fits(m: MaterialRow, loc: LocationRow): boolean {
  if (m.widthIn === null || m.heightIn === null || m.lengthIn === null || m.weightLbs === null) return false;
  const a = [m.widthIn, m.heightIn, m.lengthIn].sort((x, y) => x - y);
  const b = [loc.widthIn, loc.heightIn, loc.lengthIn].sort((x, y) => x - y);
  return a[0] <= b[0] && a[1] <= b[1] && a[2] <= b[2] && m.weightLbs <= loc.maxWeightLbs && unitCubicFeet(m) <= loc.cubicFeet;
}

export function placeLots(rng: Rng, locations: LocationRow[], materials: MaterialRow[], excludedLocations: Set<string>): PlacedLot[] {
  const lots: PlacedLot[] = [];
  const zones = [...new Set(locations.map((l) => l.zoneCode))].filter((z) => z !== 'RECV');
  for (const zone of zones) {
    const bins = rng.shuffle(locations.filter((l) => l.zoneCode === zone && l.isActive && !excludedLocations.has(l.locationId)
      && l.type !== 'DOCK' && l.type !== 'STAGING'));
    const mats = materials.filter((m) => CATEGORY_ZONE[m.category] === zone && m.demand > 0);
    const mustPlace = rng.shuffle(mats.filter((m) => bins.some((b) => fits(m, b))));
    if (mats.length === 0) continue;
    const sampler = new WeightedSampler(mats.map((m) => 0.3 + Math.sqrt(m.demand) * 4));
    for (const bin of bins) {
      const bucket = FILL_BUCKETS[rng.weightedIndex(FILL_BUCKETS.map((b) => b.p))];
      if (bucket.max === 0 && mustPlace.length === 0) continue;
      const target = bucket.max === 0 ? 0.5 : rng.range(bucket.min, bucket.max);
      const k = rng.weightedIndex([0.4, 0.38, 0.22]) + 1;
      const chosen: MaterialRow[] = [];
      for (let s = 0; s < k; s++) {
        let m: MaterialRow | undefined;
        const idx = mustPlace.findIndex((c) => fits(c, bin));
        if (idx >= 0) m = mustPlace.splice(idx, 1)[0];
        for (let attempt = 0; !m && attempt < 8; attempt++) {
          const c = mats[sampler.draw(rng)];
          if (fits(c, bin) && !chosen.includes(c)) m = c;
        }
        if (m) chosen.push(m);
      }
      if (chosen.length === 0) continue;
      const shares = chosen.map(() => rng.range(0.5, 1.5));
      const shareSum = shares.reduce((a, b) => a + b, 0);
      const qty = chosen.map((m, i) => Math.max(1, Math.round((target * bin.cubicFeet * shares[i]) / shareSum / unitCubicFeet(m))));
      // Trim the largest line until the bin is within 100% of volume and weight.
      const over = () => {
        let vol = 0, lbs = 0;
        chosen.forEach((m, i) => { vol += qty[i] * unitCubicFeet(m); lbs += qty[i] * (m.weightLbs ?? 0); });
        return vol > bin.cubicFeet || lbs > bin.maxWeightLbs;
      };
      while (over()) {
        let worst = 0;
        qty.forEach((q, i) => { if (q * unitCubicFeet(chosen[i]) > qty[worst] * unitCubicFeet(chosen[worst])) worst = i; });
        qty[worst] -= 1;
        if (qty.every((q) => q <= 0)) break;
      }
      chosen.forEach((m, i) => {
        if (qty[i] > 0) lots.push({ lotId: rng.uuid(), materialId: m.materialId, locationId: bin.locationId, quantity: qty[i] });
      });
    }
  }
  return lots;
}
