// Recreates the end-to-end database (binwise_e2e by default): migrate, then seed demo data.
import pg from 'pg';
import { createDatabase, databaseNameOf } from './lib/databases.ts';
import { migrateUp } from './lib/migrations.ts';
import { seedDatabase } from '../prisma/seed/index.ts';
import { seedDemoModel } from '../lib/server/ml/seed-demo-model.ts';

const url = process.env.E2E_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/binwise_e2e';
const name = databaseNameOf(url);
await createDatabase(url, { replace: true });

const client = new pg.Client({ connectionString: url });
await client.connect();
await migrateUp(client);
await client.end();

const started = Date.now();
await seedDatabase({ connectionString: url, seed: 42, locations: Number(process.env.E2E_LOCATIONS ?? 1500), log: () => {} });
await seedDemoModel(url);
console.log(`e2e database ${name} ready in ${Date.now() - started} ms`);
