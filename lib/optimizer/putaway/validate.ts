import { OptimizerInputError } from '../errors';
import type { CandidateLocation, PutawayContext, PutawayItem } from './types';

/** Largest batch accepted: item lines and candidate locations. */
export const MAX_ITEM_LINES = 100_000;
export const MAX_LOCATIONS = 1_000_000;
/** Largest quantity on one line. */
export const MAX_UNITS_PER_LINE = 1_000_000;

const LOCATION_TYPES = new Set(['PICK_FACE', 'RESERVE', 'BULK', 'STAGING', 'DOCK']);

function finite(field: string, v: unknown, min = Number.NEGATIVE_INFINITY, strictMin = false): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min || (strictMin && v === min)) {
    const bound = min === Number.NEGATIVE_INFINITY ? '' : strictMin ? ` > ${min}` : ` >= ${min}`;
    throw new OptimizerInputError(field, v, `must be a finite number${bound}`);
  }
  return v;
}

function text(field: string, v: unknown, optional = false): void {
  if (optional && v === undefined) return;
  if (typeof v !== 'string' || v.length === 0) throw new OptimizerInputError(field, v, 'must be a non-empty string');
}

function list(field: string, v: unknown, max: number, nonEmpty: boolean): readonly unknown[] {
  if (!Array.isArray(v)) throw new OptimizerInputError(field, v, 'must be an array');
  if (nonEmpty && v.length === 0) throw new OptimizerInputError(field, v, 'must not be empty');
  if (v.length > max) throw new OptimizerInputError(field, v, `must hold at most ${max} entries`);
  return v;
}

/** Validates one item line. @throws OptimizerInputError */
export function validateItem(it: PutawayItem, i: number): void {
  const p = `items[${i}]`;
  if (typeof it !== 'object' || it === null) throw new OptimizerInputError(p, it, 'must be an object');
  text(`${p}.sku`, it.sku);
  const q = it.quantity;
  if (typeof q !== 'number' || !Number.isInteger(q) || q < 1 || q > MAX_UNITS_PER_LINE) {
    throw new OptimizerInputError(`${p}.quantity`, q, `must be an integer in [1, ${MAX_UNITS_PER_LINE}]`);
  }
  finite(`${p}.lengthIn`, it.lengthIn, 0, true);
  finite(`${p}.widthIn`, it.widthIn, 0, true);
  finite(`${p}.heightIn`, it.heightIn, 0, true);
  finite(`${p}.unitWeightLbs`, it.unitWeightLbs, 0);
  if (it.abc !== 'A' && it.abc !== 'B' && it.abc !== 'C') throw new OptimizerInputError(`${p}.abc`, it.abc, "must be 'A', 'B' or 'C'");
  text(`${p}.lotNumber`, it.lotNumber, true);
  text(`${p}.hazardClass`, it.hazardClass, true);
  text(`${p}.temperatureClass`, it.temperatureClass, true);
}

/**
 * Validates one location. Capacity <= 0 (or non-finite) is allowed here: such
 * bins are data-quality problems and are excluded, never used.
 * @throws OptimizerInputError
 */
export function validateLocation(l: CandidateLocation, i: number): void {
  const p = `locations[${i}]`;
  if (typeof l !== 'object' || l === null) throw new OptimizerInputError(p, l, 'must be an object');
  text(`${p}.id`, l.id);
  text(`${p}.code`, l.code);
  if (typeof l.zone !== 'string') throw new OptimizerInputError(`${p}.zone`, l.zone, 'must be a string');
  if (typeof l.aisle !== 'string') throw new OptimizerInputError(`${p}.aisle`, l.aisle, 'must be a string');
  if (typeof l.bay !== 'string') throw new OptimizerInputError(`${p}.bay`, l.bay, 'must be a string');
  finite(`${p}.level`, l.level);
  finite(`${p}.x`, l.x);
  finite(`${p}.y`, l.y);
  if (!LOCATION_TYPES.has(l.type)) throw new OptimizerInputError(`${p}.type`, l.type, 'must be PICK_FACE, RESERVE, BULK, STAGING or DOCK');
  if (typeof l.cubicFeet !== 'number' || Number.isNaN(l.cubicFeet)) throw new OptimizerInputError(`${p}.cubicFeet`, l.cubicFeet, 'must be a number');
  if (typeof l.maxWeightLbs !== 'number' || Number.isNaN(l.maxWeightLbs)) throw new OptimizerInputError(`${p}.maxWeightLbs`, l.maxWeightLbs, 'must be a number');
  const inside = l.insideInches;
  if (typeof inside !== 'object' || inside === null) throw new OptimizerInputError(`${p}.insideInches`, inside, 'must be { l, w, h }');
  finite(`${p}.insideInches.l`, inside.l, 0);
  finite(`${p}.insideInches.w`, inside.w, 0);
  finite(`${p}.insideInches.h`, inside.h, 0);
  finite(`${p}.usedCubicFeet`, l.usedCubicFeet, 0);
  finite(`${p}.usedWeightLbs`, l.usedWeightLbs, 0);
  if (!Array.isArray(l.skus)) throw new OptimizerInputError(`${p}.skus`, l.skus, 'must be an array of strings');
  if (!Array.isArray(l.lots)) throw new OptimizerInputError(`${p}.lots`, l.lots, 'must be an array of strings');
  if (typeof l.allowMixing !== 'boolean') throw new OptimizerInputError(`${p}.allowMixing`, l.allowMixing, 'must be true or false');
  if (typeof l.isActive !== 'boolean') throw new OptimizerInputError(`${p}.isActive`, l.isActive, 'must be true or false');
  if (l.allowedHazardClasses !== undefined && !Array.isArray(l.allowedHazardClasses)) {
    throw new OptimizerInputError(`${p}.allowedHazardClasses`, l.allowedHazardClasses, 'must be an array of strings');
  }
  text(`${p}.temperatureClass`, l.temperatureClass, true);
}

