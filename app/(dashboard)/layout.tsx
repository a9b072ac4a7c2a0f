import { redirect } from 'next/navigation';
import { hasPermission } from '@/lib/auth/permissions';
import { getAuthContext } from '@/lib/server/auth/session';
import { NAV_ITEMS } from '@/components/layout/nav-items';
import { QueryProvider } from '@/components/layout/query-provider';
import { Sidebar } from '@/components/layout/sidebar';
import { SignOutButton } from '@/components/layout/sign-out-button';

// The layout only shapes the page; every page and action re-checks its own permission.
export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const context = await getAuthContext();
  if (!context) redirect('/login');
  const items = NAV_ITEMS.filter((item) => hasPermission(context.role, item.permission));
  return (
    <QueryProvider>
      <div className="flex min-h-screen">
        <aside className="w-56 shrink-0 border-r border-slate-200 bg-white p-4">
          <div className="mb-6">
            <p className="text-lg font-bold text-indigo-700">Binwise</p>
            <p className="text-xs text-slate-500">{context.tenantName}</p>
          </div>
          <Sidebar items={items} />
        </aside>
        <div className="flex min-w-0 flex-1 flex-col">
          <header className="flex items-center justify-end gap-4 border-b border-slate-200 bg-white px-6 py-3">
            <span className="text-sm text-slate-600">
              {context.name} · <span className="font-medium">{context.role}</span>
            </span>
            <SignOutButton />
          </header>
          <main className="flex-1 p-6">{children}</main>
        </div>
      </div>
    </QueryProvider>
  );
}
