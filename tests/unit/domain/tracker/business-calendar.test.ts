import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Duration } from '../../../../src/domain/common';
import {
  addBusinessDays,
  addBusinessMinutes,
  addBusinessTime,
  addCalendarTime,
  businessCalendarSchema,
  businessClock,
  businessMinutesBetween,
  businessDurationMs,
  businessMinutesPerDay,
  defaultBusinessCalendar,
  durationInBusinessMinutes,
  endOfLocalDate,
  isBusinessDay,
  localDateOf,
  startOfLocalDate,
  subtractBusinessTime,
  subtractCalendarTime,
  workingDaysPerWeek,
} from '../../../../src/domain/tracker/business-calendar';
import type { BusinessCalendar } from '../../../../src/domain/tracker/business-calendar';
import { koreanHolidays } from '../../../../src/domain/tracker/korean-holidays';
import { zoneOf } from '../../../../src/domain/clock/time-zone';
import { DAY, HOUR, MINUTE, kst, naiveAddBusinessMinutes, naiveBusinessMinutes, toKst } from './helpers';

const cal = defaultBusinessCalendar;

// Calendar used below (2026, Seoul, Mon–Fri 09:00–18:00):
//   Mon 03-02 is a holiday (substitute for 삼일절); Tue 03-03 … Fri 03-06 work; Sat 03-07, Sun 03-08 off.
//   Wed 09-23 works; Thu 09-24, Fri 09-25, Sat 09-26 are 추석; Mon 09-28 works.
//   Fri 10-02 works; Sat 10-03 개천절, Mon 10-05 its substitute; Tue 10-06 works; Fri 10-09 한글날.

describe('businessCalendarSchema and defaultBusinessCalendar', () => {
  it('accepts the default: Seoul (+540), Monday to Friday, 09:00–18:00, with the Korean holidays', () => {
    expect(businessCalendarSchema.safeParse(cal).success).toBe(true);
    expect(cal.timeZone).toBe('Asia/Seoul');
    expect(cal.workingDays).toEqual(['mon', 'tue', 'wed', 'thu', 'fri']);
    expect([cal.opensAt, cal.closesAt]).toEqual(['09:00', '18:00']);
    expect(cal.holidays.map((h) => h.date)).toEqual(koreanHolidays.map((h) => h.date));
    expect(cal.holidays.find((h) => h.date === '2026-09-25')?.name).toBe('추석');
  });

  it.each([
    ['closing before opening', { opensAt: '18:00', closesAt: '09:00' }, 'closesAt'],
    ['closing equal to opening', { opensAt: '09:00', closesAt: '09:00' }, 'closesAt'],
    ['a malformed time', { opensAt: '9:00' }, 'opensAt'],
    ['25:00', { closesAt: '25:00' }, 'closesAt'],
    ['no working day', { workingDays: [] }, 'workingDays'],
    ['an unknown weekday', { workingDays: ['mon', 'funday'] }, 'workingDays'],
    ['an unknown time zone', { timeZone: 'Asia/Atlantis' }, 'timeZone'],
    ['an empty time zone', { timeZone: '' }, 'timeZone'],
    ['a holiday that is not a date', { holidays: [{ date: '2026-13-01', name: 'x' }] }, 'holidays'],
  ])('refuses %s', (_, patch, field) => {
    const result = businessCalendarSchema.safeParse({ ...cal, ...patch });
    expect(result.success).toBe(false);
    expect(result.error?.issues.some((i) => i.path[0] === field)).toBe(true);
  });

  it('accepts a closing time of 24:00 and weekend work', () => {
    const c = { ...cal, opensAt: '00:00', closesAt: '24:00', workingDays: ['sat', 'sun'] };
    expect(businessCalendarSchema.safeParse(c).success).toBe(true);
  });

  it('knows business days: working weekdays that are not holidays', () => {
    expect(isBusinessDay('2026-03-03', cal)).toBe(true); // Tuesday
    expect(isBusinessDay('2026-03-02', cal)).toBe(false); // substitute holiday (Monday)
    expect(isBusinessDay('2026-03-07', cal)).toBe(false); // Saturday
    expect(isBusinessDay('2026-09-24', cal)).toBe(false); // 추석 연휴
    expect(isBusinessDay('2026-09-28', cal)).toBe(true);
    expect(workingDaysPerWeek(cal)).toBe(5);
    expect(businessMinutesPerDay(cal)).toBe(540);
  });

  it('converts local dates in the calendar offset', () => {
    expect(startOfLocalDate('2026-03-30', cal)).toBe(Date.parse('2026-03-29T15:00:00.000Z'));
    expect(endOfLocalDate('2026-03-30', cal)).toBe(Date.parse('2026-03-30T14:59:59.999Z'));
    expect(localDateOf(Date.parse('2026-03-29T15:00:00.000Z'), cal)).toBe('2026-03-30');
    expect(localDateOf(Date.parse('2026-03-29T14:59:59.999Z'), cal)).toBe('2026-03-29');
  });
});

