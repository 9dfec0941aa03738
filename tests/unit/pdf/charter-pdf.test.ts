// The charter PDF as a customer gets it: rendered in Node from the real templates, then read back as text,
// metadata and embedded fonts (no poppler needed).
import { readFileSync, readdirSync } from 'node:fs';
import { readInBoth } from '../i18n/in-both';
import { inflateSync } from 'node:zlib';
import { createElement } from 'react';
import type { ReactElement } from 'react';
import { renderToBuffer } from '@react-pdf/renderer';
import type { DocumentProps } from '@react-pdf/renderer';
import * as fontkit from 'fontkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultCharter } from '../../../src/domain/charter/charter';
import type { Charter } from '../../../src/domain/charter/charter';
import type { Commitment } from '../../../src/domain/charter/commitment';
import {
  describeCommitment as commitmentMessage,
  describeInternalTarget as internalTargetMessage,
} from '../../../src/domain/charter/commitment-text';
import type { Locale } from '../../../src/domain/common';
import { charterMessage } from '../../../src/i18n/charter-message';
import { CHARTER_FORMAT, CURRENT_VERSION } from '../../../src/domain/interchange/backup';
import { restore } from '../../../src/domain/interchange/restore';
import type { RichTextDoc } from '../../../src/domain/rich-text/rich-text';
import { CharterDocument } from '../../../src/pdf/charter-document';
import { charterText } from '../../../src/pdf/charter-text';
import { pdfFontFiles } from '../../../src/pdf/font-files';
import { FULL_FAMILY, SUBSET_FAMILY, pickFontFamily } from '../../../src/pdf/fonts';
import { renderCharterPdf } from '../../../src/pdf/render-node';
import { hangulCoverage, woffToSfnt } from '../../../src/pdf/woff-to-ttf';
import { createCharter } from '../factories';
import {
  TEMPLATES_DIR,
  embeddedFonts,
  loadTemplate,
  pdfMetadata,
  pdfText,
  pdfUris,
  squash,
  unspaced,
} from './pdf-helpers';

/** Rare in everyday text, but inside the 2,780-syllable subset (checked below). */
const RARE_NAME = '김똠햏 뷁';
/** Syllables outside the subset: a name with them needs the full font. */
const UNCOVERED_NAME = '김쀍 갂';

const files = pdfFontFiles();
const font = (name: string) => fontkit.create(Buffer.from(files[name]!)) as fontkit.Font;
const subsetCoverage = hangulCoverage(font('Pretendard-Regular.subset.ttf').characterSet);

const withOwner = (charter: Charter, name: string): Charter => ({
  ...charter,
  owner: { ...charter.owner, name },
});
// The sentence and internal target as the charter's language words them (what the PDF prints).
const describeCommitment = (c: Commitment, locale: Locale) =>
  charterMessage(locale, commitmentMessage(c, locale));
const describeInternalTarget = (c: Commitment, locale: Locale) =>
  charterMessage(locale, internalTargetMessage(c, locale));

const commitment = <K extends Commitment['kind']>(charter: Charter, id: string, kind: K) => {
  const found = charter.commitments.find((c) => c.id === id);
  if (!found || found.kind !== kind) throw new Error(`${charter.id}: ${id} is not a ${kind} commitment`);
  return found as Extract<Commitment, { kind: K }>;
};

/** Bits set in a base64 bitmap. */
const popcount = (base64: string) =>
  [...atob(base64)].reduce((n, ch) => {
    let b = ch.charCodeAt(0);
    while (b) {
      n += b & 1;
      b >>= 1;
    }
    return n;
  }, 0);

type Rendered = { charter: Charter; pdf: Buffer; text: string; pages: number };
const sizes: string[] = [];

afterAll(() => {
  console.info(`PDF sizes:\n  ${sizes.join('\n  ')}`);
});

async function render(charter: Charter, label: string): Promise<Rendered> {
  const pdf = await renderCharterPdf(charter);
  const { text, pages } = await pdfText(pdf);
  sizes.push(`${label}: ${pdf.length} bytes, ${pages} page(s)`);
  return { charter, pdf, text, pages };
}

