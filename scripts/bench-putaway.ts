// `npm run -s bench:putaway -- [--json] [--runs 200] [--items 50] [--skip-large] [--database-url postgresql://…]`
// Times the REAL putaway service end to end (candidate query, context queries, engine,
// inserts) against PostgreSQL on a 10,000-bin / ~200,000-lot scratch warehouse, then
// batches of 500 and 5,000 items. Prints JSON with --json.
import { register } from 'node:module';
import { cpus, loadavg } from 'node:os';
import pg from 'pg';
import { BENCH_TENANT_CODE, ensureBenchWarehouse } from './lib/bench-putaway-seed';
import { createDatabase, databaseNameOf } from './lib/databases';

// lib/server modules start with `import 'server-only'`, which throws outside React's server
// build: map it to an empty module for this CLI (as vitest's alias does). next-auth's
// CommonJS providers need the bundler's default-export interop: give them the same.
const credentialsShim = `import { createRequire } from 'node:module'; const m = createRequire(${JSON.stringify(`${process.cwd()}/package.json`)})('next-auth/providers/credentials'); export default m.default ?? m;`;
register('data:text/javascript,' + encodeURIComponent(`
  export async function resolve(specifier, context, next) {
    if (specifier === 'server-only') return { url: 'data:text/javascript,', shortCircuit: true };
    if (specifier === 'next-auth/providers/credentials') return { url: 'data:text/javascript,' + encodeURIComponent(${JSON.stringify(credentialsShim)}), shortCircuit: true };
    return next(specifier, context);
  }`));

function option(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

const json = process.argv.includes('--json');
const runs = Number(option('runs') ?? 200);
const itemsPerBatch = Number(option('items') ?? 50);
const databaseUrl = option('database-url') ?? process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/binwise_bench';
const log = (message: string) => { if (!json) console.error(message); };

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return Math.round(sorted[index]! * 10) / 10;
}

async function ensureDatabase(recreate = false): Promise<void> {
  if (recreate) log(`dropping scratch database ${databaseNameOf(databaseUrl)} (its migrations changed)`);
  if (await createDatabase(databaseUrl, recreate ? { replace: true } : { ifMissing: true })) log(`created database ${databaseNameOf(databaseUrl)}`);
}

