import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commitmentBuffer } from '../../../../src/domain/charter/buffer';
import { defaultCommitment } from '../../../../src/domain/charter/commitment';
import type { AmountTarget, Commitment, CommitmentKind } from '../../../../src/domain/charter/commitment';
import { durationMinutes } from '../../../../src/domain/charter/commitment-text';
import {
  defaultBusinessCalendar,
  durationInBusinessMinutes,
} from '../../../../src/domain/tracker/business-calendar';
import type { Duration, DurationUnit } from '../../../../src/domain/common';

type Of<K extends CommitmentKind> = Extract<Commitment, { kind: K }>;
const commitment = <K extends CommitmentKind>(kind: K, overrides: Partial<Of<K>> = {}): Of<K> => ({
  ...(defaultCommitment('c1', kind) as Of<K>),
  ...overrides,
});

const dur = (value: number, unit: DurationUnit): Duration => ({ value, unit });
const krw = (value: number): AmountTarget => ({ value, unit: 'KRW', label: '' });
const count = (value: number): AmountTarget => ({ value, unit: 'count', label: 'visits' });

describe('commitmentBuffer: time windows (within, done)', () => {
  it.each<[string, Duration, Duration, number, boolean]>([
    ['promise 4 h, aim 2 h', dur(4, 'hours'), dur(2, 'hours'), 0.5, true],
    ['promise 4 h, aim 1 h', dur(4, 'hours'), dur(1, 'hours'), 0.75, true],
    ['promise = aim (4 h)', dur(4, 'hours'), dur(4, 'hours'), 0, false],
    ['aim longer than the promise (2 h vs 4 h)', dur(2, 'hours'), dur(4, 'hours'), -1, false],
    ['mixed units: promise 1 day, aim 12 hours', dur(1, 'days'), dur(12, 'hours'), 0.5, true],
    ['mixed units: promise 1 week, aim 7 days (same length)', dur(1, 'weeks'), dur(7, 'days'), 0, false],
    ['promise 1 hour, aim 45 minutes', dur(1, 'hours'), dur(45, 'minutes'), 0.25, true],
  ])('within (calendar time) — %s: share %d, stricter %s', (_label, promised, internal, share, stricter) => {
    expect(commitmentBuffer(commitment('within', { promised, internal, businessTime: false }))).toEqual({
      stricter,
      share,
    });
  });

  it('done — promise 30 days, aim 25 days: a sixth of the window', () => {
    const buffer = commitmentBuffer(commitment('done'));

    expect(buffer.stricter).toBe(true);
    expect(buffer.share).toBeCloseTo(5 / 30, 12);
  });

  it('business time does not change the share of hours against hours', () => {
    const promised = dur(8, 'hours');
    const internal = dur(6, 'hours');

    expect(commitmentBuffer(commitment('within', { promised, internal, businessTime: true }))).toEqual(
      commitmentBuffer(commitment('within', { promised, internal, businessTime: false })),
    );
  });

  it('counts a business day as its opening hours: 4 business hours against 1 business day is 5/9 spare', () => {
    const promised = dur(1, 'days');
    const internal = dur(4, 'hours');
    // 09:00–18:00 is 540 minutes: (540 − 240) ÷ 540 = 5/9 (a 24-hour day would give 5/6, "83%").
    const business = commitmentBuffer(commitment('within', { promised, internal, businessTime: true }));
    expect(business.stricter).toBe(true);
    expect(business.share).toBeCloseTo(5 / 9, 12);
    const calendar = commitmentBuffer(commitment('within', { promised, internal, businessTime: false }));
    expect(calendar.share).toBeCloseTo(5 / 6, 12);
    // 10 business hours are more than one 9-hour business day: not stricter.
    expect(
      commitmentBuffer(commitment('within', { promised, internal: dur(10, 'hours'), businessTime: true }))
        .stricter,
    ).toBe(false);
  });
});