/** Validates the context. @throws OptimizerInputError */
export function validateContext(c: PutawayContext): void {
  if (typeof c !== 'object' || c === null) throw new OptimizerInputError('context', c, 'must be an object');
  if (typeof c.dock !== 'object' || c.dock === null) throw new OptimizerInputError('context.dock', c.dock, 'must be { x, y }');
  finite('context.dock.x', c.dock.x);
  finite('context.dock.y', c.dock.y);
  finite('context.now', c.now);
  finite('context.seed', c.seed);
  const aff = list('context.affinity', c.affinity, 10_000_000, false);
  aff.forEach((a, i) => {
    const pair = a as { skuA: unknown; skuB: unknown; lift: unknown };
    if (typeof pair !== 'object' || pair === null) throw new OptimizerInputError(`context.affinity[${i}]`, a, 'must be { skuA, skuB, lift }');
    text(`context.affinity[${i}].skuA`, pair.skuA);
    text(`context.affinity[${i}].skuB`, pair.skuB);
    finite(`context.affinity[${i}].lift`, pair.lift, 0);
  });
  const tasks = c.openPickTasksByAisle;
  if (typeof tasks !== 'object' || tasks === null) throw new OptimizerInputError('context.openPickTasksByAisle', tasks, 'must be an object');
  for (const [aisle, count] of Object.entries(tasks)) finite(`context.openPickTasksByAisle.${aisle}`, count, 0);
  const demand = list('context.openDemand', c.openDemand, 10_000_000, false);
  demand.forEach((d, i) => {
    const row = d as { sku: unknown; quantity: unknown; dueAt: unknown; orderRef: unknown };
    if (typeof row !== 'object' || row === null) throw new OptimizerInputError(`context.openDemand[${i}]`, d, 'must be an object');
    text(`context.openDemand[${i}].sku`, row.sku);
    finite(`context.openDemand[${i}].quantity`, row.quantity, 0);
    finite(`context.openDemand[${i}].dueAt`, row.dueAt);
    text(`context.openDemand[${i}].orderRef`, row.orderRef);
  });
}

/**
 * Validates a whole putaway input: non-empty `items` and `locations`, every
 * number finite and in range, every enum known, location ids unique.
 * @throws OptimizerInputError with `field` such as `items[3].quantity`.
 */
export function validatePutawayInput(input: {
  items: readonly PutawayItem[];
  locations: readonly CandidateLocation[];
  context: PutawayContext;
}): void {
  if (typeof input !== 'object' || input === null) throw new OptimizerInputError('input', input, 'must be an object');
  const items = list('items', input.items, MAX_ITEM_LINES, true) as readonly PutawayItem[];
  const locations = list('locations', input.locations, MAX_LOCATIONS, true) as readonly CandidateLocation[];
  for (let i = 0; i < items.length; i++) validateItem(items[i], i);
  const ids = new Set<string>();
  for (let i = 0; i < locations.length; i++) {
    validateLocation(locations[i], i);
    if (ids.has(locations[i].id)) throw new OptimizerInputError(`locations[${i}].id`, locations[i].id, 'must be unique');
    ids.add(locations[i].id);
  }
  validateContext(input.context);
}
