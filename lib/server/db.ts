import 'server-only';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '@/lib/generated/prisma/client';
import type { Prisma } from '@/lib/generated/prisma/client';
import { env } from './env';
import { AppError, toAppError } from './errors';

export type Tx = Prisma.TransactionClient;

type DbGlobals = { binwisePool?: pg.Pool; binwisePrisma?: PrismaClient };
// One pool and one client per process, kept on globalThis so dev reloads and separate
// route bundles share them instead of opening new pools.
const globals = globalThis as unknown as DbGlobals;

export function pool(): pg.Pool {
  if (!globals.binwisePool) {
    const config = env();
    globals.binwisePool = new pg.Pool({
      connectionString: config.DATABASE_URL,
      max: config.DB_POOL_MAX,
      connectionTimeoutMillis: config.DB_CONNECT_TIMEOUT_MS,
      idleTimeoutMillis: 30_000,
      // A statement that runs longer than this is a bug or a lock pile-up: abort it.
      statement_timeout: 30_000,
    });
    // A dropped idle connection (database restart) must not crash the process.
    globals.binwisePool.on('error', (error) => console.error('[binwise] idle database connection lost', error.message));
  }
  return globals.binwisePool;
}

export function prisma(): PrismaClient {
  globals.binwisePrisma ??= new PrismaClient({ adapter: new PrismaPg(pool()) });
  return globals.binwisePrisma;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type TenantTxOptions = {
  /** Milliseconds the transaction may run. */
  timeoutMs?: number;
  isolationLevel?: Prisma.TransactionIsolationLevel;
};

/**
 * Runs `fn` in one transaction scoped to a tenant: it sets `app.current_tenant` and
 * switches to the `binwise_app` role, so PostgreSQL row-level security applies even if a
 * query forgets its tenant filter (or the connection itself is a superuser, as PGlite is).
 */
export async function withTenant<T>(tenantId: string, fn: (tx: Tx) => Promise<T>, options: TenantTxOptions = {}): Promise<T> {
  if (!UUID.test(tenantId)) throw new AppError('FORBIDDEN', 'No tenant is associated with this session.');
  try {
    return await prisma().$transaction(
      async (tx) => {
        await tx.$executeRaw`SELECT set_config('app.current_tenant', ${tenantId}, true)`;
        await tx.$executeRawUnsafe('SET LOCAL ROLE binwise_app');
        return fn(tx);
      },
      { timeout: options.timeoutMs ?? 15_000, maxWait: env().DB_CONNECT_TIMEOUT_MS, isolationLevel: options.isolationLevel },
    );
  } catch (error) {
    throw toAppError(error);
  }
}

/**
 * Work that is not tenant data (sign-in throttling, scheduler leases, health). Runs with
 * the connection's own role; never use it to read tenant tables.
 */
export async function withSystem<T>(fn: (tx: Tx) => Promise<T>, options: TenantTxOptions = {}): Promise<T> {
  try {
    return await prisma().$transaction(fn, { timeout: options.timeoutMs ?? 15_000, maxWait: env().DB_CONNECT_TIMEOUT_MS });
  } catch (error) {
    throw toAppError(error);
  }
}

/**
 * Opens `connections` pooled connections at boot, so the first requests (the readiness
 * probe's health check, with its 150 ms per-check budget) do not pay for connection setup.
 * A database that is down at boot is not fatal: requests retry through the pool later.
 */
export async function warmPool(connections = 3): Promise<void> {
  const clients = await Promise.allSettled(Array.from({ length: connections }, () => pool().connect()));
  for (const client of clients) {
    if (client.status === 'fulfilled') {
      await client.value.query('SELECT 1').catch(() => undefined);
      client.value.release();
    } else {
      console.warn('[binwise] database not reachable at boot; requests will retry:', (client.reason as Error).message);
    }
  }
}