describe('commitmentBuffer: agreed dates (by-date)', () => {
  // An agreed date has no window to take a share of: the buffer is the lead, stated in words elsewhere.
  it.each<[string, Duration | null, boolean]>([
    ['aim 1 day early', dur(1, 'days'), true],
    ['aim 12 hours early', dur(12, 'hours'), true],
    ['aim 1 week early', dur(1, 'weeks'), true],
    ['a lead of 0', dur(0, 'days'), false],
    ['no lead: aim for the agreed date itself', null, false],
  ])('%s: no share, stricter %s', (_label, internalLead, stricter) => {
    expect(commitmentBuffer(commitment('by-date', { internalLead }))).toEqual({ stricter, share: null });
  });
});

describe('commitmentBuffer: amounts', () => {
  it.each<[string, 'at-most' | 'at-least', AmountTarget, AmountTarget, number | null, boolean]>([
    ['at most 100, aim 80', 'at-most', krw(100), krw(80), 0.2, true],
    ['at most 3,000,000, aim 2,950,000', 'at-most', krw(3_000_000), krw(2_950_000), 50_000 / 3_000_000, true],
    ['at most 100, aim 100', 'at-most', krw(100), krw(100), 0, false],
    ['at most 100, aim 120 (looser)', 'at-most', krw(100), krw(120), -0.2, false],
    ['at least 4, aim 5', 'at-least', count(4), count(5), 0.25, true],
    ['at least 4, aim 4', 'at-least', count(4), count(4), 0, false],
    ['at least 4, aim 3 (looser)', 'at-least', count(4), count(3), -0.25, false],
    ['at most 0, aim 0: no share of nothing', 'at-most', krw(0), krw(0), null, false],
    ['at least 0, aim 1: stricter, still no share', 'at-least', count(0), count(1), null, true],
    ['different units (KRW vs USD)', 'at-most', krw(100), { value: 50, unit: 'USD', label: '' }, null, false],
  ])('%s: share %s, stricter %s', (_label, direction, promised, internal, share, stricter) => {
    const buffer = commitmentBuffer(commitment('amount', { direction, promised, internal }));

    expect(buffer.stricter).toBe(stricter);
    if (share === null) expect(buffer.share).toBeNull();
    else expect(buffer.share).toBeCloseTo(share, 12);
  });
});

describe('commitmentBuffer: properties', () => {
  const duration = fc.record({
    value: fc.integer({ min: 1, max: 100_000 }),
    unit: fc.constantFrom<DurationUnit>('minutes', 'hours', 'days', 'weeks'),
  });

  it('a time window is stricter exactly when the aim is shorter; its share is below 1 and positive iff stricter', () => {
    fc.assert(
      fc.property(
        duration,
        duration,
        fc.constantFrom('within' as const, 'done' as const),
        fc.boolean(),
        (p, i, kind, business) => {
          const { stricter, share } = commitmentBuffer(
            commitment(kind, { promised: p, internal: i, businessTime: business }),
          );
          const minutes = (d: Duration) =>
            business ? durationInBusinessMinutes(d, defaultBusinessCalendar) : durationMinutes(d);

          expect(stricter).toBe(minutes(i) < minutes(p));
          expect(share).not.toBeNull();
          expect(share!).toBeLessThan(1);
          expect(share! > 0).toBe(stricter);
        },
      ),
      { numRuns: 1_000 },
    );
  });

  it('an amount in one unit: stricter in the promised direction, share positive iff stricter (promise > 0)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1e9 }),
        fc.integer({ min: 0, max: 1e9 }),
        fc.constantFrom('at-most' as const, 'at-least' as const),
        (p, i, direction) => {
          const { stricter, share } = commitmentBuffer(
            commitment('amount', { direction, promised: krw(p), internal: krw(i) }),
          );

          expect(stricter).toBe(direction === 'at-most' ? i < p : i > p);
          expect(share! > 0).toBe(stricter);
        },
      ),
      { numRuns: 1_000 },
    );
  });
});
