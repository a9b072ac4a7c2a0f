'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { unwrapAction } from '@/lib/action-result';
import type { SimulationView } from '@/lib/server/simulation/get-simulation';
import { CAPACITY_FIELDS, CAPACITY_FLOORS, CAPACITY_LABELS, fractionToPercent, percentToFraction, type CapacityField } from '@/lib/schemas/capacity';
import type { TSimulationParams } from '@/lib/simulator/params';
import { ALL_POLICY_NAMES, type DayZeroStock, type PolicyName, type SimulationCapacity, type SimulationFlags } from '@/lib/simulator/policies/names';
import { MEASURED_BAND } from '@/lib/simulator/report';
import { startSimulationAction } from '../actions';
import { SimulationResults } from './simulation-results';

const POLICY_LABELS: Record<PolicyName, string> = {
  'first-fit-by-code': 'First fit by location code (Odoo-like)',
  'random-fit': 'Random fit',
  'abc-class-based': 'ABC class-based',
  binwise: 'Binwise (chosen flags)',
  'binwise-no-affinity': 'Binwise without affinity',
  'binwise-no-congestion': 'Binwise without congestion avoidance',
  'binwise-no-cross-dock': 'Binwise without cross-dock',
};

const FLAG_LABELS: Record<keyof SimulationFlags, string> = {
  SKU_AFFINITY_ENABLED: 'SKU affinity',
  CONGESTION_AVOIDANCE_ENABLED: 'Congestion avoidance',
  CROSS_DOCK_ENABLED: 'Cross-dock',
};

async function fetchSimulation(jobId: string): Promise<SimulationView> {
  const response = await fetch(`/api/simulation/${jobId}`, { cache: 'no-store' });
  if (!response.ok) {
    const refusal = (await response.json().catch(() => null)) as { error?: { code: string; message: string } } | null;
    throw new Error(refusal?.error ? `${refusal.error.code}: ${refusal.error.message}` : `HTTP ${response.status}`);
  }
  return (await response.json()) as SimulationView;
}

function NumberField({ label, value, onChange, min, max, step }: { label: string; value: number; onChange: (value: number) => void; min: number; max: number; step?: number }) {
  return (
    <label className="flex flex-col gap-1 text-sm">
      <span className="text-slate-600">{label}</span>
      <input type="number" className="w-28 rounded border border-slate-300 px-2 py-1" value={value} min={min} max={max} step={step} onChange={(event) => onChange(Number(event.target.value))} />
    </label>
  );
}

/** The three capacity values through `convert` (fractions to the percents the form edits, and back). */
function mapCapacity(values: Record<CapacityField, number>, convert: (value: number) => number): Record<CapacityField, number> {
  return { targetBandMin: convert(values.targetBandMin), targetBandMax: convert(values.targetBandMax), hardCap: convert(values.hardCap) };
}

