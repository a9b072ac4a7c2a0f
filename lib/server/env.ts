import 'server-only';
import { z } from 'zod';

/**
 * Every environment variable the server reads, validated once. Nothing else in the app
 * touches process.env (scripts/ run outside the app and read their own).
 */
const booleanFlag = z.enum(['true', 'false']).optional();

const ZEnv = z.object({
  // PostgreSQL 15+. `npm start` sets it to the embedded PGlite server when unset.
  DATABASE_URL: z.string().url().refine((v) => v.startsWith('postgres'), 'must be a postgresql:// URL'),
  // Pool size per replica; keep replicas × max below the server's max_connections.
  DB_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  // Fail fast instead of queueing forever when the pool is exhausted (503 to the client).
  DB_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5_000),
  // Signs session JWTs. Must be stable across replicas.
  NEXTAUTH_SECRET: z.string().min(16, 'NEXTAUTH_SECRET must be at least 16 characters'),
  NEXTAUTH_URL: z.string().url().optional(),
  // Bearer token Prometheus must present to /api/wms/optimization/metrics.
  METRICS_TOKEN: z.string().min(8).optional(),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  // Feature-flag defaults (the ConfigMap); tenants may override them in feature_flags.
  // Raw strings: invalid values fall back to the safe path and are reported by health.
  BIN_OPTIMIZATION_ALGORITHM: z.string().optional(),
  SKU_AFFINITY_ENABLED: z.string().optional(),
  CROSS_DOCK_ENABLED: z.string().optional(),
  CONGESTION_AVOIDANCE_ENABLED: z.string().optional(),
  ML_MODEL_ENABLED: z.string().optional(),
  // Set to "false" on replicas that must not run the in-app scheduler.
  SCHEDULER_ENABLED: booleanFlag,
});

export type Env = z.infer<typeof ZEnv>;

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const parsed = ZEnv.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`Invalid environment: ${problems}`);
  }
  cached = parsed.data;
  return cached;
}
