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

type QueuedMessage = { handlerId: number; message: Uint8Array; resolve: (bytes: number) => void; reject: (error: unknown) => void; onData: (data: Uint8Array) => void };
type QueryQueue = {
  queue: QueuedMessage[];
  processing: boolean;
  lastHandlerId: number | null;
  db: PGlite;
  processQueue: () => Promise<void>;
  clearQueueForHandler: (handlerId: number) => void;
};

const SYNC = 0x53; // 'S': ends an extended-query cycle (Parse, Bind, Describe, Execute, Sync)
const QUERY = 0x51; // 'Q': a simple query is a whole cycle by itself
const TERMINATE = 0x58; // 'X'

/**
 * PGlite is one PostgreSQL session shared by every socket. pglite-socket keeps an open
 * transaction to its own connection, but outside a transaction it interleaves single
 * protocol messages, so connection B's Parse can replace the unnamed statement that
 * connection A is about to Bind ("unnamed prepared statement does not exist"). It also
 * stops processing for good after one failed message. This queue keeps a connection in
 * charge from its first extended-protocol message through its Sync, and survives errors.
 */
function serializeProtocolCycles(queue: QueryQueue): void {
  let owner: number | null = null;
  const clear = queue.clearQueueForHandler.bind(queue);
  queue.clearQueueForHandler = (handlerId) => {
    if (owner === handlerId) owner = null;
    clear(handlerId);
  };
  queue.processQueue = async function processQueue(this: QueryQueue) {
    if (this.processing) return;
    this.processing = true;
    try {
      while (this.queue.length > 0) {
        const pinned = this.db.isInTransaction() && this.lastHandlerId !== null ? this.lastHandlerId : owner;
        const index = pinned === null ? 0 : this.queue.findIndex((item) => item.handlerId === pinned);
        if (index === -1) break; // the pinned connection's next message has not arrived yet
        const [item] = this.queue.splice(index, 1);
        const type = item.message[0];
        let bytes = 0;
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(item.message, { onRawData: (data: Uint8Array) => { bytes += data.length; item.onData(data); } }),
          );
        } catch (error) {
          owner = null;
          item.reject(error);
          continue;
        }
        this.lastHandlerId = item.handlerId;
        // A startup packet (no type byte), Sync, a simple Query or Terminate ends the cycle.
        owner = type === 0 || type === SYNC || type === QUERY || type === TERMINATE ? null : item.handlerId;
        item.resolve(bytes);
      }
    } finally {
      this.processing = false;
    }
  };
}

/** Starts PGlite (in memory when `dataDir` is omitted) and serves it on 127.0.0.1:`port`. */
export async function startEmbeddedDatabase(options: { dataDir?: string; port: number; maxConnections?: number }): Promise<EmbeddedDatabase> {
  if (options.dataDir) mkdirSync(path.dirname(options.dataDir), { recursive: true });
  const db = new PGlite({ dataDir: options.dataDir, extensions: { pgcrypto } });
  await db.waitReady;
  const server = new PGLiteSocketServer({ db, port: options.port, host: '127.0.0.1', maxConnections: options.maxConnections ?? 100 });
  serializeProtocolCycles((server as unknown as { queryQueue: QueryQueue }).queryQueue);
  await server.start();
  return {
    url: `postgresql://postgres@127.0.0.1:${options.port}/postgres?sslmode=disable`,
    stop: async () => {
      await server.stop();
      await db.close();
    },
  };
}
