import { z } from 'zod';
import {
  channelSchema,
  durationSchema,
  idSchema,
  instantSchema,
  lineSchema,
  localeSchema,
  textSchema,
} from '../common';
import type { Locale } from '../common';
import { emptyRichText, richTextSchema } from '../rich-text/rich-text';
import { commitmentSchema } from './commitment';
import { defaultHandover, handoverSchema } from './handover';
import { issueParams } from '../text/message';

/** Rule 1: the level of service the owner holds themselves to. */
export const serviceTierSchema = z.enum(['essential', 'attentive', 'exceptional']);
export type ServiceTier = z.infer<typeof serviceTierSchema>;

export const ownerSchema = z.object({
  name: lineSchema(80),
  role: lineSchema(80),
  company: lineSchema(120),
  phone: lineSchema(40),
  email: lineSchema(254),
  website: lineSchema(300),
  /** A small portrait as a `data:image/(png|jpeg);base64,…` URL, or null. */
  photo: z
    .string()
    .max(400_000)
    .regex(/^data:image\/(png|jpeg);base64,[A-Za-z0-9+/=]+$/)
    .nullable(),
});
export type Owner = z.infer<typeof ownerSchema>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^[+()0-9\s.-]{6,20}$/;

/**
 * The owner's contact details as they must be before publishing: email and phone, when given, well formed.
 * Forms use this for inline messages; drafts are stored as typed (see `ownerSchema`).
 */
export const ownerContactSchema = ownerSchema.extend({
  name: z.string().trim().min(1).max(80),
  email: z
    .string()
    .max(254)
    .refine((v) => v === '' || EMAIL.test(v), {
      params: issueParams('issue.emailLike'),
    }),
  phone: z
    .string()
    .max(40)
    .refine((v) => v === '' || (PHONE.test(v) && (v.match(/\d/g)?.length ?? 0) >= 6), {
      params: issueParams('issue.phoneLike'),
    }),
});

/** Rule 4: a planned touch point in one phase of the relationship. */
export const checkInSchema = z.object({
  id: idSchema,
  action: lineSchema(200),
  timing: lineSchema(120),
  channel: channelSchema,
});
export type CheckIn = z.infer<typeof checkInSchema>;

/** Rule 6: the moments a customer cares about, each with what they are told. */
export const momentKindSchema = z.enum([
  'order-received',
  'progress-update',
  'shipped',
  'delivered',
  'first-use',
  'care-tips',
  'maintenance-reminder',
  'referral-ask',
  'anniversary',
  'custom',
]);
export type MomentKind = z.infer<typeof momentKindSchema>;

export const momentSchema = z.object({
  id: idSchema,
  kind: momentKindSchema,
  label: lineSchema(120),
  /** What the timing is measured from: the won deal, or the charter's handover (see `Charter.handover`). */
  anchor: z.enum(['deal-won', 'delivery']),
  /** Days after the anchor (negative: before it). */
  offsetDays: z.number().int().min(-365).max(3_650),
  channel: channelSchema,
  /**
   * Message text; may contain `{customer}`, `{product}`, `{owner}`, `{date}` (this moment's own date) and
   * `{delivery}` (the deal's delivery date).
   */
  message: textSchema(2_000),
});
export type Moment = z.infer<typeof momentSchema>;

/** Rule 7: one step of the recovery playbook, to be done within `within` of the broken promise. */
export const recoveryStepSchema = z.object({
  id: idSchema,
  action: lineSchema(200),
  within: durationSchema,
  /** Only for serious misses (see isSeriousMiss in tracker/commands.ts): a late callback gets no visit. */
  seriousOnly: z.boolean().default(false),
});
export type RecoveryStep = z.infer<typeof recoveryStepSchema>;

/** Rule 8: a request the owner cannot grant directly, and what they offer instead. */
export const alternativeSchema = z.object({
  id: idSchema,
  request: lineSchema(200),
  offers: z.array(lineSchema(200)).max(10),
});
export type Alternative = z.infer<typeof alternativeSchema>;

