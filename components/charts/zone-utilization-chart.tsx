'use client';

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { STATUS_COLORS } from './utilization-colors';

export type ZoneUtilization = { zone: string; under: number; optimal: number; over: number; invalid: number; meanFillPct: number };

/** Bins per status in each zone (stacked), with the mean fill in the tooltip. */
export function ZoneUtilizationChart({ zones }: { zones: ZoneUtilization[] }) {
  if (!zones.length) return <p className="py-10 text-center text-sm text-slate-500">No zones to chart.</p>;
  return (
    <ResponsiveContainer width="100%" height={220}>
      <BarChart data={zones} layout="vertical" margin={{ top: 4, right: 12, bottom: 4, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" allowDecimals={false} tick={{ fontSize: 11 }} />
        <YAxis type="category" dataKey="zone" tick={{ fontSize: 11 }} width={70} />
        <Tooltip
          labelFormatter={(zone) => {
            const z = zones.find((x) => x.zone === zone);
            return z ? `${zone}: mean fill ${z.meanFillPct}%` : String(zone);
          }}
        />
        <Legend wrapperStyle={{ fontSize: 11 }} />
        <Bar dataKey="under" name="Under 60%" stackId="s" fill={STATUS_COLORS.UNDER} isAnimationActive={false} />
        <Bar dataKey="optimal" name="60–85%" stackId="s" fill={STATUS_COLORS.OPTIMAL} isAnimationActive={false} />
        <Bar dataKey="over" name="Over 85%" stackId="s" fill={STATUS_COLORS.OVER} isAnimationActive={false} />
        <Bar dataKey="invalid" name="Invalid" stackId="s" fill={STATUS_COLORS.INVALID} isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}
