import { OptimizerInputError } from '../errors';
import { MAX_RECENT_ORDERS, MAX_SKUS_PER_ORDER, type CandidateLocation, type PutawayContext, type PutawayItem } from './types';

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

/** Field name of location i, built only when a value is refused (10,000 bins per call). */
function locationField(i: number, name: string): string {
  return `locations[${i}].${name}`;
}

function finiteAt(i: number, name: string, v: unknown, min = Number.NEGATIVE_INFINITY): void {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min) finite(locationField(i, name), v, min);
}

function textAt(i: number, name: string, v: unknown, optional = false): void {
  if (optional && v === undefined) return;
  if (typeof v !== 'string' || v.length === 0) text(locationField(i, name), v, optional);
}

function requireAt(ok: boolean, i: number, name: string, v: unknown, message: string): void {
  if (!ok) throw new OptimizerInputError(locationField(i, name), v, message);
}

/**
 * Validates one location. Capacity <= 0 (or non-finite) is allowed here: such
 * bins are data-quality problems and are excluded, never used.
 * @throws OptimizerInputError
 */
export function validateLocation(l: CandidateLocation, i: number): void {
  validateLocationStatic(l, i);
  validateLocationFill(l, i);
}

/** The fields a BinLayout is built from (everything but the fill). @throws OptimizerInputError */
export function validateLocationStatic(l: CandidateLocation, i: number): void {
  if (typeof l !== 'object' || l === null) throw new OptimizerInputError(`locations[${i}]`, l, 'must be an object');
  textAt(i, 'id', l.id);
  textAt(i, 'code', l.code);
  requireAt(typeof l.zone === 'string', i, 'zone', l.zone, 'must be a string');
  requireAt(typeof l.aisle === 'string', i, 'aisle', l.aisle, 'must be a string');
  requireAt(typeof l.bay === 'string', i, 'bay', l.bay, 'must be a string');
  finiteAt(i, 'level', l.level);
  finiteAt(i, 'x', l.x);
  finiteAt(i, 'y', l.y);
  requireAt(LOCATION_TYPES.has(l.type), i, 'type', l.type, 'must be PICK_FACE, RESERVE, BULK, STAGING or DOCK');
  requireAt(typeof l.cubicFeet === 'number' && !Number.isNaN(l.cubicFeet), i, 'cubicFeet', l.cubicFeet, 'must be a number');
  requireAt(typeof l.maxWeightLbs === 'number' && !Number.isNaN(l.maxWeightLbs), i, 'maxWeightLbs', l.maxWeightLbs, 'must be a number');
  const inside = l.insideInches;
  requireAt(typeof inside === 'object' && inside !== null, i, 'insideInches', inside, 'must be { l, w, h }');
  finiteAt(i, 'insideInches.l', inside.l, 0);
  finiteAt(i, 'insideInches.w', inside.w, 0);
  finiteAt(i, 'insideInches.h', inside.h, 0);
  requireAt(typeof l.allowMixing === 'boolean', i, 'allowMixing', l.allowMixing, 'must be true or false');
  requireAt(typeof l.isActive === 'boolean', i, 'isActive', l.isActive, 'must be true or false');
  textAt(i, 'temperatureClass', l.temperatureClass, true);
}

/** The fill of one location: what changes from one run to the next. @throws OptimizerInputError */
export function validateLocationFill(l: CandidateLocation, i: number): void {
  if (typeof l !== 'object' || l === null) throw new OptimizerInputError(`locations[${i}]`, l, 'must be an object');
  finiteAt(i, 'usedCubicFeet', l.usedCubicFeet, 0);
  finiteAt(i, 'usedWeightLbs', l.usedWeightLbs, 0);
  requireAt(Array.isArray(l.skus), i, 'skus', l.skus, 'must be an array of strings');
  requireAt(Array.isArray(l.lots), i, 'lots', l.lots, 'must be an array of strings');
  requireAt(l.allowedHazardClasses === undefined || Array.isArray(l.allowedHazardClasses), i, 'allowedHazardClasses', l.allowedHazardClasses, 'must be an array of strings');
}

/**
 * Validates what a BinLayout is built from: a non-empty list of locations with valid
 * static fields and unique ids. @throws OptimizerInputError
 */
export function validateLayoutLocations(input: readonly CandidateLocation[]): void {
  const locations = list('locations', input, MAX_LOCATIONS, true) as readonly CandidateLocation[];
  const ids = new Set<string>();
  for (let i = 0; i < locations.length; i++) {
    validateLocationStatic(locations[i], i);
    if (ids.has(locations[i].id)) throw new OptimizerInputError(`locations[${i}].id`, locations[i].id, 'must be unique');
    ids.add(locations[i].id);
  }
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
  if (c.recentOrders !== undefined) {
    list('context.recentOrders', c.recentOrders, MAX_RECENT_ORDERS, false).forEach((order, i) => {
      list(`context.recentOrders[${i}]`, order, MAX_SKUS_PER_ORDER, false).forEach((sku, k) => text(`context.recentOrders[${i}][${k}]`, sku));
    });
  }
}

/**
 * Validates a whole putaway input: non-empty `items` and `locations`, every
 * number finite and in range, every enum known, location ids unique. With
 * `staticFieldsValidated` (the bins come with a BinLayout built for them, which
 * validated their static fields and ids), only the bins' fill is checked.
 * @throws OptimizerInputError with `field` such as `items[3].quantity`.
 */
export function validatePutawayInput(
  input: {
    items: readonly PutawayItem[];
    locations: readonly CandidateLocation[];
    context: PutawayContext;
  },
  options: { staticFieldsValidated?: boolean } = {},
): void {
  if (typeof input !== 'object' || input === null) throw new OptimizerInputError('input', input, 'must be an object');
  const items = list('items', input.items, MAX_ITEM_LINES, true) as readonly PutawayItem[];
  const locations = list('locations', input.locations, MAX_LOCATIONS, true) as readonly CandidateLocation[];
  for (let i = 0; i < items.length; i++) validateItem(items[i], i);
  if (options.staticFieldsValidated) {
    for (let i = 0; i < locations.length; i++) validateLocationFill(locations[i], i);
  } else {
    const ids = new Set<string>();
    for (let i = 0; i < locations.length; i++) {
      validateLocation(locations[i], i);
      if (ids.has(locations[i].id)) throw new OptimizerInputError(`locations[${i}].id`, locations[i].id, 'must be unique');
      ids.add(locations[i].id);
    }
  }
  validateContext(input.context);
}
