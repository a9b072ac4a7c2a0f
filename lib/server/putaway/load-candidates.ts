import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import type { BinLayout } from '@/lib/optimizer/putaway/layout';
import type { Tx } from '../db';
import { cacheAvailability } from '../cache/cache-availability';
import { findLocationFill } from '../cache/find-location-fill';
import { LOCATIONS_JSON, loadLocations, parseLocations, type LocationWithFill } from './load-putaway-inputs';
import { buildMaster, cacheMaster, cachedMaster, type LocationMaster } from './location-master';
import type { PhaseTimer } from './phase-timer';

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

/**
 * The fill of every bin of the master, by its position in `LocationMaster.all`: volume and
 * weight on hand, whether it holds any SKU, and the SKU and lot lists where they matter.
 */
export type FillColumns = {
  usedCubicFeet: Float64Array;
  usedWeightLbs: Float64Array;
  /** 1 when the bin holds at least one SKU. */
  stocked: Uint8Array;
  /** Full SKU lists, only for the bins that need them (see loadCandidateLocations). */
  skus: Map<number, string[]>;
  /** Full lot lists, only for the bins that need them. */
  lots: Map<number, string[]>;
};

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
  /** The engine's layout of the bins `materialize` returns (see LocationMaster.layoutFor). */
  layoutFor: (dock: { x: number; y: number }) => BinLayout;
};

/**
 * The bins the engine may choose from, with their fill. When the utilization cache is
 * usable: ONE statement (after the cache check) returns the master's version and the fill
 * of every bin as 17 bytes (two float8 and a flag, in the master's order, base64), plus
 * the SKU lists of the bins that hold a SKU of the receipt or a co-picked partner and the
 * lot lists of the bins that hold one of the receipt's lots; the bin master data (codes,
 * coordinates, capacities) is cached per process under that version. When the version is
 * new, the same statement is run once more with the master data in it, so master and fill
 * always come from one snapshot. Other bins get a placeholder SKU list when they hold
 * anything, so "does not allow mixing" and "holds only this SKU" decide exactly as with
 * the full list. Without the cache (the runbook's rollback): bins, then live fill from lots.
 * Inactive and invalid-capacity bins are left out and counted.
 */
export async function loadCandidateLocations(tx: Tx, tenantId: string, relevant: Relevant, timer?: PhaseTimer): Promise<Candidates> {
  const { usable } = await cacheAvailability(tx);
  timer?.mark('candidates.cacheCheck');
  const { master, fill } = usable ? await loadFromCache(tx, tenantId, relevant) : await loadLive(tx);
  timer?.mark('candidates.fill');
  const hazardClasses = [...relevant.hazardClasses];
  return { excluded: master.excluded, materialize: () => fillLocations(master, fill, hazardClasses), layoutFor: master.layoutFor };
}

type CacheRow = { version: string; fill: string | null; sku_lists: string | null; lot_lists: string | null; locations?: string | null };

async function loadFromCache(tx: Tx, tenantId: string, relevant: Relevant): Promise<{ master: LocationMaster; fill: FillColumns }> {
  const [row] = await tx.$queryRaw<CacheRow[]>`SELECT ${cacheColumns(relevant)} ${cacheFrom(relevant)}`;
  const known = row ? cachedMaster(tenantId, row.version) : null;
  if (row && known) return { master: known, fill: decodeFill(known, row) };
  // A new version of the bins: master data and fill again, from one snapshot.
  const [full] = await tx.$queryRaw<CacheRow[]>`SELECT ${cacheColumns(relevant)}, ${LOCATIONS_JSON} AS locations ${cacheFrom(relevant)}`;
  const master = buildMaster(parseLocations(full?.locations ?? null));
  if (full) cacheMaster(tenantId, full.version, master);
  return { master, fill: decodeFill(master, full ?? { version: '', fill: null, sku_lists: null, lot_lists: null }) };
}

/**
 * Every bin with its zone and cache row, and `rl` set for the bins holding a lot number of
 * the receipt (found through the lots index, not by testing every bin's lot list).
 */
function cacheFrom(relevant: Relevant): Prisma.Sql {
  return Prisma.sql`FROM inventory_locations l JOIN zones z ON z.zone_id = l.zone_id
    LEFT JOIN bin_utilization_cache c ON c.location_id = l.location_id
    LEFT JOIN (SELECT DISTINCT t.location_id FROM lots t WHERE t.lot_number = ANY(${[...relevant.lotNumbers]}::text[])) rl ON rl.location_id = l.location_id`;
}

/** Bytes per bin in the `fill` column: used cubic feet, used pounds (float8, big-endian), flags. */
const FILL_STRIDE = 17;
const STOCKED = 1;
const SKUS_SENT = 2;
const LOTS_SENT = 4;
const flag = (bit: number) => Prisma.raw(String(bit));

/**
 * The version of the master data (its row count and newest and summed row versions), the
 * fill column in master order, and the full SKU lists (lot lists) of the flagged bins in the
 * same order. A bin's SKUs matter when it holds a SKU of the receipt or a co-picked partner:
 * a hashed `= ANY` on its first SKU (most bins hold one), on all of them only for mixed bins
 * (`&&` against every bin compares every pair: 30+ ms on 10,000 bins with a few hundred
 * relevant SKUs). Its lots matter when it holds a lot of the receipt, checked against the
 * cache's own list (derived from lots) on the few bins `rl` found.
 */
