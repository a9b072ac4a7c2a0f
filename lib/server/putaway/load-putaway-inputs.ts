import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import { MAX_RECENT_ORDERS, MAX_SKUS_PER_ORDER, RECENT_ORDERS_PER_SKU, type CandidateLocation } from '@/lib/optimizer';
import { AFFINITY_WINDOW_DAYS } from '../affinity/refresh-sku-affinity';
import type { Tx } from '../db';

/** One material of the receipt, as the engine and the decision paths need it. */
export type MaterialInfo = {
  materialId: string;
  sku: string;
  category: string;
  lengthInches: number | null;
  widthInches: number | null;
  heightInches: number | null;
  weightLbs: number | null;
  abcClassification: string | null;
  hazardClass: string | null;
  temperatureClass: string | null;
};

/**
 * A bin with its live (or cached) fill, already in the engine's CandidateLocation shape, so
 * 10,000 of them are built once per batch and handed to the engine without another copy.
 */
export type LocationWithFill = CandidateLocation & { zoneHazardAllowed: boolean };

export type OpenDemandLine = { sku: string; quantity: number; dueAt: string; orderRef: string };
export type AffinityPair = { skuA: string; skuB: string; lift: number; coPickCount: number };

export async function loadMaterialsBySku(tx: Tx, skus: readonly string[]): Promise<Map<string, MaterialInfo>> {
  const rows = await tx.$queryRaw<
    { material_id: string; sku: string; category: string; length_inches: number | null; width_inches: number | null; height_inches: number | null; weight_lbs: number | null; abc_classification: string | null; hazard_class: string | null; temperature_class: string | null }[]
  >`SELECT material_id::text, sku, category, length_inches, width_inches, height_inches, weight_lbs, abc_classification, hazard_class, temperature_class
    FROM materials WHERE is_active AND sku = ANY(${skus as string[]}::text[])`;
  return new Map(
    rows.map((r) => [
      r.sku,
      {
        materialId: r.material_id,
        sku: r.sku,
        category: r.category,
        lengthInches: r.length_inches,
        widthInches: r.width_inches,
        heightInches: r.height_inches,
        weightLbs: r.weight_lbs,
        abcClassification: r.abc_classification,
        hazardClass: r.hazard_class,
        temperatureClass: r.temperature_class,
      },
    ]),
  );
}

type LocationJson = Omit<LocationWithFill, 'insideInches' | 'usedCubicFeet' | 'usedWeightLbs' | 'skus' | 'lots' | 'temperatureClass'> & {
  l: number;
  w: number;
  h: number;
  temperatureClass: string | null;
};

/**
 * Every bin (`l`, joined to its zone `z`) as ONE JSON text value, ordered by location_code
 * (C collation, the master order: see LocationMaster). For 10,000 bins JSON.parse is several
 * times faster than decoding rows one by one.
 */
export const LOCATIONS_JSON = Prisma.sql`json_agg(json_build_object(
      'id', l.location_id, 'code', l.location_code, 'zone', z.code, 'zoneHazardAllowed', z.hazard_allowed,
      'aisle', l.aisle, 'bay', l.bay::text, 'level', l.level, 'x', l.x_feet, 'y', l.y_feet, 'type', l.location_type,
      'cubicFeet', l.cubic_feet, 'maxWeightLbs', l.max_weight_lbs,
      'l', l.inside_length_inches, 'w', l.inside_width_inches, 'h', l.inside_height_inches,
      'allowMixing', l.allow_mixing, 'temperatureClass', l.temperature_class, 'isActive', l.is_active)
      ORDER BY l.location_code COLLATE "C")::text`;

/**
 * The bins of a {@link LOCATIONS_JSON} value, empty of stock. Every field is written in one
 * object literal, in one order: all bins then share one hidden class, and the engine's
 * per-bin loops stay fast (objects built with rest/spread copies were several times slower
 * to read in buildState and validation).
 */