describe.each([
  {
    locale: 'ko',
    headings: ['고객님께 드리는 약속', '중요한 순간', '사후관리'],
    lang: 'ko-KR',
    subject: '서비스 헌장 — 버전 1 초안',
  },
  {
    locale: 'en',
    headings: ['My commitments to you', 'Moments that matter', 'After the sale'],
    lang: 'en-US',
    subject: 'Service charter — Draft of version 1',
  },
] as const)('the car-sales.$locale template as a PDF', ({ locale, headings, lang, subject }) => {
  let doc: Rendered;
  beforeAll(async () => {
    doc = await render(withOwner(loadTemplate(`car-sales.${locale}`), RARE_NAME), `car-sales.${locale}`);
  }, 60_000);

  it('is a PDF of at least three pages', () => {
    expect(doc.pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(doc.pages).toBeGreaterThanOrEqual(3);
  });

  it('prints the title, the owner with the rare syllables 똠, 햏 and 뷁, and the section headings', () => {
    const text = squash(doc.text);
    expect(text).toContain(squash(doc.charter.title));
    expect(text).toContain(RARE_NAME);
    for (const syllable of ['똠', '햏', '뷁']) expect(text).toContain(syllable);
    for (const heading of headings) expect(text).toContain(heading);
  });

  it('prints every commitment as the customer reads it', () => {
    expect(doc.charter.commitments.length).toBeGreaterThanOrEqual(5);
    const text = squash(doc.text);
    for (const c of doc.charter.commitments) {
      const sentence = describeCommitment(c, doc.charter.locale);
      // A sentence wrapped across lines is broken at a space, so normalising white space is enough.
      expect(text, c.id).toContain(squash(sentence));
      expect(unspaced(doc.text), c.id).toContain(unspaced(sentence));
    }
  });

  it('keeps the internal targets out of the customer’s copy', () => {
    const c1 = commitment(doc.charter, 'c1', 'within');
    const promised = describeCommitment(c1, doc.charter.locale);
    const internal = describeInternalTarget(c1, doc.charter.locale);
    // The buffer differs from the promise and is written nowhere else in the template.
    expect(internal).toBe(locale === 'ko' ? '영업시간 기준 1시간' : '1 business hour');
    expect(promised).not.toContain(internal);
    expect(JSON.stringify(doc.charter)).not.toContain(internal);
    expect(squash(doc.text)).toContain(squash(promised));
    expect(squash(doc.text)).not.toMatch(new RegExp(`${internal}(?!s)`));
    const amount = commitment(doc.charter, 'c7', 'amount');
    expect(unspaced(doc.text)).not.toContain(
      unspaced(describeCommitment({ ...amount, promised: amount.internal }, doc.charter.locale)),
    );
  });

  it('carries the title, the owner as author and the language in its metadata', () => {
    expect(pdfMetadata(doc.pdf)).toEqual({
      title: doc.charter.title,
      author: RARE_NAME,
      subject,
      lang,
    });
  });

  it('embeds only subsets of Pretendard as TrueType programs', () => {
    const raw = doc.pdf.toString('latin1');
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+Pretendard/);
    expect(raw).toContain('/FontFile2');
    const fonts = embeddedFonts(doc.pdf);
    expect(fonts.map((f) => f.baseFont).sort()).toEqual([
      expect.stringMatching(/^[A-Z]{6}\+Pretendard-Bold$/),
      expect.stringMatching(/^[A-Z]{6}\+Pretendard-Regular$/),
    ]);
    for (const f of fonts) {
      expect(f.hasFontFile2).toBe(true);
      // The whole subset font is ≈0.75 MB: only the glyphs used are embedded.
      expect(f.programBytes).toBeLessThan(60_000);
    }
  });

  it('draws 똠, 햏 and 뷁 with real outlines from the subset family', () => {
    expect(pickFontFamily(charterText(doc.charter), subsetCoverage)).toBe(SUBSET_FAMILY);
    const regular = embeddedFonts(doc.pdf).find((f) => f.baseFont.endsWith('Pretendard-Regular'))!;
    for (const syllable of ['똠', '햏', '뷁'])
      expect(regular.glyphFor(syllable), syllable).toEqual({ cid: expect.any(Number), drawn: true });
  });

  it('prints the page footer on every page ("Page 1 of N" / "N쪽 중 1쪽")', async () => {
    const en = await render(loadTemplate('car-sales.en'), 'car-sales.en footer');
    expect(squash(en.text)).toContain(squash(`Page 1 of ${en.pages}`));
    expect(squash(en.text)).toContain(squash(`Page ${en.pages} of ${en.pages}`));
    const ko = await render(loadTemplate('car-sales.ko'), 'car-sales.ko footer');
    expect(squash(ko.text)).toContain(squash(`${ko.pages}쪽 중 1쪽`));
  }, 60_000);
});