export const afterSalesSchema = z.object({
  /** Order processing check: how open orders are watched and how fast a slip is announced. */
  orderCheck: z.object({ practice: textSchema(1_000), delayNoticeWithin: durationSchema }),
  /** First use: a visit or call shortly after delivery. */
  firstUse: z.object({ after: durationSchema, channel: channelSchema }),
  /** Effective service: follow a service request until the customer confirms it is solved. */
  serviceFollowUp: z.object({ every: durationSchema, untilConfirmed: z.boolean() }),
  /** Care and usage information sent before problems happen. */
  careTips: richTextSchema,
  /** Help for business customers with their own selling, advertising and management. */
  businessHelp: z.object({ enabled: z.boolean(), offers: z.array(lineSchema(200)).max(10) }),
});
export type AfterSales = z.infer<typeof afterSalesSchema>;

/** After a lost sale: accept gracefully, ask for feedback and referrals. */
export const lostSaleSchema = z.object({
  within: durationSchema,
  askFeedback: z.boolean(),
  askReferral: z.boolean(),
  message: textSchema(2_000),
});
export type LostSale = z.infer<typeof lostSaleSchema>;

/** A salesperson's service charter: the working copy (draft) or the current published text. */
export const charterSchema = z.object({
  id: idSchema,
  title: lineSchema(120),
  locale: localeSchema,
  status: z.enum(['draft', 'published']),
  /** The number this text has or will have when published (v1, v2, …). */
  version: z.number().int().min(1).max(100_000),
  createdAt: instantSchema,
  updatedAt: instantSchema,
  publishedAt: instantSchema.nullable(),
  owner: ownerSchema,
  serviceLevel: z.object({ tier: serviceTierSchema, ownsService: z.boolean() }),
  vision: richTextSchema,
  commitments: z.array(commitmentSchema).max(100),
  checkIns: z.object({
    before: z.array(checkInSchema).max(20),
    during: z.array(checkInSchema).max(20),
    after: z.array(checkInSchema).max(20),
  }),
  /** What the moments counted from the handover count from, named as the trade says it (schema 5 on). */
  handover: handoverSchema.default(defaultHandover),
  moments: z.array(momentSchema).max(20),
  recovery: z.object({ promise: textSchema(1_000), steps: z.array(recoveryStepSchema).max(20) }),
  alternatives: z.array(alternativeSchema).max(30),
  afterSales: afterSalesSchema,
  lostSale: lostSaleSchema,
});
export type Charter = z.infer<typeof charterSchema>;

/** A frozen, numbered copy of a charter as it was published. */
export const publishedCharterSchema = z.object({
  charterId: idSchema,
  version: z.number().int().min(1).max(100_000),
  publishedAt: instantSchema,
  charter: charterSchema,
});
export type PublishedCharter = z.infer<typeof publishedCharterSchema>;

/** An empty draft charter (version 1) created at `now`, ready for the guided editor to fill. */
export function defaultCharter(input: { id: string; now: string; locale: Locale; title?: string }): Charter {
  return {
    id: input.id,
    title: input.title ?? '',
    locale: input.locale,
    status: 'draft',
    version: 1,
    createdAt: input.now,
    updatedAt: input.now,
    publishedAt: null,
    owner: { name: '', role: '', company: '', phone: '', email: '', website: '', photo: null },
    serviceLevel: { tier: 'attentive', ownsService: true },
    vision: emptyRichText,
    commitments: [],
    checkIns: { before: [], during: [], after: [] },
    handover: defaultHandover,
    moments: [],
    recovery: { promise: '', steps: [] },
    alternatives: [],
    afterSales: {
      orderCheck: { practice: '', delayNoticeWithin: { value: 1, unit: 'days' } },
      firstUse: { after: { value: 3, unit: 'days' }, channel: 'visit' },
      serviceFollowUp: { every: { value: 2, unit: 'days' }, untilConfirmed: true },
      careTips: emptyRichText,
      businessHelp: { enabled: false, offers: [] },
    },
    lostSale: { within: { value: 7, unit: 'days' }, askFeedback: true, askReferral: true, message: '' },
  };
}

/** A copy of `source` as a new draft v1 with `id`, its title marked as a copy, created at `now`. */
export function duplicateCharter(
  source: Charter,
  input: { id: string; now: string; title: string },
): Charter {
  return {
    ...(JSON.parse(JSON.stringify(source)) as Charter),
    id: input.id,
    title: input.title,
    status: 'draft',
    version: 1,
    createdAt: input.now,
    updatedAt: input.now,
    publishedAt: null,
  };
}
