import { z } from 'zod';
import type { Charter, CheckIn, MomentKind, ServiceTier } from '../charter/charter';
import type { Handover } from '../charter/handover';
import type { AmountUnit, Audience, Commitment } from '../charter/commitment';
import type { Channel, Duration, DurationUnit, Locale } from '../common';
import { defaultTimeZone, timeZoneSchema } from '../clock/time-zone';
import type { BlockNode, InlineNode, Mark, RichTextDoc } from '../rich-text/rich-text';
import { CHARTER_FORMAT } from './backup';
import { restore } from './restore';
import { crc32, fromBase64Url, toBase64Url, utf8Decode, utf8Encode } from './share-link-bytes';

// A share link carries a published charter (and optionally its track record) in the URL fragment, so it
// needs no server and the fragment never reaches one. Format:
//
//   v1.<base64url of: CRC-32 (4 bytes, big-endian) of BODY ‖ BODY>,  BODY = LEB128 length of D ‖ D,
//   D = deflate-raw of the UTF-8 JSON of the v1 layout (`payloadLayout` below: arrays and numeric codes).
//
// The checksum covers the compressed bytes rather than the JSON: deflate ignores the padding bits of its
// last byte and anything after its final block, so a check over the inflated text would let some altered
// links through as "ok". Covering what was transmitted also means damaged links never reach the inflater.
// The length makes truncation at any point a certain failure, not a 1-in-2³² chance.
//
// The v1 layout describes a charter of schema version 1 (LINK_SCHEMA_VERSION). Decoding goes through
// restore(), so when the charter schema moves on, old links are migrated like any other old file; a link
// layout that cannot express the new schema gets a new prefix (v2.) and this decoder says 'newer-version'.
// Added since, at the end only and only when they differ from what an older link meant: the charter's
// handover (schema 5; absent = delivery), the summary mark (a QR summary link, see ShareLinkData) and the
// owner's time zone (absent = Asia/Seoul): [charter, track record | null, summary 0 | 1, time zone].

/**
 * A common limit on the length of a link that messengers and SMS gateways pass on intact (several cut or
 * refuse URLs past about 8,000 characters); the encoder refuses fragments longer than this.
 */
export const MAX_LINK_LENGTH = 8_000;

/** The most bytes a link may inflate to: far above a real charter (≈ 30 KB), far below a zip bomb. */
export const MAX_PAYLOAD_BYTES = 512 * 1024;

/** The link format this build writes (the `v1.` prefix). */
export const SHARE_LINK_VERSION = 1;

/** The charter schema version the v1 layout expands to; restore() migrates it to the current one. */
const LINK_SCHEMA_VERSION = 1;

/** The id a charter opened from a link has: the owner's ids stay on the owner's device. */
export const SHARED_CHARTER_ID = 'shared';

/** deflate-raw (RFC 1951) of `bytes`, supplied by the platform (CompressionStream) to keep the domain pure. */
export type Deflate = (bytes: Uint8Array) => Promise<Uint8Array>;

/**
 * inflate-raw of `bytes` that stops once the output exceeds `maxBytes`. May reject on damaged input
 * (the decoder treats that as 'damaged').
 */
export type Inflate = (
  bytes: Uint8Array,
  maxBytes: number,
) => Promise<{ ok: true; bytes: Uint8Array } | { ok: false; reason: 'too-large' | 'damaged' }>;

/** "My record over the last N days": per commitment, how many promises were kept out of how many. */
export const shareTrackRecordSchema = z.object({
  periodDays: z.number().int().min(1).max(36_500),
  rows: z
    .array(
      z
        .object({
          label: z.string().max(200),
          kept: z.number().int().min(0).max(1e9),
          total: z.number().int().min(0).max(1e9),
        })
        .refine((row) => row.kept <= row.total),
    )
    .max(100),
});
export type ShareTrackRecord = z.infer<typeof shareTrackRecordSchema>;

export type ShareLinkData = {
  charter: Charter;
  trackRecord?: ShareTrackRecord | null | undefined;
  /**
   * The link carries only a summary of the charter (owner, contacts, the main promises: the QR code printed
   * on a PDF whose whole charter does not fit in one); the customer view then points to the PDF.
   */
  summary?: boolean | undefined;
  /** The IANA zone of the owner's business calendar: the dates the customer sees are that zone's days. */
  timeZone?: string | undefined;
};

