import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { readSchemaColumns } from './schema-model';

type DbColumn = { table_name: string; column_name: string; data_type: string; is_nullable: 'YES' | 'NO' };

async function databaseColumns(): Promise<DbColumn[]> {
  const client = new pg.Client({ connectionString: inject('databaseUrl') });
  await client.connect();
  try {
    const { rows } = await client.query<DbColumn>(
      `SELECT table_name, column_name, data_type, is_nullable FROM information_schema.columns
       WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
    );
    return rows;
  } finally {
    await client.end();
  }
}

describe('schema.prisma and the migrated database', () => {
  it('declare the same tables', async () => {
    const expected = new Set(readSchemaColumns().map((c) => c.table));
    const actual = new Set((await databaseColumns()).map((c) => c.table_name));
    expect([...actual].sort()).toEqual([...expected].sort());
  });

  it('declare the same columns with the same types and nullability', async () => {
    const describeSpec = (c: { table: string; column: string; dataType: string; nullable: boolean }) =>
      `${c.table}.${c.column} ${c.dataType}${c.nullable ? ' NULL' : ' NOT NULL'}`;
    const expected = readSchemaColumns().map(describeSpec).sort();
    const actual = (await databaseColumns())
      .map((c) => describeSpec({ table: c.table_name, column: c.column_name, dataType: c.data_type, nullable: c.is_nullable === 'YES' }))
      .sort();
    expect(actual).toEqual(expected);
  });
});