export function parseLocations(data: string | null): LocationWithFill[] {
  const parsed = JSON.parse(data ?? '[]') as LocationJson[];
  return parsed.map((r) => ({
    id: r.id,
    code: r.code,
    zone: r.zone,
    zoneHazardAllowed: r.zoneHazardAllowed,
    aisle: r.aisle,
    bay: r.bay,
    level: r.level,
    x: r.x,
    y: r.y,
    type: r.type,
    cubicFeet: r.cubicFeet,
    maxWeightLbs: r.maxWeightLbs,
    insideInches: { l: r.l, w: r.w, h: r.h },
    usedCubicFeet: 0,
    usedWeightLbs: 0,
    skus: [],
    lots: [],
    allowMixing: r.allowMixing,
    isActive: r.isActive,
    allowedHazardClasses: [],
    temperatureClass: r.temperatureClass ?? undefined,
  }));
}

/** Every bin of the tenant, in ONE statement, without its fill (see loadCandidateLocations). */
export async function loadLocations(tx: Tx): Promise<LocationWithFill[]> {
  const rows = await tx.$queryRaw<{ data: string | null }[]>`
    SELECT ${LOCATIONS_JSON} AS data FROM inventory_locations l JOIN zones z ON z.zone_id = l.zone_id`;
  return parseLocations(rows[0]?.data ?? null);
}

/**
 * The facility's dock (the origin of every travel distance) and the open pick tasks per
 * aisle (where pickers are right now: the congestion penalty), in one statement. The aisle
 * is looked up per task through the primary key: as a join, the planner scanned all 10,000
 * bins to serve a few hundred tasks (7 ms against 1 ms). Tasks whose bin is not visible are
 * left out, as the join did.
 */
export async function loadDockAndPickTasks(tx: Tx): Promise<{ dock: { x: number; y: number }; openPickTasksByAisle: Record<string, number> }> {
  const rows = await tx.$queryRaw<{ dock: string | null; tasks: string | null }[]>`
    SELECT (SELECT json_build_array(dock_x_feet, dock_y_feet) FROM facilities ORDER BY code LIMIT 1)::text AS dock,
      (SELECT json_object_agg(t.aisle, t.n) FROM (
        SELECT t.aisle, COUNT(*)::int AS n
        FROM (SELECT (SELECT l.aisle FROM inventory_locations l WHERE l.location_id = p.location_id) AS aisle FROM pick_tasks p WHERE p.status = 'OPEN') t
        WHERE t.aisle IS NOT NULL GROUP BY t.aisle) t)::text AS tasks`;
  const dock = rows[0]?.dock ? (JSON.parse(rows[0].dock) as [number, number]) : null;
  return { dock: dock ? { x: dock[0], y: dock[1] } : { x: 0, y: 0 }, openPickTasksByAisle: JSON.parse(rows[0]?.tasks ?? '{}') as Record<string, number> };
}

/** Unpicked quantity of OPEN sales orders for the receipt's materials (cross-dock candidates). */
export async function loadOpenDemand(tx: Tx, materialIds: readonly string[]): Promise<OpenDemandLine[]> {
  const rows = await tx.$queryRaw<{ sku: string; quantity: number; due_at: Date; order_number: string }[]>`
    SELECT m.sku, SUM(sol.quantity - sol.quantity_picked)::int AS quantity, so.due_at, so.order_number
    FROM sales_orders so
    JOIN sales_order_lines sol ON sol.sales_order_id = so.sales_order_id
    JOIN materials m ON m.material_id = sol.material_id
    WHERE so.status = 'OPEN' AND sol.material_id = ANY(${materialIds as string[]}::uuid[]) AND sol.quantity > sol.quantity_picked
    GROUP BY m.sku, so.due_at, so.order_number
    ORDER BY so.due_at`;
  return rows.map((r) => ({ sku: r.sku, quantity: r.quantity, dueAt: r.due_at.toISOString(), orderRef: r.order_number }));
}

