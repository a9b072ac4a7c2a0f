import { redirect } from 'next/navigation';
import { hasPermission } from '@/lib/auth/permissions';
import { getAuthContext } from '@/lib/server/auth/session';
import { DashboardNav } from '@/components/layout/dashboard-nav';
import { NAV_ITEMS } from '@/components/layout/nav-items';
import { QueryProvider } from '@/components/layout/query-provider';
import { SignOutButton } from '@/components/layout/sign-out-button';

// The layout only shapes the page; every page and action re-checks its own permission.
export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const context = await getAuthContext();
  if (!context) redirect('/login');
  const items = NAV_ITEMS.filter((item) => hasPermission(context.role, item.permission));
  return (
    <QueryProvider>
      <div className="flex min-h-screen flex-col lg:flex-row">
        <DashboardNav items={items} tenantName={context.tenantName} user={{ name: context.name, role: context.role }} />
        <div className="flex min-w-0 flex-1 flex-col">
          <header className="flex items-center justify-end gap-4 border-b border-slate-200 bg-white px-4 py-2 lg:px-6 lg:py-3">
            {/* On a 390 px phone a name like "Acme Warehouse Supervisor" and its role do not fit beside
                Sign out and used to wrap onto a second line. The name gives way, cut with an
                ellipsis, and the role never shrinks; the cut is only visual, so screen readers read
                the whole text, the title shows it on hover, and the Menu drawer shows it in full
                for a touch screen, where a title never appears. Below lg only: the ellipsis needs
                overflow hidden, which at desk widths (where the name fits) would shave glyph edges. */}
            <span title={`${context.name} · ${context.role}`} className="flex min-w-0 text-sm text-slate-600">
              <span className="max-lg:truncate">{context.name}</span>
              <span className="shrink-0 whitespace-pre">
                {' · '}
                <span className="font-medium">{context.role}</span>
              </span>
            </span>
            <SignOutButton />
          </header>
          <main className="flex-1 p-4 lg:p-6">{children}</main>
        </div>
      </div>
    </QueryProvider>
  );
}
