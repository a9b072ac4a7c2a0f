import { requirePagePermission } from '@/lib/server/auth/page-access';
import { HeatmapView } from './_components/heatmap-view';

export const dynamic = 'force-dynamic';

export default async function HeatmapPage() {
  await requirePagePermission('heatmap.read');
  return (
    <section className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">Bin utilization heatmap</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">
          Every active bin, by zone and level, aisles down and bays across, colored by volume fill. It refreshes every 5 seconds, so an accepted recommendation shows
          here within seconds. Hover a bin for its figures; click it for its lots and recent movements.
        </p>
      </div>
      <HeatmapView />
    </section>
  );
}
