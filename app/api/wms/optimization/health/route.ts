import { getOptimizationHealth } from '@/lib/server/health/get-optimization-health';
import { httpStatusOf } from '@/lib/server/health/thresholds';

// Readiness and the runbook's health report: 200 for HEALTHY and DEGRADED, 503 for
// UNHEALTHY (the replica leaves the load balancer). Aggregates only, so no session needed.
export const dynamic = 'force-dynamic';

export async function GET() {
  const health = await getOptimizationHealth();
  return Response.json(health, { status: httpStatusOf(health.status), headers: { 'cache-control': 'no-store' } });
}
