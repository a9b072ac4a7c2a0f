import { hasPermission } from '@/lib/auth/permissions';
import { requirePagePermission } from '@/lib/server/auth/page-access';
import { CacheHealth } from './_components/cache-health';

export const dynamic = 'force-dynamic';

export default async function CachePage() {
  const context = await requirePagePermission('cache.read');
  return (
    <section className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">Utilization cache health</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">
          <code>bin_utilization_cache</code> is kept exact by triggers on lots and inventory transactions, and fully rebuilt every 10 minutes as a safety net (by pg_cron
          when installed, otherwise by the in-app scheduler). The runbook alerts when its age passes 15 minutes (degraded) and 30 minutes (stale).
        </p>
      </div>
      <CacheHealth canRefresh={hasPermission(context.role, 'cache.refresh')} />
    </section>
  );
}