async function main(): Promise<void> {
  await ensureDatabase();
  const { migrateUp } = await import('./lib/migrations');
  let client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await migrateUp(client);
  } catch (error) {
    // A scratch database whose migrations were edited since: rebuild it from scratch.
    if (!/checksum mismatch|edited after it was applied/i.test(String(error))) throw error;
    await client.end();
    await ensureDatabase(true);
    client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    await migrateUp(client);
  }
  const started = performance.now();
  const warehouse = await ensureBenchWarehouse(client, { locations: 10_000, lots: 200_000, materials: 800 });
  log(`warehouse ${BENCH_TENANT_CODE}: ${warehouse.locations} bins, ${warehouse.lots} lots (ready in ${Math.round(performance.now() - started)} ms)`);
  await client.end();

  process.env.DATABASE_URL = databaseUrl;
  process.env.NEXTAUTH_SECRET ??= 'bench-secret-0123456789abcdef';
  process.env.DB_POOL_MAX ??= '4';
  // The production ConfigMap's flags (k8s/production/bin-optimization/configmap.yaml) unless
  // the environment says otherwise; the bench tenant has no ML model, so confidence is heuristic.
  process.env.BIN_OPTIMIZATION_ALGORITHM ??= 'HYBRID';
  process.env.SKU_AFFINITY_ENABLED ??= 'true';
  process.env.CROSS_DOCK_ENABLED ??= 'true';
  process.env.CONGESTION_AVOIDANCE_ENABLED ??= 'true';
  process.env.ML_MODEL_ENABLED ??= 'true';
  const { createPutawayBatch } = await import('../lib/server/putaway/create-putaway-batch');
  const { pool } = await import('../lib/server/db');
  const context = { userId: warehouse.userId, tenantId: warehouse.tenantId, tenantName: warehouse.tenantName, role: 'SUPERVISOR' as const, name: 'bench', via: 'session' as const };

  let seed = 7;
  const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
  const receipt = (count: number) =>
    Array.from({ length: count }, () => ({ sku: warehouse.skus[Math.floor(random() * warehouse.skus.length)]!, quantity: 1 + Math.floor(random() * 3) }));

  // Wall time is what the runbook's budget is about; this process's CPU time is reported
  // too, because on a shared machine wall time also measures everyone else's load.
  let flagsUsed: Record<string, unknown> = {};
  const time = async (count: number) => {
    let phases: Record<string, number> = {};
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const batch = await createPutawayBatch(context, { items: receipt(count), source: 'BENCH' }, { onPhases: (timings) => (phases = { ...timings }) });
    const cpu = process.cpuUsage(cpu0);
    flagsUsed = batch.flags;
    return { ms: performance.now() - t0, cpuMs: (cpu.user + cpu.system) / 1000, placed: batch.recommendations.length, unplaceable: batch.unplaceable.length, phases };
  };
  // Median wall time of each phase of the service (begin, queries, engine, insert, commit).
  const phaseMedians = (runsPhases: Record<string, number>[]) => {
    const names = [...new Set(runsPhases.flatMap((p) => Object.keys(p)))];
    return Object.fromEntries(names.map((name) => [name, percentile(runsPhases.map((p) => p[name] ?? 0).sort((a, b) => a - b), 50)]));
  };

  const loadBefore = loadavg()[0]!;
  for (let i = 0; i < 5; i++) await time(itemsPerBatch);
  const samples: number[] = [];
  const cpuSamples: number[] = [];
  const phaseSamples: Record<string, number>[] = [];
  let placed = 0;
  for (let i = 0; i < runs; i++) {
    const result = await time(itemsPerBatch);
    samples.push(result.ms);
    cpuSamples.push(result.cpuMs);
    phaseSamples.push(result.phases);
    placed += result.placed;
  }
  samples.sort((a, b) => a - b);
  cpuSamples.sort((a, b) => a - b);
  log(`${runs} × ${itemsPerBatch} items: p50 ${percentile(samples, 50)} ms, p95 ${percentile(samples, 95)} ms`);

  const large: Record<string, { runs: number; meanMs: number; maxMs: number; placed: number; unplaceable: number; phasesMs: Record<string, number> }> = {};
  for (const [count, repeats] of process.argv.includes('--skip-large') ? [] : ([[500, 10], [5000, 3]] as const)) {
    const times: number[] = [];
    const phases: Record<string, number>[] = [];
    let last = { placed: 0, unplaceable: 0 };
    for (let i = 0; i < repeats; i++) {
      const result = await time(count);
      times.push(result.ms);
      phases.push(result.phases);
      last = result;
    }
    large[String(count)] = { runs: repeats, meanMs: Math.round(times.reduce((s, x) => s + x, 0) / repeats), maxMs: Math.round(Math.max(...times)), placed: last.placed, unplaceable: last.unplaceable, phasesMs: phaseMedians(phases) };
    log(`${repeats} × ${count} items: mean ${large[String(count)]!.meanMs} ms, max ${large[String(count)]!.maxMs} ms`);
  }

  const result = {
    p50Ms: percentile(samples, 50),
    p95Ms: percentile(samples, 95),
    p99Ms: percentile(samples, 99),
    items: itemsPerBatch,
    locations: warehouse.locations,
    lots: warehouse.lots,
    runs,
    placedPerBatch: Math.round(placed / runs),
    cpuP50Ms: percentile(cpuSamples, 50),
    cpuP95Ms: percentile(cpuSamples, 95),
    phasesMs: phaseMedians(phaseSamples),
    batches: large,
    flags: flagsUsed,
    machine: { cpus: cpus().length, loadAverage1mBefore: Math.round(loadBefore * 10) / 10, loadAverage1mAfter: Math.round(loadavg()[0]! * 10) / 10 },
  };
  console.log(json ? JSON.stringify(result) : JSON.stringify(result, null, 2));
  await pool().end();
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
