import { requirePermission } from '@/lib/server/auth/session';
import { toAppError } from '@/lib/server/errors';
import { getDataQualityAudit } from '@/lib/server/audit/get-data-quality-audit';

export const dynamic = 'force-dynamic';

export async function GET() {
  try {
    const context = await requirePermission('audit.read');
    return Response.json(await getDataQualityAudit(context), { headers: { 'cache-control': 'no-store' } });
  } catch (error) {
    const appError = toAppError(error);
    return Response.json({ error: { code: appError.code, message: appError.message } }, { status: appError.status });
  }
}
