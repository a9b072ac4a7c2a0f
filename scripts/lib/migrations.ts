/**
 * The project's migration runner. `prisma migrate` needs a native engine that cannot be
 * downloaded here, so migrations are plain SQL in Prisma's layout
 * (prisma/migrations/<timestamp>_<name>/migration.sql, with a down.sql beside it) and this
 * runner records them in `_prisma_migrations` exactly as Prisma does (SHA-256 checksum of
 * migration.sql), so `prisma migrate deploy` accepts the database later.
 */
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ClientBase } from 'pg';

export const MIGRATIONS_DIR = path.resolve(import.meta.dirname, '../../prisma/migrations');

/** Serializes concurrent runners (several replicas starting at once). Arbitrary constant. */
const MIGRATION_LOCK_KEY = 72_410_001;

export type MigrationFile = { name: string; sql: string; downSql: string | null; checksum: string };

export function listMigrations(dir = MIGRATIONS_DIR): MigrationFile[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(dir, entry.name, 'migration.sql')))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, 'migration.sql'), 'utf8');
      const downPath = path.join(dir, name, 'down.sql');
      return {
        name,
        sql,
        downSql: existsSync(downPath) ? readFileSync(downPath, 'utf8') : null,
        checksum: createHash('sha256').update(sql).digest('hex'),
      };
    });
}

async function ensureMigrationsTable(client: ClientBase): Promise<void> {
  // Same definition Prisma creates.
  await client.query(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id" VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum" VARCHAR(64) NOT NULL,
    "finished_at" TIMESTAMPTZ,
    "migration_name" VARCHAR(255) NOT NULL,
    "logs" TEXT,
    "rolled_back_at" TIMESTAMPTZ,
    "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count" INTEGER NOT NULL DEFAULT 0
  )`);
}

type AppliedRow = { migration_name: string; checksum: string };

async function appliedMigrations(client: ClientBase): Promise<AppliedRow[]> {
  const { rows } = await client.query<AppliedRow>(
    `SELECT migration_name, checksum FROM "_prisma_migrations"
     WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
  );
  return rows;
}

export type MigrateResult = { applied: string[]; alreadyApplied: number };

/** Applies every pending migration in name order, each in its own transaction. */
export async function migrateUp(client: ClientBase, dir = MIGRATIONS_DIR): Promise<MigrateResult> {
  await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
  try {
    await ensureMigrationsTable(client);
    const done = new Map((await appliedMigrations(client)).map((row) => [row.migration_name, row.checksum]));
    const applied: string[] = [];
    for (const migration of listMigrations(dir)) {
      const recorded = done.get(migration.name);
      if (recorded !== undefined) {
        if (recorded !== migration.checksum) {
          throw new Error(`Migration ${migration.name} was edited after it was applied (checksum mismatch). Add a new migration instead.`);
        }
        continue;
      }
      const id = randomUUID();
      await client.query('BEGIN');
      try {
        await client.query(migration.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
           VALUES ($1, $2, now(), $3, now(), 1)`,
          [id, migration.checksum, migration.name],
        );
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw new Error(`Migration ${migration.name} failed and was rolled back: ${(error as Error).message}`);
      }
      applied.push(migration.name);
    }
    return { applied, alreadyApplied: done.size };
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
  }
}

/** Reverts the most recently applied migration with its down.sql, in one transaction. */
export async function migrateDown(client: ClientBase, dir = MIGRATIONS_DIR): Promise<string | null> {
  await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
  try {
    await ensureMigrationsTable(client);
    const applied = await appliedMigrations(client);
    const last = applied.at(-1);
    if (!last) return null;
    const migration = listMigrations(dir).find((m) => m.name === last.migration_name);
    if (!migration?.downSql) throw new Error(`Migration ${last.migration_name} has no down.sql; cannot roll back.`);
    await client.query('BEGIN');
    try {
      await client.query(migration.downSql);
      await client.query(`DELETE FROM "_prisma_migrations" WHERE migration_name = $1`, [migration.name]);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw new Error(`Rollback of ${migration.name} failed: ${(error as Error).message}`);
    }
    return migration.name;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
  }
}
