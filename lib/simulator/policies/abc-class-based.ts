import { fillInOrder } from './fill-in-order';
import type { AbcClass, Policy, PolicyInput } from './types';

const OVERFLOW: Record<AbcClass, readonly AbcClass[]> = { A: ['A', 'B', 'C'], B: ['B', 'C', 'A'], C: ['C', 'B', 'A'] };

type Zones = Record<AbcClass, number[]>;
const zonesCache = new WeakMap<readonly number[], Zones>();

/**
 * Splits storage bins into three class zones by distance from the dock, each holding a third
 * of the storage cube (A nearest), and orders each zone by location code.
 */
export function classZones(input: Pick<PolicyInput, 'binsByDistance' | 'binsByCode' | 'state'>): Zones {
  const cached = zonesCache.get(input.binsByDistance);
  if (cached) return cached;
  const cube = input.binsByDistance.reduce((sum, bin) => sum + input.state.locations[bin].cubicFeet, 0);
  const classOf = new Map<number, AbcClass>();
  let running = 0;
  for (const bin of input.binsByDistance) {
    classOf.set(bin, running < cube / 3 ? 'A' : running < (2 * cube) / 3 ? 'B' : 'C');
    running += input.state.locations[bin].cubicFeet;
  }
  const zones: Zones = { A: [], B: [], C: [] };
  for (const bin of input.binsByCode) zones[classOf.get(bin) ?? 'C'].push(bin);
  zonesCache.set(input.binsByDistance, zones);
  return zones;
}

/**
 * Class-based storage: A items in the zone nearest the dock, C in the farthest, first fit by
 * code within the zone (bins already holding the sku first), overflowing to the next zone.
 */
export const abcClassBased: Policy = {
  name: 'abc-class-based',
  putaway(input) {
    const zones = classZones(input);
    for (const request of input.requests) {
      let left = request.quantity;
      for (const zone of OVERFLOW[input.abc.get(request.sku) ?? 'C']) {
        if (left <= 0) break;
        left = fillInOrder(input, request.sku, left, zones[zone], true);
      }
    }
  },
};
