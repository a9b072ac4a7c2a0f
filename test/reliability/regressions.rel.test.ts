/**
 * One pinned test per defect the reliability suites found (docs/reliability.md, "Defects"),
 * each the smallest reproduction. The broader suites also catch them; these name them.
 * D4 (racing accept-alls), D5 (pool exhaustion → INTERNAL) and D6 (PostgreSQL restart →
 * INTERNAL) are pinned in races.rel.test.ts and faults.rel.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { config } from './lib/config';
import { count, flushTally } from './lib/counters';
import { changedTables, tableChecksums } from './lib/db';
import { CREATE_BATCH, gql, placeableSkus, signInAll, type Sessions } from './lib/fixtures';
import { Client } from './lib/http';
import { callAction } from './lib/rpc';
import { loadState } from './lib/state';
import { discoverServerActions, type ServerAction } from './lib/surface';

let sessions: Sessions;
let action: ServerAction | undefined;
const anon = new Client(config.baseUrl, 'anonymous');

beforeAll(async () => {
  sessions = await signInAll();
  action = discoverServerActions()[0];
});
afterAll(() => flushTally('regressions'));

describe('defects found by the reliability suites', () => {
  it('D1: answers a malformed server-action body with a 4xx, not a 500', async () => {
    if (!action) return;
    for (const [label, body, type] of [
      ['truncated JSON', '[{"a":', undefined],
      ['empty body', '', undefined],
      ['XML content type', '<a/>', 'application/xml'],
      ['body over the 1 MB action limit', 'a'.repeat(2 * 1024 * 1024), undefined],
    ] as const) {
      const answer = await callAction(sessions['acme-print'].ADMIN, { id: action.id, page: action.page, rawBody: body, contentType: type });
      count('inputs');
      expect(answer.status, `${label} → ${answer.status}`).toBeLessThan(500);
    }
  });

  it('D1b: answers a malformed Next-Router-State-Tree header on a dashboard page with a 4xx, not a 500', async () => {
    const headers = { rsc: '1', 'next-router-state-tree': '%5B%22%22%5D' };
    let answer = await sessions['acme-print'].ADMIN.request('/', { headers });
    // Follow the framework's `_rsc` cache-busting redirect to reach the render.
    for (let hop = 0; hop < 3 && answer.status >= 300 && answer.status < 400 && answer.headers.get('location'); hop += 1) {
      answer = await sessions['acme-print'].ADMIN.request(answer.headers.get('location')!, { headers });
    }
    count('inputs');
    expect(answer.status).toBeLessThan(500);
  });

  it('D2: refuses a server action from a foreign Origin with 403, not 500', async () => {
    if (!action) return;
    const answer = await callAction(sessions['acme-print'].ADMIN, { id: action.id, page: action.page, args: [{}], headers: { origin: 'https://evil.example' } });
    count('inputs');
    expect(answer.result?.ok ?? false).toBe(false);
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.status).toBeLessThan(500);
  });

  it('D3: refuses a GraphQL mutation authenticated by the session cookie when the Origin is foreign', async () => {
    const [sku] = await placeableSkus(config.databaseUrl, 'acme-print', 1);
    const before = await tableChecksums(config.databaseUrl);
    const answer = await gql(sessions['acme-print'].SUPERVISOR, CREATE_BATCH, { input: { items: [{ sku, quantity: 1 }] } }, undefined, { origin: 'https://evil.example' });
    count('inputs');
    expect(answer.data?.createPutawayBatch ?? null).toBeNull();
    expect(answer.errors[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(changedTables(before, await tableChecksums(config.databaseUrl))).toEqual([]);
  });

  it('D8: refuses a cookie-authenticated POST /api/putaway/affinity from a foreign Origin', async () => {
    const answer = await sessions['acme-print'].OPS.request('/api/putaway/affinity', { method: 'POST', headers: { origin: 'https://evil.example' } });
    count('inputs');
    if (answer.status === 404 || answer.status === 405) return; // the route is gone
    expect(answer.status, `${answer.status} ${answer.text.slice(0, 120)}`).toBe(403);
  });

  it('D9: refuses a NUL character in a receipt with BAD_USER_INPUT, not INTERNAL', async () => {
    const [sku] = await placeableSkus(config.databaseUrl, 'acme-print', 1);
    const token = loadState().tokens['acme-print']!.SUPERVISOR;
    for (const item of [{ sku: '\u0000', quantity: 1 }, { sku: `${sku}\u0000`, quantity: 1 }, { sku, quantity: 1, lotNumber: 'LOT\u0000' }]) {
      const answer = await gql(anon, CREATE_BATCH, { input: { items: [item] } }, token);
      count('inputs');
      expect(answer.errors[0]?.extensions?.code, JSON.stringify(item)).toBe('BAD_USER_INPUT');
    }
  });

  it('D7: answers a bin code that is not valid percent-encoding with 400 or 404, not 500', async () => {
    for (const code of ['%25', '%25y%2B', '%E0%A4%A']) {
      const answer = await sessions['acme-print'].MANAGER.request(`/api/heatmap/bins/${code}`);
      count('inputs');
      expect(answer.status, `/api/heatmap/bins/${code} → ${answer.status} ${answer.text.slice(0, 100)}`).toBeLessThan(500);
    }
  });
});
