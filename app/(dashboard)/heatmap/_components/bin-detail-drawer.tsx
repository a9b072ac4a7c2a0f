'use client';

import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { BinDetail } from '@/lib/server/heatmap/types';
import { fetchJson } from './fetch-json';

const fmt = (n: number | null, unit = '%') => (n === null ? 'n/a' : `${Math.round(n * 10) / 10}${unit}`);

/** Side drawer with one bin's lots and its recent movements; refreshes with the heatmap. */
export function BinDetailDrawer({ code, onClose }: { code: string; onClose: () => void }) {
  const detail = useQuery({
    queryKey: ['bin-detail', code],
    queryFn: () => fetchJson<BinDetail>(`/api/heatmap/bins/${encodeURIComponent(code)}`),
    refetchInterval: 5_000,
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const bin = detail.data;
  return (
    <div className="fixed inset-0 z-40 flex justify-end bg-slate-900/20" onClick={onClose}>
      <aside
        role="dialog"
        aria-modal="true"
        aria-label={`Bin ${code}`}
        className="h-full w-full max-w-lg overflow-y-auto bg-white p-5 shadow-xl"
        onClick={(event) => event.stopPropagation()}
      >
        <div className="flex items-start justify-between">
          <div>
            <h2 className="text-lg font-semibold">Bin {code}</h2>
            {bin ? (
              <p className="text-sm text-slate-600">
                {bin.zone} · aisle {bin.aisle} · bay {bin.bay} · level {bin.level} · {bin.locationType}
                {bin.isActive ? '' : ' · inactive'}
              </p>
            ) : null}
          </div>
          <button type="button" onClick={onClose} className="rounded px-2 py-1 text-sm text-slate-600 hover:bg-slate-100">
            Close
          </button>
        </div>
        {detail.isPending ? <div className="mt-4 h-40 animate-pulse rounded bg-slate-100" /> : null}
        {detail.isError ? <p role="alert" className="mt-4 text-sm text-red-700">{detail.error.message}</p> : null}
        {bin ? (
          <>
            <dl className="mt-4 grid grid-cols-3 gap-3 text-sm">
              <div>
                <dt className="text-slate-500">Fill</dt>
                <dd className="font-semibold">{fmt(bin.utilizationPct)}</dd>
              </div>
              <div>
                <dt className="text-slate-500">Weight</dt>
                <dd className="font-semibold">{fmt(bin.weightPct)}</dd>
              </div>
              <div>
                <dt className="text-slate-500">Status</dt>
                <dd className="font-semibold">{bin.status}</dd>
              </div>
              <div>
                <dt className="text-slate-500">Capacity</dt>
                <dd>{fmt(bin.cubicFeet, ' ft³')}</dd>
              </div>
              <div>
                <dt className="text-slate-500">Max weight</dt>
                <dd>{fmt(bin.maxWeightLbs, ' lb')}</dd>
              </div>
            </dl>
            {bin.status === 'INVALID' ? (
              <p className="mt-3 rounded bg-slate-100 p-2 text-xs text-slate-700">Invalid capacity: this bin is excluded from putaway recommendations until its capacity is fixed.</p>
            ) : null}
            <h3 className="mt-5 text-sm font-semibold">Lots ({bin.lots.length})</h3>
            {bin.lots.length === 0 ? (
              <p className="text-sm text-slate-500">Empty.</p>
            ) : (
              <table className="mt-1 w-full text-left text-xs">
                <thead className="text-slate-500">
                  <tr>
                    <th className="py-1">Lot</th>
                    <th>SKU</th>
                    <th>ABC</th>
                    <th className="text-right">Qty</th>
                    <th className="text-right">ft³</th>
                  </tr>
                </thead>
                <tbody>
                  {bin.lots.map((lot) => (
                    <tr key={lot.lotNumber} className="border-t border-slate-100" title={lot.description}>
                      <td className="py-1">{lot.lotNumber}</td>
                      <td>{lot.sku}</td>
                      <td>{lot.abc}</td>
                      <td className={`text-right ${lot.quantity < 0 ? 'text-red-700' : ''}`}>{lot.quantity}</td>
                      <td className="text-right">{lot.cubicFeet}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <h3 className="mt-5 text-sm font-semibold">Recent movements</h3>
            {bin.transactions.length === 0 ? (
              <p className="text-sm text-slate-500">None recorded.</p>
            ) : (
              <table className="mt-1 w-full text-left text-xs">
                <thead className="text-slate-500">
                  <tr>
                    <th className="py-1">When</th>
                    <th>Type</th>
                    <th>SKU</th>
                    <th className="pr-3 text-right">Qty</th>
                    <th>From → to</th>
                  </tr>
                </thead>
                <tbody>
                  {bin.transactions.map((t) => (
                    <tr key={t.id} className="border-t border-slate-100" title={t.reference ?? undefined}>
                      <td className="py-1">{new Date(t.createdAt).toLocaleString('en-US', { dateStyle: 'short', timeStyle: 'short' })}</td>
                      <td>{t.type}</td>
                      <td>{t.sku}</td>
                      <td className="pr-3 text-right">{t.quantity}</td>
                      <td>
                        {t.from ?? '—'} → {t.to ?? '—'}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </>
        ) : null}
      </aside>
    </div>
  );
}
