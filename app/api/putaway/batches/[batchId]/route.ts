import { requirePermission } from '@/lib/server/auth/session';
import { toAppError } from '@/lib/server/errors';
import { getBatch } from '@/lib/server/putaway/get-batch';

export const dynamic = 'force-dynamic';

// One batch with its recommendations, for the review queue.
export async function GET(_request: Request, { params }: { params: Promise<{ batchId: string }> }) {
  try {
    const context = await requirePermission('recommendations.read');
    const { batchId } = await params;
    return Response.json(await getBatch(context, { batchId }), { headers: { 'cache-control': 'no-store' } });
  } catch (error) {
    const appError = toAppError(error);
    return Response.json({ error: { code: appError.code, message: appError.message } }, { status: appError.status });
  }
}
