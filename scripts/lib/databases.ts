/**
 * Creating and dropping whole databases for tests, benchmarks and the e2e harness. Each
 * function takes the URL of the database itself and connects to the server's `postgres`
 * database to act on it. Database names go into SQL as identifiers, so only plain names
 * (lower-case letters, digits, underscores) are accepted.
 */
import pg from 'pg';

export function databaseNameOf(url: string): string {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`Refusing database name "${name}": use lower-case letters, digits and underscores only.`);
  return name;
}

function adminUrlOf(url: string): string {
  const admin = new URL(url);
  admin.pathname = '/postgres';
  return admin.toString();
}

async function withAdmin<T>(url: string, fn: (admin: pg.Client, name: string) => Promise<T>): Promise<T> {
  const name = databaseNameOf(url);
  const admin = new pg.Client({ connectionString: adminUrlOf(url) });
  await admin.connect();
  try {
    return await fn(admin, name);
  } finally {
    await admin.end();
  }
}

/**
 * Creates the database named by `url`. `replace` drops an existing one first (ending its
 * sessions); `ifMissing` keeps an existing one. Returns whether a new database was created.
 */
export async function createDatabase(url: string, options: { replace?: boolean; ifMissing?: boolean } = {}): Promise<boolean> {
  return withAdmin(url, async (admin, name) => {
    if (options.replace) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    else if (options.ifMissing) {
      const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (rowCount) return false;
    }
    await admin.query(`CREATE DATABASE ${name}`);
    return true;
  });
}

/** Drops the database named by `url`, ending its sessions; nothing happens if it is absent. */
export async function dropDatabase(url: string): Promise<void> {
  await withAdmin(url, (admin, name) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}