const hours = (value: number): Duration => ({ value, unit: 'hours' });
const minutes = (value: number): Duration => ({ value, unit: 'minutes' });
const days = (value: number): Duration => ({ value, unit: 'days' });
const weeks = (value: number): Duration => ({ value, unit: 'weeks' });

describe('addBusinessTime: minutes and hours count only working minutes (earliest instant)', () => {
  it.each<[string, string, Duration, string]>([
    ['within one day', '2026-03-03T10:00', hours(4), '2026-03-03T14:00'],
    ['Friday afternoon across the weekend', '2026-03-06T16:00', hours(4), '2026-03-09T11:00'],
    ['ending exactly at closing (not the next opening)', '2026-03-06T16:00', hours(2), '2026-03-06T18:00'],
    ['from closing time', '2026-03-06T18:00', hours(1), '2026-03-09T10:00'],
    ['from opening time, a full day', '2026-03-03T09:00', hours(9), '2026-03-03T18:00'],
    ['from opening time, one hour more than a day', '2026-03-03T09:00', hours(10), '2026-03-04T10:00'],
    ['from a night start', '2026-03-03T22:00', hours(1), '2026-03-04T10:00'],
    ['from before opening', '2026-03-04T07:30', minutes(30), '2026-03-04T09:30'],
    ['from a Saturday', '2026-03-07T10:00', hours(4), '2026-03-09T13:00'],
    ['from a holiday (substitute 삼일절, Monday)', '2026-03-02T10:00', hours(2), '2026-03-03T11:00'],
    ['across 추석 (Thu–Sat) and the weekend', '2026-09-23T15:00', hours(4), '2026-09-28T10:00'],
    ['across 개천절 and its substitute Monday', '2026-10-02T17:00', hours(2), '2026-10-06T10:00'],
    ['half an hour over the night', '2026-03-03T17:45', hours(0.5), '2026-03-04T09:15'],
    ['five minutes over the night', '2026-03-03T17:58', minutes(5), '2026-03-04T09:03'],
    ['zero minutes: the start itself, even at night', '2026-03-03T22:00', minutes(0), '2026-03-03T22:00'],
    // 9 h Mon 21, Tue 22, Wed 23 (27 h), 추석 Thu–Sat, 9 h Mon 28 (36 h), 4 h Tue 29.
    ['40 business hours across 추석', '2026-09-21T09:00', hours(40), '2026-09-29T13:00'],
  ])('%s: %s + %o → %s', (_, start, duration, due) => {
    expect(toKst(addBusinessTime(kst(start), duration, cal))).toBe(due);
  });
});

