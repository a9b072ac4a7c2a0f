import { z } from 'zod';

/**
 * The scenario format the simulator replays (documented in docs/scenario.schema.json).
 * Unknown fields are stripped (zod objects are non-strict), so exports from other tools load.
 * Event days may be negative: events before day 0 are history (orders feed ABC and affinity
 * mining; those due on or after day 0 are still open and are picked; receipts before day 0 are
 * ignored — stock on hand at day 0 belongs in initialLots).
 */
const nonNegative = z.number().finite().nonnegative();
const positive = z.number().finite().positive();

export const LOCATION_TYPES = ['PICK_FACE', 'RESERVE', 'BULK', 'STAGING', 'DOCK'] as const;
export type LocationType = (typeof LOCATION_TYPES)[number];

/**
 * Location types and ABC classes are matched ignoring case, spaces and dashes ("pick face",
 * "pick-face" and "PICK_FACE" are one type): exports from other systems spell them their own way,
 * and refusing a whole scenario over the spelling of a known word helps nobody.
 */
const normalizeWord = (value: unknown) => (typeof value === 'string' ? value.trim().toUpperCase().replace(/[\s-]+/g, '_') : value);

/**
 * Other systems' names for the five location types (after {@link normalizeWord}). Only names with
 * one clear meaning in warehousing are here; anything else is refused with the accepted list.
 */
export const LOCATION_TYPE_SYNONYMS: Readonly<Record<string, LocationType>> = Object.freeze({
  PICKFACE: 'PICK_FACE',
  PICK: 'PICK_FACE',
  FORWARD_PICK: 'PICK_FACE',
  SHELF: 'PICK_FACE',
  SHELVING: 'PICK_FACE',
  PALLET_RACK: 'RESERVE',
  RACK: 'RESERVE',
  OVERSTOCK: 'RESERVE',
  FLOOR: 'BULK',
  FLOOR_STACK: 'BULK',
  BULK_LANE: 'BULK',
  STAGE: 'STAGING',
  STAGING_LANE: 'STAGING',
  OUTBOUND_STAGING: 'STAGING',
  RECEIVING: 'DOCK',
  DOOR: 'DOCK',
});

const normalizeLocationType = (value: unknown) => {
  const word = normalizeWord(value);
  return typeof word === 'string' ? (LOCATION_TYPE_SYNONYMS[word] ?? word) : word;
};

/** Bays are labels to the engine ("07", "A3"); levels are numbers (1 = floor), as a number or a numeric string. */
const bay = z.union([nonNegative, z.string().trim().min(1)], { error: 'must be a non-negative number or a non-empty label' });
const level = z.union([nonNegative, z.string().regex(/^\s*\d+(\.\d+)?\s*$/).transform(Number)], { error: 'must be a non-negative number (1 = floor), or one written as a string such as "3"' });

export const ZScenarioLocation = z.object({
  code: z.string().min(1),
  zone: z.string().min(1),
  aisle: z.union([z.string(), z.number()]).transform(String),
  bay,
  level,
  x: z.number().finite(),
  y: z.number().finite(),
  type: z.preprocess(normalizeLocationType, z.enum(LOCATION_TYPES)).meta({
    description: `Matched ignoring case, spaces and dashes ("pick face" is PICK_FACE). Also read: ${Object.entries(LOCATION_TYPE_SYNONYMS)
      .map(([name, type]) => `${name} as ${type}`)
      .join(', ')}.`,
  }),
  cubicFeet: nonNegative,
  maxWeightLbs: nonNegative,
  insideInches: z.object({ l: nonNegative, w: nonNegative, h: nonNegative }),
  allowMixing: z.boolean().optional(),
});

export const ZScenarioMaterial = z.object({
  sku: z.string().min(1),
  lengthIn: positive,
  widthIn: positive,
  heightIn: positive,
  weightLbs: nonNegative,
  abc: z.preprocess(normalizeWord, z.enum(['A', 'B', 'C'])).optional().meta({ description: 'Matched ignoring case. Missing: derived from the order history before day 0.' }),
});

/**
 * The last day a scenario may name (ten years). The replay walks every day up to the last one, so
 * an absurd day (a date typed as 20261203) would otherwise run for ever instead of being refused.
 */
export const MAX_SCENARIO_DAY = 3650;

/**
 * The largest quantity on one receipt, order line or lot. The engine takes a receipt in lines of at
 * most a million units, so an absurd quantity (1e15) would become a billion lines instead of an error.
 */