function cacheColumns(relevant: Relevant): Prisma.Sql {
  const skus = [...relevant.skus];
  const lots = [...relevant.lotNumbers];
  // array_lower: an array's first subscript is not always 1
  const skusMatter = Prisma.sql`(c.skus[array_lower(c.skus, 1)] = ANY(${skus}::text[])
    OR (cardinality(c.skus) > 1 AND EXISTS (SELECT FROM unnest(c.skus) AS sku WHERE sku = ANY(${skus}::text[]))))`;
  const lotsMatter = Prisma.sql`(rl.location_id IS NOT NULL AND c.lot_numbers && ${lots}::text[])`;
  const order = Prisma.sql`ORDER BY l.location_code COLLATE "C"`;
  return Prisma.sql`
    concat_ws(':', COUNT(*), MAX(l.xmin::text::bigint), SUM(l.xmin::text::bigint),
      (SELECT concat_ws(':', COUNT(*), MAX(xmin::text::bigint), SUM(xmin::text::bigint)) FROM zones)) AS version,
    encode(string_agg(float8send(COALESCE(c.used_cubic_feet, 0)) || float8send(COALESCE(c.used_weight_lbs, 0))
      || set_byte(decode('00', 'hex'), 0, (CASE WHEN cardinality(c.skus) > 0 THEN ${flag(STOCKED)} ELSE 0 END)
        + (CASE WHEN ${skusMatter} THEN ${flag(SKUS_SENT)} ELSE 0 END) + (CASE WHEN ${lotsMatter} THEN ${flag(LOTS_SENT)} ELSE 0 END)),
      ''::bytea ${order}), 'base64') AS fill,
    (json_agg(c.skus ${order}) FILTER (WHERE ${skusMatter}))::text AS sku_lists,
    (json_agg(c.lot_numbers ${order}) FILTER (WHERE ${lotsMatter}))::text AS lot_lists`;
}

function decodeFill(master: LocationMaster, row: CacheRow): FillColumns {
  const n = master.all.length;
  const bytes = Buffer.from(row.fill ?? '', 'base64');
  if (bytes.length !== n * FILL_STRIDE) throw new Error(`bin fill for ${bytes.length / FILL_STRIDE} bins, master has ${n}`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const skuLists = JSON.parse(row.sku_lists ?? '[]') as string[][];
  const lotLists = JSON.parse(row.lot_lists ?? '[]') as string[][];
  const fill: FillColumns = { usedCubicFeet: new Float64Array(n), usedWeightLbs: new Float64Array(n), stocked: new Uint8Array(n), skus: new Map(), lots: new Map() };
  let nextSkus = 0;
  let nextLots = 0;
  for (let i = 0, at = 0; i < n; i++, at += FILL_STRIDE) {
    fill.usedCubicFeet[i] = view.getFloat64(at, false);
    fill.usedWeightLbs[i] = view.getFloat64(at + 8, false);
    const flags = bytes[at + 16]!;
    fill.stocked[i] = flags & STOCKED;
    if (flags & SKUS_SENT) fill.skus.set(i, skuLists[nextSkus++]!);
    if (flags & LOTS_SENT) fill.lots.set(i, lotLists[nextLots++]!);
  }
  if (nextSkus !== skuLists.length || nextLots !== lotLists.length) throw new Error('SKU or lot lists do not match the flagged bins');
  return fill;
}

/** After the runbook's rollback: every bin, then the fill computed from lots, with full SKU and lot lists. */
async function loadLive(tx: Tx): Promise<{ master: LocationMaster; fill: FillColumns }> {
  const master = buildMaster(await loadLocations(tx));
  const n = master.all.length;
  const fill: FillColumns = { usedCubicFeet: new Float64Array(n), usedWeightLbs: new Float64Array(n), stocked: new Uint8Array(n), skus: new Map(), lots: new Map() };
  for (const f of await findLocationFill(tx)) {
    const at = master.positionById.get(f.locationId);
    if (at === undefined) continue;
    fill.usedCubicFeet[at] = f.usedCubicFeet;
    fill.usedWeightLbs[at] = f.usedWeightLbs;
    fill.stocked[at] = f.skus.length > 0 ? 1 : 0;
    fill.skus.set(at, f.skus);
    fill.lots.set(at, f.lots);
  }
  return { master, fill };
}

// Shared by every bin they describe; frozen because the engine must never write into its input.
const NO_STRINGS: readonly string[] = Object.freeze([]);
const OTHER_SKUS_ONLY: readonly string[] = Object.freeze([OTHER_SKUS]);

/** Writes this batch's fill into the usable bins (see Candidates.materialize for why in place). */
function fillLocations(master: LocationMaster, fill: FillColumns, hazardClasses: string[]): LocationWithFill[] {
  const { usable, usablePosition } = master;
  for (let k = 0; k < usable.length; k++) {
    const location = usable[k]!;
    const at = usablePosition[k]!;
    // Negative stock (a data-quality defect) must not make a bin look emptier than empty.
    location.usedCubicFeet = Math.max(0, fill.usedCubicFeet[at]!);
    location.usedWeightLbs = Math.max(0, fill.usedWeightLbs[at]!);
    location.skus = fill.skus.get(at) ?? (fill.stocked[at] ? OTHER_SKUS_ONLY : NO_STRINGS);
    location.lots = fill.lots.get(at) ?? NO_STRINGS;
    location.allowedHazardClasses = location.zoneHazardAllowed ? hazardClasses : NO_STRINGS;
  }
  return usable;
}