describe('addBusinessTime: days keep the time of day, clamped into opening hours', () => {
  it.each<[string, string, Duration, string]>([
    ['Friday afternoon + 1 day', '2026-03-06T16:00', days(1), '2026-03-09T16:00'],
    ['Saturday + 1 day (clock starts Monday 09:00)', '2026-03-07T10:00', days(1), '2026-03-10T09:00'],
    ['before opening + 1 day', '2026-03-03T08:00', days(1), '2026-03-04T09:00'],
    ['at closing + 1 day', '2026-03-03T18:00', days(1), '2026-03-05T09:00'],
    ['opening + 1 day (the next opening)', '2026-03-03T09:00', days(1), '2026-03-04T09:00'],
    ['across 추석: Tuesday + 2 days', '2026-09-22T11:00', days(2), '2026-09-28T11:00'],
    ['the day before 추석 + 1 day', '2026-09-23T10:00', days(1), '2026-09-28T10:00'],
    ['a holiday start + 1 day', '2026-03-02T14:00', days(1), '2026-03-04T09:00'],
    ['1.5 days = 1 day, then 4.5 business hours', '2026-03-03T10:00', days(1.5), '2026-03-04T14:30'],
    ['1 week = 5 business days', '2026-03-09T10:00', weeks(1), '2026-03-16T10:00'],
    ['1 week across 추석 = 5 business days', '2026-09-21T10:00', weeks(1), '2026-09-30T10:00'],
    // Sep 15–18 (4), 21–23 (7), 28–30 (10), Oct 1–2 (12), 6–8 (15), 12–16 (20): 추석, 개천절 substitute, 한글날 skipped.
    ['20 business days across three holidays', '2026-09-14T10:00', days(20), '2026-10-16T10:00'],
  ])('%s: %s + %o → %s', (_, start, duration, due) => {
    expect(toKst(addBusinessTime(kst(start), duration, cal))).toBe(due);
  });

  it('counts exactly N business days of minutes between the start and the result', () => {
    for (const start of ['2026-03-06T16:00', '2026-03-07T10:00', '2026-09-23T10:00', '2026-03-03T18:00'])
      for (const n of [1, 2, 7, 30])
        expect(businessMinutesBetween(kst(start), addBusinessDays(kst(start), n, cal), cal)).toBe(n * 540);
  });
});

describe('subtractBusinessTime mirrors addBusinessTime', () => {
  it.each<[string, string, Duration, string]>([
    ['4 hours back across the weekend', '2026-03-09T11:00', hours(4), '2026-03-06T16:00'],
    ['1 hour back from opening', '2026-03-09T09:00', hours(1), '2026-03-06T17:00'],
    [
      '1 day back from the end of an agreed date (23:59 → 18:00 clamp)',
      '2026-03-30T23:59',
      days(1),
      '2026-03-27T18:00',
    ],
    ['1 day back over 개천절 and its substitute', '2026-10-06T10:00', days(1), '2026-10-02T10:00'],
    ['1 day back from a date after 추석', '2026-09-28T23:00', days(1), '2026-09-23T18:00'],
    ['0 minutes back: the end itself', '2026-03-07T12:00', minutes(0), '2026-03-07T12:00'],
  ])('%s: %s − %o → %s', (_, end, duration, start) => {
    expect(toKst(subtractBusinessTime(kst(end), duration, cal))).toBe(start);
  });
});

describe('businessMinutesBetween', () => {
  it.each<[string, string, number]>([
    ['2026-03-06T16:00', '2026-03-09T11:00', 240],
    ['2026-03-09T11:00', '2026-03-06T16:00', -240],
    ['2026-03-06T18:00', '2026-03-09T09:00', 0],
    ['2026-09-23T00:00', '2026-09-28T00:00', 540],
    ['2026-03-03T12:00', '2026-03-03T12:00', 0],
    ['2026-03-03T12:00', '2026-03-03T12:30', 30],
  ])('%s → %s: %d', (a, b, expected) => {
    expect(businessMinutesBetween(kst(a), kst(b), cal)).toBe(expected);
  });

  it('counts seconds as fractions of a minute', () => {
    expect(businessMinutesBetween(kst('2026-03-03T12:00'), kst('2026-03-03T12:00') + 30_000, cal)).toBe(0.5);
  });
});