describe('the Korean template', () => {
  it('stays small: at most 120,000 bytes', async () => {
    const { pdf, pages } = await render(loadTemplate('car-sales.ko'), 'car-sales.ko (no owner name)');
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(pdf.length).toBeLessThanOrEqual(120_000);
  }, 60_000);

  it('with syllables outside the subset, uses the full family and draws them', async () => {
    const charter = withOwner(loadTemplate('car-sales.ko'), UNCOVERED_NAME);
    expect(pickFontFamily(charterText(charter), subsetCoverage)).toBe(FULL_FAMILY);
    const { pdf, text } = await render(charter, 'car-sales.ko (name outside the subset)');
    expect(pdf.length).toBeLessThanOrEqual(120_000);
    expect(squash(text)).toContain(UNCOVERED_NAME);
    const regular = embeddedFonts(pdf).find((f) => f.baseFont.endsWith('Pretendard-Regular'))!;
    for (const syllable of ['쀍', '갂']) expect(regular.glyphFor(syllable)?.drawn, syllable).toBe(true);
    expect(pdfMetadata(pdf).author).toBe(UNCOVERED_NAME);
  }, 60_000);

  it('would lose those syllables with the subset family (so the check above means something)', async () => {
    const charter = withOwner(loadTemplate('car-sales.ko'), UNCOVERED_NAME);
    await renderCharterPdf(defaultCharter({ id: 'warm', now: '2026-01-01T00:00:00.000Z', locale: 'ko' }));
    const element = createElement(CharterDocument, { charter, fontFamily: SUBSET_FAMILY });
    const pdf = await renderToBuffer(element as unknown as ReactElement<DocumentProps>);
    const regular = embeddedFonts(pdf).find((f) => f.baseFont.endsWith('Pretendard-Regular'))!;
    expect(regular.glyphFor('쀍')?.drawn ?? false).toBe(false);
    expect(regular.glyphFor('김')?.drawn).toBe(true);
  }, 60_000);
});

// The text layer across documents (’ after a comma) is checked in text-layer.test.ts, in a fresh process.

describe('choosing the font family', () => {
  it('picks the subset for common and for covered rare syllables, the full font otherwise', () => {
    const cases: [string, string][] = [
      ['', SUBSET_FAMILY],
      ['Service charter', SUBSET_FAMILY],
      ['김민준의 서비스 헌장', SUBSET_FAMILY],
      ['똠', SUBSET_FAMILY],
      ['햏', SUBSET_FAMILY],
      ['뷁', SUBSET_FAMILY],
      ['가', SUBSET_FAMILY],
      ['힣', SUBSET_FAMILY],
      ['쀍', FULL_FAMILY],
      ['갂', FULL_FAMILY],
      ['펲', FULL_FAMILY],
      ['김민준 펲', FULL_FAMILY],
      // Only precomposed syllables count: jamo, emoji and other scripts never force the full font.
      ['각 ㄱㄴ 👩‍👩‍👧‍👦 中文 日本語 السعر', SUBSET_FAMILY],
    ];
    for (const [text, family] of cases) expect(pickFontFamily(text, subsetCoverage), text).toBe(family);
  });

  it('picks the subset for every template', () => {
    const names = readdirSync(TEMPLATES_DIR).filter((n) => n.endsWith('.json'));
    expect(names).toHaveLength(12);
    for (const name of names)
      expect(
        pickFontFamily(charterText(loadTemplate(name.replace(/\.json$/, ''))), subsetCoverage),
        name,
      ).toBe(SUBSET_FAMILY);
  });

  it('reads a hand-made coverage bitmap bit by bit, ends included', () => {
    const coverage = hangulCoverage([0xac00, 0xd7a3, 0xac08, 0x41, 0x3131, 0x1f600]);
    expect(popcount(coverage)).toBe(3);
    expect(pickFontFamily('가', coverage)).toBe(SUBSET_FAMILY);
    expect(pickFontFamily('힣', coverage)).toBe(SUBSET_FAMILY);
    expect(pickFontFamily('갈', coverage)).toBe(SUBSET_FAMILY);
    expect(pickFontFamily('각', coverage)).toBe(FULL_FAMILY);
    expect(pickFontFamily('힢', coverage)).toBe(FULL_FAMILY);
    expect(pickFontFamily('A ㄱ 😀', coverage)).toBe(SUBSET_FAMILY);
    expect(pickFontFamily('가나', coverage)).toBe(FULL_FAMILY);
  });
});

