import type { Scenario, ScenarioLocation, ScenarioMaterial } from './scenario';

/**
 * Mutable warehouse state during a replay: what each bin holds and the lots (FIFO order).
 * Capacity is the product's model: a unit must fit the bin's inside dimensions in some
 * orientation, and the bin's cube and weight limits bound the total. As in the product's engine,
 * an inside dimension of 0 fits nothing, and a cube or weight limit of 0 makes the bin unusable.
 */
export type Lot = { seq: number; sku: string; bin: number; quantity: number; day: number; reservedFor?: string };

export type Material = ScenarioMaterial & { unitCube: number; sortedDims: readonly [number, number, number] };

export const STORAGE_TYPES = new Set(['PICK_FACE', 'RESERVE', 'BULK']);

export function toMaterial(material: ScenarioMaterial): Material {
  const dims = [material.lengthIn, material.widthIn, material.heightIn].sort((a, b) => a - b) as [number, number, number];
  return { ...material, unitCube: (material.lengthIn * material.widthIn * material.heightIn) / 1728, sortedDims: dims };
}

const EPSILON = 1e-9;

export class WarehouseState {
  readonly usedCube: Float64Array;
  readonly usedWeight: Float64Array;
  /** Units per sku in each bin. */
  readonly contents: Map<string, number>[];
  /** Open lots per sku, oldest first. */
  readonly lotsBySku = new Map<string, Lot[]>();
  /** Inside dimensions of each bin, smallest first (3 per bin): a fit check runs per bin and receipt line, so they are sorted once. */
  private readonly insideSorted: Float64Array;
  private nextSeq = 1;

  constructor(
    readonly locations: readonly ScenarioLocation[],
    readonly materials: ReadonlyMap<string, Material>,
    readonly dock: { x: number; y: number } = { x: 0, y: 0 },
  ) {
    this.usedCube = new Float64Array(locations.length);
    this.usedWeight = new Float64Array(locations.length);
    this.contents = locations.map(() => new Map());
    this.insideSorted = new Float64Array(3 * locations.length);
    locations.forEach((location, bin) => {
      const { l, w, h } = location.insideInches;
      this.insideSorted.set([l, w, h].sort((a, b) => a - b), 3 * bin);
    });
  }

  fitsDimensions(bin: number, material: Material): boolean {
    const inside = this.insideSorted;
    const at = 3 * bin;
    return material.sortedDims[0] <= inside[at] + EPSILON && material.sortedDims[1] <= inside[at + 1] + EPSILON && material.sortedDims[2] <= inside[at + 2] + EPSILON;
  }

  /** How many more units of `material` this bin accepts now (0 when it does not fit at all). */
  capacityFor(bin: number, material: Material): number {
    const location = this.locations[bin];
    // The product excludes bins without a positive cube or weight limit (data-quality rows).
    if (!(location.cubicFeet > 0 && location.maxWeightLbs > 0)) return 0;
    if (location.allowMixing === false) {
      const held = this.contents[bin];
      if (held.size > 0 && !held.has(material.sku)) return 0;
    }
    if (!this.fitsDimensions(bin, material)) return 0;
    const byCube = material.unitCube > 0 ? Math.floor((location.cubicFeet - this.usedCube[bin]) / material.unitCube + EPSILON) : Infinity;
    const byWeight = material.weightLbs > 0 ? Math.floor((location.maxWeightLbs - this.usedWeight[bin]) / material.weightLbs + EPSILON) : Infinity;
    return Math.max(0, Math.min(byCube, byWeight));
  }

  fill(bin: number): number {
    const cube = this.locations[bin].cubicFeet;
    return cube > 0 ? this.usedCube[bin] / cube : 0;
  }

  add(bin: number, sku: string, quantity: number, day: number, reservedFor?: string): void {
    if (quantity <= 0) return;
    const material = this.materials.get(sku);
    if (!material) throw new Error(`unknown sku ${sku}`);
    this.usedCube[bin] += material.unitCube * quantity;
    this.usedWeight[bin] += material.weightLbs * quantity;
    const held = this.contents[bin];
    held.set(sku, (held.get(sku) ?? 0) + quantity);
    const lot: Lot = { seq: this.nextSeq++, sku, bin, quantity, day, reservedFor };
    const lots = this.lotsBySku.get(sku);
    if (lots) lots.push(lot);
    else this.lotsBySku.set(sku, [lot]);
  }

  /** Takes up to `quantity` units from a lot; returns the units taken. */
  take(lot: Lot, quantity: number): number {
    const taken = Math.min(quantity, lot.quantity);
    if (taken <= 0) return 0;
    const material = this.materials.get(lot.sku) as Material;
    lot.quantity -= taken;
    this.usedCube[lot.bin] = Math.max(0, this.usedCube[lot.bin] - material.unitCube * taken);
    this.usedWeight[lot.bin] = Math.max(0, this.usedWeight[lot.bin] - material.weightLbs * taken);
    const held = this.contents[lot.bin];
    const left = (held.get(lot.sku) ?? 0) - taken;
    if (left > 0) held.set(lot.sku, left);
    else {
      held.delete(lot.sku);
      if (held.size === 0) {
        this.usedCube[lot.bin] = 0;
        this.usedWeight[lot.bin] = 0;
      }
    }
    return taken;
  }

  /** Drops emptied lots so FIFO scans stay short. */
  compact(sku: string): void {
    const lots = this.lotsBySku.get(sku);
    if (lots && lots.some((lot) => lot.quantity === 0)) this.lotsBySku.set(sku, lots.filter((lot) => lot.quantity > 0));
  }

  onHand(sku: string, includeReserved = false): number {
    let total = 0;
    for (const lot of this.lotsBySku.get(sku) ?? []) if (includeReserved || !lot.reservedFor) total += lot.quantity;
    return total;
  }
}

export function materialMap(scenario: Scenario): Map<string, Material> {
  return new Map(scenario.materials.map((material) => [material.sku, toMaterial(material)]));
}
