// Recreates the end-to-end database (binwise_e2e by default): migrate, then seed demo data.
import pg from 'pg';
import { migrateUp } from './lib/migrations.ts';
import { seedDatabase } from '../prisma/seed/index.ts';
import { seedDemoModel } from '../lib/server/ml/seed-demo-model.ts';

const url = new URL(process.env.E2E_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/binwise_e2e');
const name = url.pathname.slice(1);
if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`Refusing odd database name ${name}`);
const adminUrl = new URL(url.toString());
adminUrl.pathname = '/postgres';

const admin = new pg.Client({ connectionString: adminUrl.toString() });
await admin.connect();
await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
await admin.query(`CREATE DATABASE ${name}`);
await admin.end();

const client = new pg.Client({ connectionString: url.toString() });
await client.connect();
await migrateUp(client);
await client.end();

const started = Date.now();
await seedDatabase({ connectionString: url.toString(), seed: 42, locations: Number(process.env.E2E_LOCATIONS ?? 1500), log: () => {} });
await seedDemoModel(url.toString());
console.log(`e2e database ${name} ready in ${Date.now() - started} ms`);
