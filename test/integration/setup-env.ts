// Runs in every integration worker before the test files: points lib/server at the
// throwaway database created by global-setup.ts.
import { inject } from 'vitest';

process.env.DATABASE_URL = inject('databaseUrl');
process.env.NEXTAUTH_SECRET ??= 'integration-test-secret-0123456789';
