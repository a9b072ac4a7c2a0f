'use client';

import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { BAND_HIGH, BAND_LOW, STATUS_COLORS } from './utilization-colors';

export type HistogramBucket = { label: string; from: number; count: number };

/** Bins per 10% of volume fill (the last bucket is 100% and above). */
export function histogramOf(fills: number[]): HistogramBucket[] {
  const buckets: HistogramBucket[] = Array.from({ length: 11 }, (_, i) => ({ label: i === 10 ? '100+' : `${i * 10}–${i * 10 + 10}`, from: i * 10, count: 0 }));
  for (const tenths of fills) {
    if (tenths < 0) continue;
    buckets[Math.min(10, Math.floor(tenths / 100))]!.count += 1;
  }
  return buckets;
}

const colorOf = (from: number) => (from + 10 <= BAND_LOW ? STATUS_COLORS.UNDER : from >= BAND_HIGH ? STATUS_COLORS.OVER : STATUS_COLORS.OPTIMAL);

export function UtilizationHistogram({ buckets }: { buckets: HistogramBucket[] }) {
  if (!buckets.some((b) => b.count > 0)) return <p className="py-10 text-center text-sm text-slate-500">No bins to chart.</p>;
  return (
    <ResponsiveContainer width="100%" height={200}>
      <BarChart data={buckets} margin={{ top: 8, right: 8, bottom: 4, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="label" tick={{ fontSize: 10 }} interval={0} angle={-30} textAnchor="end" height={40} />
        <YAxis allowDecimals={false} tick={{ fontSize: 11 }} width={40} />
        <Tooltip formatter={(value) => [value, 'bins']} labelFormatter={(label) => `${label}% full`} />
        <Bar dataKey="count" isAnimationActive={false}>
          {buckets.map((b) => (
            <Cell key={b.label} fill={colorOf(b.from)} />
          ))}
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}
