// Liveness: the process is up and serving. Readiness and the runbook's checks live at
// /api/wms/optimization/health.
export const dynamic = 'force-dynamic';

export function GET() {
  return Response.json({ status: 'ok', uptimeSeconds: Math.round(process.uptime()) }, { headers: { 'cache-control': 'no-store' } });
}
