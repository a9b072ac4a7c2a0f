'use client';

import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { HeatmapPayload, UtilizationTrendPoint } from '@/lib/server/heatmap/types';
import { NO_FILTERS, binMatches, type HeatmapFilters } from '@/components/charts/heatmap-layout';
import { HeatmapLegend } from '@/components/charts/heatmap-legend';
import { UtilizationHeatmap } from '@/components/charts/utilization-heatmap';
import { UtilizationHistogram, histogramOf } from '@/components/charts/utilization-histogram';
import { UtilizationTrendChart } from '@/components/charts/utilization-trend-chart';
import { ZoneUtilizationChart, type ZoneUtilization } from '@/components/charts/zone-utilization-chart';
import { BinDetailDrawer } from './bin-detail-drawer';
import { fetchJson } from './fetch-json';

/** Live: a change elsewhere (an accepted recommendation) shows within one interval plus the request. */
const REFRESH_MS = 5_000;

function Select({ label, value, options, onChange }: { label: string; value: string; options: { value: string; label: string }[]; onChange: (v: string) => void }) {
  return (
    <label className="flex flex-col gap-1 text-xs text-slate-600">
      {label}
      <select className="rounded border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900" value={value} onChange={(e) => onChange(e.target.value)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

function zoneSummaries(payload: HeatmapPayload, filters: HeatmapFilters): ZoneUtilization[] {
  const byZone = payload.zones.map((z) => ({ zone: z.code, under: 0, optimal: 0, over: 0, invalid: 0, fillSum: 0, valid: 0 }));
  const { bins } = payload;
  for (let i = 0; i < bins.code.length; i++) {
    if (filters.level !== 'all' && String(bins.level[i]) !== filters.level) continue;
    if (!binMatches(payload, i, filters)) continue;
    const z = byZone[bins.zone[i]!];
    if (!z) continue;
    const s = bins.status[i];
    if (s === 'U') z.under++;
    else if (s === 'O') z.optimal++;
    else if (s === 'V') z.over++;
    else z.invalid++;
    if (bins.fill[i]! >= 0) {
      z.fillSum += bins.fill[i]! / 10;
      z.valid++;
    }
  }
  return byZone
    .filter((z) => (filters.zone === 'all' || z.zone === filters.zone) && z.under + z.optimal + z.over + z.invalid > 0)
    .map(({ fillSum, valid, ...z }) => ({ ...z, meanFillPct: valid ? Math.round((10 * fillSum) / valid) / 10 : 0 }));
}

export function HeatmapView() {
  const [filters, setFilters] = useState<HeatmapFilters>(NO_FILTERS);
  const [selected, setSelected] = useState<string | null>(null);
  const heatmap = useQuery({ queryKey: ['heatmap'], queryFn: () => fetchJson<HeatmapPayload>('/api/heatmap'), refetchInterval: REFRESH_MS, staleTime: 0 });
  const trend = useQuery({ queryKey: ['heatmap-trend'], queryFn: () => fetchJson<UtilizationTrendPoint[]>('/api/heatmap/trend?days=30'), refetchInterval: 60_000 });
  const payload = heatmap.data;

  const levels = useMemo(() => (payload ? [...new Set(payload.bins.level)].sort((a, b) => a - b) : []), [payload]);
  const derived = useMemo(() => {
    if (!payload) return null;
    const fills: number[] = [];
    let shown = 0;
    for (let i = 0; i < payload.bins.code.length; i++) {
      const zone = payload.zones[payload.bins.zone[i]!]?.code;
      if (filters.zone !== 'all' && zone !== filters.zone) continue;
      if (filters.level !== 'all' && String(payload.bins.level[i]) !== filters.level) continue;
      if (!binMatches(payload, i, filters)) continue;
      shown++;
      fills.push(payload.bins.fill[i]!);
    }
    return { shown, histogram: histogramOf(fills), zones: zoneSummaries(payload, filters) };
  }, [payload, filters]);

  const set = (key: keyof HeatmapFilters) => (value: string) => setFilters((f) => ({ ...f, [key]: value }));

  if (heatmap.isPending) {
    return <div className="h-96 animate-pulse rounded-lg bg-slate-100" aria-busy="true" aria-label="Loading bins" />;
  }
  if (heatmap.isError || !payload || !derived) {
    return (
      <p role="alert" className="rounded border border-red-200 bg-red-50 p-4 text-sm text-red-800">
        Could not load the heatmap: {heatmap.error?.message ?? 'no data'}
      </p>
    );
  }
  if (payload.bins.code.length === 0) {
    return <p className="rounded border border-slate-200 bg-white p-8 text-center text-sm text-slate-600">This warehouse has no active bins yet.</p>;
  }

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end gap-4 rounded-lg border border-slate-200 bg-white p-3">
        <Select label="Zone" value={filters.zone} onChange={set('zone')} options={[{ value: 'all', label: 'All zones' }, ...payload.zones.map((z) => ({ value: z.code, label: `${z.code} – ${z.name}` }))]} />
        <Select label="Level" value={filters.level} onChange={set('level')} options={[{ value: 'all', label: 'All levels' }, ...levels.map((l) => ({ value: String(l), label: `Level ${l}` }))]} />
        <Select
          label="Status"
          value={filters.status}
          onChange={set('status')}
          options={[
            { value: 'all', label: 'All statuses' },
            { value: 'U', label: 'Under 60%' },
            { value: 'O', label: 'Optimal 60–85%' },
            { value: 'V', label: 'Over 85%' },
            { value: 'I', label: 'Invalid capacity' },
          ]}
        />
        <Select label="ABC class" value={filters.abc} onChange={set('abc')} options={[{ value: 'all', label: 'Any class' }, { value: 'A', label: 'Holds A' }, { value: 'B', label: 'Holds B' }, { value: 'C', label: 'Holds C' }]} />
        <div className="ml-auto text-right text-xs text-slate-500" aria-live="polite">
          <p>
            {derived.shown.toLocaleString('en-US')} of {payload.bins.code.length.toLocaleString('en-US')} bins · {payload.source === 'cache' ? 'from the utilization cache' : 'computed live (cache unavailable)'}
          </p>
          <p>Updated {new Date(payload.generatedAt).toLocaleTimeString('en-US')}{heatmap.isFetching ? ' · refreshing…' : ''}</p>
        </div>
      </div>
      <HeatmapLegend />
      <div className="grid grid-cols-1 gap-4 xl:grid-cols-[minmax(0,1fr)_340px]">
        <div className="rounded-lg border border-slate-200 bg-white p-3">
          <UtilizationHeatmap payload={payload} filters={filters} onSelect={setSelected} />
        </div>
        <div className="space-y-4">
          <div className="rounded-lg border border-slate-200 bg-white p-3">
            <h2 className="mb-2 text-sm font-semibold">Utilization distribution</h2>
            <UtilizationHistogram buckets={derived.histogram} />
          </div>
          <div className="rounded-lg border border-slate-200 bg-white p-3">
            <h2 className="mb-2 text-sm font-semibold">Utilization by zone</h2>
            <ZoneUtilizationChart zones={derived.zones} />
          </div>
          <div className="rounded-lg border border-slate-200 bg-white p-3">
            <h2 className="mb-2 text-sm font-semibold">Warehouse fill, last 30 days</h2>
            {trend.isPending ? <div className="h-48 animate-pulse rounded bg-slate-100" /> : trend.isError ? <p className="text-sm text-red-700">Could not load the trend.</p> : <UtilizationTrendChart points={trend.data} />}
          </div>
        </div>
      </div>
      {selected ? <BinDetailDrawer code={selected} onClose={() => setSelected(null)} /> : null}
    </div>
  );
}
