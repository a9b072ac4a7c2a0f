/**
 * Integration tests run against a real PostgreSQL: a throwaway database created here on the
 * server named by DATABASE_URL (default 127.0.0.1:5432), migrated and seeded with small demo
 * data, and dropped afterwards. Never a mocked database.
 */
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { createDatabase, dropDatabase } from '../../scripts/lib/databases.ts';
import { migrateUp } from '../../scripts/lib/migrations.ts';
import { databaseUrl } from './database-url.ts';

export default async function setup(project: TestProject) {
  const url = databaseUrl(`binwise_test_${process.pid}_${Date.now().toString(36)}`);
  await createDatabase(url);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await migrateUp(client);
  await client.end();

  const { seedDatabase } = await import('../../prisma/seed/index.ts');
  await seedDatabase({ connectionString: url, seed: 42, locations: 300, log: () => {} });

  process.env.DATABASE_URL = url;
  process.env.NEXTAUTH_SECRET ??= 'integration-test-secret-0123456789';
  project.provide('databaseUrl', url);

  return () => dropDatabase(url);
}

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}
