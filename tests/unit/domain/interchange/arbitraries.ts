// fast-check generators of valid data for the interchange tests: charters, rich text and whole backups whose
// text mixes Korean, emoji (astral and ZWJ sequences), right-to-left scripts, control characters and lone
// surrogates. Lengths stay inside the schema limits counted in UTF-16 code units (what zod counts).
import fc from 'fast-check';
import type { Arbitrary } from 'fast-check';
import { momentKindSchema, serviceTierSchema } from '../../../../src/domain/charter/charter';
import type { Charter, PublishedCharter } from '../../../../src/domain/charter/charter';
import { amountUnitSchema, audienceSchema } from '../../../../src/domain/charter/commitment';
import type { Commitment } from '../../../../src/domain/charter/commitment';
import { HANDOVERS } from '../../../../src/domain/charter/handover';
import { channelSchema, durationUnitSchema } from '../../../../src/domain/common';
import type { Duration } from '../../../../src/domain/common';
import { BACKUP_FORMAT, CURRENT_VERSION } from '../../../../src/domain/interchange/backup';
import type { Backup } from '../../../../src/domain/interchange/backup';
import type { BlockNode, InlineNode, Mark, RichTextDoc } from '../../../../src/domain/rich-text/rich-text';
import type { Settings } from '../../../../src/domain/settings';
import { defaultBusinessCalendar, weekdaySchema } from '../../../../src/domain/tracker/business-calendar';
import type { Customer, Deal, DeliveryRecord, RecoveryCase } from '../../../../src/domain/tracker/tracker';

/** Characters (some of them several UTF-16 units) that stress text handling; the longest is 11 units. */
export const HARD_CHARACTERS = [
  '가',
  '한',
  '글',
  '뷁',
  'ㅋ',
  'a',
  'Z',
  ' ',
  '\n',
  '\t',
  '"',
  '\\',
  '<',
  '&',
  '😀',
  '👍🏽',
  '👩‍👩‍👧',
  'ש',
  'ל',
  'م',
  'ر',
  '\u200f', // right-to-left mark
  '\u202e', // right-to-left override
  '\u0000',
  '\ud800', // lone high surrogate
  '\udfff', // lone low surrogate
  '\ufeff',
  '\u2028',
] as const;
const UNITS_PER_CHARACTER = 11;

/** Text of at most `max` UTF-16 units (and at least `min` characters) built from HARD_CHARACTERS. */
export const text = (max: number, min = 0): Arbitrary<string> =>
  fc
    .array(fc.constantFrom(...HARD_CHARACTERS), {
      minLength: min,
      maxLength: Math.max(min, Math.floor(max / UNITS_PER_CHARACTER)),
    })
    .map((parts) => parts.join(''));

/** A plain number with no negative zero (JSON has none, so it would not come back as itself). */
const plain = (arb: Arbitrary<number>) => arb.map((n) => n + 0);

export const idArb = fc.stringMatching(/^[A-Za-z0-9_-]{1,24}$/);

