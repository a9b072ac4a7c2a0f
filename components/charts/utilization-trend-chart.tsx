'use client';

import { CartesianGrid, Line, LineChart, ReferenceArea, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { BAND_HIGH, BAND_LOW } from './utilization-colors';

export type TrendPoint = { day: string; fillPct: number; movements: number };

/** Warehouse fill per day, with the 60–85% target band shaded. */
export function UtilizationTrendChart({ points }: { points: TrendPoint[] }) {
  if (!points.length) return <p className="py-10 text-center text-sm text-slate-500">No history yet.</p>;
  const top = Math.max(100, Math.ceil(Math.max(...points.map((p) => p.fillPct)) / 10) * 10);
  return (
    <ResponsiveContainer width="100%" height={200}>
      <LineChart data={points} margin={{ top: 8, right: 12, bottom: 4, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <ReferenceArea y1={BAND_LOW} y2={BAND_HIGH} fill="#16a34a" fillOpacity={0.12} label={{ value: 'target 60–85%', position: 'insideTopRight', fontSize: 10 }} />
        <XAxis dataKey="day" tick={{ fontSize: 10 }} tickFormatter={(day: string) => day.slice(5)} minTickGap={16} />
        <YAxis domain={[0, top]} tick={{ fontSize: 11 }} width={36} unit="%" />
        <Tooltip formatter={(value, name) => (name === 'fillPct' ? [`${value}%`, 'Fill'] : [value, name])} />
        <Line type="monotone" dataKey="fillPct" stroke="#4f46e5" strokeWidth={2} dot={false} isAnimationActive={false} />
      </LineChart>
    </ResponsiveContainer>
  );
}
