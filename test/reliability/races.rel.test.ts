/**
 * Races through the real HTTP API (GraphQL with Bearer tokens) against the real database:
 * duplicate retries, contention for the last space in a bin, decisions during a full cache
 * refresh, feature-flag flips during batch creation, and conflicting decisions. After each,
 * the invariants: no bin above capacity, stock = Σ transactions, cache = recomputation.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { config } from './lib/config';
import { count, flushTally } from './lib/counters';
import { binWithRoomFor, invariantsHold, receiptsFor, statusesOf } from './lib/arrange';
import { withClient, violationsOf } from './lib/db';
import { ACCEPT, ACCEPT_ALL, OVERRIDE, REJECT, codesOf, createBatch, gql, placeableSkus, type BatchRow } from './lib/fixtures';
import { Client } from './lib/http';
import { loadState, tokenOf, type ReliabilityState } from './lib/state';

let state: ReliabilityState;
let token: string;
let skus: string[];
let acmeId: string;
const api = new Client(config.baseUrl, 'supervisor-token');

beforeAll(async () => {
  state = loadState();
  token = tokenOf(state, 'acme-print', 'SUPERVISOR');
  skus = await placeableSkus(config.databaseUrl, 'acme-print');
  acmeId = state.tenantIds['acme-print']!;
});
afterAll(() => flushTally('races'));

async function expectInvariants(label: string): Promise<void> {
  const report = await invariantsHold(label);
  expect(violationsOf(report), `${label}: ${JSON.stringify(report).slice(0, 600)}`).toBe(0);
}

/** A batch of `n` identical lines (same SKU and quantity, distinct lots). */
async function identicalLines(n: number, sku: string, quantity = 2) {
  const stamp = randomUUID().slice(0, 8);
  return createBatch(api, token, Array.from({ length: n }, (_, i) => ({ sku, quantity, lotNumber: `RACE-${stamp}-${i}` })));
}

describe('idempotent retries', () => {
  it('gives exactly one effect for 50 parallel identical accepts with one idempotency key', async () => {
    const batch = await identicalLines(1, skus[3]!);
    const rec = batch.recommendations[0]!;
    const key = `race-${randomUUID()}`;
    const answers = await Promise.all(Array.from({ length: 50 }, () => gql(api, ACCEPT, { id: rec.id, key }, token)));
    count('races');
    for (const answer of answers) {
      expect(answer.status).toBeLessThan(500);
      expect(answer.errors, JSON.stringify(answer.errors)).toEqual([]);
      expect((answer.data?.acceptRecommendation as { status: string }).status).toBe('ACCEPTED');
    }
    expect((await receiptsFor([rec.id])).get(rec.id)).toBe(1);
    await expectInvariants('50 identical accepts');
  });

  it('gives exactly one decision for 30 parallel accepts of one recommendation without a key; the rest are told it was already decided', async () => {
    const batch = await identicalLines(1, skus[4]!);
    const rec = batch.recommendations[0]!;
    const answers = await Promise.all(Array.from({ length: 30 }, () => gql(api, ACCEPT, { id: rec.id }, token)));
    count('races');
    const ok = answers.filter((a) => !a.errors.length);
    expect(ok).toHaveLength(1);
    for (const answer of answers.filter((a) => a.errors.length)) expect(codesOf(answer)).toEqual(['CONFLICT']);
    expect((await receiptsFor([rec.id])).get(rec.id)).toBe(1);
    await expectInvariants('30 keyless accepts');
  });

  it('refuses a reused idempotency key on a different request with CONFLICT and no second effect', async () => {
    const batch = await identicalLines(2, skus[5]!);
    const [a, b] = batch.recommendations;
    const key = `reuse-${randomUUID()}`;
    const first = await gql(api, ACCEPT, { id: a!.id, key }, token);
    const second = await gql(api, ACCEPT, { id: b!.id, key }, token);
    count('races');
    expect(first.errors).toEqual([]);
    expect(codesOf(second)).toEqual(['CONFLICT']);
    const receipts = await receiptsFor([a!.id, b!.id]);
    expect(receipts.get(a!.id)).toBe(1);
    expect(receipts.get(b!.id) ?? 0).toBe(0);
  });
});