/** An instant in ISO 8601, mostly UTC (`…Z`), some with an offset as other tools write them. */
export const instantArb: Arbitrary<string> = fc.oneof(
  fc
    .date({
      min: new Date('2001-01-01T00:00:00Z'),
      max: new Date('2098-12-31T00:00:00Z'),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString()),
  fc.constantFrom('2026-03-02T09:00:00+09:00', '2026-03-02T00:00:00Z', '2026-12-31T23:59:59.999-05:00'),
);
const dateArb = fc
  .date({ min: new Date('2001-01-01T00:00:00Z'), max: new Date('2098-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

const durationArb: Arbitrary<Duration> = fc.record({
  value: plain(
    fc.oneof(fc.integer({ min: 1, max: 1_000 }), fc.double({ min: 0.001, max: 100_000, noNaN: true })),
  ),
  unit: fc.constantFrom(...durationUnitSchema.options),
});

// --- rich text ---

const SAFE_HREFS = [
  'https://example.com/a?b=1#c',
  'http://예시.한국/경로',
  'mailto:kim@example.com',
  'tel:+82-10-1234-5678',
];
const markArb: Arbitrary<Mark> = fc.oneof(
  fc.constant({ type: 'bold' as const }),
  fc.constant({ type: 'italic' as const }),
  fc.constantFrom(...SAFE_HREFS).map((href) => ({ type: 'link' as const, attrs: { href } })),
);
const inlineArb: Arbitrary<InlineNode> = fc.oneof(
  text(40, 1).map((t) => ({ type: 'text' as const, text: t })),
  fc
    .record({ text: text(40, 1), marks: fc.array(markArb, { maxLength: 3 }) })
    .map(({ text: t, marks }) => ({ type: 'text' as const, text: t, marks })),
  fc.constant({ type: 'hardBreak' as const }),
);
const inlines = fc.option(fc.array(inlineArb, { maxLength: 4 }), { nil: undefined });
const withContent = <T extends object>(node: T, content: InlineNode[] | undefined) =>
  content === undefined ? node : { ...node, content };

const blockArb: Arbitrary<BlockNode> = fc.letrec<{ block: BlockNode; item: BlockNode[] }>((tie) => ({
  block: fc.oneof(
    { depthSize: 'small', maxDepth: 3 },
    inlines.map((content): BlockNode => withContent({ type: 'paragraph' as const }, content)),
    fc
      .tuple(fc.constantFrom(1 as const, 2 as const, 3 as const), inlines)
      .map(([level, content]): BlockNode =>
        withContent({ type: 'heading' as const, attrs: { level } }, content),
      ),
    fc.array(tie('item'), { minLength: 1, maxLength: 3 }).map((items): BlockNode => ({
      type: 'bulletList',
      content: items.map((c) => ({ type: 'listItem', content: c })),
    })),
    fc
      .tuple(
        fc.array(tie('item'), { minLength: 1, maxLength: 3 }),
        fc.option(fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: undefined }), { nil: null }),
      )
      .map(([items, start]): BlockNode => {
        const content = items.map((c) => ({ type: 'listItem' as const, content: c }));
        // null: no attrs at all; undefined: attrs without start; a number: attrs.start.
        if (start === null) return { type: 'orderedList', content };
        return { type: 'orderedList', attrs: start === undefined ? {} : { start }, content };
      }),
  ),
  item: fc.array(tie('block'), { minLength: 1, maxLength: 2 }),
})).block;

export const richTextArb: Arbitrary<RichTextDoc> = fc
  .array(blockArb, { maxLength: 4 })
  .map((content) => ({ type: 'doc', content }));

// --- charters ---

const commitmentArb: Arbitrary<Commitment> = fc
  .record({
    id: idArb,
    what: text(200),
    shortName: text(24),
    trigger: text(200),
    appliesTo: fc.constantFrom(...audienceSchema.options),
    measuredBy: text(500),
    readiness: fc.constantFrom('unconfirmed' as const, 'confirmed' as const),
    promised: durationArb,
    internal: durationArb,
    businessTime: fc.boolean(),
    internalLead: fc.option(durationArb, { nil: null }),
    direction: fc.constantFrom('at-most' as const, 'at-least' as const),
    amountPromised: fc.record({
      // A promised amount is never 0 (schema version 3).
      value: plain(fc.double({ min: Number.MIN_VALUE, max: 1e15, noNaN: true })),
      unit: fc.constantFrom(...amountUnitSchema.options),
      label: text(40),
    }),
    amountInternal: fc.record({
      value: plain(fc.integer({ min: 0, max: 1e9 })),
      unit: fc.constantFrom(...amountUnitSchema.options),
      label: text(40),
    }),
    period: fc.constantFrom(
      'per-deal' as const,
      'per-month' as const,
      'per-quarter' as const,
      'per-year' as const,
    ),
    kind: fc.constantFrom('within' as const, 'by-date' as const, 'amount' as const, 'done' as const),
  })
  .map((r): Commitment => {
    const base = {
      id: r.id,
      what: r.what,
      shortName: r.shortName,
      trigger: r.trigger,
      appliesTo: r.appliesTo,
      measuredBy: r.measuredBy,
      readiness: r.readiness,
    };
    switch (r.kind) {
      case 'within':
      case 'done':
        return {
          ...base,
          kind: r.kind,
          promised: r.promised,
          internal: r.internal,
          businessTime: r.businessTime,
        };
      case 'by-date':
        return { ...base, kind: r.kind, internalLead: r.internalLead, businessTime: r.businessTime };
      case 'amount':
        return {
          ...base,
          kind: r.kind,
          direction: r.direction,
          promised: r.amountPromised,
          internal: r.amountInternal,
          period: r.period,
        };
    }
  });

const checkInArb = fc.record({
  id: idArb,
  action: text(200),
  timing: text(120),
  channel: fc.constantFrom(...channelSchema.options),
});

/** A valid charter (draft or published) with every field drawn at random. */
export const charterArb: Arbitrary<Charter> = fc.record({
  id: idArb,
  title: text(120),
  locale: fc.constantFrom('ko' as const, 'en' as const),
  status: fc.constantFrom('draft' as const, 'published' as const),
  version: fc.integer({ min: 1, max: 100_000 }),
  createdAt: instantArb,
  updatedAt: instantArb,
  publishedAt: fc.option(instantArb, { nil: null }),
  owner: fc.record({
    name: text(80),
    role: text(80),
    company: text(120),
    phone: text(40),
    email: text(254),
    website: text(300),
    photo: fc.constantFrom(null, 'data:image/png;base64,iVBORw0KGgo='),
  }),
  serviceLevel: fc.record({ tier: fc.constantFrom(...serviceTierSchema.options), ownsService: fc.boolean() }),
  vision: richTextArb,
  commitments: fc.array(commitmentArb, { maxLength: 5 }),
  checkIns: fc.record({
    before: fc.array(checkInArb, { maxLength: 3 }),
    during: fc.array(checkInArb, { maxLength: 3 }),
    after: fc.array(checkInArb, { maxLength: 3 }),
  }),
  handover: fc.constantFrom(...HANDOVERS),
  moments: fc.array(
    fc.record({
      id: idArb,
      kind: fc.constantFrom(...momentKindSchema.options),
      label: text(120),
      anchor: fc.constantFrom('deal-won' as const, 'delivery' as const),
      offsetDays: fc.integer({ min: -365, max: 3_650 }),
      channel: fc.constantFrom(...channelSchema.options),
      message: text(2_000),
    }),
    { maxLength: 4 },
  ),
  recovery: fc.record({
    promise: text(1_000),
    steps: fc.array(
      fc.record({ id: idArb, action: text(200), within: durationArb, seriousOnly: fc.boolean() }),
      { maxLength: 3 },
    ),
  }),
  alternatives: fc.array(
    fc.record({ id: idArb, request: text(200), offers: fc.array(text(200), { maxLength: 3 }) }),
    { maxLength: 3 },
  ),
  afterSales: fc.record({
    orderCheck: fc.record({ practice: text(1_000), delayNoticeWithin: durationArb }),
    firstUse: fc.record({ after: durationArb, channel: fc.constantFrom(...channelSchema.options) }),
    serviceFollowUp: fc.record({ every: durationArb, untilConfirmed: fc.boolean() }),
    careTips: richTextArb,
    businessHelp: fc.record({ enabled: fc.boolean(), offers: fc.array(text(200), { maxLength: 3 }) }),
  }),
  lostSale: fc.record({
    within: durationArb,
    askFeedback: fc.boolean(),
    askReferral: fc.boolean(),
    message: text(2_000),
  }),
});

/** A valid published charter (status published, publishedAt set). */
export const publishedCharterArb: Arbitrary<Charter> = fc
  .tuple(charterArb, instantArb)
  .map(([charter, at]) => ({ ...charter, status: 'published', publishedAt: at }));

// --- whole backups ---

const customerArb: Arbitrary<Customer> = fc.record({
  id: idArb,
  name: text(120),
  company: text(120),
  phone: text(40),
  email: text(254),
  notes: text(4_000),
  archived: fc.boolean(),
  createdAt: instantArb,
  updatedAt: instantArb,
});

const recordArb: Arbitrary<DeliveryRecord> = fc.record({
  id: idArb,
  charterId: idArb,
  commitmentId: idArb,
  customerId: fc.option(idArb, { nil: null }),
  dealId: fc.option(idArb, { nil: null }),
  summary: text(300),
  triggeredAt: instantArb,
  dueAt: instantArb,
  doneAt: fc.option(instantArb, { nil: null }),
  actual: fc.option(plain(fc.double({ min: 0, max: 1e15, noNaN: true })), { nil: null }),
  renegotiation: fc.option(fc.record({ at: instantArb, newDueAt: instantArb }), { nil: null }),
  notes: text(4_000),
  createdAt: instantArb,
  updatedAt: instantArb,
});

const dealArb = (customerIds: readonly string[]): Arbitrary<Deal> =>
  fc.record({
    id: idArb,
    customerId: fc.constantFrom(...customerIds),
    charterId: fc.option(idArb, { nil: null }),
    product: text(200),
    status: fc.constantFrom('open' as const, 'won' as const, 'lost' as const),
    openedOn: dateArb,
    closedOn: fc.option(dateArb, { nil: null }),
    deliveryOn: fc.option(dateArb, { nil: null }),
    value: fc.option(
      fc.record({
        amount: fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }).map((n) => Math.min(n, 1e15)),
        currency: fc.constantFrom('KRW' as const, 'USD' as const, 'EUR' as const, 'JPY' as const),
      }),
      { nil: null },
    ),
    notes: text(4_000),
    timelineDone: fc.uniqueArray(
      fc.record({
        stepId: fc.constantFrom('first-use', 'lost-sale', 'moment:m1', 'moment:m2'),
        doneAt: instantArb,
        outcome: fc.constantFrom('done' as const, 'skipped' as const),
      }),
      {
        maxLength: 4,
        selector: (step) => step.stepId,
      },
    ),
    createdAt: instantArb,
    updatedAt: instantArb,
  });

