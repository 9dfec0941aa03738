import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { offsetLabel, timeZoneChoices, timeZoneSchema, zoneOf } from '../../../../src/domain/clock/time-zone';
import {
  addBusinessDays,
  addBusinessTime,
  businessMinutesBetween,
  defaultBusinessCalendar,
  endOfLocalDate,
  localDateOf,
  startOfLocalDate,
} from '../../../../src/domain/tracker/business-calendar';
import type { BusinessCalendar } from '../../../../src/domain/tracker/business-calendar';

const HOUR = 3_600_000;
const at = (iso: string) => Date.parse(iso);

/** The wall clock Intl shows at `ms` in `zone`, written as a UTC instant (an oracle independent of zoneOf). */
function wallOf(ms: number, zone: string): number {
  const text = new Date(ms).toLocaleString('sv-SE', { timeZone: zone, hourCycle: 'h23' }); // 2027-03-14 03:30:00
  return Date.parse(`${text.replace(' ', 'T')}Z`) + (((ms % 1000) + 1000) % 1000);
}

const ZONES = [
  'Asia/Seoul',
  'America/New_York',
  'Europe/Berlin',
  'Australia/Lord_Howe',
  'Asia/Kolkata',
  'UTC',
];
const instants = fc.integer({ min: Date.UTC(1995, 0, 1), max: Date.UTC(2060, 0, 1) });

describe('zoneOf: local time in an IANA zone', () => {
  it('agrees with Intl at any instant in every zone (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), instants, (zone, ms) => {
        expect(zoneOf(zone).localOf(ms)).toBe(wallOf(ms, zone));
      }),
      { numRuns: 400 },
    );
  });

  it('finds the instant of a wall-clock time, the earlier one where the clocks went back (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), instants, (zone, ms) => {
        const z = zoneOf(zone);
        const back = z.instantOf(z.localOf(ms));
        // The same wall time; either this instant or an earlier one that showed the same time.
        expect(z.localOf(back)).toBe(z.localOf(ms));
        expect(back).toBeLessThanOrEqual(ms);
        expect(ms - back).toBeLessThanOrEqual(HOUR);
      }),
      { numRuns: 400 },
    );
  });

  it('reads New York across both changes of 2027 as a person would', () => {
    const ny = zoneOf('America/New_York');
    // 14 March 2027, 02:00 EST → 03:00 EDT.
    expect(ny.offsetAt(at('2027-03-14T06:59:00Z'))).toBe(-5 * HOUR);
    expect(ny.offsetAt(at('2027-03-14T07:00:00Z'))).toBe(-4 * HOUR);
    expect(ny.instantOf(at('2027-03-14T01:30:00Z'))).toBe(at('2027-03-14T06:30:00Z')); // 01:30 EST
    expect(ny.instantOf(at('2027-03-14T02:30:00Z'))).toBe(at('2027-03-14T07:30:00Z')); // the gap: 03:30 EDT
    expect(ny.instantOf(at('2027-03-14T03:30:00Z'))).toBe(at('2027-03-14T07:30:00Z')); // 03:30 EDT
    // 7 November 2027, 02:00 EDT → 01:00 EST: 01:30 happens twice, the first (EDT) is meant.
    expect(ny.instantOf(at('2027-11-07T01:30:00Z'))).toBe(at('2027-11-07T05:30:00Z'));
    expect(ny.localOf(at('2027-11-07T06:30:00Z'))).toBe(at('2027-11-07T01:30:00Z'));
  });

  it('keeps Seoul at UTC+9 today and knows its 1988 summer time', () => {
    const seoul = zoneOf('Asia/Seoul');
    expect(seoul.offsetAt(at('2026-12-06T00:00:00Z'))).toBe(9 * HOUR);
    expect(seoul.offsetAt(at('2026-06-06T00:00:00Z'))).toBe(9 * HOUR);
    expect(seoul.offsetAt(at('1988-07-01T00:00:00Z'))).toBe(10 * HOUR);
  });

  it('accepts zone names the platform knows and refuses others', () => {
    expect(timeZoneSchema.safeParse('Asia/Seoul').success).toBe(true);
    expect(timeZoneSchema.safeParse('America/Argentina/Buenos_Aires').success).toBe(true);
    expect(timeZoneSchema.safeParse('Asia/Atlantis').success).toBe(false);
    expect(timeZoneSchema.safeParse('').success).toBe(false);
    expect(() => zoneOf('Mars/Olympus')).toThrow(RangeError);
  });

  it('labels offsets and lists choices by offset, keeping a saved zone the platform lists otherwise', () => {
    expect(offsetLabel(9 * HOUR)).toBe('UTC+09:00');
    expect(offsetLabel(-5 * HOUR)).toBe('UTC−05:00');
    expect(offsetLabel(5.75 * HOUR)).toBe('UTC+05:45');
    const choices = timeZoneChoices(
      ['Asia/Seoul', 'America/New_York', 'Europe/Berlin'],
      'Etc/GMT-9',
      at('2027-01-15T00:00:00Z'),
    );
    expect(choices.map((c) => c.label)).toEqual([
      'America/New York (UTC−05:00)',
      'Europe/Berlin (UTC+01:00)',
      'Asia/Seoul (UTC+09:00)',
      'Etc/GMT-9 (UTC+09:00)',
    ]);
  });
});

