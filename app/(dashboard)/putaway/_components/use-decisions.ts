'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ReasonCode } from '@/lib/schemas/putaway';
import type { BatchView, RecommendationView } from '@/lib/server/putaway/batch-view';
import { acceptAction, acceptAllAction, overrideAction, rejectAction } from '../actions';
import { decisionErrorText } from './decision-error';
import { putawayKeys, unwrap, type PutawayRequestError } from './putaway-cache';

export type Decision =
  | { kind: 'accept'; id: string }
  | { kind: 'reject'; id: string; reasonCode: ReasonCode; note?: string }
  | { kind: 'override'; id: string; locationCode: string; reasonCode: ReasonCode; note?: string };

const OPTIMISTIC_STATUS = { accept: 'ACCEPTED', reject: 'REJECTED', override: 'OVERRIDDEN' } as const;

function send(decision: Decision) {
  // A fresh key per click: React Query never retries a mutation, but the network might.
  const idempotencyKey = crypto.randomUUID();
  if (decision.kind === 'accept') return unwrap(acceptAction({ recommendationId: decision.id, idempotencyKey }));
  if (decision.kind === 'reject') return unwrap(rejectAction({ recommendationId: decision.id, reasonCode: decision.reasonCode, note: decision.note, idempotencyKey }));
  return unwrap(overrideAction({ recommendationId: decision.id, locationCode: decision.locationCode, reasonCode: decision.reasonCode, note: decision.note, idempotencyKey }));
}

/**
 * Decisions update the list at once (optimistic) and roll back when the server refuses —
 * a CAPACITY_CONFLICT puts the row back to PENDING and shows the message with the
 * alternative bin.
 */
export function useDecisions(batchId: string, onError: (message: string) => void) {
  const queryClient = useQueryClient();
  const key = putawayKeys.batch(batchId);
  const settle = () => {
    void queryClient.invalidateQueries({ queryKey: key });
    void queryClient.invalidateQueries({ queryKey: putawayKeys.history });
  };

  const decide = useMutation({
    mutationFn: send,
    onMutate: async (decision: Decision) => {
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<BatchView>(key);
      if (previous) {
        const patch = (r: RecommendationView): RecommendationView =>
          r.id !== decision.id
            ? r
            : {
                ...r,
                status: OPTIMISTIC_STATUS[decision.kind],
                finalLocationCode: decision.kind === 'override' ? decision.locationCode : decision.kind === 'accept' ? r.locationCode : null,
                decisionReasonCode: decision.kind === 'accept' ? null : decision.reasonCode,
                decisionNote: decision.kind === 'accept' ? null : (decision.note ?? null),
              };
        queryClient.setQueryData<BatchView>(key, { ...previous, recommendations: previous.recommendations.map(patch) });
      }
      return { previous };
    },
    onError: (error: PutawayRequestError, decision, context) => {
      if (context?.previous) queryClient.setQueryData(key, context.previous);
      const row = context?.previous?.recommendations.find((r) => r.id === decision.id);
      onError(decisionErrorText(decision, row, error.message));
    },
    onSettled: settle,
  });

  const acceptAll = useMutation({
    mutationFn: (minConfidence: number) => unwrap(acceptAllAction({ batchId, minConfidence, idempotencyKey: crypto.randomUUID() })),
    onError: (error: PutawayRequestError) => onError(error.message),
    onSettled: settle,
  });

  return { decide, acceptAll };
}