const recoveryArb = (recordIds: readonly string[]): Arbitrary<RecoveryCase> =>
  fc.record({
    id: idArb,
    recordId: fc.constantFrom(...recordIds),
    openedAt: instantArb,
    steps: fc.array(
      fc.record({ stepId: idArb, doneAt: fc.option(instantArb, { nil: null }), note: text(2_000) }),
      { maxLength: 3 },
    ),
    closedAt: fc.option(instantArb, { nil: null }),
    outcome: fc.constantFrom(null, 'satisfied' as const, 'reordered' as const, 'lost' as const),
    notes: text(4_000),
  });

const versionArb: Arbitrary<PublishedCharter> = fc
  .tuple(publishedCharterArb, fc.integer({ min: 1, max: 100_000 }))
  .map(([charter, version]) => ({
    charterId: charter.id,
    version,
    publishedAt: charter.publishedAt!,
    charter: { ...charter, version },
  }));

const settingsArb: Arbitrary<Settings> = fc.record({
  language: fc.constantFrom(null, 'ko' as const, 'en' as const),
  persistenceAsked: fc.boolean(),
  atRiskShare: fc.double({ min: 0.01, max: 0.99, noNaN: true }),
  calendar: fc.oneof(
    fc.constant(defaultBusinessCalendar),
    fc
      .record({
        timeZone: fc.constantFrom(
          'Asia/Seoul',
          'America/New_York',
          'Europe/Berlin',
          'Australia/Lord_Howe',
          'Asia/Kolkata',
          'Etc/GMT+5',
          'UTC',
        ),
        workingDays: fc.uniqueArray(fc.constantFrom(...weekdaySchema.options), {
          minLength: 1,
          maxLength: 7,
        }),
        hours: fc.constantFrom(['09:00', '18:00'], ['00:00', '23:59'], ['08:30', '17:30']),
        holidays: fc.array(fc.record({ date: dateArb, name: text(120) }), { maxLength: 3 }),
      })
      .map(({ hours: [opensAt, closesAt], ...rest }) => ({
        ...rest,
        opensAt: opensAt!,
        closesAt: closesAt!,
      })),
  ),
  publicBaseUrl: fc.constantFrom('', 'https://example.com/charter/', 'http://localhost:4173/'),
});

