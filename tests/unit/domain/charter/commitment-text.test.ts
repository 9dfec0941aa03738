import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultCommitment } from '../../../../src/domain/charter/commitment';
import type { AmountTarget, Commitment, CommitmentKind } from '../../../../src/domain/charter/commitment';
import {
  describeAmount,
  describeCommitment,
  describeDuration,
  durationMinutes,
} from '../../../../src/domain/charter/commitment-text';
import type { Duration, Locale } from '../../../../src/domain/common';
import { charterMessage } from '../../../../src/i18n/charter-message';

type Of<K extends CommitmentKind> = Extract<Commitment, { kind: K }>;

/** `defaultCommitment(id, kind)` with `overrides` on top. */
const commitment = <K extends CommitmentKind>(kind: K, overrides: Partial<Of<K>> = {}): Of<K> => ({
  ...(defaultCommitment('c1', kind) as Of<K>),
  ...overrides,
});

const h = (value: number): Duration => ({ value, unit: 'hours' });
const d = (value: number): Duration => ({ value, unit: 'days' });

describe('durationMinutes', () => {
  it.each<[Duration, number]>([
    [{ value: 30, unit: 'minutes' }, 30],
    [h(4), 240],
    [{ value: 1.5, unit: 'hours' }, 90],
    [d(1), 1_440],
    [{ value: 2, unit: 'weeks' }, 20_160],
  ])('%j is %d minutes', (duration, minutes) => {
    expect(durationMinutes(duration)).toBe(minutes);
  });

  it('24 hours, 1 day and 1,440 minutes are the same length; 7 days is 1 week', () => {
    expect(durationMinutes(h(24))).toBe(durationMinutes(d(1)));
    expect(durationMinutes({ value: 1_440, unit: 'minutes' })).toBe(durationMinutes(d(1)));
    expect(durationMinutes(d(7))).toBe(durationMinutes({ value: 1, unit: 'weeks' }));
  });
});

describe('describeDuration', () => {
  it.each<[Duration, Locale, boolean, string]>([
    [h(4), 'ko', true, '영업시간 기준 4시간'],
    [d(1), 'ko', true, '영업일 기준 1일'],
    [{ value: 30, unit: 'minutes' }, 'ko', true, '30분'],
    [{ value: 2, unit: 'weeks' }, 'ko', true, '2주'],
    [h(4), 'ko', false, '4시간'],
    [d(3), 'ko', false, '3일'],
    [{ value: 1_500, unit: 'minutes' }, 'ko', false, '1,500분'],
    [h(4), 'en', true, '4 business hours'],
    [d(1), 'en', true, '1 business day'],
    [h(1), 'en', false, '1 hour'],
    [d(2), 'en', false, '2 days'],
    [{ value: 2, unit: 'weeks' }, 'en', true, '2 weeks'],
    [{ value: 1, unit: 'weeks' }, 'en', false, '1 week'],
    [{ value: 30, unit: 'minutes' }, 'en', true, '30 minutes'],
    [{ value: 1, unit: 'minutes' }, 'en', false, '1 minute'],
    [{ value: 1.5, unit: 'hours' }, 'en', false, '1.5 hours'],
    [{ value: 1_500, unit: 'minutes' }, 'en', false, '1,500 minutes'],
  ])('%j in %s (business time: %s) is %j', (duration, locale, business, text) => {
    expect(charterMessage(locale, describeDuration(duration, business))).toBe(text);
  });

  it('is not business time unless asked', () => {
    expect(charterMessage('en', describeDuration(h(4)))).toBe('4 hours');
    expect(charterMessage('ko', describeDuration(h(4)))).toBe('4시간');
  });
});

describe('describeAmount', () => {
  const amount = (value: number, unit: AmountTarget['unit'], label = ''): AmountTarget => ({
    value,
    unit,
    label,
  });

  it.each<[AmountTarget, Locale, string]>([
    [amount(1_500_000, 'KRW'), 'ko', '1,500,000원'],
    [amount(1_500_000, 'KRW'), 'en', '₩1,500,000'],
    [amount(0, 'KRW'), 'ko', '0원'],
    [amount(120, 'USD'), 'en', '$120'],
    [amount(1_234_567.891, 'USD'), 'en', '$1,234,567.89'],
    [amount(49.5, 'EUR'), 'en', '€49.50'],
    [amount(3_000, 'JPY'), 'en', '¥3,000'],
    [amount(5, 'percent'), 'ko', '5%'],
    [amount(12.5, 'percent'), 'en', '12.5%'],
    [amount(2, 'count', 'visits'), 'en', '2 visits'],
    [amount(2, 'count', '방문'), 'ko', '방문 2회'],
    [amount(1_200, 'count', 'calls'), 'en', '1,200 calls'],
    [amount(2, 'count', ' visits '), 'en', '2 visits'],
    [amount(3, 'count'), 'en', '3'],
    // Korean: a counter word follows the number; a noun comes first and is counted in 회.
    [amount(4, 'count', '회'), 'ko', '4회'],
    [amount(2, 'count', '건'), 'ko', '2건'],
    [amount(3, 'count'), 'ko', '3회'],
  ])('%j in %s is %j', (target, locale, text) => {
    expect(charterMessage(locale, describeAmount(target, locale))).toBe(text);
  });
});

