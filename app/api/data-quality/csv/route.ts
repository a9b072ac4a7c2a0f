import { ZAuditCsvInput } from '@/lib/schemas/data-quality';
import { parseInput } from '@/lib/server/action';
import { requirePermission } from '@/lib/server/auth/session';
import { toAppError } from '@/lib/server/errors';
import { findAuditRows } from '@/lib/server/audit/get-data-quality-audit';
import { auditRowsToCsv } from '@/lib/server/audit/to-csv';

export const dynamic = 'force-dynamic';

// CSV of every offending row (all checks, or ?check=<key>), as an attachment.
export async function GET(request: Request) {
  try {
    const context = await requirePermission('audit.read');
    const { check } = parseInput(ZAuditCsvInput, { check: new URL(request.url).searchParams.get('check') ?? undefined });
    const csv = auditRowsToCsv(await findAuditRows(context), check);
    const name = `data-quality-${check ?? 'all'}-${new Date().toISOString().slice(0, 10)}.csv`;
    return new Response(csv, {
      headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${name}"`, 'cache-control': 'no-store' },
    });
  } catch (error) {
    const appError = toAppError(error);
    return Response.json({ error: { code: appError.code, message: appError.message } }, { status: appError.status });
  }
}
