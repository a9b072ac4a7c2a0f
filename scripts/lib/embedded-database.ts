/**
 * The embedded default database: PGlite (real PostgreSQL compiled to WASM) with its data in
 * .data/pglite, served over the PostgreSQL wire protocol on loopback. The app then connects
 * with the same `pg` + `@prisma/adapter-pg` code path it uses against a real server.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pgcrypto } from '@electric-sql/pglite/contrib/pgcrypto';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export type EmbeddedDatabase = { url: string; stop: () => Promise<void> };

export async function startEmbeddedDatabase(options: { dataDir: string; port: number; maxConnections?: number }): Promise<EmbeddedDatabase> {
  mkdirSync(path.dirname(options.dataDir), { recursive: true });
  const db = new PGlite({ dataDir: options.dataDir, extensions: { pgcrypto } });
  await db.waitReady;
  // PGlite executes one statement at a time; the socket server queues the connections'
  // messages and keeps each open transaction to its own connection.
  const server = new PGLiteSocketServer({ db, port: options.port, host: '127.0.0.1', maxConnections: options.maxConnections ?? 100 });
  await server.start();
  return {
    url: `postgresql://postgres@127.0.0.1:${options.port}/postgres?sslmode=disable`,
    stop: async () => {
      await server.stop();
      await db.close();
    },
  };
}
