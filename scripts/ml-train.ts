// Trains the confidence model from supervisors' decisions in PostgreSQL (DATABASE_URL) for one
// tenant or all of them, stores every model as a new version and activates it only if it
// beats the active one on the newest held-out decisions. Exit 1 when training is refused.
//   npm run -s ml:train -- --json [--tenant acme-print]
import { register } from 'node:module';

// lib/server modules start with `import 'server-only'`, which throws outside React's server
// build: map it to an empty module for this CLI (as vitest's alias and bench-putaway do).
// next-auth's CommonJS providers (reached through auth/session) need the bundler's
// default-export interop: give them the same.
const credentialsShim = `import { createRequire } from 'node:module'; const m = createRequire(${JSON.stringify(`${process.cwd()}/package.json`)})('next-auth/providers/credentials'); export default m.default ?? m;`;
register('data:text/javascript,' + encodeURIComponent(`
  export async function resolve(specifier, context, next) {
    if (specifier === 'server-only') return { url: 'data:text/javascript,', shortCircuit: true };
    if (specifier === 'next-auth/providers/credentials') return { url: 'data:text/javascript,' + encodeURIComponent(${JSON.stringify(credentialsShim)}), shortCircuit: true };
    return next(specifier, context);
  }`));
// The CLI signs no sessions, but lib/server/env validates the whole environment.
process.env.NEXTAUTH_SECRET ??= 'ml-train-cli-signs-no-sessions';

const { parseArgs } = await import('../lib/ml/harness-args.ts');
const { pool, prisma, withSystem } = await import('../lib/server/db.ts');
const { AppError } = await import('../lib/server/errors.ts');
const { trainModelForTenant } = await import('../lib/server/ml/train-model.ts');

type Line = Record<string, unknown>;

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2), ['tenant']);
  const json = args.flags.has('json');
  if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL is not set.');
  const code = args.values.get('tenant');
  const tenants = await withSystem((tx) =>
    code
      ? tx.$queryRaw<{ tenant_id: string; code: string }[]>`SELECT tenant_id, code FROM tenants WHERE code = ${code}`
      : tx.$queryRaw<{ tenant_id: string; code: string }[]>`SELECT tenant_id, code FROM tenants ORDER BY code`,
  );
  if (tenants.length === 0) throw new Error(code ? `No tenant with code "${code}".` : 'No tenants are visible to this connection.');

  const results: Line[] = [];
  let refused = 0;
  for (const tenant of tenants) {
    const started = performance.now();
    try {
      const outcome = await trainModelForTenant(tenant.tenant_id, { actorId: null });
      const { heldOut, baseline } = outcome.metrics;
      results.push({
        tenant: tenant.code,
        version: outcome.version,
        activated: outcome.activated,
        reason: outcome.reason,
        sampleCount: outcome.sampleCount,
        trainingWindow: outcome.trainingWindow,
        heldOut: { count: heldOut.count, accuracy: heldOut.accuracy, balancedAccuracy: heldOut.balancedAccuracy, auc: heldOut.auc, brier: heldOut.brier, logLoss: heldOut.logLoss, confusion: heldOut.confusion },
        baseline,
        features: outcome.metrics.fit.ruleCount,
        fitMilliseconds: outcome.metrics.fit.milliseconds,
        totalMilliseconds: Math.round(performance.now() - started),
      });
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'CONFLICT') throw error;
      refused++;
      results.push({ tenant: tenant.code, refused: true, message: error.message, details: error.details });
      console.error(`ml:train: ${tenant.code}: ${error.message}`);
    }
  }
  if (json) process.stdout.write(`${JSON.stringify(results.length === 1 ? results[0] : results, null, 2)}\n`);
  else {
    for (const r of results) {
      if (r.refused) continue;
      const h = r.heldOut as { accuracy: number; auc: number | null; brier: number };
      console.log(`${r.tenant}: model v${r.version} ${r.activated ? 'ACTIVATED' : 'stored, not activated'} — held-out accuracy ${(h.accuracy * 100).toFixed(1)}% (baseline ${((r.baseline as { accuracy: number }).accuracy * 100).toFixed(1)}%), AUC ${h.auc?.toFixed(3)}, Brier ${h.brier.toFixed(4)}; ${r.reason}`);
    }
  }
  return refused > 0 ? 1 : 0;
}

try {
  process.exitCode = await main();
} catch (error) {
  console.error(`ml:train: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 2;
} finally {
  await prisma().$disconnect().catch(() => {});
  await pool().end().catch(() => {});
}