describe('contention for space', () => {
  for (const [n, k] of [[20, 7], [12, 1], [16, 0]] as const) {
    it(`lets exactly ${k} of ${n} parallel accepts and overrides into a bin with room for ${k} succeed; the rest get CAPACITY_CONFLICT`, async () => {
      const sku = skus[6 + k]!;
      const accepts = await identicalLines(n / 2, sku);
      const overrides = await identicalLines(n / 2, sku);
      const acceptIds = accepts.recommendations.map((r) => r.id);
      const overrideIds = overrides.recommendations.map((r) => r.id);
      expect(acceptIds).toHaveLength(n / 2);
      const bin = await binWithRoomFor(k, [...acceptIds, ...overrideIds], acmeId);
      const answers = await Promise.all([
        ...acceptIds.map((id) => gql(api, ACCEPT, { id, key: `k-${randomUUID()}` }, token)),
        ...overrideIds.map((id) => gql(api, OVERRIDE, { id, loc: bin.locationCode, code: 'BETTER_SPOT_KNOWN', key: `k-${randomUUID()}` }, token)),
      ]);
      count('races');
      const won = answers.filter((a) => !a.errors.length);
      const lost = answers.filter((a) => a.errors.length);
      expect(won).toHaveLength(k);
      for (const answer of lost) {
        expect(codesOf(answer)).toEqual(['CAPACITY_CONFLICT']);
        expect(answer.errors[0]!.message).toMatch(/room/i);
      }
      const receipts = await receiptsFor([...acceptIds, ...overrideIds]);
      expect([...receipts.values()].reduce((s, v) => s + v, 0)).toBe(k);
      await expectInvariants(`${n} into room for ${k}`);
    });
  }

  it('keeps one decision per recommendation when accept, reject, override and accept-all race on the same batch', async () => {
    const batch = await identicalLines(8, skus[10]!, 1);
    const ids = batch.recommendations.map((r) => r.id);
    const calls = ids.flatMap((id, i) => [
      gql(api, ACCEPT, { id, key: `m-${randomUUID()}` }, token),
      gql(api, REJECT, { id, code: 'DAMAGED' }, token),
      i % 2 ? gql(api, OVERRIDE, { id, loc: batch.recommendations[(i + 1) % ids.length]!.locationCode, code: 'WRONG_ZONE' }, token) : Promise.resolve(null),
    ]);
    calls.push(gql(api, ACCEPT_ALL, { batchId: batch.batchId, min: 0, key: `all-${randomUUID()}` }, token));
    calls.push(gql(api, ACCEPT_ALL, { batchId: batch.batchId, min: 0, key: `all-${randomUUID()}` }, token));
    const answers = (await Promise.all(calls)).filter((a) => a !== null);
    count('races');
    for (const answer of answers) {
      expect(answer.status).toBeLessThan(500);
      for (const code of codesOf(answer)) expect(['CONFLICT', 'CAPACITY_CONFLICT']).toContain(code);
    }
    const statuses = await statusesOf(ids);
    const receipts = await receiptsFor(ids);
    for (const id of ids) {
      const status = statuses.get(id)!;
      expect(receipts.get(id) ?? 0, `${id} ${status}`).toBe(status === 'ACCEPTED' || status === 'OVERRIDDEN' ? 1 : 0);
    }
    await expectInvariants('mixed decisions on one batch');
  });
});

describe('concurrent accept-all', () => {
  it('lets two concurrent accept-alls of one batch both succeed, with disjoint accepted sets and one receipt per recommendation', async () => {
    const batch = await createBatch(api, token, skus.slice(32, 38).map((sku) => ({ sku, quantity: 1 })));
    const ids = batch.recommendations.map((r) => r.id);
    const answers = await Promise.all([0, 1].map(() => gql(api, ACCEPT_ALL, { batchId: batch.batchId, min: 0, key: `aa-${randomUUID()}` }, token)));
    count('races');
    const receipts = await receiptsFor(ids);
    for (const id of ids) expect(receipts.get(id) ?? 0, `receipts of ${id}`).toBeLessThanOrEqual(1);
    for (const answer of answers) expect(answer.errors, `a racing accept-all was refused: ${JSON.stringify(answer.errors)}`).toEqual([]);
    const [a, b] = answers.map((answer) => (answer.data?.acceptAll as { acceptedIds: string[] }).acceptedIds);
    expect(a!.filter((id) => b!.includes(id))).toEqual([]);
    expect(new Set([...a!, ...b!]).size).toBe([...receipts.values()].reduce((s, v) => s + v, 0));
    await expectInvariants('two accept-alls');
  });
});