describe('business time across a daylight-saving change (New York, Mon–Fri 09:00–18:00)', () => {
  const ny: BusinessCalendar = { ...defaultBusinessCalendar, timeZone: 'America/New_York', holidays: [] };

  it('counts 4 business hours from Friday 16:00 to Monday 11:00 on the wall clock, both ways of the year', () => {
    // Spring: Fri 12 March 16:00 EST (21:00Z) → Mon 15 March 11:00 EDT (15:00Z).
    expect(addBusinessTime(at('2027-03-12T21:00:00Z'), { value: 4, unit: 'hours' }, ny)).toBe(
      at('2027-03-15T15:00:00Z'),
    );
    // Autumn: Fri 5 November 16:00 EDT (20:00Z) → Mon 8 November 11:00 EST (16:00Z).
    expect(addBusinessTime(at('2027-11-05T20:00:00Z'), { value: 4, unit: 'hours' }, ny)).toBe(
      at('2027-11-08T16:00:00Z'),
    );
    expect(businessMinutesBetween(at('2027-03-12T21:00:00Z'), at('2027-03-15T15:00:00Z'), ny)).toBe(240);
  });

  it('keeps the time of day for business days: Friday 16:00 EST + 1 business day = Monday 16:00 EDT', () => {
    expect(addBusinessDays(at('2027-03-12T21:00:00Z'), 1, ny)).toBe(at('2027-03-15T20:00:00Z'));
  });

  it('has a 23-hour and a 25-hour local date, and dates that follow the wall clock', () => {
    expect(startOfLocalDate('2027-03-14', ny)).toBe(at('2027-03-14T05:00:00Z'));
    expect(endOfLocalDate('2027-03-14', ny) + 1 - startOfLocalDate('2027-03-14', ny)).toBe(23 * HOUR);
    expect(endOfLocalDate('2027-11-07', ny) + 1 - startOfLocalDate('2027-11-07', ny)).toBe(25 * HOUR);
    expect(localDateOf(at('2027-03-15T03:59:00Z'), ny)).toBe('2027-03-14'); // 23:59 EDT
    expect(localDateOf(at('2027-03-15T04:00:00Z'), ny)).toBe('2027-03-15'); // 00:00 EDT
  });

  it('counts the same business minutes as a quarter-hour walk over Intl wall times (property)', () => {
    // Opening, closing and the clock changes all fall on quarter hours, so a walk in quarter hours is exact.
    const QUARTER = 15 * 60_000;
    const start = fc.integer({
      min: at('2027-03-10T00:00:00Z') / QUARTER,
      max: at('2027-03-17T00:00:00Z') / QUARTER,
    });
    fc.assert(
      fc.property(start, fc.integer({ min: 0, max: 3 * 24 * 4 }), (q, quarters) => {
        const s = q * QUARTER;
        let naive = 0;
        for (let k = 0; k < quarters; k++) {
          const wall = new Date(wallOf(s + k * QUARTER, 'America/New_York'));
          const minute = wall.getUTCHours() * 60 + wall.getUTCMinutes();
          const weekday = wall.getUTCDay();
          if (weekday >= 1 && weekday <= 5 && minute >= 9 * 60 && minute < 18 * 60) naive += 15;
        }
        expect(businessMinutesBetween(s, s + quarters * QUARTER, ny)).toBe(naive);
      }),
      { numRuns: 40 },
    );
  });
});
