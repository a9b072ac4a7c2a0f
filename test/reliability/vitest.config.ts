import { defineConfig } from 'vitest/config';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');

// The reliability suites talk to a running production build over HTTP and to PostgreSQL as
// the superuser; they never import app code. One file at a time: they share one database.
export default defineConfig({
  root,
  resolve: { alias: { '@': root, 'server-only': path.join(root, 'test/server-only-stub.ts') } },
  test: {
    name: 'reliability',
    include: ['test/reliability/**/*.rel.test.ts'],
    environment: 'node',
    setupFiles: ['test/reliability/lib/setup.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
    reporters: ['default'],
  },
});
