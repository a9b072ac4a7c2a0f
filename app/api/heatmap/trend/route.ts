import { requirePermission } from '@/lib/server/auth/session';
import { toAppError } from '@/lib/server/errors';
import { findUtilizationTrend } from '@/lib/server/heatmap/find-utilization-trend';

export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  try {
    const context = await requirePermission('heatmap.read');
    const days = new URL(request.url).searchParams.get('days') ?? undefined;
    return Response.json(await findUtilizationTrend(context, { days }), { headers: { 'cache-control': 'no-store' } });
  } catch (error) {
    const appError = toAppError(error);
    return Response.json({ error: { code: appError.code, message: appError.message } }, { status: appError.status });
  }
}
