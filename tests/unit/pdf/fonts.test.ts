// Word breaking for the PDF (react-pdf's hyphenation callback) and the PDF's download file name.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hyphenate } from '../../../src/pdf/fonts';
import { pdfFilename } from '../../../src/pdf/pdf-client';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const codePoints = (s: string) => Array.from(s).length;
/** `piece` repeated into one word of at most `length` UTF-16 units, never cutting a piece. */
const longWord = (piece: string, length = 10_000) => piece.repeat(Math.floor(length / piece.length));

/** The chunks of a split word: each at most 24 code points, none cutting a surrogate pair, joining back. */
function expectSplit(word: string) {
  const chunks = hyphenate(word);
  expect(chunks.join('')).toBe(word);
  for (const chunk of chunks) {
    expect(chunk.length).toBeGreaterThan(0);
    expect(codePoints(chunk)).toBeLessThanOrEqual(24);
    expect(chunk).not.toMatch(LONE_SURROGATE);
  }
  return chunks;
}

describe('hyphenate', () => {
  it.each([
    ['한', 1],
    ['고객님께', 4],
    ['서비스헌장', 5],
    ['받지못한전화와문자에는제가직접답신드립니다', 21],
    ['가'.repeat(25), 25],
    ['가'.repeat(79), 79],
    ['가'.repeat(80), 80],
    ['똠햏뷁'.repeat(26), 78],
    // One Hangul syllable keeps a mixed word whole too.
    [`${'a'.repeat(60)}가`, 61],
    ['(시작:부재중전화또는문의문자).', 17],
  ])('keeps the Korean word %j (%i characters) whole', (word) => {
    expect(hyphenate(word)).toEqual([word]);
  });

  it.each([
    ['a', 1],
    ['charter', 7],
    ['Service', 7],
    ['internationalization', 20],
    ['out-the-door', 12],
    ['https://example.com/abcd', 24],
    ['a'.repeat(24), 24],
  ])('keeps the English word %j (%i characters) whole, without hyphenating it', (word) => {
    expect(hyphenate(word)).toEqual([word]);
  });

  it('splits a word longer than 24 characters without separators (a pasted code) every 24 code points', () => {
    expect(hyphenate('a'.repeat(25))).toEqual(['a'.repeat(24), 'a']);
    expect(hyphenate('antidisestablishmentarianism')).toEqual(['antidisestablishmentaria', 'nism']);
    expect(hyphenate('가'.repeat(81))).toEqual([
      '가'.repeat(24),
      '가'.repeat(24),
      '가'.repeat(24),
      '가'.repeat(9),
    ]);
  });

  it.each([
    ['Latin', longWord('x')],
    ['Hangul', longWord('가')],
    ['rare Hangul', longWord('똠햏뷁')],
    ['digits and punctuation', longWord('0123456789-_./')],
    ['emoji (surrogate pairs)', longWord('😀')],
    ['emoji at odd offsets', `a${longWord('😀', 9_999)}`],
    ['ZWJ sequences', longWord('👩‍👩‍👧‍👦🧑🏽‍💻')],
    ['keycaps', longWord('1️⃣#️⃣')],
    ['mixed scripts', longWord('가a😀中ש١\u0301\u200b')],
  ])('splits a 10,000-character %s word into chunks of at most 24 code points that join back', (_, word) => {
    expect(word.length).toBeGreaterThanOrEqual(9_990);
    const chunks = expectSplit(word);
    // Words with separators also break after each of them (see the URL test below).
    if (!/[/.@?&=#_:;,~-]/.test(word)) expect(chunks.length).toBe(Math.ceil(codePoints(word) / 24));
  });

  it('breaks a long URL or e-mail address after its separators, not in the middle of a name', () => {
    expect(hyphenate('https://www.example-dealer.co.kr/service?customer=kim&ref=mail')).toEqual([
      'https:',
      '/',
      '/',
      'www.',
      'example-dealer.',
      'co.',
      'kr/',
      'service?',
      'customer=',
      'kim&',
      'ref=',
      'mail',
    ]);
    expect(hyphenate('customer.service.seoul@example.co.kr')).toEqual([
      'customer.',
      'service.',
      'seoul@',
      'example.',
      'co.',
      'kr',
    ]);
    // A stretch longer than 24 characters between separators is still cut every 24.
    expect(hyphenate(`example.com/${'a'.repeat(30)}`)).toEqual([
      'example.',
      'com/',
      'a'.repeat(24),
      'a'.repeat(6),
    ]);
  });

  it('never loses, adds or cuts characters, whatever the word (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-composite', maxLength: 400 }), (word) => {
        const chunks = hyphenate(word);
        expect(chunks.join('')).toBe(word);
        if (chunks.length > 1) for (const chunk of chunks) expect(codePoints(chunk)).toBeLessThanOrEqual(24);
        for (const chunk of chunks) expect(chunk).not.toMatch(LONE_SURROGATE);
      }),
      { numRuns: 500 },
    );
  });
});