describe('concurrent maintenance', () => {
  it('keeps stock, capacity and the cache exact when accepts run during full cache refreshes', async () => {
    const batch = await createBatch(api, token, skus.slice(12, 32).map((sku, i) => ({ sku, quantity: 1 + (i % 3) })));
    let refreshing = true;
    let refreshes = 0;
    const refresher = withClient(config.databaseUrl, async (client) => {
      while (refreshing) {
        await client.query('SELECT scheduled_refresh_bin_utilization()');
        refreshes += 1;
      }
    });
    const answers = await Promise.all(batch.recommendations.map((r, i) => gql(api, ACCEPT, { id: r.id, key: `cr-${randomUUID()}` }, token).then(async (a) => (i % 5 === 0 ? a : a))));
    refreshing = false;
    await refresher;
    count('races');
    expect(refreshes).toBeGreaterThan(0);
    for (const answer of answers) for (const code of codesOf(answer)) expect(code).toBe('CAPACITY_CONFLICT');
    await expectInvariants('accepts during full refresh');
  });

  it('records one consistent flag set per batch while all flags flip back and forth during batch creation', async () => {
    const profiles = {
      A: { BIN_OPTIMIZATION_ALGORITHM: 'FFD', SKU_AFFINITY_ENABLED: 'false', CROSS_DOCK_ENABLED: 'false', CONGESTION_AVOIDANCE_ENABLED: 'false', ML_MODEL_ENABLED: 'false' },
      B: { BIN_OPTIMIZATION_ALGORITHM: 'BFD', SKU_AFFINITY_ENABLED: 'true', CROSS_DOCK_ENABLED: 'true', CONGESTION_AVOIDANCE_ENABLED: 'true', ML_MODEL_ENABLED: 'true' },
    };
    let flipping = true;
    let flips = 0;
    const flipper = withClient(config.databaseUrl, async (client) => {
      while (flipping) {
        const profile = flips % 2 ? profiles.B : profiles.A;
        await client.query('BEGIN');
        for (const [key, value] of Object.entries(profile)) {
          await client.query(
            `INSERT INTO feature_flags (tenant_id, flag_key, value) VALUES ($1::uuid, $2, $3)
             ON CONFLICT (tenant_id, flag_key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
            [acmeId, key, value],
          );
        }
        await client.query('COMMIT');
        flips += 1;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    });
    const batches: BatchRow[] = [];
    for (let round = 0; round < 5; round += 1) {
      batches.push(...(await Promise.all([0, 1].map((j) => createBatch(api, token, skus.slice(round * 4 + j, round * 4 + j + 3).map((sku) => ({ sku, quantity: 1 })))))));
    }
    flipping = false;
    await flipper;
    count('races');
    expect(flips).toBeGreaterThan(2);
    await withClient(config.databaseUrl, async (client) => {
      const { rows } = await client.query<{ algorithm: string; flags: Record<string, unknown> }>(
        `SELECT algorithm, flags FROM putaway_batches WHERE batch_id = ANY($1::uuid[])`,
        [batches.map((b) => b.batchId)],
      );
      expect(rows).toHaveLength(batches.length);
      for (const row of rows) {
        const flags = row.flags;
        const on = ['SKU_AFFINITY_ENABLED', 'CROSS_DOCK_ENABLED', 'CONGESTION_AVOIDANCE_ENABLED', 'ML_MODEL_ENABLED'].map((key) => flags[key]);
        const profile = flags.algorithm === 'FFD' ? false : flags.algorithm === 'BFD' ? true : null;
        expect(profile, `algorithm ${String(flags.algorithm)}`).not.toBeNull();
        expect(on, `torn flag read: ${JSON.stringify(flags)}`).toEqual([profile, profile, profile, profile]);
        expect(row.algorithm).toBe(flags.algorithm);
      }
      await client.query('DELETE FROM feature_flags WHERE tenant_id = $1::uuid', [acmeId]);
    });
    await expectInvariants('flag flips during batches');
  });
});
