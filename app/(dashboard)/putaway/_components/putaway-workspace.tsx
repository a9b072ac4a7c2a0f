'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { DemoReceipt } from '@/lib/server/putaway/find-demo-receipts';
import { createBatchAction } from '../actions';
import { BatchHistory } from './batch-history';
import { putawayKeys, unwrap, type PutawayRequestError } from './putaway-cache';
import { ReceiptForm } from './receipt-form';
import { ReviewQueue } from './review-queue';

type Props = { canCreate: boolean; canReview: boolean; demoReceipts: DemoReceipt[] };

/** Receipt → batch → review, with the history beside it. */
export function PutawayWorkspace({ canCreate, canReview, demoReceipts }: Props) {
  const queryClient = useQueryClient();
  const [batchId, setBatchId] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: (input: { items: { sku: string; quantity: number; lotNumber?: string }[]; source: 'UI' | 'CSV' | 'DEMO_ORDER' }) => unwrap(createBatchAction(input)),
    onSuccess: (batch) => {
      queryClient.setQueryData(putawayKeys.batch(batch.batchId), batch);
      void queryClient.invalidateQueries({ queryKey: putawayKeys.history });
      setBatchId(batch.batchId);
    },
  });
  return (
    <div className="space-y-6">
      {canCreate ? (
        <ReceiptForm demoReceipts={demoReceipts} pending={create.isPending} error={create.isError ? (create.error as PutawayRequestError).message : null} onSubmit={(items, source) => create.mutate({ items, source })} />
      ) : null}
      {batchId ? (
        <ReviewQueue batchId={batchId} canReview={canReview} />
      ) : (
        <p className="rounded-lg border border-dashed border-slate-300 p-6 text-center text-sm text-slate-500">
          {canCreate ? 'Enter a receipt above, or open a batch from the history below.' : 'Open a batch from the history below.'}
        </p>
      )}
      <BatchHistory selectedId={batchId} onSelect={setBatchId} />
    </div>
  );
}
