import { z } from 'zod';
import { durationSchema, idSchema, lineSchema, textSchema } from '../common';
import { issueParams } from '../text/message';

/** Who a standing promise is made to. */
export const audienceSchema = z.enum([
  'everyone',
  'new-customers',
  'existing-customers',
  'business-customers',
]);
export type Audience = z.infer<typeof audienceSchema>;

/**
 * Rule 3 ("don't start unless you're ready"): a commitment is published only once its owner has
 * confirmed they can keep it every time.
 */
export const readinessSchema = z.enum(['unconfirmed', 'confirmed']);
export type Readiness = z.infer<typeof readinessSchema>;

/** Longest short name, in UTF-16 units (what an input's maxLength counts), a commitment may have. */
export const SHORT_NAME_MAX = 24;

const commitmentBase = {
  id: idSchema,
  /** What is promised, in the owner's words ("return every call"). */
  what: lineSchema(200),
  /**
   * The owner's name for it in pickers and compact lists ("견적 설명", "Quote walk-through"); never shown to
   * the customer. '' until the owner types one: pickers then show deriveShortName(what) (short-name.ts),
   * which follows the text as it is edited (deriving at creation would freeze the empty text of a new one).
   */
  shortName: lineSchema(SHORT_NAME_MAX),
  /** What starts the clock or the count ("a missed call", "an order"). */
  trigger: lineSchema(200),
  appliesTo: audienceSchema,
  /** How the owner will measure it (shown in the charter's table). */
  measuredBy: textSchema(500),
  readiness: readinessSchema,
};

/** Money or a count: what an amount commitment is measured in. */
export const amountUnitSchema = z.enum(['KRW', 'USD', 'EUR', 'JPY', 'count', 'percent']);
export type AmountUnit = z.infer<typeof amountUnitSchema>;

const amountTargetSchema = z.object({
  value: z.number().min(0).max(1e15),
  unit: amountUnitSchema,
  /** For `count`: what is counted ("visits"), in the charter's language. */
  label: lineSchema(40),
});
export type AmountTarget = z.infer<typeof amountTargetSchema>;

/**
 * The amount the customer is told: never 0, since "at most 0" and "at least 0" promise nothing a customer
 * can hold the owner to (and read as nonsense: "거래마다 최소 0원"). The internal target may be 0 ("no
 * extra charge at all" as the owner's aim behind a promised cap).
 */
const promisedAmountSchema = amountTargetSchema.extend({
  value: amountTargetSchema.shape.value.refine((v) => v > 0, {
    params: issueParams('issue.promisedAmountPositive'),
  }),
});

/**
 * A standing promise of the charter, in one of four kinds (see domain notes, "Measuring promise versus
 * delivery"). `promised` is what the customer is told; `internal` is the stricter target the owner aims
 * for (rule 5: under-promise, over-deliver).
 */
export const commitmentSchema = z.discriminatedUnion('kind', [
  z.object({
    ...commitmentBase,
    /** Done within a window after the trigger: kept when done by trigger + promised. */
    kind: z.literal('within'),
    promised: durationSchema,
    internal: durationSchema,
    /** Count only working hours/days of the owner's business calendar. */
    businessTime: z.boolean(),
  }),
  z.object({
    ...commitmentBase,
    /** Done by a date agreed with the customer: kept when done on or before that date. */
    kind: z.literal('by-date'),
    /** How long before the agreed date the owner aims to be done. */
    internalLead: durationSchema.nullable(),
    businessTime: z.boolean(),
  }),
  z.object({
    ...commitmentBase,
    /** An amount: kept when the actual is at most (or at least) the promised amount. */
    kind: z.literal('amount'),
    direction: z.enum(['at-most', 'at-least']),
    promised: promisedAmountSchema,
    internal: amountTargetSchema,
    period: z.enum(['per-deal', 'per-month', 'per-quarter', 'per-year']),
  }),
  z.object({
    ...commitmentBase,
    /** Done or not by a due time after the trigger (e.g. care tips 30 days after delivery). */
    kind: z.literal('done'),
    promised: durationSchema,
    internal: durationSchema,
    businessTime: z.boolean(),
  }),
]);
export type Commitment = z.infer<typeof commitmentSchema>;
export type CommitmentKind = Commitment['kind'];

/** A new commitment of `kind` with sensible starting targets (4 h promised / 2 h internal, etc.). */
export function defaultCommitment(id: string, kind: CommitmentKind): Commitment {
  const base = {
    id,
    what: '',
    shortName: '',
    trigger: '',
    appliesTo: 'everyone' as const,
    measuredBy: '',
    readiness: 'unconfirmed' as const,
  };
  switch (kind) {
    case 'within':
      return {
        ...base,
        kind,
        promised: { value: 4, unit: 'hours' },
        internal: { value: 2, unit: 'hours' },
        businessTime: true,
      };
    case 'by-date':
      return { ...base, kind, internalLead: { value: 1, unit: 'days' }, businessTime: true };
    case 'amount':
      return {
        ...base,
        kind,
        direction: 'at-most',
        // A cap with a buffer: promised amounts are never 0 (see promisedAmountSchema).
        promised: { value: 100_000, unit: 'KRW', label: '' },
        internal: { value: 50_000, unit: 'KRW', label: '' },
        period: 'per-deal',
      };
    case 'done':
      return {
        ...base,
        kind,
        promised: { value: 30, unit: 'days' },
        internal: { value: 25, unit: 'days' },
        businessTime: false,
      };
  }
}
