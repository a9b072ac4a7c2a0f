import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedDatabase, type EmbeddedDatabase } from './embedded-database';

// The embedded database must serve many concurrent connections the way PostgreSQL does:
// browser tabs, server actions and background jobs all share it.
describe('the embedded PGlite database', () => {
  let db: EmbeddedDatabase;
  let pool: pg.Pool;

  beforeAll(async () => {
    db = await startEmbeddedDatabase({ port: 54470 });
    pool = new pg.Pool({ connectionString: db.url, max: 10 });
    await pool.query('CREATE TABLE counters (id int PRIMARY KEY, n int NOT NULL)');
    await pool.query('INSERT INTO counters SELECT g, 0 FROM generate_series(1, 20) g');
  }, 60_000);

  afterAll(async () => {
    await pool.end();
    await db.stop();
  });

  it('answers concurrent parameterized queries from many connections with their own results', async () => {
    // Extended-protocol queries (with parameters) mixed with simple ones (without), each with its
    // own text: a simple query between another connection's Parse and Bind destroys its statement,
    // and running another connection's statement would show up as a wrong row.
    const answers = await Promise.all(
      Array.from({ length: 400 }, (_, i) =>
        i % 2 === 0 ? pool.query<{ v: number; k: number }>(`SELECT $1::int * 2 AS v, ${i} AS k`, [i]) : pool.query<{ v: number; k: number }>(`SELECT ${i * 2} AS v, ${i} AS k`),
      ),
    );
    answers.forEach((answer, i) => expect(answer.rows[0]).toEqual({ v: i * 2, k: i }));
  });

  it('keeps concurrent transactions apart and loses no update', async () => {
    await Promise.all(
      Array.from({ length: 100 }, async (_, i) => {
        const client = await pool.connect();
        try {
          await client.query('BEGIN');
          await client.query('UPDATE counters SET n = n + 1 WHERE id = $1', [(i % 20) + 1]);
          await client.query('COMMIT');
        } finally {
          client.release();
        }
      }),
    );
    const { rows } = await pool.query<{ total: number }>('SELECT SUM(n)::int AS total FROM counters');
    expect(rows[0].total).toBe(100);
  });

  it('keeps serving after a statement fails', async () => {
    await expect(pool.query('SELECT * FROM no_such_table WHERE id = $1', [1])).rejects.toThrow(/no_such_table/);
    const { rows } = await pool.query<{ ok: number }>('SELECT $1::int AS ok', [1]);
    expect(rows[0].ok).toBe(1);
  });
});