export type EncodeShareLinkResult =
  | { ok: true; text: string }
  /** `not-published`: only a published charter is shared; `too-long`: over MAX_LINK_LENGTH characters. */
  | { ok: false; reason: 'not-published' | 'too-long'; length?: number };

export type DecodeShareLinkResult =
  /**
   * `summary`: present (true) only for a summary link; `timeZone`: present only when the link names one
   * other than Asia/Seoul (see ShareLinkData).
   */
  | {
      ok: true;
      charter: Charter;
      trackRecord: ShareTrackRecord | null;
      summary?: true;
      timeZone?: string;
    }
  /**
   * `damaged`: cut off, altered, or not something this app wrote (including content restore() refuses,
   * such as a `javascript:` link); `newer-version`: written by a newer app; `too-large`: over the caps.
   */
  | { ok: false; reason: 'damaged' | 'newer-version' | 'too-large' };

// --- what the customer gets ---

const sharedIds = <T extends { id: string }>(items: readonly T[], prefix: string): T[] =>
  items.map((item, i) => ({ ...item, id: `${prefix}-${i + 1}` }));

function customerCommitment(c: Commitment, index: number): Commitment {
  // The short name is the owner's picker label, not the customer's: the link does not carry it.
  const shared = { id: `commitment-${index + 1}`, readiness: 'confirmed' as const, shortName: '' };
  switch (c.kind) {
    case 'by-date':
      return { ...c, ...shared, internalLead: null };
    case 'amount':
      return { ...c, ...shared, internal: { ...c.promised } };
    case 'within':
    case 'done':
      return { ...c, ...shared, internal: { ...c.promised } };
  }
}

/**
 * The charter exactly as a share link carries it — what the customer sees: every field the PDF shows,
 * and nothing only the owner needs. Dropped and replaced by neutral values: the charter's and every item's
 * id (`shared`, `commitment-1`, …), createdAt/updatedAt (= publishedAt), the owner's photo (null: up to
 * 400 KB, it cannot fit in a link), readiness (`confirmed`), the internal targets (= the promise; by-date
 * lead null) and the moments' message templates ('').
 */
export function customerCopy(charter: Charter): Charter {
  const at = charter.publishedAt ?? charter.updatedAt;
  return {
    ...charter,
    id: SHARED_CHARTER_ID,
    status: 'published',
    createdAt: at,
    updatedAt: at,
    publishedAt: at,
    owner: { ...charter.owner, photo: null },
    commitments: charter.commitments.map(customerCommitment),
    checkIns: {
      before: sharedIds(charter.checkIns.before, 'before'),
      during: sharedIds(charter.checkIns.during, 'during'),
      after: sharedIds(charter.checkIns.after, 'after'),
    },
    moments: sharedIds(charter.moments, 'moment').map((m) => ({ ...m, message: '' })),
    // Which steps are only for serious misses is the owner's working detail, not the customer's.
    recovery: {
      ...charter.recovery,
      steps: sharedIds(charter.recovery.steps, 'step').map((s) => ({ ...s, seriousOnly: false })),
    },
    alternatives: sharedIds(charter.alternatives, 'alternative'),
    // The lost-sale message is written to a customer who did not buy: like moment messages, not for a
    // customer reading the charter (and it is the longest text most charters have).
    lostSale: { ...charter.lostSale, message: '' },
  };
}

// --- the v1 layout: numeric codes (frozen: never renumber, only add) ---

// `satisfies Record<…>` makes a new enum value a compile error here until it gets a code.
const LOCALE = { ko: 0, en: 1 } as const satisfies Record<Locale, number>;
const TIER = { essential: 0, attentive: 1, exceptional: 2 } as const satisfies Record<ServiceTier, number>;
const CHANNEL = { call: 0, sms: 1, email: 2, visit: 3, messenger: 4, letter: 5 } as const satisfies Record<
  Channel,
  number
>;
const UNIT = { minutes: 0, hours: 1, days: 2, weeks: 3 } as const satisfies Record<DurationUnit, number>;
const AUDIENCE = {
  everyone: 0,
  'new-customers': 1,
  'existing-customers': 2,
  'business-customers': 3,
} as const satisfies Record<Audience, number>;
const AMOUNT_UNIT = { KRW: 0, USD: 1, EUR: 2, JPY: 3, count: 4, percent: 5 } as const satisfies Record<
  AmountUnit,
  number
