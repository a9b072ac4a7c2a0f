import { Suspense } from 'react';
import { requirePagePermission } from '@/lib/server/auth/page-access';
import { getHeadlineFigures } from '@/lib/server/dashboard/get-headline-figures';
import { StatCard, StatCardSkeleton } from '@/components/ui/stat-card';

export const dynamic = 'force-dynamic';

async function Figures() {
  const context = await requirePagePermission('dashboards.read');
  const figures = await getHeadlineFigures(context);
  const number = new Intl.NumberFormat('en-US');
  return (
    <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3">
      <StatCard label="Active locations" value={number.format(figures.activeLocations)} hint={`${number.format(figures.occupiedLocations)} occupied`} />
      <StatCard label="Average utilization" value={`${figures.averageUtilizationPct}%`} hint="of occupied bins, by volume" />
      <StatCard label="Bins in the 60–85% band" value={`${figures.inBandPct}%`} hint="target band from the runbook" />
      <StatCard label="Open recommendations" value={number.format(figures.openRecommendations)} hint="awaiting a supervisor" />
      <StatCard label="Orders due in 24 h" value={number.format(figures.openOrdersDue24h)} hint="cross-dock candidates" />
      <StatCard label="Open pick tasks" value={number.format(figures.openPickTasks)} hint="drives the congestion penalty" />
    </div>
  );
}

export default function OverviewPage() {
  return (
    <section className="space-y-6">
      <h1 className="text-2xl font-semibold">Overview</h1>
      <Suspense
        fallback={
          <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3">
            {Array.from({ length: 6 }, (_, i) => <StatCardSkeleton key={i} />)}
          </div>
        }
      >
        <Figures />
      </Suspense>
    </section>
  );
}
