/**
 * Faults: the scheduler stopped (health DEGRADED, then UNHEALTHY), the pool exhausted (fast
 * UNAVAILABLE, no hang), PostgreSQL restarted under load (recovery within 10 s without an
 * app restart, no half-written batch) and the app killed in the middle of an accept, then
 * the request retried with the same key (exactly one effect). PostgreSQL restarts happen on
 * a dedicated throwaway cluster, never on the shared server.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { config } from './lib/config';
import { count, flushTally, note } from './lib/counters';
import { createCluster, dropCluster, restartCluster } from './lib/cluster';
import { createTokens, prepareDatabase, violationsOf, withClient } from './lib/db';
import { invariantsHold } from './lib/arrange';
import { ACCEPT, codesOf, createBatch, gql, placeableSkus, sleep } from './lib/fixtures';
import { Client, duringFault } from './lib/http';
import { startServer, type AppServer } from './lib/server';
import { loadState, tokenOf } from './lib/state';

const servers: AppServer[] = [];
let faultDbUrl = '';

afterAll(async () => {
  for (const server of servers) await server.stop().catch(() => {});
  try {
    dropCluster();
  } catch (error) {
    note(`could not drop the fault cluster: ${String(error)}`);
  }
  flushTally('faults');
});

type Health = { status: string; checks: Record<string, { status: string; ageMinutes?: number | null }> };

async function ageCache(url: string, minutes: number): Promise<void> {
  await withClient(url, (client) =>
    client.query(`UPDATE cache_refresh_status SET last_refresh_time = now() - make_interval(mins => $1), error_message = NULL WHERE cache_name = 'bin_utilization_cache'`, [minutes]),
  );
}

/** Locks a bin row from outside the app, so decisions into it wait while holding their pool connection. */
async function lockBin(url: string, locationId: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('BEGIN');
  await client.query('SELECT 1 FROM inventory_locations WHERE location_id = $1::uuid FOR UPDATE', [locationId]);
  return client;
}

async function receipts(url: string, ids: string[]): Promise<Map<string, number>> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ id: string; n: number }>(
      `SELECT recommendation_id::text AS id, COUNT(*)::int AS n FROM inventory_transactions WHERE recommendation_id = ANY($1::uuid[]) AND transaction_type = 'RECEIPT' GROUP BY 1`,
      [ids],
    );
    return new Map(rows.map((r) => [r.id, r.n]));
  });
}

/**
 * Batches whose receipt lines are not all accounted for. A line may be split over several
 * bins, so lines are counted by their (generated, per-line) lot number across the
 * recommendations and the unplaceable list.
 */
async function halfWrittenBatches(url: string): Promise<number> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ n: number }>(
      `SELECT COUNT(*)::int AS n FROM putaway_batches b
       WHERE b.status <> 'FAILED'
         AND b.item_count <> (SELECT COUNT(*) FROM (
               SELECT r.lot_number FROM putaway_recommendations r WHERE r.batch_id = b.batch_id
               UNION SELECT u->>'lotNumber' FROM jsonb_array_elements(b.unplaceable) u) lines)`,
    );
    return rows[0]!.n;
  });
}

