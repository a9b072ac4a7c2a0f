import 'server-only';
import type { Tx } from '../db';
import { loadLocations, type LocationWithFill } from './load-putaway-inputs';

type Master = { version: string; locations: readonly LocationWithFill[] };

// Bump when the cached objects' shape changes: a dev server keeps globalThis across reloads.
const SHAPE_VERSION = 2;
type Globals = { binwiseLocationMaster?: Map<string, Master> };
// Per process, on globalThis so route bundles share it.
const globals = globalThis as unknown as Globals;

/**
 * The tenant's bins without their fill (codes, coordinates, capacities), which change
 * rarely but cost ~100 ms to serialize for 10,000 bins. Kept per process and revalidated
 * on EVERY call against the database: the row count and the newest row version (xmin) of
 * inventory_locations and zones change with any insert, update or delete, on any replica,
 * so a stale copy is never used. The check is one index-free aggregate of a few ms.
 */
export async function loadLocationMaster(tx: Tx, tenantId: string): Promise<readonly LocationWithFill[]> {
  const [stamp] = await tx.$queryRaw<{ version: string }[]>`
    SELECT concat_ws(':', (SELECT COUNT(*) FROM inventory_locations), (SELECT MAX(xmin::text::bigint) FROM inventory_locations),
                          (SELECT COUNT(*) FROM zones), (SELECT MAX(xmin::text::bigint) FROM zones)) AS version`;
  const version = `${SHAPE_VERSION}:${stamp?.version ?? ''}`;
  const cache = (globals.binwiseLocationMaster ??= new Map());
  const cached = cache.get(tenantId);
  if (cached && cached.version === version) return cached.locations;
  const locations = await loadLocations(tx);
  cache.set(tenantId, { version, locations });
  return locations;
}