describe('the converted fonts', () => {
  const woffPath = (name: string) =>
    `${TEMPLATES_DIR}../node_modules/pretendard/dist/web/static/woff-subset/${name}`;

  it('the subset covers 2,780 Hangul syllables and its bitmap decodes to that count', () => {
    const subset = font('Pretendard-Regular.subset.ttf');
    const hangul = subset.characterSet.filter((cp) => cp >= 0xac00 && cp <= 0xd7a3);
    expect(hangul).toHaveLength(2_780);
    expect(atob(subsetCoverage)).toHaveLength(Math.ceil(11_172 / 8));
    expect(popcount(subsetCoverage)).toBe(2_780);
    expect(hangulCoverage(font('Pretendard-Bold.subset.ttf').characterSet)).toBe(subsetCoverage);
    expect(popcount(hangulCoverage(font('Pretendard-Regular.ttf').characterSet))).toBe(11_172);
  });

  it('woffToSfnt writes back every table as the WOFF describes it', () => {
    const woff = readFileSync(woffPath('Pretendard-Regular.subset.woff'));
    const sfnt = woffToSfnt(woff, (d) => inflateSync(d));
    const w = new DataView(woff.buffer, woff.byteOffset, woff.byteLength);
    const s = new DataView(sfnt.buffer, sfnt.byteOffset, sfnt.byteLength);
    const numTables = w.getUint16(12);
    expect(s.getUint32(0)).toBe(w.getUint32(4)); // flavour
    expect(s.getUint16(4)).toBe(numTables);
    expect(s.getUint16(6)).toBe(16 * 2 ** Math.floor(Math.log2(numTables))); // searchRange
    const woffTables = new Map<number, { checksum: number; length: number }>();
    for (let i = 0; i < numTables; i++) {
      const e = 44 + 20 * i;
      woffTables.set(w.getUint32(e), { checksum: w.getUint32(e + 16), length: w.getUint32(e + 12) });
    }
    let previousTag = -1;
    for (let i = 0; i < numTables; i++) {
      const r = 12 + 16 * i;
      const tag = s.getUint32(r);
      const offset = s.getUint32(r + 8);
      const length = s.getUint32(r + 12);
      expect(tag).toBeGreaterThan(previousTag);
      previousTag = tag;
      expect(offset % 4).toBe(0);
      expect({ checksum: s.getUint32(r + 4), length }).toEqual(woffTables.get(tag));
      // The table's own checksum matches the one recorded (head: with checkSumAdjustment counted as 0).
      const padded = new Uint8Array((length + 3) & ~3);
      padded.set(sfnt.subarray(offset, offset + length));
      const isHead = tag === 0x68656164;
      if (isHead) padded.fill(0, 8, 12);
      const view = new DataView(padded.buffer);
      let sum = 0;
      for (let j = 0; j < padded.length; j += 4) sum = (sum + view.getUint32(j)) >>> 0;
      expect(sum, `table ${tag.toString(16)}`).toBe(woffTables.get(tag)!.checksum);
    }
    expect(Buffer.from(sfnt).equals(Buffer.from(files['Pretendard-Regular.subset.ttf']!))).toBe(true);
  });

  it('woffToSfnt refuses what is not a WOFF 1.0 file or has a cut table', () => {
    const ttf = files['Pretendard-Regular.subset.ttf']!;
    expect(() => woffToSfnt(ttf, (d) => d)).toThrow('not a WOFF 1.0 file');
    const woff = readFileSync(woffPath('Pretendard-Regular.subset.woff'));
    expect(() => woffToSfnt(woff, (d) => d.subarray(1))).toThrow('a WOFF table has the wrong length');
  });
});