describe('calendar (non-business) time', () => {
  it('counts every minute; a day is 24 hours and a week 7 days', () => {
    expect(toKst(addCalendarTime(kst('2026-03-06T16:00'), hours(4)))).toBe('2026-03-06T20:00');
    expect(toKst(addCalendarTime(kst('2026-03-06T16:00'), days(1)))).toBe('2026-03-07T16:00');
    expect(toKst(addCalendarTime(kst('2026-03-06T16:00'), weeks(2)))).toBe('2026-03-20T16:00');
    expect(toKst(subtractCalendarTime(kst('2026-03-06T16:00'), minutes(90)))).toBe('2026-03-06T14:30');
  });

  it('converts durations into business minutes the way addBusinessTime counts them', () => {
    expect(durationInBusinessMinutes(minutes(45), cal)).toBe(45);
    expect(durationInBusinessMinutes(hours(4), cal)).toBe(240);
    expect(durationInBusinessMinutes(days(2), cal)).toBe(1_080);
    expect(durationInBusinessMinutes(weeks(1), cal)).toBe(2_700);
  });

  it('refuses negative durations and non-finite instants', () => {
    expect(() => addBusinessMinutes(kst('2026-03-03T10:00'), -1, cal)).toThrow(RangeError);
    expect(() => addBusinessTime(Number.NaN, hours(1), cal)).toThrow(RangeError);
    expect(() => businessMinutesBetween(0, Number.POSITIVE_INFINITY, cal)).toThrow(RangeError);
  });
});

describe('businessDurationMs', () => {
  it('gives the business milliseconds a duration covers: 1.5 days of 09:00–18:00 = 810 minutes', () => {
    expect(businessDurationMs(minutes(45), cal)).toBe(45 * MINUTE);
    expect(businessDurationMs(hours(4), cal)).toBe(4 * HOUR);
    expect(businessDurationMs(days(1.5), cal)).toBe(810 * MINUTE);
    expect(businessDurationMs(weeks(1), cal)).toBe(5 * 9 * HOUR);
    expect(() => businessDurationMs(hours(-1), cal)).toThrow(RangeError);
  });
});

describe('other calendars', () => {
  // Saturday work, a 08:30–17:30 day, UTC−05:00 all year, one holiday on a Wednesday.
  const other: BusinessCalendar = {
    timeZone: 'Etc/GMT+5',
    workingDays: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'],
    opensAt: '08:30',
    closesAt: '17:30',
    holidays: [{ date: '2026-07-01', name: 'Company day' }],
  };
  const local = (s: string) => Date.parse(`${s}:00-05:00`);

  it('uses its own offset, hours, working days and holidays', () => {
    // Tue 2026-06-30 16:30 + 2 h: 1 h on Tuesday, Wednesday is a holiday, 1 h on Thursday.
    expect(addBusinessTime(local('2026-06-30T16:30'), hours(2), other)).toBe(local('2026-07-02T09:30'));
    // Saturday works, Sunday does not.
    expect(addBusinessTime(local('2026-07-04T17:00'), hours(1), other)).toBe(local('2026-07-06T09:00'));
    expect(businessMinutesPerDay(other)).toBe(540);
    expect(workingDaysPerWeek(other)).toBe(6);
    expect(durationInBusinessMinutes(weeks(1), other)).toBe(3_240);
  });

  it('works round the clock with 00:00–24:00', () => {
    const always: BusinessCalendar = { ...other, opensAt: '00:00', closesAt: '24:00', holidays: [] };
    expect(addBusinessTime(local('2026-07-03T23:30'), hours(1), always)).toBe(local('2026-07-04T00:30'));
    expect(addBusinessTime(local('2026-07-04T23:30'), hours(1), always)).toBe(local('2026-07-06T00:30'));
  });
});

// ---------------------------------------------------------------------------------------------------
// Properties, against the default calendar and a second one with Saturday work and another offset.

const saturdayShop: BusinessCalendar = {
  timeZone: 'Europe/Berlin',
  workingDays: ['tue', 'wed', 'thu', 'fri', 'sat'],
  opensAt: '10:00',
  closesAt: '16:30',
  holidays: [
    { date: '2026-03-05', name: 'a' },
    { date: '2026-03-06', name: 'b' },
    { date: '2026-03-14', name: 'c' },
  ],
};
const calendars = fc.constantFrom(defaultBusinessCalendar, saturdayShop);
// Minute-aligned instants from late February to mid-October 2026 (covers all 2026 holiday clusters).
const FROM = kst('2026-02-10T00:00');
const TO = kst('2026-10-20T00:00');
const instant = fc.integer({ min: FROM / MINUTE, max: TO / MINUTE }).map((m) => m * MINUTE);
const anyMsInstant = fc.integer({ min: FROM, max: TO });
const businessMinutes = fc.integer({ min: 0, max: 20_000 });