export function SimulationWorkbench({ defaultFlags, defaultCapacity }: { defaultFlags: SimulationFlags; defaultCapacity: SimulationCapacity }) {
  const [source, setSource] = useState<TSimulationParams['source']>('generated');
  const [generator, setGenerator] = useState({ seed: 1, locations: 3000, skus: 800, days: 30 });
  const [policies, setPolicies] = useState<PolicyName[]>([...ALL_POLICY_NAMES]);
  const [flags, setFlags] = useState<SimulationFlags>(defaultFlags);
  const [dayZeroStock, setDayZeroStock] = useState<DayZeroStock>('as-is');
  // Edited in percent, as on the Feature flags page; sent as fractions.
  const [capacity, setCapacity] = useState(() => mapCapacity(defaultCapacity, fractionToPercent));
  const [jobId, setJobId] = useState<string | null>(null);

  const start = useMutation({
    mutationFn: (params: TSimulationParams) => unwrapAction(startSimulationAction(params)),
    onSuccess: (data) => setJobId(data.jobId),
  });

  const job = useQuery({
    queryKey: ['simulation', jobId],
    queryFn: () => fetchSimulation(jobId as string),
    enabled: jobId !== null,
    refetchInterval: (query) => (query.state.data?.status === 'SUCCEEDED' || query.state.data?.status === 'FAILED' ? false : 1_000),
  });

  const running = start.isPending || job.data?.status === 'QUEUED' || job.data?.status === 'RUNNING' || (jobId !== null && !job.data && !job.error);
  const togglePolicy = (name: PolicyName) => setPolicies((current) => (current.includes(name) ? current.filter((entry) => entry !== name) : [...current, name]));
  const progress = Math.round((job.data?.progress ?? 0) * 100);

  return (
    <div className="space-y-6">
      <form
        className="space-y-5 rounded-lg border border-slate-200 bg-white p-5 shadow-sm"
        onSubmit={(event) => {
          event.preventDefault();
          start.mutate({
            source,
            generator,
            databaseDays: 30,
            policies,
            flags,
            dayZeroStock,
            capacity: mapCapacity(capacity, percentToFraction),
          });
        }}
      >
        <fieldset className="space-y-2">
          <legend className="text-sm font-semibold">Scenario</legend>
          <div className="flex flex-wrap gap-4 text-sm">
            <label className="flex items-center gap-2">
              <input type="radio" name="source" checked={source === 'generated'} onChange={() => setSource('generated')} /> Generated print warehouse
            </label>
            <label className="flex items-center gap-2">
              <input type="radio" name="source" checked={source === 'database'} onChange={() => setSource('database')} /> Our warehouse (its bins, the stock as it stood 30 days ago, and the receipts and orders since)
            </label>
          </div>
          {source === 'generated' ? (
            <div className="flex flex-wrap gap-4">
              <NumberField label="Seed" value={generator.seed} min={0} max={1_000_000} onChange={(seed) => setGenerator({ ...generator, seed })} />
              <NumberField label="Locations" value={generator.locations} min={50} max={5_000} onChange={(locations) => setGenerator({ ...generator, locations })} />
              <NumberField label="SKUs" value={generator.skus} min={10} max={2_000} onChange={(skus) => setGenerator({ ...generator, skus })} />
              <NumberField label="Days" value={generator.days} min={1} max={60} onChange={(days) => setGenerator({ ...generator, days })} />
            </div>
          ) : null}
        </fieldset>
        <fieldset className="space-y-2">
          <legend className="text-sm font-semibold">Stock at the start</legend>
          <div className="flex flex-col gap-1 text-sm">
            <label className="flex items-center gap-2">
              <input type="radio" name="dayZeroStock" checked={dayZeroStock === 'as-is'} onChange={() => setDayZeroStock('as-is')} /> Where it is now, the same for every policy (what switching policy tomorrow changes)
            </label>
            <label className="flex items-center gap-2">
              <input type="radio" name="dayZeroStock" checked={dayZeroStock === 'slotted'} onChange={() => setDayZeroStock('slotted')} /> Slotted by each policy on day 0 (a warehouse that has run it from the start; re-slotting moves not counted)
            </label>
          </div>
        </fieldset>
        <fieldset className="space-y-2">
          <legend className="text-sm font-semibold">Policies</legend>
          <div className="grid grid-cols-1 gap-1 text-sm sm:grid-cols-2">
            {ALL_POLICY_NAMES.map((name) => (
              <label key={name} className="flex items-center gap-2">
                <input type="checkbox" checked={policies.includes(name)} onChange={() => togglePolicy(name)} /> {POLICY_LABELS[name]}
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset className="space-y-2">
          <legend className="text-sm font-semibold">Binwise flags (start from this tenant&apos;s current flags)</legend>
          <div className="flex flex-wrap gap-4 text-sm">
            {(Object.keys(FLAG_LABELS) as (keyof SimulationFlags)[]).map((key) => (
              <label key={key} className="flex items-center gap-2">
                <input type="checkbox" checked={flags[key]} onChange={() => setFlags({ ...flags, [key]: !flags[key] })} /> {FLAG_LABELS[key]}
              </label>
            ))}
          </div>
          <p className="text-xs text-slate-500">Each “Binwise without …” variant switches that one feature off from these flags; a feature already off here makes its variant the same as Binwise.</p>
        </fieldset>
        <fieldset className="space-y-2">
          <legend className="text-sm font-semibold">Binwise capacity rules (start from this tenant&apos;s)</legend>
          <div className="flex flex-wrap gap-4">
            {CAPACITY_FIELDS.map((field) => (
              <NumberField
                key={field}
                label={`${CAPACITY_LABELS[field]} (%)`}
                value={capacity[field]}
                min={fractionToPercent(CAPACITY_FLOORS[field])}
                max={100}
                step={0.5}
                onChange={(value) => setCapacity({ ...capacity, [field]: value })}
              />
            ))}
          </div>
          <p className="text-xs text-slate-500">Binwise fills bins into the target band first and never past the hard cap; the baselines fill to 100%. The band-share results still measure the runbook&apos;s {MEASURED_BAND}.</p>
        </fieldset>
        <div className="flex items-center gap-4">
          <button type="submit" disabled={running || policies.length === 0} className="rounded-md bg-indigo-700 px-4 py-2 text-sm font-medium text-white disabled:opacity-50">
            {running ? 'Simulating…' : 'Run simulation'}
          </button>
          {start.error ? (
            <p role="alert" className="text-sm text-red-700">
              {start.error.message}
            </p>
          ) : null}
        </div>
      </form>

      {jobId !== null ? (
        <div className="space-y-2">
          <div className="flex justify-between text-sm text-slate-600">
            <span>
              {job.data?.status === 'QUEUED' ? 'Waiting for a worker…' : job.data?.status === 'SUCCEEDED' ? 'Done' : job.data?.status === 'FAILED' ? 'Failed' : 'Simulating…'}
              {job.data && job.data.attempts > 1 ? ` (restarted: a worker stopped mid-run; attempt ${job.data.attempts} of ${job.data.maxAttempts})` : null}
            </span>
            <span className="tabular-nums">{progress}%</span>
          </div>
          <div role="progressbar" aria-label="Simulation progress" aria-valuemin={0} aria-valuemax={100} aria-valuenow={progress} className="h-3 overflow-hidden rounded bg-slate-200">
            <div className="h-full bg-indigo-600 transition-all" style={{ width: `${progress}%` }} />
          </div>
          {job.data?.status === 'FAILED' ? (
            <p role="alert" className="text-sm text-red-700">
              {job.data.error ?? 'The simulation failed.'}
            </p>
          ) : null}
          {job.error ? (
            <p role="alert" className="text-sm text-red-700">
              {job.error.message}
            </p>
          ) : null}
        </div>
      ) : (
        <p className="rounded-lg border border-dashed border-slate-300 p-6 text-center text-sm text-slate-500">No simulation yet: choose a scenario and policies, then run it.</p>
      )}

      {job.data?.result ? <SimulationResults result={job.data.result} /> : null}
    </div>
  );
}
