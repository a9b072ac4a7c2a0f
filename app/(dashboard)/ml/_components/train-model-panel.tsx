'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { unwrapAction } from '@/lib/action-result';
import type { Job } from '@/lib/server/jobs';
import type { TrainModelOutcome } from '@/lib/server/ml/train-model';
import { startMlTrainingAction } from '../actions';

async function fetchJob(jobId: string): Promise<Job> {
  const response = await fetch(`/api/ml/jobs/${jobId}`, { cache: 'no-store' });
  if (!response.ok) {
    const refusal = (await response.json().catch(() => null)) as { error?: { code: string; message: string } } | null;
    throw new Error(refusal?.error ? refusal.error.message : `HTTP ${response.status}`);
  }
  return (await response.json()) as Job;
}

/** Ops only: starts a training job and shows its progress, then the outcome. */
export function TrainModelPanel() {
  const router = useRouter();
  const [jobId, setJobId] = useState<string | null>(null);
  const start = useMutation({
    mutationFn: () => unwrapAction(startMlTrainingAction({})),
    onSuccess: (data) => setJobId(data.jobId),
  });
  const job = useQuery({
    queryKey: ['ml-training', jobId],
    queryFn: () => fetchJob(jobId as string),
    enabled: jobId !== null,
    refetchInterval: (query) => (query.state.data?.status === 'SUCCEEDED' || query.state.data?.status === 'FAILED' ? false : 1_000),
  });
  const status = job.data?.status;
  useEffect(() => {
    if (status === 'SUCCEEDED') router.refresh();
  }, [status, router]);

  const running = start.isPending || status === 'QUEUED' || status === 'RUNNING' || (jobId !== null && !job.data && !job.error);
  const progress = Math.round((job.data?.progress ?? 0) * 100);
  const outcome = status === 'SUCCEEDED' ? (job.data?.result as TrainModelOutcome | null) : null;

  return (
    <div className="flex flex-wrap items-center gap-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <button type="button" className="rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-50" disabled={running} onClick={() => start.mutate()}>
        {running ? 'Training…' : 'Train a new model'}
      </button>
      {running ? (
        <div className="flex items-center gap-2 text-sm text-slate-600">
          <div role="progressbar" aria-label="Training progress" aria-valuemin={0} aria-valuemax={100} aria-valuenow={progress} className="h-2 w-48 overflow-hidden rounded bg-slate-200">
            <div className="h-full bg-blue-600 transition-all" style={{ width: `${progress}%` }} />
          </div>
          <span>{status === 'QUEUED' || !status ? 'queued' : `${progress}%`}</span>
        </div>
      ) : null}
      {outcome ? (
        <p role="status" className={`text-sm ${outcome.activated ? 'text-emerald-700' : 'text-slate-700'}`}>
          Model v{outcome.version} trained on {outcome.sampleCount} decisions: {outcome.reason}
        </p>
      ) : null}
      {status === 'FAILED' ? (
        <p role="alert" className="text-sm text-red-700">
          {job.data?.error}
        </p>
      ) : null}
      {start.isError ? (
        <p role="alert" className="text-sm text-red-700">
          {start.error.message}
        </p>
      ) : null}
      {job.isError ? (
        <p role="alert" className="text-sm text-red-700">
          {job.error.message}
        </p>
      ) : null}
      <p className="basis-full text-xs text-slate-500">Uses every decision recorded for this tenant; the newest 20% are held out to judge the model. Training also runs daily.</p>
    </div>
  );
}
