'use client';

import { useState } from 'react';
import { MAX_ITEMS_PER_BATCH, parseReceiptLines } from '@/lib/schemas/putaway';
import type { DemoReceipt } from '@/lib/server/putaway/find-demo-receipts';

type Props = {
  demoReceipts: DemoReceipt[];
  pending: boolean;
  error: string | null;
  onSubmit: (items: { sku: string; quantity: number; lotNumber?: string }[], source: 'UI' | 'CSV' | 'DEMO_ORDER') => void;
};

/** Receipt entry: paste "sku,quantity[,lot]" lines, upload a CSV, or load an open demo order. */
export function ReceiptForm({ demoReceipts, pending, error, onSubmit }: Props) {
  const [text, setText] = useState('');
  const [source, setSource] = useState<'UI' | 'CSV' | 'DEMO_ORDER'>('UI');
  const parsed = parseReceiptLines(text);
  const units = parsed.items.reduce((sum, item) => sum + item.quantity, 0);

  async function loadFile(file: File) {
    setText(await file.text());
    setSource('CSV');
  }

  function loadDemo(ref: string) {
    const receipt = demoReceipts.find((r) => r.ref === ref);
    if (!receipt) return;
    setText(receipt.items.map((i) => `${i.sku},${i.quantity}`).join('\n'));
    setSource('DEMO_ORDER');
  }

  return (
    <form
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
      onSubmit={(event) => {
        event.preventDefault();
        if (parsed.items.length && !parsed.errors.length) onSubmit(parsed.items, source);
      }}
    >
      <h2 className="text-lg font-semibold">New receipt</h2>
      <div className="flex flex-wrap items-end gap-4 text-sm">
        <label className="flex max-w-full flex-col gap-1">
          <span className="text-slate-600">Inbound demo order</span>
          <select className="max-w-full rounded border border-slate-300 px-2 py-1" defaultValue="" onChange={(e) => loadDemo(e.target.value)} aria-label="Inbound demo order">
            <option value="" disabled>
              {demoReceipts.length ? 'Pick an open order…' : 'No open orders'}
            </option>
            {demoReceipts.map((r) => (
              <option key={r.ref} value={r.ref}>
                {r.label}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1">
          <span className="text-slate-600">CSV file (sku,quantity[,lot])</span>
          <input type="file" accept=".csv,text/csv,text/plain" aria-label="CSV file" onChange={(e) => e.target.files?.[0] && loadFile(e.target.files[0])} />
        </label>
      </div>
      <label className="flex flex-col gap-1 text-sm">
        <span className="text-slate-600">Receipt lines: one &quot;sku,quantity&quot; per line (optional third column: lot number)</span>
        <textarea
          aria-label="Receipt lines"
          className="h-32 rounded border border-slate-300 p-2 font-mono text-sm"
          placeholder={'FG-0001,3\nINK-0004,2'}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            if (source === 'DEMO_ORDER') setSource('UI');
          }}
        />
      </label>
      {parsed.errors.length ? (
        <ul className="text-sm text-red-700" role="alert">
          {parsed.errors.slice(0, 5).map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      ) : null}
      {error ? (
        <p className="text-sm text-red-700" role="alert">
          {error}
        </p>
      ) : null}
      <div className="flex items-center gap-3">
        <button
          type="submit"
          disabled={pending || !parsed.items.length || parsed.errors.length > 0 || parsed.items.length > MAX_ITEMS_PER_BATCH}
          className="rounded-md bg-indigo-700 px-4 py-2 text-sm font-medium text-white disabled:opacity-50"
        >
          {pending ? 'Optimizing…' : 'Get recommendations'}
        </button>
        <span className="text-sm text-slate-500">
          {parsed.items.length} line{parsed.items.length === 1 ? '' : 's'} · {units} unit{units === 1 ? '' : 's'}
        </span>
      </div>
    </form>
  );
}
