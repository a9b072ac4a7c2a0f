import { fitsInside } from './geometry';
import type { CandidateLocation, OptimizerConfig, PutawayItem, UnplaceableCode } from './types';

/** Storage location types (everything but cross-dock staging). */
export const STORAGE_TYPES: ReadonlySet<string> = new Set(['PICK_FACE', 'RESERVE', 'BULK']);
/** Cross-dock location types. */
export const CROSS_DOCK_TYPES: ReadonlySet<string> = new Set(['STAGING', 'DOCK']);

/** A bin may be used at all: active, with finite capacity > 0 in volume and weight. */
export function isUsable(l: CandidateLocation): boolean {
  return (
    l.isActive === true &&
    Number.isFinite(l.cubicFeet) &&
    l.cubicFeet > 0 &&
    Number.isFinite(l.maxWeightLbs) &&
    l.maxWeightLbs > 0
  );
}

/**
 * True when a unit of `unitWeightLbs` may not go into bin `l`: units over `config.heavyUnitLbs`
 * (a manual-handling limit, default 150 lb) stay off PICK_FACE shelving above the floor, where a
 * person lifts them by hand. RESERVE pallet racks and BULK lanes are served by forklifts and clamp
 * trucks, so they take heavy units at any level; the bin's `maxWeightLbs` (its rated load) still
 * bounds what goes in.
 */
export function heavyRestricted(unitWeightLbs: number, l: Pick<CandidateLocation, 'type' | 'level'>, config: Pick<OptimizerConfig, 'heavyUnitLbs'>): boolean {
  return unitWeightLbs > config.heavyUnitLbs && keepsOutHeavyUnits(l);
}

/** True for the bins {@link heavyRestricted} closes to heavy units: hand-picked shelving above the floor. */
export function keepsOutHeavyUnits(l: Pick<CandidateLocation, 'type' | 'level'>): boolean {
  return l.type === 'PICK_FACE' && l.level !== 1;
}

/**
 * Static rules for one unit of `item` in bin `l`, in the order they are
 * checked; returns the first rule broken, or null when the bin is eligible
 * (capacity is checked separately, as it changes during the run):
 *
 * 1. hazard: a hazardous unit needs its class in `allowedHazardClasses`;
 * 2. temperature: unit and bin temperature classes must be equal (absent = ambient);
 * 3. heavy units (> config.heavyUnitLbs) not on hand-picked shelving above the floor ({@link heavyRestricted});
 * 4. fit: the unit passes through `insideInches` in one of 6 orientations;
 * 5. mixing: a bin with allowMixing=false accepts only a SKU it holds (or any SKU if empty).
 *
 * The order is {@link CODE_RANK}'s, which the engine's reasons for unplaced units follow: the bin's
 * own rules before mixing, which depends on what the bin holds now.
 *
 * `heldSkus` are the SKUs in the bin now, including this run's placements.
 *
 * The product holds a supervisor's override to these rules (lib/server/putaway/check-override-target.ts,
 * with `heldSkus` empty: it re-checks mixing against live stock under the bin's row lock). The
 * engine's scan checks the same rules, with capacity, on its packed arrays (`rejection` in candidates.ts).
 */
export function staticRejection(
  item: PutawayItem,
  l: CandidateLocation,
  heldSkus: readonly string[] | ReadonlySet<string>,
  config: OptimizerConfig,
): UnplaceableCode | null {
  if (item.hazardClass !== undefined && !(l.allowedHazardClasses ?? []).includes(item.hazardClass)) return 'HAZARD_INCOMPATIBLE';
  if ((item.temperatureClass ?? 'AMBIENT') !== (l.temperatureClass ?? 'AMBIENT')) return 'TEMPERATURE_INCOMPATIBLE';
  if (heavyRestricted(item.unitWeightLbs, l, config)) return 'HEAVY_UNIT_RESTRICTED';
  if (!fitsInside(item, l.insideInches)) return 'DOES_NOT_FIT';
  if (!l.allowMixing) {
    for (const s of heldSkus) if (s !== item.sku) return 'MIXING_NOT_ALLOWED';
  }
  return null;
}

/**
 * How many more units fit under the hard cap, by volume and weight.
 * @param unitCf unit volume, cubic feet (>= 0).
 * @param unitLbs unit weight, lbs (>= 0).
 */
export function unitsThatFit(
  cubicFeet: number,
  maxWeightLbs: number,
  usedCf: number,
  usedLbs: number,
  unitCf: number,
  unitLbs: number,
  cap: number,
): number {
  const eps = 1e-9;
  const byVol = unitCf > 0 ? Math.floor((cap * cubicFeet - usedCf) / unitCf + eps) : Number.POSITIVE_INFINITY;
  const byWt = unitLbs > 0 ? Math.floor((cap * maxWeightLbs - usedLbs) / unitLbs + eps) : Number.POSITIVE_INFINITY;
  return Math.max(0, Math.min(byVol, byWt));
}

/**
 * Order of unplaceable codes from least to most specific (the furthest one any bin reaches is
 * reported). The rules of the bin itself come first; mixing and room last, since they depend on what
 * the bin holds now: a unit refused only by them would go in once the bin is emptied.
 */
export const CODE_RANK: Readonly<Record<UnplaceableCode, number>> = {
  NO_ELIGIBLE_LOCATION: 0,
  HAZARD_INCOMPATIBLE: 1,
  TEMPERATURE_INCOMPATIBLE: 2,
  HEAVY_UNIT_RESTRICTED: 3,
  DOES_NOT_FIT: 4,
  TOO_HEAVY: 5,
  MIXING_NOT_ALLOWED: 6,
  NO_CAPACITY: 7,
};
