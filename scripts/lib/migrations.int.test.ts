import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseUrl } from '../../test/integration/database-url';
import { createDatabase, dropDatabase } from './databases';
import { listMigrations, MIGRATIONS_DIR, migrateDown, migrateUp } from './migrations';

const url = databaseUrl(`binwise_migrations_${process.pid}_${Date.now().toString(36)}`);
let client: pg.Client;

async function publicTables(): Promise<string[]> {
  const { rows } = await client.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY 1`);
  return rows.map((row) => row.tablename);
}

beforeAll(async () => {
  await createDatabase(url);
  client = new pg.Client({ connectionString: url });
  await client.connect();
});

afterAll(async () => {
  await client.end();
  await dropDatabase(url);
});

describe('the migration runner', () => {
  it('applies every migration once and records Prisma’s checksum for each', async () => {
    const first = await migrateUp(client);
    expect(first.applied).toEqual(listMigrations().map((m) => m.name));
    const again = await migrateUp(client);
    expect(again.applied).toEqual([]);
    const { rows } = await client.query('SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" ORDER BY migration_name');
    for (const row of rows) {
      const sql = readFileSync(path.join(MIGRATIONS_DIR, row.migration_name, 'migration.sql'));
      expect(row.checksum).toBe(createHash('sha256').update(sql).digest('hex'));
      expect(row.finished_at).not.toBeNull();
    }
  });

  it('lets the runbook’s data-quality queries run unchanged on a migrated database', async () => {
    await client.query('SELECT COUNT(*) FROM materials WHERE width_inches IS NULL OR height_inches IS NULL');
    await client.query('SELECT COUNT(*) FROM materials WHERE abc_classification IS NULL');
    await client.query('SELECT COUNT(*) FROM inventory_locations WHERE cubic_feet <= 0 OR max_weight_lbs <= 0');
  });

  it('rolls every migration back with its down.sql and can apply them again', async () => {
    const count = listMigrations().length;
    for (let i = 0; i < count; i += 1) expect(await migrateDown(client)).not.toBeNull();
    expect(await migrateDown(client)).toBeNull();
    expect(await publicTables()).toEqual([]);
    await migrateUp(client);
    expect((await publicTables()).length).toBeGreaterThan(20);
  });

  it('refuses a migration that was edited after it was applied', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'binwise-migrations-'));
    cpSync(MIGRATIONS_DIR, dir, { recursive: true });
    const first = listMigrations(dir)[0];
    writeFileSync(path.join(dir, first.name, 'migration.sql'), `${first.sql}\n-- edited`);
    await expect(migrateUp(client, dir)).rejects.toThrow(/edited after it was applied/);
  });

  it('rolls a failing migration back and records nothing', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'binwise-migrations-'));
    cpSync(MIGRATIONS_DIR, dir, { recursive: true });
    const broken = path.join(dir, '29991231000000_broken');
    cpSync(path.join(dir, listMigrations(dir)[0].name), broken, { recursive: true });
    writeFileSync(path.join(broken, 'migration.sql'), 'CREATE TABLE half_done (id int); SELECT * FROM no_such_table;');
    await expect(migrateUp(client, dir)).rejects.toThrow(/29991231000000_broken failed and was rolled back/);
    const { rows } = await client.query(`SELECT to_regclass('half_done') AS t, (SELECT COUNT(*)::int FROM "_prisma_migrations" WHERE migration_name = '29991231000000_broken') AS n`);
    expect(rows[0]).toEqual({ t: null, n: 0 });
  });
});
