/**
 * Arranging race scenarios directly in the database (as the superuser): an empty bin with
 * room for exactly k of a batch's lines, with the batch's recommendations pointed at it.
 */
import pg from 'pg';
import { config } from './config';
import { checkInvariants, violationsOf, withClient, type InvariantReport } from './db';
import { count, note } from './counters';

const usedBins = new Set<string>();

/**
 * An active, valid, empty bin of the tenant that no pending recommendation targets, of the same
 * zone, type and level as `like` (the bin the engine recommended): an override is held to the
 * engine's rules (kind of bin, temperature, hazard, heavy units above the floor, fit), so the race
 * bin must be one the engine could have chosen.
 */
export async function emptyBin(client: pg.Client, tenantId: string, like: string): Promise<{ locationId: string; locationCode: string }> {
  const { rows } = await client.query<{ location_id: string; location_code: string }>(
    `SELECT l.location_id::text, l.location_code FROM inventory_locations l
     JOIN inventory_locations o ON o.location_id = $3::uuid
     WHERE l.tenant_id = $1::uuid AND l.is_active AND l.cubic_feet > 0 AND l.max_weight_lbs > 0
       AND l.zone_id = o.zone_id AND l.location_type = o.location_type AND l.level = o.level
       AND l.temperature_class IS NOT DISTINCT FROM o.temperature_class
       AND NOT EXISTS (SELECT 1 FROM lots WHERE location_id = l.location_id AND quantity_on_hand <> 0)
       AND NOT EXISTS (SELECT 1 FROM putaway_recommendations r WHERE r.location_id = l.location_id AND r.status = 'PENDING')
       AND NOT (l.location_id::text = ANY($2::text[]))
     ORDER BY l.location_code LIMIT 1`,
    [tenantId, [...usedBins], like],
  );
  const bin = rows[0];
  if (!bin) throw new Error('No empty bin left to arrange a race in');
  usedBins.add(bin.location_id);
  return { locationId: bin.location_id, locationCode: bin.location_code };
}

/**
 * Points the recommendations at the bin and sizes the bin so that exactly `k` of them fit
 * (all lines have the same SKU and quantity). Returns the bin.
 */
export async function binWithRoomFor(k: number, recommendationIds: string[], tenantId: string): Promise<{ locationId: string; locationCode: string; unitCf: number }> {
  return withClient(config.databaseUrl, async (client) => {
    const { rows } = await client.query<{ line_cf: number; line_lbs: number; location_id: string }>(
      `SELECT (r.quantity * m.length_inches * m.width_inches * m.height_inches / 1728.0)::float8 AS line_cf, (r.quantity * m.weight_lbs)::float8 AS line_lbs,
              r.location_id::text
       FROM putaway_recommendations r JOIN materials m ON m.material_id = r.material_id WHERE r.recommendation_id = $1::uuid`,
      [recommendationIds[0]],
    );
    const line = rows[0]!;
    const bin = await emptyBin(client, tenantId, line.location_id);
    await client.query('BEGIN');
    await client.query(`UPDATE putaway_recommendations SET location_id = $1::uuid WHERE recommendation_id = ANY($2::uuid[])`, [bin.locationId, recommendationIds]);
    // the opening of the recommended bin, which the unit passes, so only the room is contended
    await client.query(
      `UPDATE inventory_locations l SET cubic_feet = $2, max_weight_lbs = $3, allow_mixing = true,
         inside_length_inches = GREATEST(l.inside_length_inches, o.inside_length_inches),
         inside_width_inches = GREATEST(l.inside_width_inches, o.inside_width_inches),
         inside_height_inches = GREATEST(l.inside_height_inches, o.inside_height_inches)
       FROM inventory_locations o WHERE l.location_id = $1::uuid AND o.location_id = $4::uuid`,
      [bin.locationId, line.line_cf * (k + 0.5), Math.max(1, line.line_lbs) * (k + 100), line.location_id],
    );
    await client.query('COMMIT');
    return { ...bin, unitCf: line.line_cf };
  });
}

export async function receiptsFor(recommendationIds: string[]): Promise<Map<string, number>> {
  return withClient(config.databaseUrl, async (client) => {
    const { rows } = await client.query<{ id: string; n: number }>(
      `SELECT recommendation_id::text AS id, COUNT(*)::int AS n FROM inventory_transactions
       WHERE recommendation_id = ANY($1::uuid[]) AND transaction_type = 'RECEIPT' GROUP BY 1`,
      [recommendationIds],
    );
    return new Map(rows.map((row) => [row.id, row.n]));
  });
}

export async function statusesOf(recommendationIds: string[]): Promise<Map<string, string>> {
  return withClient(config.databaseUrl, async (client) => {
    const { rows } = await client.query<{ id: string; status: string }>(
      `SELECT recommendation_id::text AS id, status::text FROM putaway_recommendations WHERE recommendation_id = ANY($1::uuid[])`,
      [recommendationIds],
    );
    return new Map(rows.map((row) => [row.id, row.status]));
  });
}

/** Runs the invariants, counts violations, and returns the report for an assertion. */
export async function invariantsHold(label: string, url = config.databaseUrl): Promise<InvariantReport> {
  const report = await checkInvariants(url);
  const violations = violationsOf(report);
  if (violations) {
    count('violations', violations);
    note(`${label}: ${report.overCapacity.length} bins over capacity, ${report.lotMismatch.length} lots ≠ Σ transactions, ${report.cacheMismatch.length} cache fields ≠ recomputation ${JSON.stringify({ over: report.overCapacity.slice(0, 2), lots: report.lotMismatch.slice(0, 2), cache: report.cacheMismatch.slice(0, 3) })}`);
  }
  if (!report.cacheChecked) note(`${label}: no bin_utilization_cache in this database; cache invariant not checked`);
  return report;
}
