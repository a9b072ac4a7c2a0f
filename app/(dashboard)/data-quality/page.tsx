import { Suspense } from 'react';
import { requirePagePermission } from '@/lib/server/auth/page-access';
import { getDataQualityAudit } from '@/lib/server/audit/get-data-quality-audit';
import { AuditCheckCard } from './_components/audit-check-card';

export const dynamic = 'force-dynamic';

async function Audit() {
  const context = await requirePagePermission('audit.read');
  const audit = await getDataQualityAudit(context);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <span className={`rounded-full px-3 py-1 text-sm font-semibold ${audit.criticalFailures ? 'bg-red-100 text-red-800' : audit.warnings ? 'bg-amber-100 text-amber-800' : 'bg-green-100 text-green-800'}`}>
          {audit.criticalFailures ? `${audit.criticalFailures} critical` : audit.warnings ? `${audit.warnings} warning${audit.warnings > 1 ? 's' : ''}` : 'All checks pass'}
        </span>
        <span className="text-xs text-slate-500">Audited {new Date(audit.generatedAt).toLocaleString('en-US')}</span>
        <a href="/api/data-quality/csv" className="ml-auto rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50" download>
          Export all as CSV
        </a>
      </div>
      {audit.checks.map((check) => (
        <AuditCheckCard key={check.key} check={check} />
      ))}
    </div>
  );
}

export default function DataQualityPage() {
  return (
    <section className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">Data quality audit</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">
          The runbook&apos;s pre-deployment checks (missing dimensions, missing ABC class, invalid bin capacity) and two of ours, for your warehouse. Invalid-capacity bins are
          excluded from optimization until fixed.
        </p>
      </div>
      <Suspense fallback={<div className="h-96 animate-pulse rounded-lg bg-slate-100" aria-busy="true" aria-label="Running the audit" />}>
        <Audit />
      </Suspense>
    </section>
  );
}
