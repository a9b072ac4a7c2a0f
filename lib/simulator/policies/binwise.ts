import { MAX_RECENT_ORDERS, MAX_UNITS_PER_LINE, optimizePutaway, resolveConfig, type AffinityPair, type CandidateLocation, type OpenDemand, type OptimizerConfigInput, type PutawayItem } from '../../optimizer';
import { capacityOfConfig } from '../../schemas/capacity';
import type { SimulationCapacity, SimulationFlags } from './names';
import type { Policy, PolicyInput } from './types';

const DAY_MS = 86_400_000;
/** Simulated days start on this date; receiving happens at 06:00, orders are due at 08:00. */
const EPOCH = Date.UTC(2026, 0, 1);
const RECEIVING_HOUR_MS = 6 * 3_600_000;
const DUE_HOUR_MS = 8 * 3_600_000;

/** The bins as the product hands them to the engine: storage and staging, with their live fill. */
function candidates(input: PolicyInput): CandidateLocation[] {
  const { state } = input;
  const lotsByBin = new Map<number, string[]>();
  for (const lots of state.lotsBySku.values()) {
    for (const lot of lots) {
      if (lot.quantity <= 0) continue;
      const list = lotsByBin.get(lot.bin);
      if (list) list.push(`L${lot.seq}`);
      else lotsByBin.set(lot.bin, [`L${lot.seq}`]);
    }
  }
  return [...input.binsByCode, ...input.stagingBins].map((bin) => {
    const location = state.locations[bin];
    return {
      id: String(bin),
      code: location.code,
      zone: location.zone,
      aisle: location.aisle,
      bay: String(location.bay),
      level: location.level,
      x: location.x,
      y: location.y,
      type: location.type,
      cubicFeet: location.cubicFeet,
      maxWeightLbs: location.maxWeightLbs,
      insideInches: location.insideInches,
      usedCubicFeet: state.usedCube[bin],
      usedWeightLbs: state.usedWeight[bin],
      skus: [...state.contents[bin].keys()],
      lots: lotsByBin.get(bin) ?? [],
      allowMixing: location.allowMixing ?? true,
      isActive: true,
    };
  });
}

/**
 * The product's engine (`optimizePutaway`) as a simulation policy: fed the same inputs the
 * product feeds it (bins with fill, mined affinity, open pick lines per aisle, open demand due
 * soon), with `flags`. Recommendations are applied as they are; what it cannot place stays
 * unplaced, reported with the engine's reason code. `config` overrides engine settings (experiments only; the product runs the defaults).
 */
export function binwisePolicy(name: string, flags: SimulationFlags, config: OptimizerConfigInput = {}): Policy {
  // Validated once here, so a bad band or cap is refused before the replay starts (naming the field).
  const capacity: SimulationCapacity = capacityOfConfig(resolveConfig(config));
  return {
    name,
    capacity,
    putaway(input) {
      const items: PutawayItem[] = [];
      for (const request of input.requests) {
        const material = input.state.materials.get(request.sku);
        if (!material || request.quantity <= 0) continue;
        // The engine takes at most MAX_UNITS_PER_LINE units per line; a bigger receipt (small
        // parts by the million) arrives as several lines of the same lot.
        for (let offset = 0; offset < request.quantity; offset += MAX_UNITS_PER_LINE) {
          items.push({
            sku: request.sku,
            quantity: Math.min(MAX_UNITS_PER_LINE, request.quantity - offset),
            lengthIn: material.lengthIn,
            widthIn: material.widthIn,
            heightIn: material.heightIn,
            unitWeightLbs: material.weightLbs,
            abc: input.abc.get(request.sku) ?? 'C',
            lotNumber: `R${input.day}-${request.sku}`,
          });
        }
      }
      const locations = candidates(input);
      // The engine refuses an empty list of bins; with no storage or staging nothing can be placed.
      if (items.length === 0 || locations.length === 0) return;
      const affinity: AffinityPair[] = [];
      for (const [skuA, row] of input.affinity) for (const [skuB, lift] of row) affinity.push({ skuA, skuB, lift });
      const openDemand: OpenDemand[] = input.crossDockNeeds.map((need) => ({ sku: need.sku, quantity: need.quantity, dueAt: EPOCH + need.dueDay * DAY_MS + DUE_HOUR_MS, orderRef: need.orderRef }));
      const result = optimizePutaway({
        items,
        locations,
        context: {
          dock: input.state.dock,
          affinity,
          openPickTasksByAisle: Object.fromEntries(input.openPicksByAisle),
          openDemand,
          recentOrders: input.recentOrders.length > MAX_RECENT_ORDERS ? input.recentOrders.slice(-MAX_RECENT_ORDERS) : input.recentOrders,
          now: EPOCH + input.day * DAY_MS + RECEIVING_HOUR_MS,
          seed: input.day + 1,
        },
        config: { ...config, flags: { ...flags, ML_MODEL_ENABLED: false } },
      });
      for (const line of result.unplaceable) input.notPlaced(line.sku, line.quantity, line.code);
      for (const recommendation of result.recommendations) {
        const bin = Number(recommendation.locationId);
        const placed = input.place(recommendation.sku, bin, recommendation.quantity, recommendation.crossDock ? { crossDock: true, orderRef: recommendation.crossDock.orderRef } : undefined);
        // The engine's bin, but the replay's capacity or staging rules took fewer units: they stay on the dock.
        if (placed < recommendation.quantity) input.notPlaced(recommendation.sku, recommendation.quantity - placed, 'REPLAY_REFUSED');
      }
    },
  };
}
