import { requirePermission } from '@/lib/server/auth/session';
import { toAppError } from '@/lib/server/errors';
import { getHeatmap } from '@/lib/server/heatmap/get-heatmap';

export const dynamic = 'force-dynamic';

// The heatmap polls this every few seconds: compact column arrays, never cached.
export async function GET() {
  try {
    const context = await requirePermission('heatmap.read');
    return Response.json(await getHeatmap(context), { headers: { 'cache-control': 'no-store' } });
  } catch (error) {
    const appError = toAppError(error);
    return Response.json({ error: { code: appError.code, message: appError.message } }, { status: appError.status });
  }
}
