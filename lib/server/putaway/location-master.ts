import 'server-only';
import type { Tx } from '../db';
import { loadLocations, type LocationWithFill } from './load-putaway-inputs';

/** The bins a batch may use (active, valid capacity), and how many were left out and why. */
export type LocationMaster = { usable: LocationWithFill[]; excluded: { inactive: number; invalidCapacity: number } };

type Cached = { version: string; master: LocationMaster };

// Bump when the cached objects' shape changes: a dev server keeps globalThis across reloads.
const SHAPE_VERSION = 3;
type Globals = { binwiseLocationMaster?: Map<string, Cached> };
// Per process, on globalThis so route bundles share it.
const globals = globalThis as unknown as Globals;

/** Inactive bins and bins with zero or negative capacity (the runbook's CRITICAL check) never take stock. */
export function splitUsable(all: LocationWithFill[]): LocationMaster {
  const excluded = { inactive: 0, invalidCapacity: 0 };
  const usable: LocationWithFill[] = [];
  for (const location of all) {
    if (!location.isActive) excluded.inactive++;
    else if (!(location.cubicFeet > 0) || !(location.maxWeightLbs > 0)) excluded.invalidCapacity++;
    else usable.push(location);
  }
  return { usable, excluded };
}

/**
 * The tenant's bins without their fill (codes, coordinates, capacities), which change
 * rarely but cost ~100 ms to serialize for 10,000 bins. Kept per process and revalidated
 * on EVERY call against the database: the row count and the newest row version (xmin) of
 * inventory_locations and zones change with any insert, update or delete, on any replica,
 * so a stale copy is never used. The check is one index-free aggregate of a few ms.
 * The objects are shared: only `fillLocations` (load-candidates.ts) writes their fill fields.
 */
export async function loadLocationMaster(tx: Tx, tenantId: string): Promise<LocationMaster> {
  const [stamp] = await tx.$queryRaw<{ version: string }[]>`
    SELECT concat_ws(':', (SELECT COUNT(*) FROM inventory_locations), (SELECT MAX(xmin::text::bigint) FROM inventory_locations),
                          (SELECT COUNT(*) FROM zones), (SELECT MAX(xmin::text::bigint) FROM zones)) AS version`;
  const version = `${SHAPE_VERSION}:${stamp?.version ?? ''}`;
  const cache = (globals.binwiseLocationMaster ??= new Map());
  const cached = cache.get(tenantId);
  if (cached && cached.version === version) return cached.master;
  const master = splitUsable(await loadLocations(tx));
  cache.set(tenantId, { version, master });
  return master;
}