>;
const DIRECTION = { 'at-most': 0, 'at-least': 1 } as const satisfies Record<
  Extract<Commitment, { kind: 'amount' }>['direction'],
  number
>;
const PERIOD = { 'per-deal': 0, 'per-month': 1, 'per-quarter': 2, 'per-year': 3 } as const satisfies Record<
  Extract<Commitment, { kind: 'amount' }>['period'],
  number
>;
const MOMENT_KIND = {
  'order-received': 0,
  'progress-update': 1,
  shipped: 2,
  delivered: 3,
  'first-use': 4,
  'care-tips': 5,
  'maintenance-reminder': 6,
  'referral-ask': 7,
  anniversary: 8,
  custom: 9,
} as const satisfies Record<MomentKind, number>;
const ANCHOR = { 'deal-won': 0, delivery: 1 } as const satisfies Record<
  Charter['moments'][number]['anchor'],
  number
>;

// Added with schema 5, as the charter tuple's optional 16th element.
const HANDOVER = {
  delivery: 0,
  installation: 1,
  'move-in': 2,
  closing: 3,
  'go-live': 4,
  'policy-delivery': 5,
} as const satisfies Record<Handover, number>;

/** Every code table of the v1 layout, for the test that checks they are complete and dense. */
export const SHARE_LINK_CODES = {
  locale: LOCALE,
  tier: TIER,
  channel: CHANNEL,
  unit: UNIT,
  audience: AUDIENCE,
  amountUnit: AMOUNT_UNIT,
  direction: DIRECTION,
  period: PERIOD,
  momentKind: MOMENT_KIND,
  anchor: ANCHOR,
} as const;

/** A code read from a link, turned back into its value by the same table the encoder used. */
function code<T extends string>(codes: Record<T, number>) {
  const values: T[] = [];
  for (const [value, n] of Object.entries(codes) as [T, number][]) values[n] = value;
  return z
    .number()
    .int()
    .min(0)
    .max(values.length - 1)
    .transform((n) => values[n]!);
}

const bit = z.union([z.literal(0), z.literal(1)]).transform((b) => b === 1);
const str = z.string();
const duration = z.tuple([z.number(), code(UNIT)]).transform(([value, unit]): Duration => ({ value, unit }));

// Rich text: a doc is its block list. A paragraph is [0] or [0, inlines]; a heading [1, level] or
// [1, level, inlines]; a list [2, items] (bullets) or [3, items] / [3, items, start | null] (numbered),
// an item being a block list. An inline is a string (text without marks), [text, ...marks] (0 bold,
// 1 italic, a string: a link to it) or 0 (a line break). Absent and empty `content`/`marks`/`attrs`
// stay distinct, so a document comes back exactly as it went.
const mark = z
  .union([z.literal(0), z.literal(1), z.string()])
  .transform((m): Mark =>
    m === 0 ? { type: 'bold' } : m === 1 ? { type: 'italic' } : { type: 'link', attrs: { href: m } },
  );
const inline = z.union([
  z.literal(0).transform((): InlineNode => ({ type: 'hardBreak' })),
  z.string().transform((text): InlineNode => ({ type: 'text', text })),
  z.tuple([z.string()], mark).transform(([text, ...marks]): InlineNode => ({ type: 'text', text, marks })),
]);
type CompactInline = z.input<typeof inline>;
type CompactBlock =
  | [0]
  | [0, CompactInline[]]
  | [1, number]
  | [1, number, CompactInline[]]
  | [2, CompactBlock[][]]
  | [3, CompactBlock[][]]
  | [3, CompactBlock[][], number | null];

