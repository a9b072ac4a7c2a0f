'use client';

import { useEffect, useState } from 'react';
import type { NavItem } from './nav-items';
import { Sidebar } from './sidebar';

const PANEL_ID = 'dashboard-navigation';

/**
 * The one navigation of the dashboard. From `lg` up it is the fixed sidebar; below that a
 * 224 px sidebar would leave a phone or handheld too little room for the page, so the
 * sidebar hides behind a top bar whose Menu button opens it as a drawer. It stays a single
 * nav element, so its links keep one accessible role and name at every width.
 */
export function DashboardNav({ items, tenantName }: { items: readonly NavItem[]; tenantName: string }) {
  const [open, setOpen] = useState(false);

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setOpen(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open]);

  return (
    <>
      <div className="flex items-center justify-between border-b border-slate-200 bg-white px-4 py-2 lg:hidden">
        <p className="text-lg font-bold text-indigo-700">
          Binwise <span className="text-xs font-normal text-slate-500">{tenantName}</span>
        </p>
        <button
          type="button"
          aria-expanded={open}
          aria-controls={PANEL_ID}
          onClick={() => setOpen(!open)}
          className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-100"
        >
          Menu
        </button>
      </div>
      {open ? <div aria-hidden="true" className="fixed inset-0 z-30 bg-slate-900/40 lg:hidden" onClick={() => setOpen(false)} /> : null}
      <aside
        id={PANEL_ID}
        className={`${open ? 'fixed inset-y-0 left-0 z-40 block overflow-y-auto shadow-xl' : 'hidden'} w-56 shrink-0 border-r border-slate-200 bg-white p-4 lg:static lg:block lg:shadow-none`}
      >
        <div className="mb-6">
          <p className="text-lg font-bold text-indigo-700">Binwise</p>
          <p className="text-xs text-slate-500">{tenantName}</p>
        </div>
        <Sidebar items={items} onNavigate={() => setOpen(false)} />
      </aside>
    </>
  );
}
