import 'server-only';
import type { ReasonCode } from '@/lib/schemas/putaway';
import type { Tx } from '../db';
import { AppError } from '../errors';

export type ScoreBreakdown = { travel: number; utilization: number; affinity: number; congestion: number; consolidation: number };
export type AlternativeView = { locationId: string; locationCode: string; scoreTotal: number | null; fillAfter: number | null };
export type RecommendationStatus = 'PENDING' | 'ACCEPTED' | 'REJECTED' | 'OVERRIDDEN';

/** What the review queue, the actions and GraphQL return for one recommendation. */
export type RecommendationView = {
  id: string;
  batchId: string;
  sku: string;
  lotNumber: string;
  quantity: number;
  locationId: string;
  locationCode: string;
  zone: string;
  algorithm: string;
  confidenceScore: number;
  confidenceSource: string;
  scoreTotal: number;
  scoreBreakdown: ScoreBreakdown;
  fillBefore: number;
  fillAfter: number;
  reason: string;
  alternatives: AlternativeView[];
  crossDock: { orderRef: string; dueAt: string | null } | null;
  status: RecommendationStatus;
  finalLocationCode: string | null;
  decisionReasonCode: ReasonCode | null;
  decisionNote: string | null;
  decidedAt: string | null;
};

export type UnplaceableView = { sku: string; lotNumber: string | null; quantity: number; reasonCode: string; reason: string };

export type BatchFlags = {
  algorithm: string;
  SKU_AFFINITY_ENABLED: boolean;
  CROSS_DOCK_ENABLED: boolean;
  CONGESTION_AVOIDANCE_ENABLED: boolean;
  ML_MODEL_ENABLED: boolean;
};

/** What every view of a batch says about the batch itself: the review queue and the history. */
export type BatchHeader = {
  batchId: string;
  status: 'OPEN' | 'COMPLETED' | 'FAILED';
  algorithm: string;
  flags: BatchFlags;
  source: string;
  itemCount: number;
  processingMs: number;
  createdAt: string;
};

export type BatchView = BatchHeader & {
  /** Bins left out of the candidate set and why (inactive, zero/negative capacity). */
  excludedLocations: { inactive: number; invalidCapacity: number };
  recommendations: RecommendationView[];
  unplaceable: UnplaceableView[];
};

type RecommendationRow = {
  recommendation_id: string;
  batch_id: string;
  sku: string;
  lot_number: string;
  quantity: number;
  location_id: string;
  location_code: string;
  zone: string;
  algorithm: string;
  confidence_score: number;
  confidence_source: string;
  score_total: number;
  score_breakdown: ScoreBreakdown;
  fill_before: number;
  fill_after: number;
  reason: string;
  alternatives: AlternativeView[];
  cross_dock_order_ref: string | null;
  cross_dock_due_at: Date | null;
  status: RecommendationStatus;
  final_location_code: string | null;
  decision_reason_code: ReasonCode | null;
  decision_note: string | null;
  decided_at: Date | null;
};

/** Recommendations of one batch (or one recommendation), joined with their bins, in one query. */
export async function loadRecommendationViews(tx: Tx, where: { batchId?: string; recommendationIds?: string[] }): Promise<RecommendationView[]> {
  const batchId = where.batchId ?? null;
  const ids = where.recommendationIds ?? null;
  const rows = await tx.$queryRaw<RecommendationRow[]>`
    SELECT r.recommendation_id::text, r.batch_id::text, m.sku, r.lot_number, r.quantity, r.location_id::text,
           l.location_code, z.code AS zone, r.algorithm, r.confidence_score, r.confidence_source, r.score_total,
           r.score_breakdown, r.fill_before, r.fill_after, r.reason, r.alternatives, r.cross_dock_order_ref,
           (SELECT so.due_at FROM sales_orders so WHERE so.order_number = r.cross_dock_order_ref LIMIT 1) AS cross_dock_due_at,
           r.status::text AS status, fl.location_code AS final_location_code, r.decision_reason_code, r.decision_note, r.decided_at
    FROM putaway_recommendations r
    JOIN materials m ON m.material_id = r.material_id
    JOIN inventory_locations l ON l.location_id = r.location_id
    JOIN zones z ON z.zone_id = l.zone_id
    LEFT JOIN inventory_locations fl ON fl.location_id = r.final_location_id
    WHERE (${batchId}::uuid IS NULL OR r.batch_id = ${batchId}::uuid)
      AND (${ids}::uuid[] IS NULL OR r.recommendation_id = ANY(${ids}::uuid[]))
    ORDER BY r.created_at, r.confidence_score DESC, r.recommendation_id`;
  return rows.map(toRecommendationView);
}

function toRecommendationView(r: RecommendationRow): RecommendationView {
  return {
    id: r.recommendation_id,
    batchId: r.batch_id,
    sku: r.sku,
    lotNumber: r.lot_number,
    quantity: r.quantity,
    locationId: r.location_id,
    locationCode: r.location_code,
    zone: r.zone,
    algorithm: r.algorithm,
    confidenceScore: r.confidence_score,
    confidenceSource: r.confidence_source,
    scoreTotal: r.score_total,
    scoreBreakdown: r.score_breakdown,
    fillBefore: r.fill_before,
    fillAfter: r.fill_after,
    reason: r.reason,
    alternatives: r.alternatives ?? [],
    crossDock: r.cross_dock_order_ref ? { orderRef: r.cross_dock_order_ref, dueAt: r.cross_dock_due_at?.toISOString() ?? null } : null,
    status: r.status,
    finalLocationCode: r.final_location_code,
    decisionReasonCode: r.decision_reason_code,
    decisionNote: r.decision_note,
    decidedAt: r.decided_at?.toISOString() ?? null,
  };
}

export async function loadRecommendationView(tx: Tx, recommendationId: string): Promise<RecommendationView> {
  const [view] = await loadRecommendationViews(tx, { recommendationIds: [recommendationId] });
  if (!view) throw new AppError('NOT_FOUND', 'No such recommendation.');
  return view;
}
