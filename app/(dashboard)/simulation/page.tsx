import { requirePagePermission } from '@/lib/server/auth/page-access';
import { getSimulationDefaults } from '@/lib/server/simulation/get-simulation-defaults';
import { MEASURED_BAND } from '@/lib/simulator/report';
import { SimulationWorkbench } from './_components/simulation-workbench';

export const dynamic = 'force-dynamic';

export default async function SimulationPage() {
  const context = await requirePagePermission('simulation.run');
  const defaults = await getSimulationDefaults(context);
  return (
    <section className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Simulation</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">
          Replays receipts and orders through a warehouse under each putaway policy and measures the pick travel and the bins kept in the {MEASURED_BAND} band. Reductions are
          against Odoo-like first-fit by location code and against ABC class-based storage. Travel is an S-shape tour per order from the dock (see docs/simulator.md).
        </p>
      </div>
      <SimulationWorkbench defaultFlags={defaults.flags} defaultCapacity={defaults.capacity} />
    </section>
  );
}
