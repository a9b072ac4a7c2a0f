/**
 * `npm run -s bench:load -- --json [--duration 120] [--soak] [--port 3450] [--locations 1500]`
 *
 * Load against a production build on loopback (127.0.0.1 only), bounded in time and count:
 *  1. dashboard reads (heatmap and review queue) at 50 req/s,
 *  2. mixed writes for --duration seconds: GraphQL batch creation at 5 req/s and accepts at
 *     10 req/s, with the reads still running,
 *  3. a 5× spike of everything for 15 s.
 * Reports p50/p95/p99 per stream, error counts, server RSS and PostgreSQL connections at the
 * start and the end, and checks the invariants afterwards. --soak runs 10 minutes of phase 2
 * and reports memory growth (target < 10%); not for CI. Uses its own database
 * (binwise_bench_load) and its own server; needs an existing `next build`.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { config } from '../test/reliability/lib/config.ts';
import { checkInvariants, createTokens, prepareDatabase, violationsOf, withClient } from '../test/reliability/lib/db.ts';
import { CREATE_BATCH, createBatch, placeableSkus, type RecommendationRow } from '../test/reliability/lib/fixtures.ts';
import { Client } from '../test/reliability/lib/http.ts';
import { startServer, type AppServer } from '../test/reliability/lib/server.ts';
import { discoverRouteHandlers } from '../test/reliability/lib/surface.ts';

const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(`--${name}`);
const option = (name: string, fallback: number) => {
  const at = argv.indexOf(`--${name}`);
  return at >= 0 && argv[at + 1] ? Number(argv[at + 1]) : fallback;
};
const json = flag('json');
const soak = flag('soak');
const duration = soak ? 600 : option('duration', 120);
const port = option('port', 3450);
const locations = option('locations', 1500);
const databaseUrl = process.env.BENCH_LOAD_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/binwise_bench_load';
const t0 = Date.now();
const log = (message: string) => {
  const line = `[bench:load +${Math.round((Date.now() - t0) / 1000)}s] ${message}`;
  if (!json) console.log(line);
  else process.stderr.write(`${line}\n`);
};

type Stream = { label: string; requests: number; errors: number; timeouts: number; p50: number; p95: number; p99: number; max: number; non2xx: number; fiveXx: number; graphqlErrors: Record<string, number>; rps: number };

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return 0;
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! * 10) / 10;
}

function soakGrowthPercent(samples: number[]): number {
  if (samples.length < 2) return 0;
  const n = Math.max(1, Math.min(6, Math.floor(samples.length / 4)));
  const mean = (xs: number[]) => xs.reduce((sum, x) => sum + x, 0) / xs.length;
  const first = mean(samples.slice(0, n));
  return Math.round(((mean(samples.slice(-n)) - first) / first) * 1000) / 10;
}

/** RSS (MB) of every process in the server's process group. */
function groupRssMb(pgid: number): number {
  let kb = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) !== pgid) continue;
      const rss = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      kb += Number(rss?.[1] ?? 0);
    } catch {
      // process ended while reading
    }
  }
  return Math.round(kb / 102.4) / 10;
}

async function pgConnections(): Promise<number> {
  const name = new URL(databaseUrl).pathname.slice(1);
  return withClient(databaseUrl, async (client) => Number((await client.query(`SELECT count(*) AS n FROM pg_stat_activity WHERE datname = $1`, [name])).rows[0].n) - 1);
}

