'use client';

import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { StatCard } from '@/components/ui/stat-card';
import { MEASURED_BAND, capacitySentence, dayZeroSentence } from '@/lib/simulator/report';
import type { SimulationResult } from '@/lib/simulator/run';
import { SimulationDownloads } from './simulation-downloads';
import { SimulationTable } from './simulation-table';
import { feet, oneUnitHint, pct } from './format';

const COLORS = ['#6b7280', '#a855f7', '#f59e0b', '#2563eb', '#10b981', '#ef4444', '#0ea5e9', '#84cc16'];

function ChartCard({ title, hint, children }: { title: string; hint: string; children: React.ReactNode }) {
  return (
    <figure className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <figcaption className="mb-2">
        <p className="text-sm font-semibold">{title}</p>
        <p className="text-xs text-slate-500">{hint}</p>
      </figcaption>
      <div className="h-64">{children}</div>
    </figure>
  );
}

/** One line per policy over the days: `rows` hold the day and a value per policy name. */
function PerDayChart({ rows, policies, left, unit, domain, tick, tooltip }: {
  rows: Record<string, number>[];
  policies: readonly { policy: string }[];
  left: number;
  unit?: string;
  domain?: [number, number];
  tick?: (value: number) => string;
  tooltip: (value: number) => string;
}) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart data={rows} margin={{ left, right: 16 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="day" />
        <YAxis unit={unit} domain={domain} tickFormatter={tick} />
        <Tooltip formatter={(value) => tooltip(Number(value))} />
        <Legend />
        {policies.map((policy, index) => (
          <Line key={policy.policy} type="monotone" dataKey={policy.policy} stroke={COLORS[index % COLORS.length]} dot={false} strokeWidth={2} isAnimationActive={false} />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}

export function SimulationResults({ result }: { result: SimulationResult }) {
  const policies = result.policies;
  if (policies.length === 0) return <p className="text-sm text-slate-500">The simulation returned no policies.</p>;
  const totals = policies.map((policy, index) => ({ policy: policy.policy, travel: Math.round(policy.pickTravel), fill: COLORS[index % COLORS.length] }));
  const band = policies.map((policy) => ({ policy: policy.policy, end: Math.round(policy.bandShareEnd * 1000) / 10, average: Math.round(policy.bandShareAvg * 1000) / 10 }));
  const days = policies[0].days.map((day, index) => {
    const row: Record<string, number> = { day: day.day };
    for (const policy of policies) row[policy.policy] = Math.round(policy.days[index]?.pickTravel ?? 0);
    return row;
  });
  // Days start from a stock placed by no policy and end after the last receipt, so the daily
  // share shows the ramp-up and the drain that the average hides.
  const bandDays = policies[0].days.map((day, index) => {
    const row: Record<string, number> = { day: day.day };
    for (const policy of policies) row[policy.policy] = Math.round((policy.days[index]?.bandShare ?? 0) * 1000) / 10;
    return row;
  });
  const { scenario } = result;
  const binwise = policies.find((policy) => policy.policy === 'binwise');

  return (
    <section className="space-y-4" aria-label="Simulation results">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <p className="min-w-0 flex-1 basis-72 text-sm text-slate-600">
          {scenario.name}: {feet.format(scenario.locations)} locations, {feet.format(scenario.skus)} SKUs, {scenario.days} days, {feet.format(scenario.orders)} orders — simulated in{' '}
          {(result.totalMs / 1000).toFixed(1)} s.
        </p>
        <SimulationDownloads result={result} />
      </div>
      {[dayZeroSentence(result), capacitySentence(result)].filter(Boolean).map((sentence) => (
        <p key={sentence} className="text-xs text-slate-500">
          {sentence}
        </p>
      ))}
      {binwise ? (
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-3">
          <StatCard label="Binwise vs first fit by code" value={pct(binwise.reductionVsFirstFit)} hint={`less pick travel (negative = more); ${pct(binwise.lateReductionVsFirstFit ?? null)} over the second half`} />
          <StatCard label="Binwise vs ABC class-based" value={pct(binwise.reductionVsAbc)} hint={`less pick travel (negative = more); ${pct(binwise.lateReductionVsAbc ?? null)} over the second half`} />
          <StatCard label={`Binwise bins in the ${MEASURED_BAND} band`} value={pct(binwise.bandShareAvg * 100)} hint={`average over days; ${pct(binwise.bandShareAfterPutaway * 100)} right after putaway${oneUnitHint(binwise.oneUnitBelowBandAvg)}`} />
        </div>
      ) : null}
      <div className="grid grid-cols-1 gap-4 xl:grid-cols-2">
        <ChartCard title="Total pick travel per policy" hint="feet walked over the whole scenario; lower is better">
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={totals} layout="vertical" margin={{ left: 40, right: 16 }}>
              <CartesianGrid strokeDasharray="3 3" horizontal={false} />
              <XAxis type="number" tickFormatter={(value: number) => feet.format(value)} />
              <YAxis type="category" dataKey="policy" width={150} tick={{ fontSize: 11 }} />
              <Tooltip formatter={(value) => [`${feet.format(Number(value))} ft`, 'pick travel']} />
              <Bar dataKey="travel" isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </ChartCard>
        <ChartCard title={`Bins in the ${MEASURED_BAND} band`} hint="share of occupied storage bins, at the end and averaged over days; higher is better">
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={band} margin={{ left: 0, right: 16 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="policy" tick={{ fontSize: 10 }} interval={0} angle={-20} textAnchor="end" height={60} />
              <YAxis unit="%" domain={[0, 100]} />
              <Tooltip formatter={(value) => `${Number(value).toFixed(1)}%`} />
              <Legend />
              <Bar dataKey="end" name="at the end" fill="#2563eb" isAnimationActive={false} />
              <Bar dataKey="average" name="average over days" fill="#93c5fd" isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </ChartCard>
      </div>
      <ChartCard title="Pick travel per day" hint="feet walked per day by each policy">
        <PerDayChart rows={days} policies={policies} left={20} tick={(value) => feet.format(value)} tooltip={(value) => `${feet.format(value)} ft`} />
      </ChartCard>
      <ChartCard title={`Bins in the ${MEASURED_BAND} band per day`} hint="share of occupied storage bins at the end of each day; day 0 is the starting stock, and days without receipts drain it">
        <PerDayChart rows={bandDays} policies={policies} left={0} unit="%" domain={[0, 100]} tooltip={(value) => `${value.toFixed(1)}%`} />
      </ChartCard>
      <SimulationTable policies={policies} />
    </section>
  );
}
