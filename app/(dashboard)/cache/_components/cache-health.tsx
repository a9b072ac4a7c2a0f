'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { unwrapAction } from '@/lib/action-result';
import type { CacheStatus } from '@/lib/server/cache/get-cache-status';
import { StatCard } from '@/components/ui/stat-card';
import { refreshCacheAction } from '../actions';

async function fetchStatus(): Promise<CacheStatus> {
  const response = await fetch('/api/cache', { cache: 'no-store' });
  if (!response.ok) {
    const refusal = (await response.json().catch(() => null)) as { error?: { code: string; message: string } } | null;
    throw new Error(refusal?.error ? `${refusal.error.code}: ${refusal.error.message}` : `HTTP ${response.status}`);
  }
  return (await response.json()) as CacheStatus;
}

function age(seconds: number | null): string {
  if (seconds === null) return 'unknown';
  if (seconds < 90) return `${seconds} s`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} min`;
  return `${Math.round(seconds / 3600)} h`;
}

const HEALTH_STYLE: Record<CacheStatus['health'], string> = {
  HEALTHY: 'bg-green-100 text-green-800',
  DEGRADED: 'bg-amber-100 text-amber-800',
  STALE: 'bg-red-100 text-red-800',
  UNAVAILABLE: 'bg-slate-200 text-slate-800',
};

const when = (iso: string) => new Date(iso).toLocaleString('en-US', { dateStyle: 'short', timeStyle: 'medium' });

export function CacheHealth({ canRefresh }: { canRefresh: boolean }) {
  const queryClient = useQueryClient();
  const status = useQuery({ queryKey: ['cache-status'], queryFn: fetchStatus, refetchInterval: 10_000 });
  const refresh = useMutation({
    mutationFn: () => unwrapAction(refreshCacheAction({})),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['cache-status'] }),
  });

  if (status.isPending) return <div className="h-64 animate-pulse rounded-lg bg-slate-100" aria-busy="true" />;
  if (status.isError) return <p role="alert" className="rounded border border-red-200 bg-red-50 p-4 text-sm text-red-800">{status.error.message}</p>;
  const s = status.data;
  const scheduler = s.scheduler;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center gap-3">
        <span className={`rounded-full px-3 py-1 text-sm font-semibold ${HEALTH_STYLE[s.health]}`}>{s.health}</span>
        {!s.availability.usable ? (
          <span className="text-sm text-slate-700">The cache is not in use (rolled back or triggers disabled): pages compute utilization live from lots.</span>
        ) : null}
        {canRefresh ? (
          <button
            type="button"
            className="ml-auto rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-50"
            disabled={refresh.isPending || !s.availability.statusTableExists}
            onClick={() => refresh.mutate()}
          >
            {refresh.isPending ? 'Refreshing…' : 'Refresh now'}
          </button>
        ) : null}
      </div>
      {refresh.isSuccess ? (
        <p role="status" className="text-sm text-green-800">Refreshed {refresh.data.rows.toLocaleString('en-US')} bins in {refresh.data.durationMs} ms.</p>
      ) : null}
      {refresh.isError ? <p role="alert" className="text-sm text-red-700">{refresh.error.message}</p> : null}

      <div className="grid grid-cols-2 gap-4 lg:grid-cols-4">
        <StatCard label="Cache age" value={age(s.ageSeconds)} hint="degraded > 15 min, stale > 30 min" />
        <StatCard label="Last refresh" value={s.last ? when(s.last.refreshedAt) : 'never'} hint={s.last ? `${s.last.kind.toLowerCase()} refresh` : undefined} />
        <StatCard label="Duration / rows" value={s.last ? `${s.last.durationMs} ms` : '—'} hint={s.last ? `${s.last.rows.toLocaleString('en-US')} rows; ${s.tenantRows.toLocaleString('en-US')} bins of yours cached` : undefined} />
        <StatCard
          label="Scheduler in use"
          value={scheduler.mode === 'pg_cron' ? 'pg_cron' : 'In-app'}
          hint={scheduler.mode === 'pg_cron' ? `cron job refresh_bin_util (${scheduler.pgCron.schedule})` : scheduler.holder ? `runner ${scheduler.holder.holder}` : 'no runner heartbeat in the last minute'}
        />
      </div>

      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        <div className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 className="text-sm font-semibold">Recent full refreshes</h2>
          {s.history.length === 0 ? (
            <p className="mt-2 text-sm text-slate-500">None recorded yet.</p>
          ) : (
            <div className="mt-2 overflow-x-auto">
              <table className="w-full text-left text-sm">
                <thead className="text-xs text-slate-500">
                  <tr><th className="py-1">When</th><th>Kind</th><th className="text-right">Duration</th><th className="text-right">Rows</th><th className="pl-4">Result</th></tr>
                </thead>
                <tbody>
                  {s.history.map((h) => (
                    <tr key={`${h.refreshedAt}-${h.kind}`} className="border-t border-slate-100">
                      <td className="py-1">{when(h.refreshedAt)}</td>
                      <td>{h.kind}</td>
                      <td className="text-right tabular-nums">{h.durationMs} ms</td>
                      <td className="text-right tabular-nums">{h.rows.toLocaleString('en-US')}</td>
                      <td className={`pl-4 ${h.errorMessage ? 'text-red-700' : 'text-green-700'}`}>{h.errorMessage ? 'failed' : 'ok'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 className="text-sm font-semibold">Recent errors</h2>
          {s.recentErrors.length === 0 ? (
            <p className="mt-2 text-sm text-slate-500">No refresh has failed in the last 7 days.</p>
          ) : (
            <ul className="mt-2 space-y-2 text-sm">
              {s.recentErrors.map((e) => (
                <li key={`${e.refreshedAt}-${e.kind}`} className="rounded bg-red-50 p-2 text-red-800">
                  <span className="font-medium">{when(e.refreshedAt)} · {e.kind}</span>: {e.errorMessage}
                </li>
              ))}
            </ul>
          )}
          <h2 className="mt-4 text-sm font-semibold">Scheduled tasks</h2>
          <ul className="mt-2 space-y-1 text-sm">
            {scheduler.tasks.map((t) => (
              <li key={t.name}>
                <span className="font-mono text-xs">{t.name}</span>: {t.lastRunAt ? `last run ${when(t.lastRunAt)}` : 'not run yet'}
                {t.error ? <span className="text-red-700"> · {t.error}</span> : null}
              </li>
            ))}
          </ul>
          <p className="mt-3 text-xs text-slate-500">
            Triggers: lots {s.availability.lotTriggerEnabled ? 'enabled' : 'disabled'}, inventory transactions {s.availability.transactionTriggerEnabled ? 'enabled' : 'disabled'}.
          </p>
        </div>
      </div>
    </div>
  );
}
