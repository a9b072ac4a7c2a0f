/**
 * `npm start`: one command from a clean clone to a signed-in dashboard.
 *  1. DATABASE_URL unset → start the embedded PGlite database (data in .data/pglite);
 *     set → use that PostgreSQL 15+ server.
 *  2. Apply pending migrations.
 *  3. Seed the demo warehouse if the database has no tenants yet; on later starts, move a
 *     demo seeded here forward to the present (prisma/seed/roll-forward.ts).
 *  4. Build the app if there is no build or the sources are newer than it.
 *  5. Serve on PORT (default 3000) and print the URL and the demo sign-ins.
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { parse as parseYaml } from 'yaml';
import { startEmbeddedDatabase, type EmbeddedDatabase } from './lib/embedded-database.ts';
import { migrateUp } from './lib/migrations.ts';
import { FLAG_KEYS } from '../lib/schemas/flags.ts';
import { DEMO_USERS, DEMO_PASSWORD } from '../prisma/seed/demo-users.ts';
import { seedDatabase } from '../prisma/seed/index.ts';
import { rollDemoDataForward } from '../prisma/seed/roll-forward.ts';
import { seedDemoModel } from '../lib/server/ml/seed-demo-model.ts';

const root = path.resolve(import.meta.dirname, '..');
const dataDir = path.join(root, '.data');
const port = Number(process.env.PORT ?? 3000);
const started = Date.now();
const log = (message: string) => console.log(`[binwise] ${message}`);

function persistentSecret(): string {
  const file = path.join(dataDir, 'nextauth-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const stats = statSync(target);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs;
  for (const entry of readdirSync(target)) {
    if (entry === 'node_modules' || entry === 'generated' || entry.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  }
  return newest;
}

function buildIsStale(): boolean {
  const buildId = path.join(root, '.next', 'BUILD_ID');
  if (!existsSync(buildId)) return true;
  const sources = ['app', 'components', 'lib', 'public', 'proxy.ts', 'instrumentation.ts', 'next.config.js', 'package-lock.json'];
  const newestSource = Math.max(...sources.map((s) => newestMtime(path.join(root, s))));
  return newestSource > statSync(buildId).mtimeMs;
}

let embedded: EmbeddedDatabase | undefined;
let databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  log('DATABASE_URL is not set: starting the embedded PGlite database in .data/pglite');
  embedded = await startEmbeddedDatabase({ dataDir: path.join(dataDir, 'pglite'), port: Number(process.env.EMBEDDED_DB_PORT ?? 54329) });
  databaseUrl = embedded.url;
}
const adminUrl = process.env.DATABASE_ADMIN_URL ?? databaseUrl;

const client = new pg.Client({ connectionString: adminUrl });
await client.connect();
const migration = await migrateUp(client);
log(migration.applied.length ? `applied migrations: ${migration.applied.join(', ')}` : 'database schema is up to date');
const { rows } = await client.query<{ n: string }>('SELECT COUNT(*) AS n FROM tenants');
const seeded = Number(rows[0]?.n ?? 0) > 0;
// A demo seeded here on an earlier day: orders due today again, full "last 30 days" windows.
// Databases without the demo anchor (production, a pinned --now) are left alone; a demo seeded
// just below needs no roll.
if (seeded) await rollDemoDataForward(client, { log });
await client.end();
if (!seeded) {
  const locations = Number(process.env.BINWISE_DEMO_LOCATIONS ?? 2000);
  log(`empty database: seeding the demo warehouse (${locations} locations)…`);
  const seedStarted = Date.now();
  // This instant rather than the seed's default midnight: the warehouse history and the ML
  // history below then end at the same moment, the anchor later starts roll forward from.
  const anchor = new Date(seedStarted);
  await seedDatabase({ connectionString: adminUrl, seed: 42, locations, now: anchor, recordAnchor: true, log: () => {} });
  // Supervisor decisions and trained confidence models, so the ML page has history on day one.
  await seedDemoModel(adminUrl, { now: anchor });
  log(`demo data seeded in ${((Date.now() - seedStarted) / 1000).toFixed(1)} s`);
}

// The feature-flag defaults production gets from its ConfigMap; a variable set in the shell wins.
const configMap = parseYaml(readFileSync(path.join(root, 'k8s/production/bin-optimization/configmap.yaml'), 'utf8')) as { data: Record<string, string> };
const flagDefaults = Object.fromEntries(FLAG_KEYS.map((key) => [key, process.env[key] ?? configMap.data[key]]));

const env = {
  ...process.env,
  ...flagDefaults,
  DATABASE_URL: databaseUrl,
  NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? persistentSecret(),
  NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
  NEXT_TELEMETRY_DISABLED: '1',
  // PGlite runs one transaction at a time for every connection, so waiting a few seconds for
  // a turn is normal there; against a real server the 5 s default fails fast instead.
  ...(embedded && !process.env.DB_CONNECT_TIMEOUT_MS ? { DB_CONNECT_TIMEOUT_MS: '20000' } : {}),
};

if (buildIsStale()) {
  log('building the app (next build)…');
  const build = spawnSync('npx', ['next', 'build'], { cwd: root, stdio: 'inherit', env });
  if (build.status !== 0) {
    await embedded?.stop();
    process.exit(build.status ?? 1);
  }
}

const server = spawn('npx', ['next', 'start', '-p', String(port)], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], env });
let announced = false;
server.stdout.on('data', (chunk: Buffer) => {
  process.stdout.write(chunk);
  if (!announced && /Ready|started server|Local:/i.test(chunk.toString())) {
    announced = true;
    log(`Binwise is running at http://localhost:${port} (ready ${((Date.now() - started) / 1000).toFixed(1)} s after start)`);
    log(`database: ${embedded ? 'embedded PGlite (.data/pglite)' : 'DATABASE_URL'}`);
    log(`demo sign-ins (password "${DEMO_PASSWORD}"): ${DEMO_USERS.filter((u) => u.tenantCode === 'acme-print').map((u) => `${u.email} (${u.role})`).join(', ')}`);
  }
});

async function shutdown(code: number) {
  server.kill('SIGTERM');
  await embedded?.stop().catch(() => undefined);
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));
server.on('exit', (code) => void shutdown(code ?? 0));
