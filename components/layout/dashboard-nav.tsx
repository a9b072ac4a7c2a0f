'use client';

import { useEffect, useRef, useState } from 'react';
import type { NavItem } from './nav-items';
import { Sidebar } from './sidebar';

const PANEL_ID = 'dashboard-navigation';
// Tailwind's `lg`: from here up the sidebar is static, so an open drawer has nothing to cover.
const WIDE_QUERY = '(min-width: 64rem)';

type SignedInUser = { name: string; role: string };

/** Links and buttons in the drawer, in tab order, for keeping Tab inside it while it is open. */
function focusableIn(panel: HTMLElement): HTMLElement[] {
  return [...panel.querySelectorAll<HTMLElement>('a[href], button:not([disabled])')].filter((el) => el.offsetParent !== null);
}

/**
 * The one navigation of the dashboard. From `lg` up it is the fixed sidebar; below that a
 * 224 px sidebar would leave a phone or handheld too little room for the page, so the
 * sidebar hides behind a top bar whose Menu button opens it as a drawer. It stays a single
 * nav element, so its links keep one accessible role and name at every width.
 *
 * The open drawer is a modal dialog over the page: focus moves to its Close menu button,
 * Tab stays inside it, and on any close (button, backdrop, Escape, a link) focus goes back to
 * the Menu button, so a keyboard user is never left on a hidden element or the page's top.
 *
 * The drawer also says who is signed in, in full: the header cuts a long name on a phone and
 * its title never shows on a touch screen, so this is where a phone user can read it.
 */
export function DashboardNav({ items, tenantName, user }: { items: readonly NavItem[]; tenantName: string; user: SignedInUser }) {
  const [open, setOpen] = useState(false);
  const menuRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);

  useEffect(() => {
    if (open) {
      wasOpen.current = true;
      closeRef.current?.focus();
    } else if (wasOpen.current) {
      wasOpen.current = false;
      menuRef.current?.focus();
    }
  }, [open]);

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setOpen(false);
        return;
      }
      const panel = panelRef.current;
      if (event.key !== 'Tab' || !panel) return;
      const focusable = focusableIn(panel);
      const first = focusable[0];
      const last = focusable[focusable.length - 1];
      if (!first || !last) return;
      const active = document.activeElement;
      const inside = active instanceof Node && panel.contains(active);
      if (!inside || (event.shiftKey && active === first) || (!event.shiftKey && active === last)) {
        event.preventDefault();
        (event.shiftKey ? last : first).focus();
      }
    };
    const wide = window.matchMedia(WIDE_QUERY);
    const onResize = () => {
      if (wide.matches) setOpen(false);
    };
    window.addEventListener('keydown', onKey);
    wide.addEventListener('change', onResize);
    return () => {
      window.removeEventListener('keydown', onKey);
      wide.removeEventListener('change', onResize);
    };
  }, [open]);

  return (
    <>
      {/* The tenant name is the one part of this bar that can grow, so it is the part that gives
          way (cut with an ellipsis, the full name in the title and in the drawer): Menu keeps its width. */}
      <div className="flex items-center justify-between gap-4 border-b border-slate-200 bg-white px-4 py-2 lg:hidden">
        <p title={tenantName} className="min-w-0 truncate text-lg font-bold text-indigo-700">
          Binwise <span className="text-xs font-normal text-slate-500">{tenantName}</span>
        </p>
        <button
          ref={menuRef}
          type="button"
          aria-expanded={open}
          aria-controls={PANEL_ID}
          onClick={() => setOpen(!open)}
          className="shrink-0 rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-100"
        >
          Menu
        </button>
      </div>
      {open ? <div aria-hidden="true" className="fixed inset-0 z-30 bg-slate-900/40 lg:hidden" onClick={() => setOpen(false)} /> : null}
      <aside
        ref={panelRef}
        id={PANEL_ID}
        role={open ? 'dialog' : undefined}
        aria-modal={open ? true : undefined}
        aria-label={open ? 'Menu' : undefined}
        className={`${open ? 'fixed inset-y-0 left-0 z-40 block overflow-y-auto shadow-xl' : 'hidden'} w-56 shrink-0 border-r border-slate-200 bg-white p-4 lg:static lg:block lg:shadow-none`}
      >
        <div className="mb-6 flex items-start justify-between gap-2">
          <div>
            <p className="text-lg font-bold text-indigo-700">Binwise</p>
            <p className="text-xs text-slate-500">{tenantName}</p>
          </div>
          <button
            ref={closeRef}
            type="button"
            aria-label="Close menu"
            onClick={() => setOpen(false)}
            className="-mr-2 -mt-1 flex h-10 w-10 items-center justify-center rounded-md text-slate-600 hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-indigo-600 lg:hidden"
          >
            <svg aria-hidden="true" viewBox="0 0 20 20" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round">
              <path d="M5 5l10 10M15 5L5 15" />
            </svg>
          </button>
        </div>
        {/* Below lg only: at desk widths the header shows the whole name, and the sidebar stays as it was. */}
        <p className="-mt-3 mb-6 break-words text-sm text-slate-600 lg:hidden">
          <span className="block text-xs text-slate-500">Signed in as</span>{' '}
          <span className="font-medium text-slate-900">{user.name}</span> · <span className="font-medium">{user.role}</span>
        </p>
        <Sidebar items={items} onNavigate={() => setOpen(false)} />
      </aside>
    </>
  );
}
