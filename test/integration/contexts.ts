/** Builds the AuthContext the data layer expects for a seeded demo user (integration tests only). */
import pg from 'pg';
import { inject } from 'vitest';
import type { AuthContext } from '@/lib/server/auth/session';

export async function contextFor(email: string): Promise<AuthContext> {
  const client = new pg.Client({ connectionString: inject('databaseUrl') });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT u.user_id, u.tenant_id, u.role, u.name, t.name AS tenant_name
       FROM users u JOIN tenants t ON t.tenant_id = u.tenant_id WHERE u.email = $1`,
      [email],
    );
    const row = rows[0];
    if (!row) throw new Error(`No seeded user ${email}`);
    return { userId: row.user_id, tenantId: row.tenant_id, tenantName: row.tenant_name, role: row.role, name: row.name, via: 'session' };
  } finally {
    await client.end();
  }
}

/** A superuser connection to the test database, for arranging and inspecting rows. */
export async function withAdminClient<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: inject('databaseUrl') });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