const level = z.union([z.literal(1), z.literal(2), z.literal(3)]);
const block: z.ZodType<BlockNode, CompactBlock> = z.lazy(() => {
  const items = z
    .array(z.array(block))
    .transform((list) => list.map((content) => ({ type: 'listItem' as const, content })));
  return z.union([
    z.tuple([z.literal(0)]).transform((): BlockNode => ({ type: 'paragraph' })),
    z
      .tuple([z.literal(0), z.array(inline)])
      .transform(([, content]): BlockNode => ({ type: 'paragraph', content })),
    z
      .tuple([z.literal(1), level])
      .transform(([, l]): BlockNode => ({ type: 'heading', attrs: { level: l } })),
    z
      .tuple([z.literal(1), level, z.array(inline)])
      .transform(([, l, content]): BlockNode => ({ type: 'heading', attrs: { level: l }, content })),
    z.tuple([z.literal(2), items]).transform(([, content]): BlockNode => ({ type: 'bulletList', content })),
    z.tuple([z.literal(3), items]).transform(([, content]): BlockNode => ({ type: 'orderedList', content })),
    z.tuple([z.literal(3), items, z.number().nullable()]).transform(([, content, start]): BlockNode => ({
      type: 'orderedList',
      attrs: start === null ? {} : { start },
      content,
    })),
  ]) as unknown as z.ZodType<BlockNode, CompactBlock>;
});
const richText = z.array(block).transform((content): RichTextDoc => ({ type: 'doc', content }));

const checkIn = z.tuple([str, str, code(CHANNEL)]);
const checkIns = (list: z.output<typeof checkIn>[], prefix: string): CheckIn[] =>
  list.map(([action, timing, channel], i) => ({ id: `${prefix}-${i + 1}`, action, timing, channel }));

// A commitment: [kind, what, trigger, audience, measuredBy, …]; kind 0 within [promised, businessTime],
// 1 by-date [businessTime], 2 amount [direction, [value, unit, label], period], 3 done [promised, businessTime].
const head = [str, str, code(AUDIENCE), str] as const;
const commitment = z.union([
  z.tuple([z.literal(0), ...head, duration, bit]),
  z.tuple([z.literal(1), ...head, bit]),
  z.tuple([
    z.literal(2),
    ...head,
    code(DIRECTION),
    z.tuple([z.number(), code(AMOUNT_UNIT), str]),
    code(PERIOD),
  ]),
  z.tuple([z.literal(3), ...head, duration, bit]),
]);

function expandCommitment(c: z.output<typeof commitment>, index: number): Commitment {
  const base = {
    id: `commitment-${index + 1}`,
    what: c[1],
    shortName: '',
    trigger: c[2],
    appliesTo: c[3],
    measuredBy: c[4],
    readiness: 'confirmed' as const,
  };
  switch (c[0]) {
    case 0:
      return { ...base, kind: 'within', promised: c[5], internal: { ...c[5] }, businessTime: c[6] };
    case 1:
      return { ...base, kind: 'by-date', internalLead: null, businessTime: c[5] };
    case 2: {
      const [value, unit, label] = c[6];
      return {
        ...base,
        kind: 'amount',
        direction: c[5],
        promised: { value, unit, label },
        internal: { value, unit, label },
        period: c[7],
      };
    }
    case 3:
      return { ...base, kind: 'done', promised: c[5], internal: { ...c[5] }, businessTime: c[6] };
  }
}

