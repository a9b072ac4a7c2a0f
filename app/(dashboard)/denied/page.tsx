import Link from 'next/link';
import { PERMISSIONS } from '@/lib/auth/permissions';
import { requirePagePermission } from '@/lib/server/auth/page-access';

export const metadata = { title: 'Access denied' };

export default async function DeniedPage({ searchParams }: { searchParams: Promise<{ permission?: string }> }) {
  const context = await requirePagePermission('dashboards.read');
  const { permission } = await searchParams;
  const known = PERMISSIONS.find((p) => p === permission);
  return (
    <section role="alert" className="max-w-xl rounded-lg border border-amber-300 bg-amber-50 p-6">
      <h1 className="text-xl font-semibold text-amber-900">Access denied</h1>
      <p className="mt-2 text-sm text-amber-900">
        {known ? (
          <>Your role ({context.role}) does not have the <code className="font-mono">{known}</code> permission needed for that page.</>
        ) : (
          <>Your role ({context.role}) cannot open that page.</>
        )}{' '}
        Ask an administrator if you need it.
      </p>
      <Link href="/" className="mt-4 inline-block text-sm font-medium text-indigo-700 underline">Back to the overview</Link>
    </section>
  );
}
