import { z } from 'zod';
import { ownerContactSchema } from '../charter/charter';
import { calendarDateSchema, idSchema, instantSchema, lineSchema, textSchema } from '../common';
import { issueParams } from '../text/message';

/** Someone the owner sells to. Archived customers stay in the records but leave the lists. */
export const customerSchema = z.object({
  id: idSchema,
  name: lineSchema(120),
  company: lineSchema(120),
  phone: lineSchema(40),
  email: lineSchema(254),
  notes: textSchema(4_000),
  archived: z.boolean(),
  createdAt: instantSchema,
  updatedAt: instantSchema,
});
export type Customer = z.infer<typeof customerSchema>;

/** A customer known only by `name` (company, contact details and notes empty), created at `now`. */
export function namedCustomer(id: string, name: string, now: string): Customer {
  return {
    id,
    name,
    company: '',
    phone: '',
    email: '',
    notes: '',
    archived: false,
    createdAt: now,
    updatedAt: now,
  };
}

/**
 * A customer's details as the customer form requires them: a name (not blank), and the email and phone
 * well formed when given. Stored customers may be looser (quick-add creates them from a name alone).
 */
export const customerDetailsSchema = customerSchema.pick({ company: true, notes: true }).extend({
  name: z.string().trim().min(1).max(120),
  email: ownerContactSchema.shape.email,
  phone: ownerContactSchema.shape.phone,
});
export type CustomerDetails = z.infer<typeof customerDetailsSchema>;

/** Money as an integer count of the currency's minor unit (원 has none: 1 = ₩1). */
export const moneySchema = z.object({
  amount: z.number().int().min(0).max(1e15),
  currency: z.enum(['KRW', 'USD', 'EUR', 'JPY']),
});
export type Money = z.infer<typeof moneySchema>;

/**
 * One step of a deal's timeline that the owner has settled: a moment that matters (`moment:<id>`), the
 * first-use visit (`first-use`) or the lost-sale follow-up (`lost-sale`), either done or skipped as not
 * applying (since schema version 7; before, a skip was stored as done). See deal-timeline.ts.
 */
export const timelineDoneSchema = z.object({
  stepId: z.string().min(1).max(120),
  /** When it was settled (done or skipped). */
  doneAt: instantSchema,
  outcome: z.enum(['done', 'skipped']),
});
export type TimelineDone = z.infer<typeof timelineDoneSchema>;

/** A sale in progress or closed, for one customer. */
export const dealSchema = z.object({
  id: idSchema,
  customerId: idSchema,
  /** The charter whose moments and commitments apply to this deal. */
  charterId: idSchema.nullable(),
  product: lineSchema(200),
  status: z.enum(['open', 'won', 'lost']),
  openedOn: calendarDateSchema,
  closedOn: calendarDateSchema.nullable(),
  deliveryOn: calendarDateSchema.nullable(),
  value: moneySchema.nullable(),
  notes: textSchema(4_000),
  /** Timeline steps settled (done or skipped), at most once each (since schema version 2). */
  timelineDone: z
    .array(timelineDoneSchema)
    .max(60)
    .refine((steps) => new Set(steps.map((s) => s.stepId)).size === steps.length, {
      params: issueParams('issue.timelineStepTwice'),
    }),
  createdAt: instantSchema,
  updatedAt: instantSchema,
});
export type Deal = z.infer<typeof dealSchema>;

/** An optional date from a date input: `YYYY-MM-DD`, or empty for none (→ null). */
const optionalDateSchema = z.union([calendarDateSchema, z.literal('').transform(() => null)]);

/**
 * A deal's details as the deal form requires them: a product, a decided deal (won or lost) has its
 * closing date, and no date comes before the date the deal was opened. Dates may be empty (null);
 * the value is a whole amount or empty.
 */
export const dealDetailsSchema = z
  .object({
    product: z.string().trim().min(1).max(200),
    charterId: z.union([idSchema, z.literal('').transform(() => null)]),
    status: dealSchema.shape.status,
    openedOn: calendarDateSchema,
    closedOn: optionalDateSchema,
    deliveryOn: optionalDateSchema,
    amount: z.union([z.literal('').transform(() => null), z.coerce.number().int().min(0).max(1e15)]),
    currency: moneySchema.shape.currency,
    notes: textSchema(4_000),
  })
  .superRefine((d, ctx) => {
    if (d.status !== 'open' && d.closedOn === null)
      ctx.addIssue({
        code: 'custom',
        path: ['closedOn'],
        params: issueParams('issue.decidedDealNeedsDate'),
      });
    for (const key of ['closedOn', 'deliveryOn'] as const) {
      const date = d[key];
      if (date !== null && date < d.openedOn)
        ctx.addIssue({
          code: 'custom',
          path: [key],
          params: issueParams('issue.beforeDealOpened'),
        });
    }
  });
export type DealDetailsInput = z.input<typeof dealDetailsSchema>;
export type DealDetails = z.output<typeof dealDetailsSchema>;

/** The form's view of `deal`: empty strings for missing dates and value. */
export function dealDetailsOf(deal: Deal): DealDetailsInput {
  return {
    product: deal.product,
    charterId: deal.charterId ?? '',
    status: deal.status,
    openedOn: deal.openedOn,
    closedOn: deal.closedOn ?? '',
    deliveryOn: deal.deliveryOn ?? '',
    amount: deal.value === null ? '' : String(deal.value.amount),
    currency: deal.value?.currency ?? 'KRW',
    notes: deal.notes,
  };
}

/** `deal` with the validated form `details` applied and `updatedAt` = `now`. */
export function applyDealDetails(deal: Deal, details: DealDetails, now: string): Deal {
  const { amount, currency, ...rest } = details;
  return { ...deal, ...rest, value: amount === null ? null : { amount, currency }, updatedAt: now };
}

/**
 * One instance of a commitment for one customer: when it was triggered, when it is due, and what happened.
 * Its status (open, kept, missed, …) is derived by the tracker's rules, never stored.
 */
export const deliveryRecordSchema = z.object({
  id: idSchema,
  charterId: idSchema,
  commitmentId: idSchema,
  customerId: idSchema.nullable(),
  dealId: idSchema.nullable(),
  /** What was promised this time, in the owner's words ("call Kim back about the quote"). */
  summary: lineSchema(300),
  triggeredAt: instantSchema,
  /** Due time fixed when the promise was made (computed from the commitment then, kept as made). */
  dueAt: instantSchema,
  doneAt: instantSchema.nullable(),
  /** For amount commitments: the actual amount (billed price, number of visits…). */
  actual: z.number().min(0).max(1e15).nullable(),
  /** Set when the customer agreed to a new due time. */
  renegotiation: z.object({ at: instantSchema, newDueAt: instantSchema }).nullable(),
  notes: textSchema(4_000),
  createdAt: instantSchema,
  updatedAt: instantSchema,
});
export type DeliveryRecord = z.infer<typeof deliveryRecordSchema>;

/** Rule 7: the walk through the recovery playbook after a broken promise. */
export const recoveryCaseSchema = z.object({
  id: idSchema,
  recordId: idSchema,
  openedAt: instantSchema,
  steps: z
    .array(z.object({ stepId: idSchema, doneAt: instantSchema.nullable(), note: textSchema(2_000) }))
    .max(20),
  closedAt: instantSchema.nullable(),
  outcome: z.enum(['satisfied', 'reordered', 'lost']).nullable(),
  notes: textSchema(4_000),
});
export type RecoveryCase = z.infer<typeof recoveryCaseSchema>;