/** The v1 layout of a charter, read straight into the shape of `customerCopy` (restore() checks the rest). */
const charterItems = [
  str, // 0 title
  code(LOCALE), // 1 locale
  z.number(), // 2 version
  str, // 3 publishedAt
  z.tuple([str, str, str, str, str, str]), // 4 owner: name, role, company, phone, email, website
  code(TIER), // 5 service tier
  bit, // 6 owns service
  richText, // 7 vision
  z.array(commitment), // 8 commitments
  z.tuple([z.array(checkIn), z.array(checkIn), z.array(checkIn)]), // 9 check-ins before, during, after
  z.array(z.tuple([code(MOMENT_KIND), str, code(ANCHOR), z.number(), code(CHANNEL)])), // 10 moments
  z.tuple([str, z.array(z.tuple([str, duration]))]), // 11 recovery: promise, steps
  z.array(z.tuple([str, z.array(str)])), // 12 alternatives: request, offers
  // 13 after sales: order-check practice and notice, first use after and channel, follow-up every and
  // until confirmed, care tips, business help enabled and offers
  z.tuple([str, duration, duration, code(CHANNEL), duration, bit, richText, bit, z.array(str)]),
  z.tuple([duration, bit, bit, str]), // 14 lost sale: within, ask feedback, ask referral, message
] as const;
const charterLayout = z
  // 15 handover, when it is not delivery (links written before schema 5 end at 14)
  .union([z.tuple(charterItems), z.tuple([...charterItems, code(HANDOVER)])])
  .transform(
    ([
      title,
      locale,
      version,
      publishedAt,
      owner,
      tier,
      ownsService,
      vision,
      commitments,
      phases,
      moments,
      recovery,
      alternatives,
      after,
      lost,
      handover = 'delivery',
    ]): Charter => ({
      id: SHARED_CHARTER_ID,
      title,
      locale,
      status: 'published',
      version,
      createdAt: publishedAt,
      updatedAt: publishedAt,
      publishedAt,
      owner: {
        name: owner[0],
        role: owner[1],
        company: owner[2],
        phone: owner[3],
        email: owner[4],
        website: owner[5],
        photo: null,
      },
      serviceLevel: { tier, ownsService },
      vision,
      commitments: commitments.map(expandCommitment),
      checkIns: {
        before: checkIns(phases[0], 'before'),
        during: checkIns(phases[1], 'during'),
        after: checkIns(phases[2], 'after'),
      },
      handover,
      moments: moments.map(([kind, label, anchor, offsetDays, channel], i) => ({
        id: `moment-${i + 1}`,
        kind,
        label,
        anchor,
        offsetDays,
        channel,
        message: '',
      })),
      recovery: {
        promise: recovery[0],
        // Which steps are for serious misses only is the owner's working detail: it is not in the link.
        steps: recovery[1].map(([action, within], i) => ({
          id: `step-${i + 1}`,
          action,
          within,
          seriousOnly: false,
        })),
      },
      alternatives: alternatives.map(([request, offers], i) => ({
        id: `alternative-${i + 1}`,
        request,
        offers,
      })),
      afterSales: {
        orderCheck: { practice: after[0], delayNoticeWithin: after[1] },
        firstUse: { after: after[2], channel: after[3] },
        serviceFollowUp: { every: after[4], untilConfirmed: after[5] },
        careTips: after[6],
        businessHelp: { enabled: after[7], offers: after[8] },
      },
      lostSale: { within: lost[0], askFeedback: lost[1], askReferral: lost[2], message: lost[3] },
    }),
  );

// A track record: [periodDays, [[label, kept, total], …]].
const trackRecordLayout = z
  .tuple([z.number(), z.array(z.tuple([str, z.number(), z.number()]))])
  .transform(([periodDays, rows]) => ({
    periodDays,
    rows: rows.map(([label, kept, total]) => ({ label, kept, total })),
  }))
  .pipe(shareTrackRecordSchema);

/**
 * The whole payload: [charter], [charter, track record] or, with a summary mark or a time zone,
 * [charter, track record | null, summary 0 | 1, time zone].
 */
const payloadLayout = z.union([
  z.tuple([charterLayout]).transform(([charter]) => ({ charter, trackRecord: null, summary: false })),
  z
    .tuple([charterLayout, trackRecordLayout])
    .transform(([charter, trackRecord]) => ({ charter, trackRecord, summary: false })),
  z
    .tuple([charterLayout, trackRecordLayout.nullable(), bit, timeZoneSchema])
    .transform(([charter, trackRecord, summary, timeZone]) => ({ charter, trackRecord, summary, timeZone })),
]);
type CompactCharter = z.input<typeof charterLayout>;
type CompactTrackRecord = z.input<typeof trackRecordLayout>;

// --- encoding: the exact inverse of the layout above ---

const b = (value: boolean): 0 | 1 => (value ? 1 : 0);
const d = (value: Duration): [number, number] => [value.value, UNIT[value.unit]];

function compactMark(m: Mark): 0 | 1 | string {
  return m.type === 'bold' ? 0 : m.type === 'italic' ? 1 : m.attrs.href;
}

function compactInline(node: InlineNode): CompactInline {
  if (node.type === 'hardBreak') return 0;
  return node.marks === undefined ? node.text : [node.text, ...node.marks.map(compactMark)];
}

