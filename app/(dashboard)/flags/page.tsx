import { hasPermission } from '@/lib/auth/permissions';
import { requirePagePermission } from '@/lib/server/auth/page-access';
import { getCapacitySettings } from '@/lib/server/capacity';
import { findFlagAudit, getFlagSettings } from '@/lib/server/flags';
import { CapacityRules } from './_components/capacity-rules';
import { FlagAuditTable } from './_components/flag-audit-table';
import { FlagBoard } from './_components/flag-board';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Feature flags' };

export default async function FlagsPage() {
  const context = await requirePagePermission('flags.read');
  const [settings, capacity, audit] = await Promise.all([getFlagSettings(context), getCapacitySettings(context), findFlagAudit(context, { limit: 50 })]);
  const canWrite = hasPermission(context.role, 'flags.write');
  return (
    <section className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold">Feature flags</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">
          The runbook&apos;s rollback toggles. Defaults come from the <code className="font-mono">bin-optimization-config</code> ConfigMap; a change here
          overrides the default for {context.tenantName} only and applies to the next putaway batch on every replica, without a restart.
        </p>
      </div>
      <FlagBoard flags={settings.flags} problems={settings.problems} canWrite={canWrite} />
      <CapacityRules settings={capacity} canWrite={canWrite} tenantName={context.tenantName} />
      <FlagAuditTable entries={audit} />
    </section>
  );
}
