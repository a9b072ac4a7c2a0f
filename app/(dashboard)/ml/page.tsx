import { hasPermission } from '@/lib/auth/permissions';
import { StatCard } from '@/components/ui/stat-card';
import { requirePagePermission } from '@/lib/server/auth/page-access';
import { getMlDashboard } from '@/lib/server/ml/get-ml-dashboard';
import { ML_ACCURACY_CRITICAL_PCT, ML_ACCURACY_WARNING_PCT } from '@/lib/server/ml/get-rolling-accuracy';
import { ConfusionMatrixTable } from './_components/confusion-matrix';
import { NoModelYet } from './_components/no-model-yet';
import { AccuracyCharts, CalibrationChart, FeatureWeightsChart, AcceptanceChart } from './_components/ml-charts';
import { ModelVersions } from './_components/model-versions';
import { TrainModelPanel } from './_components/train-model-panel';

export const dynamic = 'force-dynamic';

const pct = (value: number | null | undefined) => (value === null || value === undefined ? '—' : `${(value * 100).toFixed(1)}%`);

export default async function MlPage() {
  const context = await requirePagePermission('ml.read');
  const dashboard = await getMlDashboard(context);
  const canTrain = hasPermission(context.role, 'ml.train');
  const canRollback = hasPermission(context.role, 'ml.rollback');
  const { active, rolling } = dashboard;

  return (
    <section className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">ML accuracy</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">
          How well the confidence model predicts whether a supervisor accepts a putaway recommendation. Every figure is measured on the newest decisions, which the
          model was not trained on, and sits beside the majority-class baseline: accuracy is only worth something above that line.
        </p>
      </div>

      {canTrain ? <TrainModelPanel /> : null}

      {active ? (
        <>
          <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4">
            <StatCard label={`Held-out accuracy (model v${active.version})`} value={pct(active.accuracy)} hint={`majority baseline ${pct(active.baselineAccuracy)} on the same ${active.heldOutCount ?? 0} decisions`} />
            <StatCard label="Balanced accuracy / AUC" value={`${pct(active.balancedAccuracy)} / ${active.auc?.toFixed(3) ?? '—'}`} hint="baseline: 50.0% / 0.500" />
            <StatCard label="Brier score" value={active.brier?.toFixed(4) ?? '—'} hint="mean squared error of the probabilities; lower is better" />
            <StatCard
              label="Accuracy, last 30 days"
              value={pct(rolling.accuracy)}
              hint={rolling.accuracy === null ? 'no decisions scored by a model yet' : `${rolling.decisions} live decisions · ${rolling.status} (warning < ${ML_ACCURACY_WARNING_PCT}%, critical < ${ML_ACCURACY_CRITICAL_PCT}%)`}
            />
          </div>
          <AccuracyCharts models={dashboard.models} weekly={dashboard.liveAccuracyByWeek} />
          <div className="grid grid-cols-1 gap-4 xl:grid-cols-2">
            <CalibrationChart bins={active.calibration} />
            <ConfusionMatrixTable confusion={active.confusion} version={active.version} />
          </div>
          <FeatureWeightsChart weights={active.featureWeights} />
        </>
      ) : (
        <NoModelYet decisions={dashboard.feedback.total} accepted={dashboard.feedback.accepted} canTrain={canTrain} storedModels={dashboard.models.length} />
      )}

      <AcceptanceChart days={dashboard.acceptanceByDay} />
      <ModelVersions models={dashboard.models} canRollback={canRollback} />
    </section>
  );
}
