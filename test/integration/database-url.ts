/** The PostgreSQL server integration tests use: DATABASE_URL's server, or local trust auth. */
const base = new URL(process.env.TEST_DATABASE_SERVER_URL ?? process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres');

export function databaseUrl(database: string): string {
  const url = new URL(base.toString());
  url.pathname = `/${database}`;
  return url.toString();
}
