import 'server-only';
import { buildLayout, type BinLayout } from '@/lib/optimizer/putaway/layout';
import type { LocationWithFill } from './load-putaway-inputs';

/**
 * The tenant's bins without their fill (codes, coordinates, capacities), in ONE fixed order
 * (location_code, C collation): the order in which the candidate query sends the fill, so a
 * bin's fill is found by its position instead of by a 36-character id per bin.
 */
export type LocationMaster = {
  /** Every bin, ordered by location_code (C collation). */
  all: LocationWithFill[];
  /** The bins a batch may use (active, valid capacity), in the same order. */
  usable: LocationWithFill[];
  /** Position in `all` of each bin of `usable`. */
  usablePosition: Int32Array;
  /** Position in `all` of each bin id. */
  positionById: Map<string, number>;
  excluded: { inactive: number; invalidCapacity: number };
  /**
   * The engine's layout of `usable` for a dock (positions, travel costs, scan order),
   * built on first use and kept with the master, whose bins' static fields never change.
   * @throws OptimizerInputError when a bin's static fields are invalid (nothing is kept)
   */
  layoutFor: (dock: { x: number; y: number }) => BinLayout;
};

type Cached = { version: string; master: LocationMaster };

// Bump when the cached objects' shape changes: a dev server keeps globalThis across reloads.
const SHAPE_VERSION = 5;
type Globals = { binwiseLocationMaster?: Map<string, Cached> };
// Per process, on globalThis so route bundles share it.
const globals = globalThis as unknown as Globals;

/**
 * Indexes bins given in the master order. Inactive bins and bins with zero or negative
 * capacity (the runbook's CRITICAL check) never take stock: they are counted, not usable.
 */
export function buildMaster(all: LocationWithFill[]): LocationMaster {
  const excluded = { inactive: 0, invalidCapacity: 0 };
  const usable: LocationWithFill[] = [];
  const positions: number[] = [];
  const positionById = new Map<string, number>();
  for (let i = 0; i < all.length; i++) {
    const location = all[i]!;
    positionById.set(location.id, i);
    if (!location.isActive) excluded.inactive++;
    else if (!(location.cubicFeet > 0) || !(location.maxWeightLbs > 0)) excluded.invalidCapacity++;
    else {
      usable.push(location);
      positions.push(i);
    }
  }
  let layout: BinLayout | null = null;
  const layoutFor = (dock: { x: number; y: number }): BinLayout => {
    if (!layout || layout.dockX !== dock.x || layout.dockY !== dock.y) layout = buildLayout(usable, dock);
    return layout;
  };
  return { all, usable, usablePosition: Int32Array.from(positions), positionById, excluded, layoutFor };
}

/**
 * The master cached for this process under `version`, or null. The version is computed by
 * the database in the same statement as the fill (row count, newest and summed row versions
 * (xmin) of inventory_locations and zones), so any insert, update or delete on any replica
 * changes it and a stale copy is never used. The bin objects are shared: only
 * `fillLocations` (load-candidates.ts) writes their fill fields.
 */
export function cachedMaster(tenantId: string, version: string): LocationMaster | null {
  const cached = globals.binwiseLocationMaster?.get(tenantId);
  return cached && cached.version === `${SHAPE_VERSION}:${version}` ? cached.master : null;
}

export function cacheMaster(tenantId: string, version: string, master: LocationMaster): void {
  (globals.binwiseLocationMaster ??= new Map()).set(tenantId, { version: `${SHAPE_VERSION}:${version}`, master });
}
