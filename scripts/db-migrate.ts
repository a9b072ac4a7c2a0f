// `npm run db:migrate` (up) and `npm run db:rollback` (down) against DATABASE_ADMIN_URL or DATABASE_URL.
import pg from 'pg';
import { migrateDown, migrateUp } from './lib/migrations.ts';

const direction = process.argv[2] ?? 'up';
const url = process.env.DATABASE_ADMIN_URL ?? process.env.DATABASE_URL;
if (!url) {
  console.error('DATABASE_URL is not set. Point it at a PostgreSQL 15+ database, e.g. postgresql://postgres@127.0.0.1:5432/binwise');
  process.exit(2);
}
const client = new pg.Client({ connectionString: url });
await client.connect();
try {
  if (direction === 'down') {
    const reverted = await migrateDown(client);
    console.log(reverted ? `Rolled back ${reverted}` : 'Nothing to roll back');
  } else {
    const result = await migrateUp(client);
    console.log(result.applied.length ? `Applied ${result.applied.join(', ')}` : `Up to date (${result.alreadyApplied} applied)`);
  }
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
} finally {
  await client.end();
}