describe('describeCommitment', () => {
  it.each<[string, Commitment, Locale, string]>([
    [
      'within, business hours',
      commitment('within', { what: '모든 전화에 회신합니다', trigger: '부재중 전화' }),
      'ko',
      '부재중 전화 후 영업시간 기준 4시간 이내에 모든 전화에 회신합니다.',
    ],
    [
      'within, business hours',
      commitment('within', { what: 'Return every call', trigger: 'A missed call' }),
      'en',
      'I return every call within 4 business hours of a missed call.',
    ],
    [
      'within, no trigger, calendar days, final full stop dropped',
      commitment('within', {
        what: '견적서를 보내 드립니다.',
        promised: d(1),
        internal: h(4),
        businessTime: false,
      }),
      'ko',
      '1일 이내에 견적서를 보내 드립니다.',
    ],
    [
      'within, no trigger, already first person',
      commitment('within', {
        what: 'I reply to every email.',
        promised: d(1),
        internal: h(4),
      }),
      'en',
      'I reply to every email within 1 business day.',
    ],
    [
      'within, "We" kept, an acronym in the trigger kept',
      commitment('within', { what: 'We confirm the booking', trigger: 'VIP requests', promised: h(1) }),
      'en',
      'We confirm the booking within 1 business hour of VIP requests.',
    ],
    [
      'done',
      commitment('done', { what: '차량 관리 안내를 보냅니다', trigger: '차량 인도' }),
      'ko',
      '차량 인도 후 30일 이내에 차량 관리 안내를 보냅니다.',
    ],
    [
      'done',
      commitment('done', { what: 'Send care tips', trigger: 'Delivery' }),
      'en',
      'I send care tips within 30 days of delivery.',
    ],
    [
      'by-date',
      commitment('by-date', { what: '합의한 날짜에 차량을 인도합니다', trigger: '계약' }),
      'ko',
      '합의한 날짜에 차량을 인도합니다.',
    ],
    [
      'by-date',
      commitment('by-date', { what: 'Deliver the car', trigger: 'A signed contract' }),
      'en',
      'I deliver the car by the date we agree on.',
    ],
    [
      'amount, at most, per deal',
      commitment('amount', {
        what: '청구 금액은 견적을 넘지 않습니다',
        promised: { value: 3_000_000, unit: 'KRW', label: '' },
      }),
      'ko',
      '청구 금액은 견적을 넘지 않습니다(거래당 3,000,000원 이하).',
    ],
    [
      'amount, at most, per deal',
      commitment('amount', {
        what: 'Bill no more than the quote',
        promised: { value: 3_000_000, unit: 'KRW', label: '' },
      }),
      'en',
      'I bill no more than the quote: at most ₩3,000,000 per deal.',
    ],
    [
      'amount, at least, per quarter, counted',
      commitment('amount', {
        what: '법인 고객을 직접 방문합니다',
        direction: 'at-least',
        promised: { value: 2, unit: 'count', label: '방문' },
        internal: { value: 3, unit: 'count', label: '방문' },
        period: 'per-quarter',
      }),
      'ko',
      '법인 고객을 직접 방문합니다(분기 방문 2회 이상).',
    ],
    [
      'amount, at least, per quarter, counted',
      commitment('amount', {
        what: 'Visit each business customer',
        direction: 'at-least',
        promised: { value: 2, unit: 'count', label: 'visits' },
        internal: { value: 3, unit: 'count', label: 'visits' },
        period: 'per-quarter',
      }),
      'en',
      'I visit each business customer: at least 2 visits a quarter.',
    ],
    [
      'amount, per month and per year',
      commitment('amount', {
        what: 'Keep the discount',
        direction: 'at-least',
        promised: { value: 5, unit: 'percent', label: '' },
        period: 'per-year',
      }),
      'en',
      'I keep the discount: at least 5% a year.',
    ],
    [
      'amount, per month',
      commitment('amount', {
        what: '안부 연락을 드립니다',
        direction: 'at-least',
        promised: { value: 1, unit: 'count', label: '연락' },
        period: 'per-month',
      }),
      'ko',
      '안부 연락을 드립니다(월 연락 1회 이상).',
    ],
    [
      'empty what, in the charter language',
      commitment('within'),
      'ko',
      '영업시간 기준 4시간 이내에 (약속 내용).',
    ],
    [
      'empty what, in the charter language',
      commitment('within'),
      'en',
      'I (what you promise) within 4 business hours.',
    ],
  ])('%s (%s)', (_label, c, locale, text) => {
    expect(charterMessage(locale, describeCommitment(c, locale))).toBe(text);
  });

  it.each(['within', 'by-date', 'amount', 'done'] as const)(
    'always ends as one sentence, whatever is typed (%s)',
    (kind) => {
      fc.assert(
        fc.property(fc.string({ maxLength: 60 }), fc.string({ maxLength: 60 }), (what, trigger) => {
          for (const locale of ['ko', 'en'] as const) {
            const text = charterMessage(
              locale,
              describeCommitment(commitment(kind, { what, trigger }), locale),
            );
            expect(text).toMatch(/[.!?。]$/);
            expect(text.trim()).toBe(text);
          }
        }),
        { numRuns: 200 },
      );
    },
  );
});
