import 'server-only';
import { CROSS_DOCK_TYPES, STORAGE_TYPES, resolveConfig, staticRejection, type OptimizerConfig, type PutawayItem, type UnplaceableCode } from '@/lib/optimizer';
import { capacityConfig, type CapacityRules } from '@/lib/schemas/capacity';
import type { Tx } from '../db';
import { AppError } from '../errors';
import type { LockedRecommendation } from './decision-core';
import { LOCATIONS_JSON, loadMaterialsBySku, parseLocations, type LocationWithFill } from './load-putaway-inputs';
import { hasDimensions, toItem } from './run-engine';

type TargetRow = { data: string | null };

/**
 * The bin a supervisor typed instead of the recommendation, held to the engine's hard rules
 * that do not depend on what the bin holds: the kind of bin (storage, or staging for
 * cross-dock), hazard, temperature, the heavy-unit rule and fit (`staticRejection`, the
 * engine's own rule set). Without it an override could put a 2,000 lb paper roll on a
 * level-4 hand-picked shelf, or into a bin whose opening it cannot pass. Mixing and room
 * depend on the bin's live stock and are re-checked next by `lockAndCheckRoom`.
 *
 * The bin row is locked here (FOR UPDATE, the lock the room re-check takes right after), so
 * its rules cannot change between this check and the write. Returns the bin's id; throws
 * BAD_USER_INPUT naming `locationCode` before anything is written.
 */
export async function checkOverrideTarget(tx: Tx, input: { recommendation: LockedRecommendation; locationCode: string; capacity: CapacityRules }): Promise<string> {
  const { recommendation: rec, locationCode, capacity } = input;
  const [row] = await tx.$queryRaw<TargetRow[]>`
    SELECT ${LOCATIONS_JSON} AS data
    FROM (SELECT * FROM inventory_locations WHERE location_code = ${locationCode} FOR UPDATE) l JOIN zones z ON z.zone_id = l.zone_id`;
  const [bin] = parseLocations(row?.data ?? null);
  if (!bin) throw refusal(`locationCode: no bin "${locationCode}" in this warehouse.`, 'unknown bin');

  const crossDockOrder = rec.cross_dock_order_ref;
  if (crossDockOrder === null && !STORAGE_TYPES.has(bin.type)) {
    throw refusal(
      `locationCode: ${bin.code} is ${typeName(bin.type)}, for cross-dock only; units put away to stock go to a pick face, reserve rack or bulk lane.`,
      'not a storage bin',
    );
  }
  if (crossDockOrder !== null && !CROSS_DOCK_TYPES.has(bin.type)) {
    throw refusal(`locationCode: ${bin.code} is ${typeName(bin.type)}; these units are promised to order ${crossDockOrder} and go to a staging lane or dock door.`, 'not a staging lane or dock door');
  }

  const material = (await loadMaterialsBySku(tx, [rec.sku])).get(rec.sku);
  if (!material) throw refusal(`locationCode: ${bin.code} cannot be checked: ${rec.sku} is no longer an active material. Accept the recommended bin or reject it.`, 'material inactive');
  if (!hasDimensions(material)) {
    throw refusal(`locationCode: ${bin.code} cannot be checked: ${rec.sku} has no dimensions on file; fix it in the item master or accept the recommended bin.`, 'material has no dimensions');
  }
  const item = toItem({ sku: rec.sku, quantity: rec.quantity, lotNumber: rec.lot_number, material });
  // As loadCandidateLocations does: a hazard-approved zone takes every hazard class of the receipt.
  const location = { ...bin, allowedHazardClasses: bin.zoneHazardAllowed && item.hazardClass ? [item.hazardClass] : [] };
  // The config runEngine plans with: the tenant's capacity rules over the engine's defaults (the
  // heavy-unit limit among them). Flags and algorithm do not touch these rules.
  const config = resolveConfig(capacityConfig(capacity));
  // No held SKUs: mixing is checked under the row lock against live lots (lockAndCheckRoom).
  const code = staticRejection(item, location, [], config);
  if (code) throw refusal(ruleMessage(code, item, location, config), FIELD_ERRORS[code] ?? 'bin not eligible');
  return bin.id;
}

function refusal(message: string, fieldError: string): AppError {
  return new AppError('BAD_USER_INPUT', message, { fieldErrors: { locationCode: [fieldError] } });
}

const TYPE_NAMES: Readonly<Record<string, string>> = {
  PICK_FACE: 'a pick face',
  RESERVE: 'a reserve rack',
  BULK: 'a bulk lane',
  STAGING: 'a staging lane',
  DOCK: 'a dock door',
};
const typeName = (type: string) => TYPE_NAMES[type] ?? `a ${type} location`;

const FIELD_ERRORS: Partial<Record<UnplaceableCode, string>> = {
  HAZARD_INCOMPATIBLE: 'zone not approved for hazardous material',
  TEMPERATURE_INCOMPATIBLE: 'temperature class does not match',
  HEAVY_UNIT_RESTRICTED: 'too heavy for hand-picked shelving above the floor',
  DOES_NOT_FIT: 'unit does not fit through the opening',
};

const number = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
const size = (a: number, b: number, c: number) => `${number.format(a)} × ${number.format(b)} × ${number.format(c)}`;
const temperature = (value: string | undefined) => (value ?? 'AMBIENT').toLowerCase();

/** The rule `staticRejection` named, in a supervisor's words, with the numbers that broke it. */
function ruleMessage(code: UnplaceableCode, item: PutawayItem, bin: LocationWithFill, config: OptimizerConfig): string {
  switch (code) {
    case 'HAZARD_INCOMPATIBLE':
      return `locationCode: ${bin.code} is not in a zone approved for ${item.hazardClass} material.`;
    case 'TEMPERATURE_INCOMPATIBLE':
      return `locationCode: ${bin.code} is a ${temperature(bin.temperatureClass)} bin and ${item.sku} is ${temperature(item.temperatureClass)}; the temperature classes must match.`;
    case 'HEAVY_UNIT_RESTRICTED':
      return (
        `locationCode: ${bin.code} is hand-picked shelving above the floor (level ${bin.level}), where a ${number.format(item.unitWeightLbs)} lb unit may not go; ` +
        `heavy units over ${number.format(config.heavyUnitLbs)} lb go to racks, lanes or floor level.`
      );
    case 'DOES_NOT_FIT':
      return (
        `locationCode: ${bin.code} has a ${size(bin.insideInches.l, bin.insideInches.w, bin.insideInches.h)} in opening, ` +
        `which a ${size(item.lengthIn, item.widthIn, item.heightIn)} in unit does not pass in any orientation.`
      );
    default:
      return `locationCode: ${bin.code} may not take ${item.sku} (${code}).`;
  }
}
