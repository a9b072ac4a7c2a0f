import { requirePermission } from '@/lib/server/auth/session';
import { toAppError } from '@/lib/server/errors';
import { findBatches } from '@/lib/server/putaway/find-batches';

export const dynamic = 'force-dynamic';

// Batch history for the review queue (client component, React Query).
export async function GET(request: Request) {
  try {
    const context = await requirePermission('recommendations.read');
    const limit = Number(new URL(request.url).searchParams.get('limit') ?? 30);
    return Response.json(await findBatches(context, { limit }), { headers: { 'cache-control': 'no-store' } });
  } catch (error) {
    const appError = toAppError(error);
    return Response.json({ error: { code: appError.code, message: appError.message } }, { status: appError.status });
  }
}
