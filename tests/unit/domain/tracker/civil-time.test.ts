import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  calendarDateOfDay,
  civilFromDays,
  dayOfCalendarDate,
  daysFromCivil,
  monthIndexOfDay,
  parseInstant,
  weekdayOfDay,
} from '../../../../src/domain/tracker/civil-time';

const DAY = 86_400_000;

describe('civil dates without Date', () => {
  it('numbers days from 1970-01-01 (a Thursday)', () => {
    expect(daysFromCivil(1970, 1, 1)).toBe(0);
    expect(daysFromCivil(2026, 3, 2)).toBe(Date.UTC(2026, 2, 2) / DAY);
    expect(daysFromCivil(1969, 12, 31)).toBe(-1);
    expect(weekdayOfDay(0)).toBe(4);
    expect(weekdayOfDay(-1)).toBe(3);
    expect(civilFromDays(daysFromCivil(2024, 2, 29))).toEqual({ year: 2024, month: 2, day: 29 });
    expect(monthIndexOfDay(daysFromCivil(2026, 3, 5))).toBe(2026 * 12 + 2);
    expect(calendarDateOfDay(daysFromCivil(2026, 9, 25))).toBe('2026-09-25');
    expect(dayOfCalendarDate('2026-02-29')).toBeNaN();
    expect(dayOfCalendarDate('2026-3-1')).toBeNaN();
    expect(dayOfCalendarDate('2028-02-29')).toBe(Date.UTC(2028, 1, 29) / DAY);
  });

  it('agrees with Date for any day from year 1 to 9999', () => {
    fc.assert(
      fc.property(fc.integer({ min: -719_162, max: 2_932_896 }), (n) => {
        const d = new Date(n * DAY);
        expect(civilFromDays(n)).toEqual({
          year: d.getUTCFullYear(),
          month: d.getUTCMonth() + 1,
          day: d.getUTCDate(),
        });
        expect(daysFromCivil(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate())).toBe(n);
        expect(weekdayOfDay(n)).toBe(d.getUTCDay());
        if (d.getUTCFullYear() >= 1000) expect(dayOfCalendarDate(d.toISOString().slice(0, 10))).toBe(n);
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('parseInstant', () => {
  it.each([
    '2026-03-02T00:00:00.000Z',
    '2026-03-02T09:00:00+09:00',
    '2026-03-02T09:00:00.5+09:00',
    '2026-03-02T09:00:00.123456789Z',
    '2026-12-31T23:59:59.999-05:30',
    '2024-02-29T12:00:00Z',
    '1899-12-31T23:59:59Z', // outside the fast table: Date.parse
    '2026-03-02T09:00Z', // no seconds: Date.parse
    '2026-03-02T24:00:00Z', // end of day (ECMAScript allows it): Date.parse
  ])('reads %s like Date.parse', (text) => {
    expect(parseInstant(text)).toBe(Date.parse(text));
  });

  it.each(['', 'yesterday', '2026-13-01T00:00:00Z', '2026-03-02T00:00:00.Z'])('is NaN for %j', (text) => {
    expect(parseInstant(text)).toBeNaN();
  });

  it.each([
    '2026-02-30T00:00:00.000Z',
    '2026-02-28T00:00:00.00xZ',
    '2026-02-28T25:00:00.000Z',
    '1899-12-31T23:59:59.999Z',
  ])('treats the canonical-looking %s exactly like Date.parse', (text) => {
    expect(parseInstant(text)).toBe(Date.parse(text));
  });

  it('truncates fractions to milliseconds', () => {
    expect(parseInstant('2026-03-02T00:00:00.1239Z')).toBe(Date.parse('2026-03-02T00:00:00.123Z'));
  });

  it('agrees with Date.parse on canonical instants with any one character replaced', () => {
    // The fast path checks every digit and separator of `YYYY-MM-DDTHH:MM:SS.sssZ` at once; a single
    // wrong character anywhere must still read like Date.parse (usually NaN).
    const replacements = [...'0123456789-:.TZ+ /x\u0000\u00e9\u3000'];
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2199, 11, 31) }),
        fc.integer({ min: 0, max: 23 }),
        fc.constantFrom(...replacements),
        (ms, position, replacement) => {
          const canonical = new Date(ms).toISOString();
          const text = canonical.slice(0, position) + replacement + canonical.slice(position + 1);
          const expected = Date.parse(text);
          if (Number.isNaN(expected)) expect(parseInstant(text)).toBeNaN();
          else expect(parseInstant(text)).toBe(expected);
        },
      ),
      { numRuns: 5_000 },
    );
  });

  it('agrees with Date.parse on generated instants and offsets', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1950, 0, 1), max: Date.UTC(2150, 0, 1) }),
        fc.integer({ min: -12 * 60, max: 14 * 60 }),
        fc.constantFrom(0, 1, 2, 3),
        (ms, offset, fractionDigits) => {
          const local = new Date(ms + offset * 60_000).toISOString(); // YYYY-MM-DDTHH:MM:SS.mmmZ
          const sign = offset < 0 ? '-' : '+';
          const abs = Math.abs(offset);
          const zone =
            offset === 0
              ? 'Z'
              : `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
          const fraction = fractionDigits === 0 ? '' : local.slice(19, 20 + fractionDigits);
          const text = `${local.slice(0, 19)}${fraction}${zone}`;
          expect(parseInstant(text)).toBe(Date.parse(text));
        },
      ),
      { numRuns: 2_000 },
    );
  });
});
