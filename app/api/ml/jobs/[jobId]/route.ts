import { requirePermission } from '@/lib/server/auth/session';
import { toAppError } from '@/lib/server/errors';
import { getMlTrainingJob } from '@/lib/server/ml/start-ml-training';

export const dynamic = 'force-dynamic';

// The ML page polls this while a training job runs (progress bar, then the outcome).
export async function GET(_request: Request, { params }: { params: Promise<{ jobId: string }> }) {
  try {
    const context = await requirePermission('ml.read');
    const { jobId } = await params;
    return Response.json(await getMlTrainingJob(context, jobId), { headers: { 'cache-control': 'no-store' } });
  } catch (error) {
    const appError = toAppError(error);
    return Response.json({ error: { code: appError.code, message: appError.message } }, { status: appError.status });
  }
}
