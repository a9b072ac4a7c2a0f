/**
 * Integration tests run against a real PostgreSQL: a throwaway database created here on the
 * server named by DATABASE_URL (default 127.0.0.1:5432), migrated and seeded with small demo
 * data, and dropped afterwards. Never a mocked database.
 */
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { migrateUp } from '../../scripts/lib/migrations.ts';
import { adminUrlFor, databaseUrl } from './database-url.ts';

export default async function setup(project: TestProject) {
  const name = `binwise_test_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: adminUrlFor('postgres') });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();

  const url = databaseUrl(name);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await migrateUp(client);
  await client.end();

  const { seedDatabase } = await import('../../prisma/seed/index.ts');
  await seedDatabase({ connectionString: url, seed: 42, locations: 300, log: () => {} });

  process.env.DATABASE_URL = url;
  process.env.NEXTAUTH_SECRET ??= 'integration-test-secret-0123456789';
  project.provide('databaseUrl', url);

  return async () => {
    const cleanup = new pg.Client({ connectionString: adminUrlFor('postgres') });
    await cleanup.connect();
    await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await cleanup.end();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}
