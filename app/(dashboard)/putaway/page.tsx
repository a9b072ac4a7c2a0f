import { hasPermission } from '@/lib/auth/permissions';
import { requirePagePermission } from '@/lib/server/auth/page-access';
import { findDemoReceipts } from '@/lib/server/putaway/find-demo-receipts';
import { AffinityPanel } from './_components/affinity-panel';
import { PutawayWorkspace } from './_components/putaway-workspace';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Putaway' };

export default async function PutawayPage() {
  const context = await requirePagePermission('recommendations.read');
  const canCreate = hasPermission(context.role, 'recommendations.create');
  const canReview = hasPermission(context.role, 'recommendations.review');
  const demoReceipts = canCreate ? await findDemoReceipts(context) : [];
  return (
    <section className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Putaway</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">
          Enter a receipt, get a bin for every line, and accept, reject or override each recommendation. Every decision re-checks the bin&apos;s
          room against live stock, so two supervisors can never overfill it.
        </p>
      </div>
      <AffinityPanel canRefresh={hasPermission(context.role, 'cache.refresh')} />
      <PutawayWorkspace canCreate={canCreate} canReview={canReview} demoReceipts={demoReceipts} />
    </section>
  );
}
