import { requirePermission } from '@/lib/server/auth/session';
import { toAppError } from '@/lib/server/errors';
import { getCacheStatus } from '@/lib/server/cache/get-cache-status';

export const dynamic = 'force-dynamic';

// The cache health page polls this; the refresh itself is a server action (actions.ts).
export async function GET() {
  try {
    const context = await requirePermission('cache.read');
    return Response.json(await getCacheStatus(context), { headers: { 'cache-control': 'no-store' } });
  } catch (error) {
    const appError = toAppError(error);
    return Response.json({ error: { code: appError.code, message: appError.message } }, { status: appError.status });
  }
}