function compactBlock(node: BlockNode): CompactBlock {
  switch (node.type) {
    case 'paragraph':
      return node.content === undefined ? [0] : [0, node.content.map(compactInline)];
    case 'heading':
      return node.content === undefined
        ? [1, node.attrs.level]
        : [1, node.attrs.level, node.content.map(compactInline)];
    case 'bulletList':
      return [2, node.content.map((item) => item.content.map(compactBlock))];
    case 'orderedList': {
      const items = node.content.map((item) => item.content.map(compactBlock));
      if (node.attrs === undefined) return [3, items];
      return [3, items, node.attrs.start ?? null];
    }
  }
}

const compactRich = (doc: RichTextDoc): CompactBlock[] => doc.content.map(compactBlock);
const compactCheckIn = (c: CheckIn): [string, string, number] => [c.action, c.timing, CHANNEL[c.channel]];

function compactCommitment(c: Commitment): CompactCharter[8][number] {
  const head = [c.what, c.trigger, AUDIENCE[c.appliesTo], c.measuredBy] as const;
  switch (c.kind) {
    case 'within':
      return [0, ...head, d(c.promised), b(c.businessTime)];
    case 'by-date':
      return [1, ...head, b(c.businessTime)];
    case 'amount':
      return [
        2,
        ...head,
        DIRECTION[c.direction],
        [c.promised.value, AMOUNT_UNIT[c.promised.unit], c.promised.label],
        PERIOD[c.period],
      ];
    case 'done':
      return [3, ...head, d(c.promised), b(c.businessTime)];
  }
}

function compactCharter(c: Charter, publishedAt: string): CompactCharter {
  const { owner, afterSales: a, lostSale: l } = c;
  const compact: CompactCharter = [
    c.title,
    LOCALE[c.locale],
    c.version,
    publishedAt,
    [owner.name, owner.role, owner.company, owner.phone, owner.email, owner.website],
    TIER[c.serviceLevel.tier],
    b(c.serviceLevel.ownsService),
    compactRich(c.vision),
    c.commitments.map(compactCommitment),
    [
      c.checkIns.before.map(compactCheckIn),
      c.checkIns.during.map(compactCheckIn),
      c.checkIns.after.map(compactCheckIn),
    ],
    c.moments.map((m) => [MOMENT_KIND[m.kind], m.label, ANCHOR[m.anchor], m.offsetDays, CHANNEL[m.channel]]),
    [c.recovery.promise, c.recovery.steps.map((s) => [s.action, d(s.within)])],
    c.alternatives.map((x) => [x.request, [...x.offers]]),
    [
      a.orderCheck.practice,
      d(a.orderCheck.delayNoticeWithin),
      d(a.firstUse.after),
      CHANNEL[a.firstUse.channel],
      d(a.serviceFollowUp.every),
      b(a.serviceFollowUp.untilConfirmed),
      compactRich(a.careTips),
      b(a.businessHelp.enabled),
      [...a.businessHelp.offers],
    ],
    // The message slot stays in the v1 layout (older links carry it) but is sent empty: see customerCopy.
    [d(l.within), b(l.askFeedback), b(l.askReferral), ''],
  ];
  // Delivery is what a link without a handover means: such a charter's link stays as it always was.
  return c.handover === 'delivery' ? compact : [...compact, HANDOVER[c.handover]];
}

const compactTrackRecord = (t: ShareTrackRecord): CompactTrackRecord => [
  t.periodDays,
  t.rows.map((r) => [r.label, r.kept, r.total]),
];

function leb128(n: number): number[] {
  const out: number[] = [];
  let rest = n;
  while (rest >= 0x80) {
    out.push((rest & 0x7f) | 0x80);
    rest = Math.floor(rest / 0x80);
  }
  out.push(rest);
  return out;
}

/**
 * The share-link text (`v1.…`, without `#`) of a published charter and optional track record, or why
 * there is none: the charter is not published, or the text would exceed MAX_LINK_LENGTH characters.
 */
