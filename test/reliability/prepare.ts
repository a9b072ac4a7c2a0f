/**
 * Prepares the main reliability database (drop, create, migrate, seed) and one API token per
 * tenant and role, then writes the state file the suites read. Run by scripts/test-reliability.sh.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { config } from './lib/config';
import { createTokens, prepareDatabase, withClient } from './lib/db';

const started = Date.now();
await prepareDatabase(config.databaseUrl, Number(process.env.RELIABILITY_LOCATIONS ?? 300));
const tokens = await createTokens(config.databaseUrl);
const tenantIds = await withClient(config.databaseUrl, async (client) => {
  const { rows } = await client.query<{ code: string; tenant_id: string }>('SELECT code, tenant_id::text FROM tenants');
  return Object.fromEntries(rows.map((row) => [row.code, row.tenant_id]));
});
mkdirSync(path.dirname(config.stateFile), { recursive: true });
writeFileSync(config.stateFile, JSON.stringify({ tokens, tenantIds, preparedAt: new Date().toISOString() }, null, 2), { mode: 0o600 });
console.log(`reliability database ready in ${Date.now() - started} ms`);