describe('pdfFilename', () => {
  it.each([
    ['김민준', 1, 'charter-김민준-v1.pdf'],
    ['Alex Park', 2, 'charter-Alex-Park-v2.pdf'],
    ['Mary  Jane   Watson', 12, 'charter-Mary-Jane-Watson-v12.pdf'],
    ['  김 민준  ', 1, 'charter-김-민준-v1.pdf'],
    ['김민준 (영업)', 3, 'charter-김민준-(영업)-v3.pdf'],
    ['김똠햏 뷁', 1, 'charter-김똠햏-뷁-v1.pdf'],
    // Unsafe in file names on some system: removed.
    ['a\\b/c:d*e?f"g<h>i|j', 1, 'charter-abcdefghij-v1.pdf'],
    ['..\\..\\etc/passwd', 1, 'charter-etcpasswd-v1.pdf'],
    ['C:\\Users\\kim', 1, 'charter-CUserskim-v1.pdf'],
    ['김\u0000민\u001b준\u001f\u007f', 1, 'charter-김민준-v1.pdf'],
    // Leading and trailing dots and hyphens go (no hidden files, no "name-.pdf").
    ['.hidden', 1, 'charter-hidden-v1.pdf'],
    ['-kim-', 1, 'charter-kim-v1.pdf'],
    // Korean typed on some systems arrives decomposed: the name is composed again.
    ['김민준'.normalize('NFD'), 1, 'charter-김민준-v1.pdf'],
    // Nothing usable left: "untitled".
    ['', 3, 'charter-untitled-v3.pdf'],
    ['   ', 3, 'charter-untitled-v3.pdf'],
    ['\\/:*?"<>|', 3, 'charter-untitled-v3.pdf'],
    ['...', 3, 'charter-untitled-v3.pdf'],
    [' . - ', 3, 'charter-untitled-v3.pdf'],
    ['\u0001\u0002', 3, 'charter-untitled-v3.pdf'],
  ])('%j, v%i → %j', (owner, version, expected) => {
    expect(pdfFilename(owner, version)).toBe(expected);
  });

  it('caps the owner part at 60 characters', () => {
    expect(pdfFilename('a'.repeat(200), 1)).toBe(`charter-${'a'.repeat(60)}-v1.pdf`);
    expect(pdfFilename('김'.repeat(61), 7)).toBe(`charter-${'김'.repeat(60)}-v7.pdf`);
    expect(pdfFilename('Kim Minjun '.repeat(20), 1)).toBe(
      `charter-${'Kim-Minjun-'.repeat(6).slice(0, 60)}-v1.pdf`,
    );
    expect(pdfFilename('x'.repeat(100_000), 100_000).length).toBe(
      'charter-'.length + 60 + '-v100000.pdf'.length,
    );
  });

  it('never keeps an unsafe or control character (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 120 }),
        fc.integer({ min: 1, max: 100_000 }),
        (owner, v) => {
          const name = pdfFilename(owner, v);
          // eslint-disable-next-line no-control-regex -- the point of the check
          expect(name).not.toMatch(/[\\/:*?"<>|\u0000-\u001f\u007f\s]/);
          expect(name).toMatch(new RegExp(`^charter-.+-v${v}\\.pdf$`));
          expect(name.length).toBeLessThanOrEqual('charter-'.length + 60 + `-v${v}.pdf`.length);
        },
      ),
      { numRuns: 500 },
    );
  });
});
