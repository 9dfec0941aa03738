import { describe, expect, it } from 'vitest';
import { calendarDateSchema } from '../../../../src/domain/common';
import {
  koreanHolidays,
  koreanHolidays2026,
  koreanHolidays2027,
} from '../../../../src/domain/tracker/korean-holidays';
import type { KoreanHoliday } from '../../../../src/domain/tracker/korean-holidays';

const DAY = 86_400_000;
const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay(); // 0 = Sunday
const addDays = (date: string, n: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);

/** `[lunar month, lunar day]` of a Gregorian date in the Korean lunisolar calendar (ICU `dangi`). */
function lunar(date: string): [number, number] {
  const parts = new Intl.DateTimeFormat('en-u-ca-dangi', {
    timeZone: 'UTC',
    month: 'numeric',
    day: 'numeric',
  }).formatToParts(new Date(`${date}T00:00:00Z`));
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return [part('month'), part('day')];
}

describe('Korean public holidays 2026–2027', () => {
  it('are valid dates, in order, without duplicates, each in its own year list', () => {
    const dates = koreanHolidays.map((h) => h.date);
    for (const d of dates) expect(calendarDateSchema.safeParse(d).success).toBe(true);
    expect([...dates].sort()).toEqual(dates);
    expect(new Set(dates).size).toBe(dates.length);
    expect(koreanHolidays2026.every((h) => h.date.startsWith('2026-'))).toBe(true);
    expect(koreanHolidays2027.every((h) => h.date.startsWith('2027-'))).toBe(true);
    for (const h of koreanHolidays) {
      expect(h.name.ko.trim()).not.toBe('');
      expect(h.name.en.trim()).not.toBe('');
    }
  });

  it('are exactly the official days of 2026 (with 제헌절 restored and the local-election day)', () => {
    expect(koreanHolidays2026.map((h) => `${h.date}${h.substitute ? '*' : ''}`)).toEqual([
      '2026-01-01',
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-03-01',
      '2026-03-02*',
      '2026-05-05',
      '2026-05-24',
      '2026-05-25*',
      '2026-06-03',
      '2026-06-06',
      '2026-07-17',
      '2026-08-15',
      '2026-08-17*',
      '2026-09-24',
      '2026-09-25',
      '2026-09-26',
      '2026-10-03',
      '2026-10-05*',
      '2026-10-09',
      '2026-12-25',
    ]);
  });

  it('are exactly the days of 2027 derived from the rules', () => {
    expect(koreanHolidays2027.map((h) => `${h.date}${h.substitute ? '*' : ''}`)).toEqual([
      '2027-01-01',
      '2027-02-06',
      '2027-02-07',
      '2027-02-08',
      '2027-02-09*',
      '2027-03-01',
      '2027-05-05',
      '2027-05-13',
      '2027-06-06',
      '2027-07-17',
      '2027-07-19*',
      '2027-08-15',
      '2027-08-16*',
      '2027-09-14',
      '2027-09-15',
      '2027-09-16',
      '2027-10-03',
      '2027-10-04*',
      '2027-10-09',
      '2027-10-11*',
      '2027-12-25',
      '2027-12-27*',
    ]);
  });

  it('put 설날, 부처님오신날 and 추석 on the right lunar days', () => {
    const byName = (ko: string) => koreanHolidays.filter((h) => h.name.ko === ko && !h.substitute);
    for (const h of byName('설날')) expect(lunar(h.date)).toEqual([1, 1]);
    for (const h of byName('부처님오신날')) expect(lunar(h.date)).toEqual([4, 8]);
    for (const h of byName('추석')) expect(lunar(h.date)).toEqual([8, 15]);
    // The 연휴 days are the day before and the day after.
    for (const name of ['설날', '추석'])
      for (const h of byName(name)) {
        const around = koreanHolidays.filter(
          (x) => x.date === addDays(h.date, -1) || x.date === addDays(h.date, 1),
        );
        expect(around.map((x) => x.name.ko)).toEqual([`${name} 연휴`, `${name} 연휴`]);
      }
    expect(byName('설날').map((h) => h.date)).toEqual(['2026-02-17', '2027-02-07']);
    expect(byName('부처님오신날').map((h) => h.date)).toEqual(['2026-05-24', '2027-05-13']);
    expect(byName('추석').map((h) => h.date)).toEqual(['2026-09-25', '2027-09-15']);
  });

  it('list every substitute holiday the 대체공휴일 rules call for, and no other', () => {
    // The rules (공휴일에 관한 법률 §3, 관공서의 공휴일에 관한 규정 §3): the first following day that is
    // neither a Saturday, a Sunday nor a holiday becomes a holiday when
    //  - a day of the 설날 or 추석 period falls on a Sunday or on another holiday;
    //  - a public-holiday national day, 어린이날, 부처님오신날 or 성탄절 falls on a Saturday, a Sunday or
    //    another holiday. (1월 1일, 현충일 and election days get none.)
    const base = koreanHolidays.filter((h) => !h.substitute);
    const taken = new Set(base.map((h) => h.date));
    const countOn = (date: string) => base.filter((h) => h.date === date).length;
    const nextFree = (date: string) => {
      let d = addDays(date, 1);
      while (weekday(d) === 0 || weekday(d) === 6 || taken.has(d)) d = addDays(d, 1);
      return d;
    };
    const derived: string[] = [];
    const periods = (name: string) =>
      base
        .filter((h) => h.name.ko === name)
        .map((h) => [addDays(h.date, -1), h.date, addDays(h.date, 1)] as const);
    for (const period of [...periods('설날'), ...periods('추석')])
      if (period.some((d) => weekday(d) === 0 || countOn(d) > 1)) {
        const sub = nextFree(period[2]);
        derived.push(sub);
        taken.add(sub);
      }
    const withWeekendRule = [
      '삼일절',
      '제헌절',
      '광복절',
      '개천절',
      '한글날',
      '어린이날',
      '부처님오신날',
      '성탄절',
    ];
    for (const h of base)
      if (
        withWeekendRule.includes(h.name.ko) &&
        (weekday(h.date) === 0 || weekday(h.date) === 6 || countOn(h.date) > 1)
      ) {
        const sub = nextFree(h.date);
        derived.push(sub);
        taken.add(sub);
      }
    const listed = koreanHolidays.filter((h) => h.substitute);
    expect(listed.map((h) => h.date).sort()).toEqual(derived.sort());
    // Each substitute names the holiday it replaces, and falls on a weekday.
    for (const h of listed) {
      expect(h.name.ko).toMatch(/^대체공휴일\(.+\)$/);
      expect([0, 6]).not.toContain(weekday(h.date));
    }
  });

  it('never give 1월 1일 or 현충일 a substitute, even on a weekend', () => {
    const memorial2027: KoreanHoliday | undefined = koreanHolidays.find((h) => h.date === '2027-06-06');
    expect(memorial2027?.name.ko).toBe('현충일');
    expect(weekday('2027-06-06')).toBe(0);
    expect(koreanHolidays.some((h) => h.name.ko === '대체공휴일(현충일)')).toBe(false);
  });
});
