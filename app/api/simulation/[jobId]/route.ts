import { requirePermission } from '@/lib/server/auth/session';
import { toAppError } from '@/lib/server/errors';
import { getSimulation } from '@/lib/server/simulation/get-simulation';

export const dynamic = 'force-dynamic';

// The Simulation page polls this while its job runs.
export async function GET(_request: Request, { params }: { params: Promise<{ jobId: string }> }) {
  try {
    const context = await requirePermission('simulation.run');
    const { jobId } = await params;
    return Response.json(await getSimulation(context, jobId), { headers: { 'cache-control': 'no-store' } });
  } catch (error) {
    const appError = toAppError(error);
    return Response.json({ error: { code: appError.code, message: appError.message } }, { status: appError.status });
  }
}
