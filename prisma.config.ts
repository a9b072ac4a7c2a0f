import { defineConfig } from 'prisma/config';

// The CLI only generates the client here (migrations run through scripts/db-migrate.ts),
// so a placeholder URL is enough when DATABASE_URL is unset.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/binwise' },
});
