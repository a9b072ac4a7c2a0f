import { z } from 'zod';
import { multiLineText, singleLineText } from './text';

/** Limits shared by the form, the server actions, GraphQL and the benchmark. */
export const MAX_ITEMS_PER_BATCH = 10_000;
export const MAX_QUANTITY = 100_000;
/** "Accept all high-confidence" takes recommendations at or above this confidence by default. */
export const HIGH_CONFIDENCE = 0.8;

export const REASON_CODES = ['BIN_BLOCKED', 'DAMAGED', 'WRONG_ZONE', 'BETTER_SPOT_KNOWN', 'OTHER'] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

export const REASON_LABELS: Record<ReasonCode, string> = {
  BIN_BLOCKED: 'Bin physically blocked',
  DAMAGED: 'Damaged bin or goods',
  WRONG_ZONE: 'Wrong zone',
  BETTER_SPOT_KNOWN: 'Better spot known',
  OTHER: 'Other (explain)',
};

export const BATCH_SOURCES = ['UI', 'GRAPHQL', 'CSV', 'DEMO_ORDER', 'BENCH'] as const;

export const ZPutawayItem = z.object({
  sku: singleLineText().min(1, 'is required').max(64, 'is longer than 64 characters'),
  quantity: z
    .number({ error: 'must be a whole number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(MAX_QUANTITY, `must be at most ${MAX_QUANTITY}`),
  lotNumber: singleLineText().min(1, 'is required').max(64, 'is longer than 64 characters').nullish(),
});
export type TPutawayItem = z.infer<typeof ZPutawayItem>;

export const ZCreatePutawayBatch = z.object({
  items: z
    .array(ZPutawayItem, { error: 'must be a list of { sku, quantity } lines' })
    .min(1, 'must contain at least one line')
    .max(MAX_ITEMS_PER_BATCH, `must contain at most ${MAX_ITEMS_PER_BATCH} lines`),
  source: z.enum(BATCH_SOURCES).default('UI'),
});
export type TCreatePutawayBatch = z.input<typeof ZCreatePutawayBatch>;

const ZIdempotencyKey = singleLineText().min(8, 'must be at least 8 characters').max(128).optional();
const ZNote = multiLineText().max(500, 'is longer than 500 characters').optional();

/** OTHER needs words: a bare "other" teaches the model nothing. */
function requireNoteForOther(value: { reasonCode: ReasonCode; note?: string }, context: z.RefinementCtx) {
  if (value.reasonCode === 'OTHER' && !value.note) {
    context.addIssue({ code: 'custom', path: ['note'], message: 'is required when the reason is OTHER' });
  }
}

export const ZAcceptRecommendation = z.object({
  recommendationId: z.uuid('must be a recommendation id'),
  idempotencyKey: ZIdempotencyKey,
});

export const ZRejectRecommendation = z
  .object({
    recommendationId: z.uuid('must be a recommendation id'),
    reasonCode: z.enum(REASON_CODES, { error: `must be one of ${REASON_CODES.join(', ')}` }),
    note: ZNote,
    idempotencyKey: ZIdempotencyKey,
  })
  .superRefine(requireNoteForOther);

export const ZOverrideRecommendation = z
  .object({
    recommendationId: z.uuid('must be a recommendation id'),
    locationCode: singleLineText().min(1, 'is required').max(64),
    reasonCode: z.enum(REASON_CODES, { error: `must be one of ${REASON_CODES.join(', ')}` }),
    note: ZNote,
    idempotencyKey: ZIdempotencyKey,
  })
  .superRefine(requireNoteForOther);

export const ZAcceptAll = z.object({
  batchId: z.uuid('must be a batch id'),
  minConfidence: z.number().min(0).max(1).default(HIGH_CONFIDENCE),
  idempotencyKey: ZIdempotencyKey,
});

export const ZFindBatches = z.object({
  limit: z.number().int().min(1).max(200).default(50),
});

export type TAcceptRecommendation = z.input<typeof ZAcceptRecommendation>;
export type TRejectRecommendation = z.input<typeof ZRejectRecommendation>;
export type TOverrideRecommendation = z.input<typeof ZOverrideRecommendation>;
export type TAcceptAll = z.input<typeof ZAcceptAll>;

/** `items.3.quantity` → `items[3].quantity`: the form GraphQL clients expect in messages. */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), '');
}

/**
 * Parses "sku,quantity[,lot]" lines (pasted text or a CSV file). A header row is skipped.
 * Returns the items and the line numbers it could not read, so the form can point at them.
 */
export function parseReceiptLines(text: string): { items: { sku: string; quantity: number; lotNumber?: string }[]; errors: string[] } {
  const items: { sku: string; quantity: number; lotNumber?: string }[] = [];
  const errors: string[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (!line) return;
    const [sku = '', quantityText = '', lot = ''] = line.split(/[,;\t]/).map((cell) => cell.trim().replace(/^"|"$/g, ''));
    if (index === 0 && /^sku$/i.test(sku)) return;
    const quantity = Number(quantityText);
    if (!sku || !Number.isInteger(quantity) || quantity < 1 || quantity > MAX_QUANTITY) {
      errors.push(`line ${index + 1}: expected "sku,quantity" with a whole quantity 1–${MAX_QUANTITY}`);
      return;
    }
    items.push(lot ? { sku, quantity, lotNumber: lot } : { sku, quantity });
  });
  return { items, errors };
}