export async function encodeShareLink(
  data: ShareLinkData,
  options: { compress: Deflate },
): Promise<EncodeShareLinkResult> {
  const { charter, trackRecord, summary = false } = data;
  const timeZone = data.timeZone ?? defaultTimeZone;
  if (charter.status !== 'published' || charter.publishedAt === null)
    return { ok: false, reason: 'not-published' };
  const head = compactCharter(charter, charter.publishedAt);
  const record = trackRecord ? compactTrackRecord(trackRecord) : null;
  // A link that needs neither stays as links always were.
  const compact =
    summary || timeZone !== defaultTimeZone
      ? [head, record, b(summary), timeZone]
      : record
        ? [head, record]
        : [head];
  // JSON.stringify escapes lone surrogates (\udxxx), so the text is well-formed and survives UTF-8.
  const deflated = await options.compress(utf8Encode(JSON.stringify(compact)));
  const body = Uint8Array.from([...leb128(deflated.length), ...deflated]);
  const crc = crc32(body);
  const bytes = Uint8Array.from([crc >>> 24, (crc >>> 16) & 0xff, (crc >>> 8) & 0xff, crc & 0xff, ...body]);
  const text = `v${SHARE_LINK_VERSION}.${toBase64Url(bytes)}`;
  if (text.length > MAX_LINK_LENGTH) return { ok: false, reason: 'too-long', length: text.length };
  return { ok: true, text };
}

/** Deeper than any real payload (rich-text lists nest a few levels); keeps the validator off the stack limit. */
const MAX_DEPTH = 64;

function nestsTooDeep(value: unknown): boolean {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const { value: current, depth } = stack.pop()!;
    if (typeof current !== 'object' || current === null) continue;
    if (depth > MAX_DEPTH) return true;
    for (const child of Object.values(current)) stack.push({ value: child, depth: depth + 1 });
  }
  return false;
}

/** The body of a v1 link after its checksum and length are verified, or null when they do not match. */
function verifiedDeflate(payload: string): Uint8Array | null {
  const bytes = fromBase64Url(payload);
  if (bytes === null || bytes.length < 5) return null;
  const stored = ((bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!) >>> 0;
  const body = bytes.subarray(4);
  if (crc32(body) !== stored) return null;
  let length = 0;
  let i = 0;
  for (let shift = 0; ; shift += 7) {
    if (i >= body.length || shift > 21) return null;
    const byte = body[i++]!;
    length += (byte & 0x7f) * 2 ** shift;
    if (byte < 0x80) break;
  }
  const deflated = body.subarray(i);
  return deflated.length === length ? deflated : null;
}

/**
 * The charter (through restore(), as `customerCopy` shaped it) and track record carried by share-link
 * `text` (with or without a leading `#`), or why it cannot be read. Never rejects.
 */
export async function decodeShareLink(
  text: string,
  options: { decompress: Inflate },
): Promise<DecodeShareLinkResult> {
  const damaged = { ok: false, reason: 'damaged' } as const;
  try {
    const link = text.startsWith('#') ? text.slice(1) : text;
    if (link.length > MAX_LINK_LENGTH) return { ok: false, reason: 'too-large' };
    const prefix = /^v([1-9][0-9]{0,5})\./.exec(link);
    if (!prefix) return damaged;
    const version = Number(prefix[1]);
    if (version > SHARE_LINK_VERSION) return { ok: false, reason: 'newer-version' };
    const deflated = verifiedDeflate(link.slice(prefix[0].length));
    if (deflated === null) return damaged;
    const inflated = await options.decompress(deflated, MAX_PAYLOAD_BYTES);
    if (!inflated.ok) return { ok: false, reason: inflated.reason };
    if (inflated.bytes.length > MAX_PAYLOAD_BYTES) return { ok: false, reason: 'too-large' };
    const json = utf8Decode(inflated.bytes);
    if (json === null) return damaged;
    const value: unknown = JSON.parse(json);
    if (nestsTooDeep(value)) return damaged;
    const parsed = payloadLayout.safeParse(value);
    if (!parsed.success) return damaged;
    const { charter, trackRecord, summary } = parsed.data;
    const timeZone = 'timeZone' in parsed.data ? parsed.data.timeZone : defaultTimeZone;
    // The one door: the same checks as any file, so unsafe links or impossible values are refused here too.
    const restored = restore({
      format: CHARTER_FORMAT,
      version: LINK_SCHEMA_VERSION,
      exportedAt: charter.publishedAt,
      charter,
    });
    if (!restored.ok) return damaged;
    const result = restored.backup.charters[0];
    if (!result || result.status !== 'published') return damaged;
    return {
      ok: true,
      charter: result,
      trackRecord,
      ...(summary ? { summary } : {}),
      ...(timeZone !== defaultTimeZone ? { timeZone } : {}),
    };
  } catch {
    return damaged;
  }
}