describe('rich text in the PDF', () => {
  const text = (value: string, marks?: ('bold' | 'italic')[]) => ({
    type: 'text' as const,
    text: value,
    ...(marks ? { marks: marks.map((type) => ({ type })) } : {}),
  });
  const item = (value: string) => ({
    type: 'listItem' as const,
    content: [{ type: 'paragraph' as const, content: [text(value)] }],
  });
  const vision = (href: string): RichTextDoc => ({
    type: 'doc',
    content: [
      { type: 'heading', attrs: { level: 2 }, content: [text('Headingword')] },
      {
        type: 'paragraph',
        content: [
          text('Plainword '),
          text('Boldword', ['bold']),
          text(' '),
          text('Italicword', ['italic']),
          text(' '),
          text('Bothword', ['bold', 'italic']),
          { type: 'hardBreak' },
          {
            type: 'text',
            text: 'Safelinkword',
            marks: [{ type: 'link', attrs: { href: 'https://example.com/charter' } }],
          },
          text(' '),
          { type: 'text', text: 'Evillinkword', marks: [{ type: 'link', attrs: { href } }] },
        ],
      },
      { type: 'bulletList', content: [item('Bulletone'), item('Bullettwo')] },
      { type: 'orderedList', attrs: { start: 3 }, content: [item('Numberone'), item('Numbertwo')] },
    ],
  });

  // The factory owner's phone, email and web site, as the cover links them.
  const owner = createCharter().owner;
  const CONTACT_URIS = [
    `tel:${owner.phone.replace(/[^+0-9]/g, '')}`,
    `mailto:${owner.email}`,
    /^https?:/.test(owner.website) ? owner.website : `https://${owner.website}`,
  ];

  it('renders every word, list markers and numbers, and a link only for the safe URL', async () => {
    // renderCharterPdf does not validate: the unsafe link reaches the RichText block itself.
    const charter = createCharter({ locale: 'en', vision: vision('javascript:alert(1)') });
    const { pdf, text: extracted } = await render(charter, 'rich text');
    const lines = extracted.split('\n').map(squash);
    for (const word of [
      'Headingword',
      'Plainword',
      'Boldword',
      'Italicword',
      'Bothword',
      'Safelinkword',
      'Evillinkword',
    ])
      expect(extracted).toContain(word);
    expect(lines).toEqual(
      expect.arrayContaining(['• Bulletone', '• Bullettwo', '3. Numberone', '4. Numbertwo']),
    );
    // Besides the vision's links, only the owner's contact details on the cover are clickable.
    const uris = pdfUris(pdf).filter((u) => !CONTACT_URIS.includes(u));
    expect(uris).toContain('https://example.com/charter');
    expect(uris.filter((u) => !/^https?:/.test(u))).toEqual([]);
    expect(pdf.toString('latin1')).not.toMatch(/javascript/i);
  }, 60_000);

  it.each(['javascript:alert(1)', ' JavaScript:alert(1)', 'data:text/html,<script>1</script>', 'vbscript:x'])(
    'a %j link never becomes a /URI',
    async (href) => {
      const pdf = await renderCharterPdf(createCharter({ locale: 'en', vision: vision(href) }));
      expect(pdfUris(pdf).filter((u) => !CONTACT_URIS.includes(u))).toEqual(['https://example.com/charter']);
    },
    60_000,
  );

  it('restore() refuses a charter carrying a javascript: link', () => {
    const charter = createCharter({ locale: 'en', vision: vision('javascript:alert(1)') });
    const result = restore({
      format: CHARTER_FORMAT,
      version: CURRENT_VERSION,
      exportedAt: '2026-04-01T12:00:00.000Z',
      charter,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(readInBoth(result.errors)).toEqual([
      {
        path: 'charter.vision.content[1].content[9].marks[0].attrs.href',
        message: {
          en: 'must be an http, https, mailto or tel link',
          ko: 'http, https, mailto, tel 링크만 쓸 수 있습니다',
        },
      },
    ]);
  });
});
