/** What prepare.ts leaves for the suites: the API tokens and tenant ids of the main database. */
import { readFileSync } from 'node:fs';
import { config, type RoleName } from './config';
import type { TokenSet } from './db';

export type ReliabilityState = { tokens: TokenSet; tenantIds: Record<string, string>; preparedAt: string };

export function loadState(): ReliabilityState {
  return JSON.parse(readFileSync(config.stateFile, 'utf8')) as ReliabilityState;
}

export function tokenOf(state: ReliabilityState, tenant: string, role: RoleName): string {
  const token = state.tokens[tenant]?.[role];
  if (!token) throw new Error(`No token for ${tenant}/${role}`);
  return token;
}
