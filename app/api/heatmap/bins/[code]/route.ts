import { requirePermission } from '@/lib/server/auth/session';
import { toAppError } from '@/lib/server/errors';
import { getBinDetail } from '@/lib/server/heatmap/get-bin-detail';

export const dynamic = 'force-dynamic';

// The bin-detail drawer: lots and recent movements of one bin, by location code. Next has
// already percent-decoded `code`; decoding it again turned `%25` into a URIError (a 500).
export async function GET(_request: Request, { params }: { params: Promise<{ code: string }> }) {
  try {
    const context = await requirePermission('heatmap.read');
    const { code } = await params;
    return Response.json(await getBinDetail(context, { code }), { headers: { 'cache-control': 'no-store' } });
  } catch (error) {
    const appError = toAppError(error);
    return Response.json({ error: { code: appError.code, message: appError.message } }, { status: appError.status });
  }
}
