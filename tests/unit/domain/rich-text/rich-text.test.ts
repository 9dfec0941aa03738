import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { issuesToErrors } from '../../../../src/domain/interchange/errors';
import { readInBoth } from '../../i18n/in-both';
import {
  emptyRichText,
  isSafeHref,
  richTextFromPlain,
  richTextSchema,
  richTextToPlain,
} from '../../../../src/domain/rich-text/rich-text';
import type { RichTextDoc } from '../../../../src/domain/rich-text/rich-text';

describe('isSafeHref', () => {
  it.each([
    'http://example.com',
    'https://example.com/charter?lang=ko#vision',
    'HTTPS://EXAMPLE.COM',
    '  https://example.com  ',
    'mailto:minjun.kim@example.com',
    'tel:+82-10-1234-5678',
    'https://예시.한국/헌장',
  ])('accepts %j', (href) => {
    expect(isSafeHref(href)).toBe(true);
  });

  it.each([
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    'JavaScript:alert(1)',
    ' javascript:alert(1)',
    '\tjavascript:alert(1)',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'ftp://example.com',
    '/x',
    './charter',
    '//example.com',
    'example.com',
    '#vision',
    '',
    '   ',
  ])('refuses %j', (href) => {
    expect(isSafeHref(href)).toBe(false);
  });

  it('accepts a link of exactly 2048 characters and refuses one of 2049', () => {
    const prefix = 'https://example.com/'; // 20 characters
    expect(isSafeHref(prefix + 'a'.repeat(2_028))).toBe(true);
    expect(isSafeHref(prefix + 'a'.repeat(2_029))).toBe(false);
  });
});

describe('richTextSchema', () => {
  const withLink = (href: string): RichTextDoc => ({
    type: 'doc',
    content: [
      {
        type: 'paragraph',
        content: [{ type: 'text', text: '제 블로그', marks: [{ type: 'link', attrs: { href } }] }],
      },
    ],
  });

  it('accepts headings, lists, bold, italic, hard breaks and safe links', () => {
    const doc: RichTextDoc = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: '서비스 비전' }] },
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: '굵게', marks: [{ type: 'bold' }, { type: 'italic' }] },
            { type: 'hardBreak' },
            { type: 'text', text: '연락처', marks: [{ type: 'link', attrs: { href: 'tel:010-1234-5678' } }] },
          ],
        },
        { type: 'paragraph' },
        {
          type: 'orderedList',
          attrs: { start: 3 },
          content: [
            { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: '하나' }] }] },
          ],
        },
      ],
    };

    expect(richTextSchema.safeParse(doc).success).toBe(true);
  });

  it('refuses a javascript: link with a bilingual message at the link', () => {
    const parsed = richTextSchema.safeParse(withLink('javascript:alert(document.cookie)'));

    expect(parsed.success).toBe(false);
    expect(readInBoth(issuesToErrors(parsed.error!.issues))).toEqual([
      {
        path: 'content[0].content[0].marks[0].attrs.href',
        message: {
          en: 'must be an http, https, mailto or tel link',
          ko: 'http, https, mailto, tel 링크만 쓸 수 있습니다',
        },
      },
    ]);
  });

  it.each([
    ['an unknown block', { type: 'doc', content: [{ type: 'codeBlock', content: [] }] }],
    ['raw HTML as a node', { type: 'doc', content: [{ type: 'html', html: '<script>alert(1)</script>' }] }],
    [
      'an unknown mark',
      {
        type: 'doc',
        content: [
          { type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'underline' }] }] },
        ],
      },
    ],
    [
      'an image',
      {
        type: 'doc',
        content: [{ type: 'paragraph', content: [{ type: 'image', attrs: { src: 'https://x' } }] }],
      },
    ],
    [
      'an empty text node',
      { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '' }] }] },
    ],
    ['heading level 4', { type: 'doc', content: [{ type: 'heading', attrs: { level: 4 } }] }],
    ['an empty list', { type: 'doc', content: [{ type: 'bulletList', content: [] }] }],
    ['a root that is not a doc', { type: 'paragraph', content: [] }],
  ])('refuses %s', (_name, doc) => {
    expect(richTextSchema.safeParse(doc).success).toBe(false);
  });
});

describe('richTextFromPlain', () => {
  it('turns empty text into the empty document', () => {
    expect(richTextFromPlain('')).toEqual(emptyRichText);
  });

  it('makes one paragraph per line, an empty line becoming an empty paragraph', () => {
    expect(richTextFromPlain('첫 줄\n\n셋째 줄')).toEqual({
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: '첫 줄' }] },
        { type: 'paragraph' },
        { type: 'paragraph', content: [{ type: 'text', text: '셋째 줄' }] },
      ],
    });
  });

  it('makes two empty paragraphs from a lone line break', () => {
    expect(richTextFromPlain('\n').content).toHaveLength(2);
  });
});

describe('richTextToPlain', () => {
  it('writes one line per paragraph, heading and list item, dropping formatting', () => {
    const doc: RichTextDoc = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: '약속' }] },
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: '전화는 ' },
            { type: 'text', text: '4시간', marks: [{ type: 'bold' }] },
            { type: 'text', text: ' 안에' },
          ],
        },
        {
          type: 'bulletList',
          content: [
            {
              type: 'listItem',
              content: [
                { type: 'paragraph', content: [{ type: 'text', text: 'A' }] },
                {
                  type: 'orderedList',
                  content: [
                    {
                      type: 'listItem',
                      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'A.1' }] }],
                    },
                  ],
                },
              ],
            },
            { type: 'listItem', content: [{ type: 'paragraph' }] },
          ],
        },
      ],
    };

    expect(richTextToPlain(doc)).toBe('약속\n전화는 4시간 안에\nA\nA.1\n');
  });

  it('writes a hard break as a line break', () => {
    const doc: RichTextDoc = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [{ type: 'text', text: '서울' }, { type: 'hardBreak' }, { type: 'text', text: '강남' }],
        },
      ],
    };

    expect(richTextToPlain(doc)).toBe('서울\n강남');
  });

  it('gives empty text for the empty document', () => {
    expect(richTextToPlain(emptyRichText)).toBe('');
  });
});

describe('plain text round trip', () => {
  it.each([
    '',
    'a',
    '\n',
    '\n\n',
    'a\n',
    '\na',
    'a\n\nb',
    '\n\n\n가\n\n',
    '  앞뒤 공백  ',
    'windows\r\nline',
    '\r',
    '😀 이모지',
    '안녕하세요\n반갑습니다',
  ])('richTextToPlain(richTextFromPlain(%j)) gives the text back, as a valid document', (text) => {
    const doc = richTextFromPlain(text);

    expect(richTextSchema.safeParse(doc).success).toBe(true);
    expect(richTextToPlain(doc)).toBe(text);
  });

  it('gives any text back, and a valid document, for texts with many line breaks', () => {
    const unit = fc.oneof(
      { weight: 3, arbitrary: fc.constant('\n') },
      { weight: 1, arbitrary: fc.constantFrom('\r', ' ', '\t', '\u00a0', '\uFEFF') },
      { weight: 6, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 3 }) },
    );
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 60 }), (units) => {
        const text = units.join('');
        const doc = richTextFromPlain(text);
        return richTextToPlain(doc) === text && richTextSchema.safeParse(doc).success;
      }),
      { numRuns: 2_000 },
    );
  });

  it('gives any full-Unicode text back', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 200 }),
        (text) => richTextToPlain(richTextFromPlain(text)) === text,
      ),
      { numRuns: 2_000 },
    );
  });
});
