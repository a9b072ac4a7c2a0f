'use client';

import { Bar, BarChart, CartesianGrid, Cell, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { CalibrationBin } from '@/lib/ml/metrics';
import type { ModelSummary } from '@/lib/server/ml/find-models';
import type { FeatureWeight, MlDashboard } from '@/lib/server/ml/get-ml-dashboard';
import { ChartCard, EmptyChart } from './chart-card';
import { FeatureWeightsList } from './feature-weights-list';

const percent = (value: number | null) => (value === null ? null : Math.round(value * 1000) / 10);
const thresholds = (
  <>
    <ReferenceLine y={80} stroke="#f59e0b" strokeDasharray="6 3" label={{ value: 'warning 80%', position: 'insideBottomRight', fontSize: 11, fill: '#b45309' }} />
    <ReferenceLine y={70} stroke="#dc2626" strokeDasharray="6 3" label={{ value: 'critical 70%', position: 'insideBottomRight', fontSize: 11, fill: '#b91c1c' }} />
  </>
);

export function AccuracyCharts({ models, weekly }: { models: ModelSummary[]; weekly: MlDashboard['liveAccuracyByWeek'] }) {
  const history = [...models]
    .sort((a, b) => a.version - b.version)
    .map((m) => ({ label: `v${m.version} · ${m.createdAt.slice(0, 10)}`, accuracy: percent(m.accuracy), auc: percent(m.auc), baseline: percent(m.baselineAccuracy), balanced: percent(m.balancedAccuracy) }));
  const live = weekly.map((w) => ({ week: w.weekStart.slice(0, 10), accuracy: percent(w.accuracy), decisions: w.decisions }));
  return (
    <div className="grid grid-cols-1 gap-4 xl:grid-cols-2">
      <ChartCard title="Held-out accuracy and AUC per model version" hint="each model scored on the newest decisions it was not trained on; AUC × 100">
        {history.length === 0 ? (
          <EmptyChart message="No model trained yet" />
        ) : (
          <ResponsiveContainer width="100%" height="100%">
            <LineChart data={history} margin={{ left: 0, right: 16, top: 8 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="label" tick={{ fontSize: 11 }} />
              <YAxis unit="%" domain={[40, 100]} />
              <Tooltip formatter={(value, name) => [`${Number(value).toFixed(1)}${name === 'AUC × 100' ? '' : '%'}`, name]} />
              <Legend />
              {thresholds}
              <Line dataKey="accuracy" name="accuracy" stroke="#2563eb" strokeWidth={2} isAnimationActive={false} />
              <Line dataKey="balanced" name="balanced accuracy" stroke="#7c3aed" isAnimationActive={false} />
              <Line dataKey="auc" name="AUC × 100" stroke="#059669" isAnimationActive={false} />
              <Line dataKey="baseline" name="majority baseline" stroke="#6b7280" strokeDasharray="4 4" isAnimationActive={false} />
            </LineChart>
          </ResponsiveContainer>
        )}
      </ChartCard>
      <ChartCard title="Live accuracy per week" hint="decisions scored by the active model at the time: did confidence ≥ 50% match the decision?">
        {live.length === 0 ? (
          <EmptyChart message="No decisions scored by a model yet" />
        ) : (
          <ResponsiveContainer width="100%" height="100%">
            <LineChart data={live} margin={{ left: 0, right: 16, top: 8 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="week" tick={{ fontSize: 11 }} />
              <YAxis unit="%" domain={[40, 100]} />
              <Tooltip formatter={(value, name) => [name === 'accuracy' ? `${Number(value).toFixed(1)}%` : value, name]} />
              {thresholds}
              <Line dataKey="accuracy" name="accuracy" stroke="#2563eb" strokeWidth={2} isAnimationActive={false} />
            </LineChart>
          </ResponsiveContainer>
        )}
      </ChartCard>
    </div>
  );
}

export function CalibrationChart({ bins }: { bins: CalibrationBin[] }) {
  const points = bins
    .filter((bin) => bin.count > 0 && bin.meanPredicted !== null && bin.observedRate !== null)
    .map((bin) => ({ predicted: Math.round((bin.meanPredicted ?? 0) * 100), observed: Math.round((bin.observedRate ?? 0) * 1000) / 10, perfect: Math.round((bin.meanPredicted ?? 0) * 100), count: bin.count }));
  return (
    <ChartCard title="Calibration (reliability)" hint="per confidence bin: how often supervisors actually accepted; on the diagonal = honest probabilities">
      {points.length === 0 ? (
        <EmptyChart message="No calibration data" />
      ) : (
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={points} margin={{ left: 0, right: 16, top: 8 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="predicted" type="number" domain={[0, 100]} unit="%" name="predicted" />
            <YAxis domain={[0, 100]} unit="%" />
            <Tooltip formatter={(value, name) => [`${Number(value).toFixed(1)}%`, name]} labelFormatter={(label) => `predicted ≈ ${label}%`} />
            <Legend />
            <Line dataKey="perfect" name="perfect calibration" stroke="#9ca3af" strokeDasharray="4 4" dot={false} isAnimationActive={false} />
            <Line dataKey="observed" name="observed acceptance" stroke="#2563eb" strokeWidth={2} isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      )}
    </ChartCard>
  );
}

const shorten = (text: string) => (text.length > 42 ? `${text.slice(0, 41)}…` : text);

export function FeatureWeightsChart({ weights }: { weights: FeatureWeight[] }) {
  const data = weights.map((w) => ({ feature: w.feature, label: shorten(w.feature), weight: Math.round(w.weight * 1000) / 1000 }));
  // Below md the list replaces the chart, whose 300 px label column would leave no room for bars.
  return (
    <ChartCard title="Largest feature weights (active model)" hint="log-odds change per standard deviation; green raises the chance of acceptance, red lowers it. “rule:” features are learned conditions" height={data.length === 0 ? 'h-96' : 'md:h-96'}>
      {data.length === 0 ? (
        <EmptyChart message="No weights stored" />
      ) : (
        <>
          <div className="md:hidden">
            <FeatureWeightsList weights={data} />
          </div>
          <div className="hidden h-full md:block">
            <ResponsiveContainer width="100%" height="100%">
              <BarChart data={data} layout="vertical" margin={{ left: 8, right: 24 }}>
                <CartesianGrid strokeDasharray="3 3" horizontal={false} />
                <XAxis type="number" />
                <YAxis type="category" dataKey="label" width={300} tick={{ fontSize: 10, width: 300 }} interval={0} />
                <Tooltip formatter={(value) => [Number(value).toFixed(3), 'weight']} labelFormatter={(_, payload) => String(payload?.[0]?.payload?.feature ?? '')} />
                <ReferenceLine x={0} stroke="#334155" />
                <Bar dataKey="weight" isAnimationActive={false}>
                  {data.map((entry) => <Cell key={entry.feature} fill={entry.weight >= 0 ? '#059669' : '#dc2626'} />)}
                </Bar>
              </BarChart>
            </ResponsiveContainer>
          </div>
        </>
      )}
    </ChartCard>
  );
}

const MIN_DECISIONS_PER_DAY = 5;

export function AcceptanceChart({ days }: { days: MlDashboard['acceptanceByDay'] }) {
  // A day with a handful of decisions (today, so far) would swing the line to 0% or 100%.
  const data = days.filter((d) => d.decisions >= MIN_DECISIONS_PER_DAY).map((d) => ({ day: d.day, rate: percent(d.acceptanceRate), decisions: d.decisions }));
  return (
    <ChartCard title="Acceptance rate over time" hint="share of recommendations supervisors accepted, per day with at least 5 decisions (last 90 days); the runbook warns below 60%">
      {data.length === 0 ? (
        <EmptyChart message="No decisions recorded yet" />
      ) : (
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={data} margin={{ left: 0, right: 16, top: 8 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="day" tick={{ fontSize: 11 }} minTickGap={24} />
            <YAxis unit="%" domain={[0, 100]} />
            <Tooltip formatter={(value, name) => [name === 'acceptance' ? `${Number(value).toFixed(1)}%` : value, name]} />
            <ReferenceLine y={60} stroke="#f59e0b" strokeDasharray="6 3" label={{ value: '60%', position: 'insideBottomRight', fontSize: 11 }} />
            <Line dataKey="rate" name="acceptance" stroke="#0ea5e9" dot={false} strokeWidth={2} isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      )}
    </ChartCard>
  );
}
