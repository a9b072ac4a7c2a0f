import { authorizeMetricsScrape } from '@/lib/server/metrics/authorize-scrape';
import { renderMetrics } from '@/lib/server/metrics';

// Prometheus scrape endpoint. Protected by `Authorization: Bearer $METRICS_TOKEN`.
export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  const refusal = authorizeMetricsScrape(request.headers.get('authorization'));
  if (refusal) return Response.json({ error: refusal.error }, { status: refusal.status, headers: refusal.headers });
  const { body, contentType } = await renderMetrics();
  return new Response(body, { headers: { 'content-type': contentType, 'cache-control': 'no-store' } });
}
