import { getAffinityStatus } from '@/lib/server/affinity/get-affinity-status';
import { refreshAffinityNow } from '@/lib/server/affinity/refresh-affinity-now';
import { assertSameOrigin } from '@/lib/server/auth/assert-same-origin';
import { requirePermission } from '@/lib/server/auth/session';
import { toAppError } from '@/lib/server/errors';

export const dynamic = 'force-dynamic';

function refusal(error: unknown) {
  const appError = toAppError(error);
  return Response.json({ error: { code: appError.code, message: appError.message } }, { status: appError.status });
}

/** How many co-pick pairs are mined and when. */
export async function GET() {
  try {
    return Response.json(await getAffinityStatus(await requirePermission('recommendations.read')), { headers: { 'cache-control': 'no-store' } });
  } catch (error) {
    return refusal(error);
  }
}

/**
 * Ops' on-demand refresh of sku_affinity (the scheduler also runs it nightly). Cookie
 * authenticated, so a foreign or missing Origin is refused before anything is rewritten.
 */
export async function POST(request: Request) {
  try {
    const context = await requirePermission('cache.refresh');
    assertSameOrigin(request);
    return Response.json(await refreshAffinityNow(context));
  } catch (error) {
    return refusal(error);
  }
}