describe('business time properties', () => {
  it('addBusinessMinutes never returns an instant before the start', () => {
    fc.assert(
      fc.property(calendars, anyMsInstant, fc.double({ min: 0, max: 50_000, noNaN: true }), (c, s, m) => {
        expect(addBusinessMinutes(s, m, c)).toBeGreaterThanOrEqual(s);
      }),
      { numRuns: 500 },
    );
  });

  it('adding a then b equals adding a + b (minutes)', () => {
    fc.assert(
      fc.property(calendars, anyMsInstant, businessMinutes, businessMinutes, (c, s, a, b) => {
        expect(addBusinessMinutes(addBusinessMinutes(s, a, c), b, c)).toBe(addBusinessMinutes(s, a + b, c));
      }),
      { numRuns: 500 },
    );
  });

  it('is monotonic in the duration and in the start', () => {
    fc.assert(
      fc.property(calendars, instant, instant, businessMinutes, businessMinutes, (c, s1, s2, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(addBusinessMinutes(s1, lo, c)).toBeLessThanOrEqual(addBusinessMinutes(s1, hi, c));
        const [early, late] = s1 <= s2 ? [s1, s2] : [s2, s1];
        expect(addBusinessMinutes(early, a, c)).toBeLessThanOrEqual(addBusinessMinutes(late, a, c));
      }),
      { numRuns: 500 },
    );
  });

  it('counts back exactly what it added: businessMinutesBetween(s, add(s, m)) = m', () => {
    fc.assert(
      fc.property(calendars, anyMsInstant, businessMinutes, (c, s, m) => {
        expect(businessMinutesBetween(s, addBusinessMinutes(s, m, c), c)).toBe(m);
      }),
      { numRuns: 500 },
    );
  });

  it('subtracting inverts the count: businessMinutesBetween(sub(e, m), e) = m, and sub(e, m) ≤ e', () => {
    fc.assert(
      fc.property(calendars, anyMsInstant, businessMinutes, (c, e, m) => {
        const s = subtractBusinessTime(e, minutes(m), c);
        expect(s).toBeLessThanOrEqual(e);
        expect(businessMinutesBetween(s, e, c)).toBe(m);
      }),
      { numRuns: 500 },
    );
  });

  it('businessDurationMs is what adding a duration covers, and what subtracting it covers', () => {
    const duration = fc.record({
      unit: fc.constantFrom<Duration['unit']>('minutes', 'hours', 'days', 'weeks'),
      // Whole numbers and fractions such as 1.5 or 0.3 (fractions of a day are counted in business ms).
      value: fc.oneof(
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 0, max: 400 }).map((n) => n / 10),
      ),
    });
    fc.assert(
      fc.property(calendars, anyMsInstant, duration, (c, t, d) => {
        const covered = businessDurationMs(d, c) / MINUTE;
        expect(businessMinutesBetween(t, addBusinessTime(t, d, c), c)).toBe(covered);
        expect(businessMinutesBetween(subtractBusinessTime(t, d, c), t, c)).toBe(covered);
      }),
      { numRuns: 500 },
    );
  });

  it('businessClock differences are the business minutes between, inside and outside its 1990–2099 table', () => {
    // Any millisecond from 1950 to 2150, and instants close to the table's edges.
    const edges = [Date.UTC(1990, 0, 1), Date.UTC(2100, 0, 1)];
    const anyInstant = fc.oneof(
      fc.integer({ min: Date.UTC(1950, 0, 1), max: Date.UTC(2150, 0, 1) }),
      fc.tuple(fc.constantFrom(...edges), fc.integer({ min: -3 * DAY, max: 3 * DAY })).map(([e, d]) => e + d),
      anyMsInstant,
    );
    // West of UTC with daylight saving, with holidays before, inside and after the table's years.
    const farHolidays: BusinessCalendar = {
      timeZone: 'America/New_York',
      workingDays: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'],
      opensAt: '07:30',
      closesAt: '24:00',
      holidays: ['1955-03-01', '1985-06-04', '2026-03-04', '2099-12-31', '2120-01-07'].map((date) => ({
        date,
        name: date,
      })),
    };
    const anyCalendar = fc.constantFrom(defaultBusinessCalendar, saturdayShop, farHolidays);
    fc.assert(
      fc.property(anyCalendar, anyInstant, anyInstant, (c, a, b) => {
        const clock = businessClock(c);
        expect((clock(b) - clock(a)) / MINUTE).toBe(businessMinutesBetween(a, b, c));
      }),
      { numRuns: 2_000 },
    );
  });

  it('businessMinutesBetween is additive and antisymmetric', () => {
    fc.assert(
      fc.property(calendars, anyMsInstant, anyMsInstant, anyMsInstant, (c, a, b, x) => {
        expect(businessMinutesBetween(a, b, c)).toBeCloseTo(
          businessMinutesBetween(a, x, c) + businessMinutesBetween(x, b, c),
          9,
        );
        expect(businessMinutesBetween(a, b, c) + businessMinutesBetween(b, a, c)).toBe(0);
      }),
      { numRuns: 500 },
    );
  });

  it('N business days after a start hold exactly N × day-length business minutes and keep the clamped time of day', () => {
    fc.assert(
      fc.property(calendars, instant, fc.integer({ min: 0, max: 60 }), (c, s, n) => {
        const due = addBusinessDays(s, n, c);
        expect(due).toBeGreaterThanOrEqual(s);
        expect(businessMinutesBetween(s, due, c)).toBe(n * businessMinutesPerDay(c));
        const localMinute = (t: number) =>
          (((zoneOf(c.timeZone).localOf(t) / MINUTE) % 1_440) + 1_440) % 1_440;
        const open = Number(c.opensAt.slice(0, 2)) * 60 + Number(c.opensAt.slice(3));
        const close = Number(c.closesAt.slice(0, 2)) * 60 + Number(c.closesAt.slice(3));
        expect(localMinute(due)).toBeGreaterThanOrEqual(open);
        expect(localMinute(due)).toBeLessThan(close);
      }),
      { numRuns: 500 },
    );
  });

  it('agrees with a minute-by-minute count (independent oracle)', () => {
    fc.assert(
      fc.property(calendars, instant, fc.integer({ min: 0, max: 4 * 24 * 60 }), (c, s, span) => {
        expect(businessMinutesBetween(s, s + span * MINUTE, c)).toBe(
          naiveBusinessMinutes(s, s + span * MINUTE, c),
        );
      }),
      { numRuns: 150 },
    );
    fc.assert(
      fc.property(calendars, instant, fc.integer({ min: 1, max: 2_000 }), (c, s, m) => {
        expect(addBusinessMinutes(s, m, c)).toBe(naiveAddBusinessMinutes(s, m, c));
      }),
      { numRuns: 150 },
    );
  });

  it('handles very long durations (whole weeks are skipped, holidays still counted)', () => {
    const start = kst('2026-01-05T09:00'); // Monday
    // 2026–2027 hold 21 + 22 listed holidays; the weekday ones take business days away.
    const due = addBusinessDays(start, 400, cal);
    expect(businessMinutesBetween(start, due, cal)).toBe(400 * 540);
    const dueMinutes = addBusinessMinutes(start, 400 * 540 + 17, cal);
    expect(businessMinutesBetween(start, dueMinutes, cal)).toBe(400 * 540 + 17);
    expect(subtractBusinessTime(dueMinutes, minutes(400 * 540 + 17), cal)).toBe(start);
    expect(addBusinessTime(start, weeks(3_000), cal) - start).toBeGreaterThan(3_000 * 7 * DAY);
    expect(HOUR).toBe(60 * MINUTE);
  });
});