/** Mined co-pick lift for pairs that involve at least one of the receipt's materials. */
export async function loadAffinity(tx: Tx, materialIds: readonly string[]): Promise<AffinityPair[]> {
  const rows = await tx.$queryRaw<{ sku_a: string; sku_b: string; lift: number; co_pick_count: number }[]>`
    SELECT ma.sku AS sku_a, mb.sku AS sku_b, a.lift, a.co_pick_count
    FROM sku_affinity a
    JOIN materials ma ON ma.material_id = a.material_a_id
    JOIN materials mb ON mb.material_id = a.material_b_id
    WHERE a.material_a_id = ANY(${materialIds as string[]}::uuid[]) OR a.material_b_id = ANY(${materialIds as string[]}::uuid[])`;
  return rows.map((r) => ({ skuA: r.sku_a, skuB: r.sku_b, lift: r.lift, coPickCount: r.co_pick_count }));
}

/**
 * The recent orders holding the receipt's materials, each as its distinct SKUs (sorted, so
 * a batch replays exactly), oldest first: the engine's `context.recentOrders`. Per material
 * the {@link RECENT_ORDERS_PER_SKU} most recent orders of the last
 * {@link AFFINITY_WINDOW_DAYS} days (the window the co-pick lift is mined over) that are not cancelled (the engine reads no more),
 * de-duplicated across materials, at most MAX_RECENT_ORDERS in all (the most recent) and
 * MAX_SKUS_PER_ORDER SKUs an order, the engine's limits. ONE statement returning one JSON
 * text value (thousands of short arrays parse faster as JSON than as rows); row-level
 * security scopes the tenant, and its tenant_id is the first column of the index below.
 * The LATERAL subquery walks the material's lines newest first on
 * (tenant_id, material_id, ordered_at DESC, sales_order_id DESC) (ordered_at is the order's
 * created_at, copied by a trigger), checks each order's status by primary key, and stops at
 * the limit: DISTINCT ON drops an order's second line of the same material, which the index
 * puts right after the first. The cost is then ~30 orders a material however many it was
 * ever on, instead of every line of the material's history.
 */
export async function loadRecentOrders(tx: Tx, materialIds: readonly string[]): Promise<string[][]> {
  if (!materialIds.length) return [];
  const rows = await tx.$queryRaw<{ data: string | null }[]>`
    SELECT json_agg(o.skus ORDER BY recent.created_at, recent.sales_order_id)::text AS data
    FROM (
      SELECT DISTINCT r.sales_order_id, r.created_at
      FROM unnest(${materialIds as string[]}::uuid[]) AS b(material_id)
      CROSS JOIN LATERAL (
        SELECT DISTINCT ON (sol.ordered_at, sol.sales_order_id) sol.sales_order_id, sol.ordered_at AS created_at
        FROM sales_order_lines sol
        JOIN sales_orders so ON so.sales_order_id = sol.sales_order_id
        WHERE sol.material_id = b.material_id AND sol.ordered_at >= now() - make_interval(days => ${AFFINITY_WINDOW_DAYS}::int)
          AND so.status <> 'CANCELLED'
        ORDER BY sol.ordered_at DESC, sol.sales_order_id DESC
        LIMIT ${RECENT_ORDERS_PER_SKU}::int
      ) r
      ORDER BY r.created_at DESC, r.sales_order_id DESC
      LIMIT ${MAX_RECENT_ORDERS}::int
    ) recent
    CROSS JOIN LATERAL (
      SELECT array_agg(s.sku ORDER BY s.sku) AS skus FROM (
        SELECT DISTINCT m.sku FROM sales_order_lines l JOIN materials m ON m.material_id = l.material_id
        WHERE l.sales_order_id = recent.sales_order_id ORDER BY m.sku LIMIT ${MAX_SKUS_PER_ORDER}::int
      ) s
    ) o`;
  return JSON.parse(rows[0]?.data ?? '[]') as string[][];
}