export const MAX_QUANTITY = 1_000_000_000;

const quantity = z.number().int().nonnegative().max(MAX_QUANTITY);
const day = z.number().int().max(MAX_SCENARIO_DAY);

export const ZScenarioEvent = z.discriminatedUnion('kind', [
  z.object({ day, kind: z.literal('receipt'), sku: z.string().min(1), quantity }),
  z.object({
    day,
    kind: z.literal('order'),
    id: z.union([z.string(), z.number()]).transform(String),
    due: day.optional(),
    lines: z.array(z.object({ sku: z.string().min(1), quantity })).min(1),
  }),
]);

export const ZScenario = z.object({
  name: z.string().default('scenario'),
  dock: z.object({ x: z.number().finite(), y: z.number().finite() }),
  locations: z.array(ZScenarioLocation).min(1),
  materials: z.array(ZScenarioMaterial).min(1),
  initialLots: z.array(z.object({ sku: z.string().min(1), locationCode: z.string().min(1), quantity })).default([]),
  events: z.array(ZScenarioEvent).default([]),
});

export type Scenario = z.infer<typeof ZScenario>;
export type ScenarioLocation = Scenario['locations'][number];
export type ScenarioMaterial = Scenario['materials'][number];
export type ScenarioEvent = Scenario['events'][number];
export type OrderEvent = Extract<ScenarioEvent, { kind: 'order' }>;
export type ReceiptEvent = Extract<ScenarioEvent, { kind: 'receipt' }>;

export class ScenarioError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
    this.name = 'ScenarioError';
  }
}

function pathOf(path: readonly PropertyKey[]): string {
  return path.map((part, index) => (typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`)).join('');
}

/**
 * Validates a parsed JSON value as a scenario. Throws ScenarioError naming the first bad
 * field (e.g. `locations[3].cubicFeet: Too small: expected number to be >=0`).
 */
export function parseScenario(input: unknown): Scenario {
  const parsed = ZScenario.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ScenarioError(pathOf(issue?.path ?? []) || '(root)', issue?.message ?? 'invalid scenario');
  }
  const scenario = parsed.data;
  const codes = new Set<string>();
  scenario.locations.forEach((location, index) => {
    if (codes.has(location.code)) throw new ScenarioError(`locations[${index}].code`, `duplicate location code "${location.code}"`);
    codes.add(location.code);
  });
  const skus = new Set<string>();
  scenario.materials.forEach((material, index) => {
    if (skus.has(material.sku)) throw new ScenarioError(`materials[${index}].sku`, `duplicate sku "${material.sku}"`);
    skus.add(material.sku);
  });
  scenario.initialLots.forEach((lot, index) => {
    if (!skus.has(lot.sku)) throw new ScenarioError(`initialLots[${index}].sku`, `unknown sku "${lot.sku}"`);
    if (!codes.has(lot.locationCode)) throw new ScenarioError(`initialLots[${index}].locationCode`, `unknown location code "${lot.locationCode}"`);
  });
  scenario.events.forEach((event, index) => {
    if (event.kind === 'receipt') {
      if (!skus.has(event.sku)) throw new ScenarioError(`events[${index}].sku`, `unknown sku "${event.sku}"`);
      return;
    }
    if (event.due !== undefined && event.due < event.day) throw new ScenarioError(`events[${index}].due`, 'due must not be before day');
    event.lines.forEach((line, lineIndex) => {
      if (!skus.has(line.sku)) throw new ScenarioError(`events[${index}].lines[${lineIndex}].sku`, `unknown sku "${line.sku}"`);
    });
  });
  return scenario;
}

/** The JSON Schema of the scenario format (docs/scenario.schema.json is this, printed by `simulate -- --schema`). */
export function scenarioJsonSchema(): Record<string, unknown> {
  return {
    $id: 'https://binwise.example/docs/scenario.schema.json',
    title: 'Binwise simulator scenario',
    description:
      'A warehouse (dock, locations, materials, stock at day 0) and the receipts and orders to replay day by day. Unknown fields are ignored. Events with day < 0 are history: their orders feed ABC classification and co-pick affinity; those with a due day >= 0 are still open and are picked then. Distances are in feet, dimensions in inches, weights in pounds. See docs/simulator.md.',
    ...(z.toJSONSchema(ZScenario, { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>),
  };
}