const byId = { selector: (item: { id: string }) => item.id };

/** A valid backup with every collection filled at random and every reference pointing inside the file. */
export const backupArb: Arbitrary<Backup> = fc
  .record({
    exportedAt: instantArb,
    charters: fc.uniqueArray(charterArb, { ...byId, maxLength: 2 }),
    charterVersions: fc.uniqueArray(versionArb, {
      selector: (v) => `${v.charterId}@${v.version}`,
      maxLength: 2,
    }),
    customers: fc.uniqueArray(customerArb, { ...byId, maxLength: 3 }),
    deliveries: fc.uniqueArray(recordArb, { ...byId, maxLength: 3 }),
    settings: settingsArb,
  })
  .chain((base) =>
    fc
      .record({
        deals:
          base.customers.length === 0
            ? fc.constant<never[]>([])
            : fc.uniqueArray(dealArb(base.customers.map((c) => c.id)), { ...byId, maxLength: 3 }),
        recoveryCases:
          base.deliveries.length === 0
            ? fc.constant<never[]>([])
            : fc.uniqueArray(recoveryArb(base.deliveries.map((r) => r.id)), { ...byId, maxLength: 2 }),
      })
      .map((rest): Backup => ({ format: BACKUP_FORMAT, version: CURRENT_VERSION, ...base, ...rest })),
  );
