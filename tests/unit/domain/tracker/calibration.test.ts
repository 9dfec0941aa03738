import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CALIBRATION_MIN_RECORDS,
  calibrate,
  nearestRankPercentile,
} from '../../../../src/domain/tracker/calibration';
import { defaultBusinessCalendar } from '../../../../src/domain/tracker/business-calendar';
import type { DeliveryRecord } from '../../../../src/domain/tracker/tracker';
import { createCommitment, createRecord } from '../../factories';
import { kst, MINUTE } from './helpers';

const calendar = defaultBusinessCalendar;

/** Records of `commitmentId` triggered at `trigger` (Seoul) and done after each of `minutes`. */
const taking = (
  commitmentId: string,
  minutes: readonly number[],
  trigger = '2026-03-03T10:00',
): DeliveryRecord[] =>
  minutes.map((m) =>
    createRecord({
      commitmentId,
      triggeredAt: new Date(kst(trigger)).toISOString(),
      dueAt: new Date(kst(trigger) + 240 * MINUTE).toISOString(),
      doneAt: new Date(kst(trigger) + m * MINUTE).toISOString(),
    }),
  );

describe('nearestRankPercentile', () => {
  // The textbook example: 15, 20, 35, 40, 50.
  it.each([
    [5, 15],
    [30, 20], // rank ⌈1.5⌉ = 2
    [40, 20], // rank ⌈2⌉ = 2
    [50, 35], // rank ⌈2.5⌉ = 3
    [95, 50], // rank ⌈4.75⌉ = 5
    [100, 50],
  ])('P%d of 15, 20, 35, 40, 50 = %d', (p, expected) => {
    expect(nearestRankPercentile([50, 15, 40, 20, 35], p)).toBe(expected);
  });

  it('takes rank ⌈95·n/100⌉ exactly (no floating-point drift) and is null for no values', () => {
    const values = Array.from({ length: 60 }, (_, i) => i + 1);
    expect(nearestRankPercentile(values, 95)).toBe(57); // 95·60/100 = 57 exactly
    expect(
      nearestRankPercentile(
        Array.from({ length: 20 }, (_, i) => i + 1),
        95,
      ),
    ).toBe(19);
    expect(
      nearestRankPercentile(
        Array.from({ length: 10 }, (_, i) => i + 1),
        95,
      ),
    ).toBe(10);
    expect(nearestRankPercentile([], 95)).toBeNull();
    expect(() => nearestRankPercentile([1], 0)).toThrow(RangeError);
  });

  it('is a value of the list that at least p% of the values do not exceed', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1_000, max: 1_000 }), { minLength: 1, maxLength: 200 }),
        fc.integer({ min: 1, max: 100 }),
        (values, p) => {
          const v = nearestRankPercentile(values, p)!;
          expect(values).toContain(v);
          expect(values.filter((x) => x <= v).length * 100).toBeGreaterThanOrEqual(p * values.length);
          expect(values.filter((x) => x < v).length * 100).toBeLessThan(p * values.length);
        },
      ),
    );
  });
});

describe('calibrate', () => {
  // Ten calls returned after 10, 20, … 100 minutes: the honest window (P95, rank 10 of 10) is 100 minutes.
  const tens = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100];

  it('says "fine" when the promise covers the honest window but not twice over', () => {
    const c = createCommitment('within', { promised: { value: 2, unit: 'hours' }, businessTime: false });
    expect(calibrate(c, taking(c.id, tens), calendar)).toEqual({
      n: 10,
      honestWindowMinutes: 100,
      promisedMinutes: 120,
      verdict: 'fine',
      basis: 'calendar',
    });
  });

  it('says "over-promising" when the promise is shorter than the honest window', () => {
    const c = createCommitment('within', { promised: { value: 1, unit: 'hours' }, businessTime: false });
    expect(calibrate(c, taking(c.id, tens), calendar)?.verdict).toBe('over-promising');
  });

  it('says "too-generous" when the promise is at least twice the honest window', () => {
    const c = createCommitment('within', { promised: { value: 200, unit: 'minutes' }, businessTime: false });
    expect(calibrate(c, taking(c.id, tens), calendar)?.verdict).toBe('too-generous');
    const just = createCommitment('within', {
      promised: { value: 199, unit: 'minutes' },
      businessTime: false,
    });
    expect(calibrate(just, taking(just.id, tens), calendar)?.verdict).toBe('fine');
  });

  it('with 20 records, the 19th fastest sets the window (one slow outlier allowed)', () => {
    const c = createCommitment('within', { promised: { value: 2, unit: 'hours' }, businessTime: false });
    const minutes = [...Array.from({ length: 19 }, (_, i) => (i + 1) * 5), 600];
    expect(calibrate(c, taking(c.id, minutes), calendar)).toMatchObject({ n: 20, honestWindowMinutes: 95 });
  });

  it('counts business minutes for business-time commitments (over the weekend)', () => {
    const c = createCommitment('within', { promised: { value: 4, unit: 'hours' }, businessTime: true });
    // Friday 17:00 → Monday 10:00 is 2 business hours, although 65 hours pass.
    const weekend = taking(
      c.id,
      Array.from({ length: 10 }, () => 65 * 60),
      '2026-03-06T17:00',
    );
    expect(calibrate(c, weekend, calendar)).toEqual({
      n: 10,
      honestWindowMinutes: 120,
      promisedMinutes: 240,
      verdict: 'too-generous',
      basis: 'business',
    });
    const days = createCommitment('within', { promised: { value: 1, unit: 'days' }, businessTime: true });
    expect(calibrate(days, taking(days.id, tens), calendar)?.promisedMinutes).toBe(540);
  });

  it('needs at least 10 done records of this commitment; open ones and other commitments do not count', () => {
    const c = createCommitment('within', { businessTime: false });
    expect(CALIBRATION_MIN_RECORDS).toBe(10);
    const nine = taking(c.id, tens.slice(0, 9));
    const open = { ...taking(c.id, [5])[0]!, doneAt: null };
    const other = taking('someone-else', [5]);
    expect(calibrate(c, [...nine, open, ...other], calendar)).toBeNull();
    expect(calibrate(c, [...nine, open, ...other, ...taking(c.id, [1_000])], calendar)).toMatchObject({
      n: 10,
      honestWindowMinutes: 1_000,
    });
  });

  it('applies to time windows only (within, done), and treats a done-before-trigger as 0', () => {
    expect(calibrate(createCommitment('by-date'), [], calendar)).toBeNull();
    const amount = createCommitment('amount');
    expect(calibrate(amount, taking(amount.id, tens), calendar)).toBeNull();
    const care = createCommitment('done', { promised: { value: 1, unit: 'days' }, businessTime: false });
    const early = taking(
      care.id,
      Array.from({ length: 10 }, () => -30),
    );
    expect(calibrate(care, early, calendar)).toMatchObject({
      honestWindowMinutes: 0,
      promisedMinutes: 1_440,
      verdict: 'too-generous',
    });
  });
});