/** Waits until no other session on the benchmark database is running a statement or sits in a transaction. */
async function waitUntilIdle(timeoutMs: number): Promise<void> {
  const name = new URL(databaseUrl).pathname.slice(1);
  const deadline = Date.now() + timeoutMs;
  await withClient(databaseUrl, async (client) => {
    for (;;) {
      const { rows } = await client.query(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid() AND state IN ('active', 'idle in transaction')`,
        [name],
      );
      if (rows[0].n === 0 || Date.now() > deadline) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  });
}

type Target = { label: string; rate: number; seconds: number; requests: autocannon.Request[]; headers: Record<string, string> };

/** One autocannon run at a fixed overall rate, with its own latency list from every response. */
function fire(server: AppServer, target: Target): Promise<Stream> {
  const times: number[] = [];
  const graphqlErrors: Record<string, number> = {};
  let non2xx = 0;
  let fiveXx = 0;
  const requests = target.requests.map((request) => ({
    ...request,
    onResponse: (status: number, body: string) => {
      if (status >= 500) fiveXx += 1;
      if (status < 200 || status >= 300) non2xx += 1;
      const codes = body.includes('"errors"') ? [...body.matchAll(/"code":"([A-Z_]+)"/g)].map((m) => m[1]!) : [];
      for (const code of new Set(codes)) graphqlErrors[code] = (graphqlErrors[code] ?? 0) + 1;
    },
  }));
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: server.url,
        // Enough connections that each needs at most one request a second: the offered rate
        // holds even when responses slow down. Bounded by time; the rate bounds the count.
        connections: Math.max(2, Math.min(100, target.rate)),
        overallRate: target.rate,
        duration: target.seconds,
        timeout: 10,
        headers: target.headers,
        requests,
      },
      (error, result) => {
        if (error) return reject(error);
        const sorted = times.sort((a, b) => a - b);
        resolve({
          label: target.label,
          requests: times.length,
          errors: result.errors,
          timeouts: result.timeouts,
          p50: percentile(sorted, 50),
          p95: percentile(sorted, 95),
          p99: percentile(sorted, 99),
          max: percentile(sorted, 100),
          non2xx,
          fiveXx,
          graphqlErrors,
          rps: Math.round((result.requests.total / target.seconds) * 10) / 10,
        });
      },
    );
    instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => times.push(responseTime));
  });
}

async function main() {
  if (!existsSync(path.join(config.appDir, '.next/BUILD_ID'))) throw new Error(`No production build in ${config.appDir}: run \`npx next build\` first.`);
  const startedAt = new Date();
  log(`preparing ${databaseUrl} (${locations} locations)`);
  await prepareDatabase(databaseUrl, locations);
  const tokens = await createTokens(databaseUrl);
  const supervisorToken = tokens['acme-print']!.SUPERVISOR;
  const server = await startServer({ port, databaseUrl, name: 'bench-load', env: {} });
  // The server runs in its own process group: take it down with us on Ctrl-C.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void server.stop().then(() => process.exit(130)));
  try {
    const base = server.url;
    const manager = await new Client(base, 'manager').signIn('manager@acme.test', 'binwise-demo');
    const supervisor = await new Client(base, 'supervisor').signIn('supervisor@acme.test', 'binwise-demo');
    const skus = await placeableSkus(databaseUrl, 'acme-print', 80);
    const api = new Client(base, 'bench');

    // The read APIs the dashboards poll, as they exist in this build; GraphQL reads otherwise.
    const routes = discoverRouteHandlers().filter((r) => r.methods.includes('GET') && !r.dynamic);
    const heatmap = routes.find((r) => /heatmap/.test(r.pattern))?.pattern;
    const queue = (routes.find((r) => /review|queue/.test(r.pattern)) ?? routes.find((r) => /putaway\/batches$/.test(r.pattern)))?.pattern;
    const reads: autocannon.Request[] = [
      heatmap ? { method: 'GET', path: heatmap, headers: { cookie: manager.cookieHeader() } } : { method: 'POST', path: '/graphql', headers: { 'content-type': 'application/json', authorization: `Bearer ${supervisorToken}` }, body: JSON.stringify({ query: '{ putawayBatches(limit: 50) { batchId pending accepted acceptanceRate } }' }) },
      queue ? { method: 'GET', path: queue, headers: { cookie: supervisor.cookieHeader() } } : { method: 'POST', path: '/graphql', headers: { 'content-type': 'application/json', authorization: `Bearer ${supervisorToken}` }, body: JSON.stringify({ query: '{ putawayBatches(limit: 20) { batchId status itemCount pending } }' }) },
    ];
    log(`reads: ${heatmap ?? 'GraphQL putawayBatches (no heatmap route in this build)'}, ${queue ?? 'GraphQL putawayBatches (no review-queue route in this build)'}`);

    // Pending recommendations for the accept stream: 10/s for the whole run plus the spike.
    const needed = Math.ceil(10 * (duration + 15 * 5) * 1.1);
    const pending: RecommendationRow[] = [];
    for (let round = 0; pending.length < needed; round += 1) {
      const batches = await Promise.all([0, 1].map((j) =>
        createBatch(api, supervisorToken, Array.from({ length: 250 }, (_, i) => ({ sku: skus[(round * 500 + j * 250 + i) % skus.length]!, quantity: 1 })))));
      for (const batch of batches) pending.push(...batch.recommendations);
    }
    log(`${pending.length} pending recommendations ready for the accept stream`);
    // The review screen itself: one batch with its recommendations, when the route exists.
    const batchRoute = discoverRouteHandlers().find((r) => /putaway\/batches\/\[[^\]]+\]$/.test(r.pattern));
    if (batchRoute) {
      const [recent] = await createBatch(api, supervisorToken, skus.slice(0, 20).map((sku) => ({ sku, quantity: 1 }))).then((b) => [b.batchId]);
      reads.push({ method: 'GET', path: batchRoute.pattern.replace(/\[[^\]]+\]/, recent!), headers: { cookie: supervisor.cookieHeader() } });
    }
    const gqlHeaders = { 'content-type': 'application/json', authorization: `Bearer ${supervisorToken}` };
    let nextRec = 0;
    let batchSeq = 0;
    const accepts: autocannon.Request[] = [{
      method: 'POST', path: '/graphql',
      setupRequest: (request) => {
        const rec = pending[nextRec++ % pending.length]!;
        return { ...request, body: JSON.stringify({ query: 'mutation($id: ID!, $key: String) { acceptRecommendation(id: $id, idempotencyKey: $key) { id status } }', variables: { id: rec.id, key: `bench-${rec.id}` } }) };
      },
    }];
    const creates: autocannon.Request[] = [{
      method: 'POST', path: '/graphql',
      setupRequest: (request) => {
        batchSeq += 1;
        const items = Array.from({ length: 5 }, (_, i) => ({ sku: skus[(batchSeq * 7 + i) % skus.length]!, quantity: 1 + (i % 3) }));
        return { ...request, body: JSON.stringify({ query: CREATE_BATCH, variables: { input: { items } } }) };
      },
    }];

    for (const request of reads) await api.request(request.path!, { method: request.method, headers: request.headers as Record<string, string>, body: request.body as string | undefined });
    const start = { rssMb: groupRssMb(server.child.pid!), pgConnections: await pgConnections() };
    log(`start: RSS ${start.rssMb} MB, ${start.pgConnections} PostgreSQL connections`);

    const readsAlone = await fire(server, { label: 'reads 50/s', rate: 50, seconds: Math.min(30, duration), requests: reads, headers: {} });
    log(`reads alone: p95 ${readsAlone.p95} ms`);
    const rssSamples: number[] = [];
    const sampler = setInterval(() => rssSamples.push(groupRssMb(server.child.pid!)), 10_000);
    const [mixedReads, mixedCreates, mixedAccepts] = await Promise.all([
      fire(server, { label: 'reads 50/s during writes', rate: 50, seconds: duration, requests: reads, headers: {} }),
      fire(server, { label: 'GraphQL batch creation 5/s', rate: 5, seconds: duration, requests: creates, headers: gqlHeaders }),
      fire(server, { label: 'GraphQL accepts 10/s', rate: 10, seconds: duration, requests: accepts, headers: gqlHeaders }),
    ]);
    clearInterval(sampler);
    log(`mixed: reads p95 ${mixedReads.p95} ms, creates p95 ${mixedCreates.p95} ms, accepts p95 ${mixedAccepts.p95} ms`);
    const spike = await Promise.all([
      fire(server, { label: 'spike reads 250/s', rate: 250, seconds: 15, requests: reads, headers: {} }),
      fire(server, { label: 'spike creates 25/s', rate: 25, seconds: 15, requests: creates, headers: gqlHeaders }),
      fire(server, { label: 'spike accepts 50/s', rate: 50, seconds: 15, requests: accepts, headers: gqlHeaders }),
    ]);
    log(`spike: reads p95 ${spike[0].p95} ms`);
    const end = { rssMb: groupRssMb(server.child.pid!), pgConnections: await pgConnections() };
    // autocannon stops sending when the spike ends, but the server may still be working
    // through requests it accepted. The cache check reads across several statements, so a
    // commit landing between them would read as a mismatch: check once the app is idle.
    await waitUntilIdle(10_000);
    const invariants = await checkInvariants(databaseUrl);
    const streams = [readsAlone, mixedReads, mixedCreates, mixedAccepts, ...spike];
    const readStreams = [readsAlone, mixedReads];
    const result = {
      benchmark: 'bench:load',
      date: startedAt.toISOString(),
      machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? 'unknown', memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version },
      durationSeconds: duration,
      soak,
      readEndpoints: reads.map((r) => r.path),
      streams,
      start,
      end,
      memoryGrowthPercent: Math.round(((end.rssMb - start.rssMb) / start.rssMb) * 1000) / 10,
      // First minute vs last minute of the mixed phase (10 s samples): a GC sawtooth makes any single sample noisy.
      mixedPhaseGrowthPercent: soakGrowthPercent(rssSamples),
      rssSamplesMb: rssSamples,
      invariants: { violations: violationsOf(invariants), overCapacity: invariants.overCapacity.length, lotMismatch: invariants.lotMismatch.length, cacheMismatch: invariants.cacheMismatch.length, cacheChecked: invariants.cacheChecked },
      targets: {
        readsP95Under300ms: readStreams.every((s) => s.p95 < 300),
        readsP99Under1s: readStreams.every((s) => s.p99 < 1000),
        no5xx: streams.every((s) => s.fiveXx === 0),
        noTimeouts: streams.every((s) => s.timeouts === 0),
        invariantsHold: violationsOf(invariants) === 0,
        ...(soak ? { soakMemoryGrowthUnder10Percent: soakGrowthPercent(rssSamples) < 10 } : {}),
      },
    };
    if (json) console.log(JSON.stringify(result));
    else console.log(JSON.stringify(result, null, 2));
  } finally {
    await server.stop();
  }
}

await main();
