import { describe, expect, it } from 'vitest';
import { defaultCharter } from '../../../../src/domain/charter/charter';
import {
  HANDOVERS,
  handoverDayName,
  handoverName,
  momentWhen,
} from '../../../../src/domain/charter/handover';
import type { Handover } from '../../../../src/domain/charter/handover';
import { decodeShareLink, encodeShareLink } from '../../../../src/domain/interchange/share-link';
import { charterMessage } from '../../../../src/i18n/charter-message';
import { deflateRaw, inflateRaw } from '../../../../src/persistence/compression';
import { createCharter, publish } from '../../factories';

describe('the handover in the trade’s words', () => {
  // Per handover: ko and en for 30 days after, 3 days before, the day itself, and the day's name.
  const cases: [Handover, string[], string[]][] = [
    [
      'delivery',
      ['인도 30일 후', '인도 3일 전', '인도 당일', '인도일'],
      ['30 days after delivery', '3 days before delivery', 'On the day of delivery', 'delivery date'],
    ],
    [
      'installation',
      ['설치 30일 후', '설치 3일 전', '설치 당일', '설치일'],
      [
        '30 days after installation',
        '3 days before installation',
        'On the day of installation',
        'installation date',
      ],
    ],
    [
      'move-in',
      ['입주 30일 후', '입주 3일 전', '입주 당일', '입주일'],
      ['30 days after move-in', '3 days before move-in', 'On the day of move-in', 'move-in date'],
    ],
    [
      'closing',
      ['잔금 30일 후', '잔금 3일 전', '잔금 당일', '잔금일'],
      ['30 days after closing', '3 days before closing', 'On the day of closing', 'closing date'],
    ],
    [
      'go-live',
      ['오픈 30일 후', '오픈 3일 전', '오픈 당일', '오픈일'],
      ['30 days after go-live', '3 days before go-live', 'On the day of go-live', 'go-live date'],
    ],
    [
      'policy-delivery',
      ['증권 전달 30일 후', '증권 전달 3일 전', '증권 전달 당일', '증권 전달일'],
      [
        '30 days after policy delivery',
        '3 days before policy delivery',
        'On the day of policy delivery',
        'policy delivery date',
      ],
    ],
  ];

  it('covers every handover the schema knows', () => {
    expect(cases.map(([h]) => h)).toEqual([...HANDOVERS]);
  });

  it.each(cases)('%s', (handover, ko, en) => {
    for (const [locale, expected] of [
      ['ko', ko],
      ['en', en],
    ] as const) {
      expect([
        charterMessage(locale, momentWhen({ anchor: 'delivery', offsetDays: 30 }, handover)),
        charterMessage(locale, momentWhen({ anchor: 'delivery', offsetDays: -3 }, handover)),
        charterMessage(locale, momentWhen({ anchor: 'delivery', offsetDays: 0 }, handover)),
        charterMessage(locale, handoverDayName(handover)),
      ]).toEqual(expected);
    }
  });

  it('a moment counted from the won deal says signing whatever the handover; one day is singular', () => {
    expect(charterMessage('ko', momentWhen({ anchor: 'deal-won', offsetDays: 14 }, 'move-in'))).toBe(
      '계약 14일 후',
    );
    expect(charterMessage('en', momentWhen({ anchor: 'deal-won', offsetDays: 1 }, 'go-live'))).toBe(
      '1 day after signing',
    );
    expect(charterMessage('ko', handoverName('go-live'))).toBe('오픈');
  });

  it('a new charter counts from delivery', () => {
    expect(defaultCharter({ id: 'c', now: '2026-12-01T00:00:00.000Z', locale: 'ko' }).handover).toBe(
      'delivery',
    );
  });
});

describe('share links carry the handover, the summary mark and the owner’s time zone', () => {
  const encode = (data: Parameters<typeof encodeShareLink>[0]) =>
    encodeShareLink(data, { compress: deflateRaw });
  const decode = (text: string) => decodeShareLink(text, { decompress: inflateRaw });
  const [charter] = publish(createCharter());

  it('a delivery charter’s link is the same as before schema 5 and decodes with delivery, no summary, Seoul', async () => {
    const result = await encode({ charter });
    if (!result.ok) throw new Error('not encoded');
    const decoded = await decode(result.text);

    expect(decoded).toMatchObject({ ok: true, charter: { handover: 'delivery' } });
    expect(decoded).not.toHaveProperty('summary');
    expect(decoded).not.toHaveProperty('timeZone');
  });

  it.each(HANDOVERS)('%s comes back', async (handover) => {
    const result = await encode({ charter: { ...charter, handover } });
    if (!result.ok) throw new Error('not encoded');
    expect(await decode(result.text)).toMatchObject({ ok: true, charter: { handover } });
  });

  it('a summary link says so and names the owner’s zone; Seoul is not written out', async () => {
    const summary = await encode({
      charter: { ...charter, handover: 'move-in' },
      summary: true,
      timeZone: 'America/New_York',
    });
    const seoul = await encode({ charter, timeZone: 'Asia/Seoul' });
    const plain = await encode({ charter });
    if (!summary.ok || !seoul.ok || !plain.ok) throw new Error('not encoded');

    expect(await decode(summary.text)).toMatchObject({
      ok: true,
      summary: true,
      timeZone: 'America/New_York',
      charter: { handover: 'move-in' },
    });
    expect(seoul.text).toBe(plain.text);
  });
});