describe('scheduler stopped', () => {
  it('reports the cache DEGRADED after 15 minutes without a refresh and UNHEALTHY (HTTP 503) after 30', async () => {
    const client = new Client(config.baseUrl, 'health');
    await withClient(config.databaseUrl, (c) => c.query('SELECT scheduled_refresh_bin_utilization()'));
    // Warm the route and its pool first: on a cold process the 150 ms check budgets can expire (reported separately).
    for (let i = 0; i < 3; i += 1) await duringFault(() => client.request('/api/wms/optimization/health'));
    const fresh = await client.request('/api/wms/optimization/health');
    const freshBody = fresh.json as Health;
    expect(freshBody.checks.cacheAge!.status).toBe('HEALTHY');
    count('faults');
    await ageCache(config.databaseUrl, 20);
    const degraded = await client.request('/api/wms/optimization/health');
    const degradedBody = degraded.json as Health;
    expect(degradedBody.checks.cacheAge!.status).toBe('DEGRADED');
    expect(degradedBody.checks.cacheAge!.ageMinutes).toBeGreaterThanOrEqual(19);
    if (freshBody.status !== 'UNHEALTHY') {
      expect(degradedBody.status).toBe('DEGRADED');
      expect(degraded.status).toBe(200);
    }
    await ageCache(config.databaseUrl, 40);
    const unhealthy = await duringFault(() => client.request('/api/wms/optimization/health'));
    const unhealthyBody = unhealthy.json as Health;
    expect(unhealthyBody.checks.cacheAge!.status).toBe('UNHEALTHY');
    expect(unhealthyBody.status).toBe('UNHEALTHY');
    expect(unhealthy.status).toBe(503);
    expect(unhealthy.ms).toBeLessThan(2_000);
    expect(unhealthy.text).not.toMatch(/acme|northwind/i);
    await withClient(config.databaseUrl, (c) => c.query('SELECT scheduled_refresh_bin_utilization()'));
    expect(((await client.request('/api/wms/optimization/health')).json as Health).checks.cacheAge!.status).toBe('HEALTHY');
  });
});

describe('pool exhausted', () => {
  it('answers UNAVAILABLE within seconds instead of hanging when every pooled connection is held, then recovers', async () => {
    const state = loadState();
    const token = tokenOf(state, 'acme-print', 'SUPERVISOR');
    const server = await startServer({ port: config.faultPortBase + 1, databaseUrl: config.databaseUrl, name: 'pool-2', env: { DB_POOL_MAX: '2', DB_CONNECT_TIMEOUT_MS: '1000' } });
    servers.push(server);
    const api = new Client(server.url, 'pool-2');
    const skus = await placeableSkus(config.databaseUrl, 'acme-print', 50);
    const batch = await createBatch(api, token, [{ sku: skus[40]!, quantity: 1 }, { sku: skus[41]!, quantity: 1 }, { sku: skus[42]!, quantity: 1 }]);
    const [a, b, c] = batch.recommendations;
    await withClient(config.databaseUrl, (client) => client.query(`UPDATE putaway_recommendations SET location_id = $1::uuid WHERE recommendation_id = $2::uuid`, [a!.locationId, b!.id]));
    const lock = await lockBin(config.databaseUrl, a!.locationId);
    count('faults');
    const held = [gql(api, ACCEPT, { id: a!.id, key: `pool-${randomUUID()}` }, token), gql(api, ACCEPT, { id: b!.id, key: `pool-${randomUUID()}` }, token)];
    // Settle them even if an assertion below fails first, so no request outlives the test.
    const settled = Promise.allSettled(held);
    await sleep(700);
    const probes = await duringFault(() =>
      Promise.all([
        gql(api, `{ putawayBatches(limit: 5) { batchId } }`, undefined, token),
        gql(api, ACCEPT, { id: c!.id, key: `pool-${randomUUID()}` }, token),
        api.request('/api/wms/optimization/health'),
      ]),
    );
    const [read, accept, health] = probes;
    const release = () => lock.query('ROLLBACK').then(() => lock.end()).catch(() => {});
    const safety = setTimeout(() => void release(), 8_000);
    void settled;
    for (const answer of [read, accept]) {
      expect(answer.ms, 'a request waited for a pooled connection instead of failing fast').toBeLessThan(4_000);
      expect(answer.errors.length, 'a request ran although the pool was exhausted').toBeGreaterThan(0);
    }
    expect(health.ms, 'health hung on the exhausted pool').toBeLessThan(3_000);
    expect([200, 503]).toContain(health.status);
    clearTimeout(safety);
    await release();
    const released = await Promise.all(held);
    for (const answer of released) for (const code of codesOf(answer)) expect(['CAPACITY_CONFLICT', 'UNAVAILABLE']).toContain(code);
    const after = await gql(api, ACCEPT, { id: c!.id, key: `pool-${randomUUID()}` }, token);
    expect(after.errors, 'the app did not recover once connections were released').toEqual([]);
    const report = await invariantsHold('pool exhausted');
    expect(violationsOf(report)).toBe(0);
    await server.stop();
    // Last, so recovery and effects are always checked: the refusal says "try again" (D5).
    for (const answer of [read, accept]) {
      expect(codesOf(answer)).toEqual(['UNAVAILABLE']);
      expect(answer.errors[0]!.message).toMatch(/try again/i);
    }
  });
});

