// Property: after any sequence of lot and ledger changes, bin_utilization_cache equals a
// from-scratch recomputation. Each run is one transaction that is rolled back, so the seeded
// data (and the other test files' expectations) are untouched.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import pg from 'pg';
import { cacheRows, diffRows, recomputedRows } from './recompute.int-helpers';

type Pool = { tenantId: string; locations: string[]; materials: string[]; lots: string[] };

const op = fc.oneof(
  fc.record({ kind: fc.constant('insertLot' as const), material: fc.nat(7), location: fc.nat(11), quantity: fc.integer({ min: -3, max: 40 }) }),
  fc.record({ kind: fc.constant('setQuantity' as const), lot: fc.nat(15), quantity: fc.integer({ min: -5, max: 60 }) }),
  fc.record({ kind: fc.constant('moveLot' as const), lot: fc.nat(15), location: fc.option(fc.nat(11), { nil: null }) }),
  fc.record({ kind: fc.constant('deleteLot' as const), lot: fc.nat(15) }),
  fc.record({ kind: fc.constant('bulkAdjust' as const), location: fc.nat(11), delta: fc.integer({ min: -2, max: 5 }) }),
  fc.record({
    kind: fc.constant('transaction' as const), lot: fc.nat(15), quantity: fc.integer({ min: -10, max: 10 }),
    from: fc.option(fc.nat(11), { nil: null }), to: fc.option(fc.nat(11), { nil: null }), minutesAgo: fc.nat(5_000),
  }),
  fc.record({ kind: fc.constant('deleteTransaction' as const), location: fc.nat(11) }),
  fc.record({ kind: fc.constant('materialSize' as const), material: fc.nat(7), length: fc.option(fc.integer({ min: 1, max: 60 }), { nil: null }) }),
  fc.record({ kind: fc.constant('binCapacity' as const), location: fc.nat(11), cubicFeet: fc.constantFrom(0, 5, 40, 80) }),
);
type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

let client: pg.Client;
let pool: Pool;
let counter = 0;

beforeAll(async () => {
  client = new pg.Client({ connectionString: inject('databaseUrl') });
  await client.connect();
  const tenantId = (await client.query(`SELECT tenant_id FROM tenants WHERE code = 'acme-print'`)).rows[0].tenant_id as string;
  const locations = (await client.query(
    `SELECT location_id FROM inventory_locations WHERE tenant_id = $1 AND location_id IN (SELECT location_id FROM lots WHERE location_id IS NOT NULL)
     ORDER BY location_id LIMIT 12`, [tenantId])).rows.map((r) => r.location_id as string);
  const materials = (await client.query(
    `SELECT material_id FROM materials WHERE tenant_id = $1 ORDER BY (width_inches IS NULL) DESC, material_id LIMIT 8`, [tenantId])).rows.map((r) => r.material_id as string);
  const lots = (await client.query(
    `SELECT lot_id FROM lots WHERE location_id = ANY($1::uuid[]) ORDER BY lot_id LIMIT 16`, [locations])).rows.map((r) => r.lot_id as string);
  pool = { tenantId, locations, materials, lots };
});

afterAll(async () => {
  await client.end();
});

async function apply(o: Op, lots: string[]): Promise<void> {
  const loc = (i: number | null) => (i === null ? null : pool.locations[i % pool.locations.length]);
  const lot = (i: number) => lots[i % lots.length];
  switch (o.kind) {
    case 'insertLot': {
      const { rows } = await client.query(
        `INSERT INTO lots (tenant_id, lot_number, material_id, location_id, quantity_on_hand, received_at)
         VALUES ($1, $2, $3, $4, $5, now()) RETURNING lot_id`,
        [pool.tenantId, `PROP-${++counter}`, pool.materials[o.material % pool.materials.length], loc(o.location), o.quantity]);
      lots.push(rows[0].lot_id);
      return;
    }
    case 'setQuantity':
      await client.query('UPDATE lots SET quantity_on_hand = $2 WHERE lot_id = $1', [lot(o.lot), o.quantity]);
      return;
    case 'moveLot':
      await client.query('UPDATE lots SET location_id = $2 WHERE lot_id = $1', [lot(o.lot), loc(o.location)]);
      return;
    case 'deleteLot':
      await client.query('DELETE FROM lots WHERE lot_id = $1', [lot(o.lot)]);
      return;
    case 'bulkAdjust':
      await client.query('UPDATE lots SET quantity_on_hand = quantity_on_hand + $2 WHERE location_id = $1', [loc(o.location), o.delta]);
      return;
    case 'transaction':
      await client.query(
        `INSERT INTO inventory_transactions (tenant_id, transaction_type, material_id, lot_id, quantity, from_location_id, to_location_id, created_at)
         SELECT tenant_id, 'ADJUST', material_id, lot_id, $2, $3, $4, now() - make_interval(mins => $5) FROM lots WHERE lot_id = $1`,
        [lot(o.lot), o.quantity, loc(o.from), loc(o.to), o.minutesAgo]);
      return;
    case 'deleteTransaction':
      await client.query(
        `DELETE FROM inventory_transactions WHERE transaction_id = (
           SELECT transaction_id FROM inventory_transactions WHERE to_location_id = $1 ORDER BY created_at DESC LIMIT 1)`, [loc(o.location)]);
      return;
    case 'materialSize':
      await client.query('UPDATE materials SET length_inches = $2 WHERE material_id = $1', [pool.materials[o.material % pool.materials.length], o.length]);
      return;
    case 'binCapacity':
      await client.query('UPDATE inventory_locations SET cubic_feet = $2 WHERE location_id = $1', [loc(o.location), o.cubicFeet]);
      return;
  }
}

describe('bin_utilization_cache', () => {
  it('equals a from-scratch recomputation after any sequence of lot and transaction changes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 25 }), async (ops) => {
        await client.query('BEGIN');
        try {
          const lots = [...pool.lots];
          for (const o of ops) {
            // A unique-key clash (same lot number moved onto its twin) is a refused write, not a cache question.
            await client.query('SAVEPOINT op');
            try {
              await apply(o, lots);
              await client.query('RELEASE SAVEPOINT op');
            } catch (error) {
              if ((error as { code?: string }).code !== '23505') throw error;
              await client.query('ROLLBACK TO SAVEPOINT op');
            }
          }
          const problems = diffRows(await cacheRows(client, pool.locations), await recomputedRows(client, pool.locations));
          expect(problems).toEqual([]);
        } finally {
          await client.query('ROLLBACK');
        }
      }),
      { numRuns: 60, seed: 20261129 },
    );
  });

  it('equals the recomputation for every location after the full refresh', async () => {
    await client.query('SELECT scheduled_refresh_bin_utilization()');
    expect(diffRows(await cacheRows(client), await recomputedRows(client))).toEqual([]);
  });
});
