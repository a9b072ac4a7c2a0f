import 'server-only';

/** The public GraphQL contract. Field names follow the runbook's smoke test. */
export const typeDefs = /* GraphQL */ `
  enum RecommendationStatus { PENDING ACCEPTED REJECTED OVERRIDDEN }
  enum ReasonCode { BIN_BLOCKED DAMAGED WRONG_ZONE BETTER_SPOT_KNOWN OTHER }

  "One receipt line. quantity: whole units, 1..100000. Without lotNumber a lot number is generated."
  input PutawayItemInput { sku: String!, quantity: Int!, lotNumber: String }
  "At most 10000 items."
  input PutawayBatchInput { items: [PutawayItemInput!]! }

  "Weighted factor scores (higher is better) that add up to the total."
  type ScoreBreakdown { travel: Float!, utilization: Float!, affinity: Float!, congestion: Float!, consolidation: Float!, total: Float! }
  type CrossDock { orderRef: String!, dueAt: String }
  type Alternative { locationId: ID!, locationCode: String!, scoreTotal: Float, fillAfter: Float }

  type PutawayRecommendation {
    id: ID!
    batchId: ID!
    sku: String!
    lotNumber: String!
    quantity: Int!
    locationId: ID!
    locationCode: String!
    zone: String!
    algorithm: String!
    "P(a supervisor accepts), 0..1."
    confidenceScore: Float!
    "ml or heuristic"
    confidenceSource: String!
    "One-line explanation."
    reason: String!
    scoreBreakdown: ScoreBreakdown!
    "Bin volume fill before and after this putaway, 0..1."
    fillBefore: Float!
    fillAfter: Float!
    alternatives: [Alternative!]!
    crossDock: CrossDock
    status: RecommendationStatus!
    finalLocationCode: String
    decisionReasonCode: ReasonCode
    decisionNote: String
    decidedAt: String
  }

  type Unplaceable { sku: String!, lotNumber: String, quantity: Int!, reasonCode: String!, reason: String! }
  type BatchFlags { algorithm: String!, skuAffinityEnabled: Boolean!, crossDockEnabled: Boolean!, congestionAvoidanceEnabled: Boolean!, mlModelEnabled: Boolean! }

  type PutawayBatch {
    batchId: ID!
    status: String!
    algorithm: String!
    flags: BatchFlags!
    source: String!
    itemCount: Int!
    processingMs: Float!
    createdAt: String!
    excludedInactiveLocations: Int!
    excludedInvalidCapacityLocations: Int!
    recommendations: [PutawayRecommendation!]!
    unplaceable: [Unplaceable!]!
  }

  type PutawayBatchSummary {
    batchId: ID!
    status: String!
    algorithm: String!
    source: String!
    itemCount: Int!
    processingMs: Float!
    createdAt: String!
    pending: Int!
    accepted: Int!
    rejected: Int!
    overridden: Int!
    "Accepted as recommended / decided, 0..1; null before any decision."
    acceptanceRate: Float
  }

  type AcceptAllConflict { recommendationId: ID!, sku: String!, message: String!, alternativeLocationCode: String }
  "A recommendation someone else decided first (a racing accept-all or single decision); left as it is."
  type AcceptAllSkipped { recommendationId: ID!, status: String! }
  type AcceptAllResult { acceptedIds: [ID!]!, conflicts: [AcceptAllConflict!]!, skipped: [AcceptAllSkipped!]!, replayed: Boolean! }

  type Query {
    "Creates a batch and returns its recommendations (kept as a query for the runbook's smoke test; prefer the createPutawayBatch mutation)."
    getBatchPutawayRecommendations(input: PutawayBatchInput!): [PutawayRecommendation!]!
    putawayBatch(batchId: ID!): PutawayBatch!
    putawayBatches(limit: Int): [PutawayBatchSummary!]!
  }

  type Mutation {
    createPutawayBatch(input: PutawayBatchInput!): PutawayBatch!
    acceptRecommendation(id: ID!, idempotencyKey: String): PutawayRecommendation!
    rejectRecommendation(id: ID!, reasonCode: ReasonCode!, note: String, idempotencyKey: String): PutawayRecommendation!
    overrideRecommendation(id: ID!, locationCode: String!, reasonCode: ReasonCode!, note: String, idempotencyKey: String): PutawayRecommendation!
    acceptAll(batchId: ID!, minConfidence: Float, idempotencyKey: String): AcceptAllResult!
  }
`;