describe('database and process faults (throwaway cluster)', () => {
  let token = '';
  let skus: string[] = [];
  let server: AppServer;
  const port = config.faultPortBase + 2;
  const start = () => startServer({ port, databaseUrl: faultDbUrl, name: 'fault-cluster', env: { DB_CONNECT_TIMEOUT_MS: '2000' } });

  beforeAll(async () => {
    faultDbUrl = createCluster();
    await prepareDatabase(faultDbUrl, 200);
    token = (await createTokens(faultDbUrl))['acme-print']!.SUPERVISOR;
    skus = await placeableSkus(faultDbUrl, 'acme-print', 60);
    server = await start();
    servers.push(server);
  });

  it('recovers within 10 s of a PostgreSQL restart under load without an app restart, leaving no half-written batch', async () => {
    const api = new Client(server.url, 'fault-load');
    const pending: string[] = (await createBatch(api, token, skus.slice(0, 8).map((sku) => ({ sku, quantity: 1 })))).recommendations.map((r) => r.id);
    const keys = new Map<string, string>();
    const unavailable: string[] = [];
    const codes = new Map<string, number>();
    let restartedAt = 0;
    let recoveredAt = 0;
    let stop = false;
    let ops = 0;
    const worker = async (w: number) => {
      for (let i = 0; !stop; i += 1) {
        const kind = (i + w) % 3;
        try {
          let answer;
          if (kind === 0) {
            answer = await gql(api, `mutation($input: PutawayBatchInput!) { createPutawayBatch(input: $input) { recommendations { id } } }`, { input: { items: [{ sku: skus[(i * 3 + w) % skus.length], quantity: 1 }, { sku: skus[(i * 5 + w + 1) % skus.length], quantity: 2 }] } }, token);
            const recs = (answer.data?.createPutawayBatch as { recommendations: { id: string }[] } | undefined)?.recommendations ?? [];
            pending.push(...recs.map((r) => r.id));
          } else if (kind === 1 && pending.length) {
            const id = pending.shift()!;
            const key = keys.get(id) ?? `fault-${randomUUID()}`;
            keys.set(id, key);
            answer = await gql(api, ACCEPT, { id, key }, token);
            if (codesOf(answer).includes('UNAVAILABLE')) unavailable.push(id);
          } else {
            answer = await gql(api, `{ putawayBatches(limit: 10) { batchId pending } }`, undefined, token);
          }
          ops += 1;
          for (const code of codesOf(answer)) codes.set(code, (codes.get(code) ?? 0) + 1);
          if (restartedAt && !recoveredAt && !answer.errors.length && answer.status === 200) recoveredAt = Date.now();
        } catch (error) {
          codes.set(`NETWORK:${String(error).slice(0, 40)}`, (codes.get(`NETWORK:${String(error).slice(0, 40)}`) ?? 0) + 1);
        }
      }
    };
    await duringFault(async () => {
      const workers = [0, 1, 2, 3].map(worker);
      await sleep(1_500);
      const began = Date.now();
      await restartCluster();
      restartedAt = Date.now();
      note(`pg_ctlcluster restart took ${restartedAt - began} ms`);
      count('faults');
      const deadline = Date.now() + 15_000;
      while (!recoveredAt && Date.now() < deadline) await sleep(100);
      await sleep(1_500);
      stop = true;
      await Promise.all(workers);
    });
    note(`postgres restart: ${ops} operations, recovered ${recoveredAt ? recoveredAt - restartedAt : 'never'} ms after the restart returned, codes ${JSON.stringify(Object.fromEntries(codes))}`);
    expect(recoveredAt, 'no successful request within 15 s of the restart').toBeGreaterThan(0);
    expect(recoveredAt - restartedAt).toBeLessThan(10_000);
    // Retry every accept that failed during the outage with the same key: exactly one effect each.
    for (const id of unavailable) {
      const retry = await gql(api, ACCEPT, { id, key: keys.get(id) }, token);
      for (const code of codesOf(retry)) expect(['CAPACITY_CONFLICT', 'CONFLICT']).toContain(code);
    }
    const counts = await receipts(faultDbUrl, [...keys.keys()]);
    for (const [id, n] of counts) expect(n, `receipts of ${id}`).toBe(1);
    expect(await halfWrittenBatches(faultDbUrl)).toBe(0);
    const report = await invariantsHold('postgres restart', faultDbUrl);
    expect(violationsOf(report)).toBe(0);
    // Last, so the effects above are always checked: during the outage only "try again" (D6).
    for (const code of codes.keys()) expect(['UNAVAILABLE', 'CAPACITY_CONFLICT', 'CONFLICT'], `unexpected outcome during the restart: ${code}`).toContain(code);
  });

  it('gives exactly one effect when the app is killed in the middle of an accept and the request is retried with the same key', async () => {
    let api = new Client(server.url, 'kill');
    const batch = await createBatch(api, token, skus.slice(20, 22).map((sku) => ({ sku, quantity: 1 })));
    const rec = batch.recommendations[0]!;
    const key = `kill-${randomUUID()}`;
    const lock = await lockBin(faultDbUrl, rec.locationId);
    const inFlight = gql(api, ACCEPT, { id: rec.id, key }, token).catch((error: unknown) => ({ error }));
    await sleep(800);
    await server.kill9();
    count('faults');
    await inFlight;
    await lock.query('ROLLBACK');
    await lock.end();
    server = await start();
    servers.push(server);
    api = new Client(server.url, 'kill-retry');
    const retry = await gql(api, ACCEPT, { id: rec.id, key }, token);
    expect(retry.errors).toEqual([]);
    const again = await gql(api, ACCEPT, { id: rec.id, key }, token);
    expect(again.errors).toEqual([]);
    expect((await receipts(faultDbUrl, [rec.id])).get(rec.id)).toBe(1);

    // A burst of keyed accepts, killed at an arbitrary moment, then every one retried.
    const burst = await createBatch(api, token, skus.slice(30, 42).map((sku) => ({ sku, quantity: 1 })));
    const burstKeys = burst.recommendations.map((r) => ({ id: r.id, key: `burst-${randomUUID()}` }));
    const flights = burstKeys.map(({ id, key: k }) => gql(api, ACCEPT, { id, key: k }, token).catch((error: unknown) => ({ error })));
    await sleep(60 + Math.floor(Math.random() * 200));
    await server.kill9();
    count('faults');
    await Promise.all(flights);
    server = await start();
    servers.push(server);
    api = new Client(server.url, 'burst-retry');
    for (const { id, key: k } of burstKeys) {
      const answer = await gql(api, ACCEPT, { id, key: k }, token);
      for (const code of codesOf(answer)) expect(['CAPACITY_CONFLICT'], `${id}: ${answer.errors[0]?.message}`).toContain(code);
    }
    const counts = await receipts(faultDbUrl, burstKeys.map((b) => b.id));
    for (const [id, n] of counts) expect(n, `receipts of ${id}`).toBe(1);
    const report = await invariantsHold('killed mid-accept', faultDbUrl);
    expect(violationsOf(report)).toBe(0);
  });
});
