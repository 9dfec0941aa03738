import type { Bilingual, CalendarDate } from '../common';

/** One public holiday of the Republic of Korea: its date and its name in both interface languages. */
export type KoreanHoliday = { date: CalendarDate; name: Bilingual; substitute: boolean };

const holiday = (date: CalendarDate, ko: string, en: string): KoreanHoliday => ({
  date,
  name: { ko, en },
  substitute: false,
});
const substitute = (date: CalendarDate, ko: string, en: string): KoreanHoliday => ({
  date,
  name: { ko: `대체공휴일(${ko})`, en: `Substitute holiday (${en})` },
  substitute: true,
});

/*
 * How the list was checked (2026-05):
 * - Lunar dates (설날 = 1st day of the 1st lunar month, 부처님오신날 = 8th of the 4th, 추석 = 15th of the 8th)
 *   were computed with the Korean lunisolar calendar (ICU `dangi`); the unit test recomputes them.
 * - Substitute holidays (공휴일에 관한 법률 §3, 관공서의 공휴일에 관한 규정 §3): the first following
 *   non-holiday weekday becomes a holiday when (a) a day of the 설날 or 추석 period falls on a Sunday or on
 *   another holiday, or (b) a public-holiday national day (3·1절, 제헌절, 광복절, 개천절, 한글날),
 *   어린이날, 부처님오신날 or 성탄절 falls on a Saturday, a Sunday or another holiday. 1월 1일 and 현충일
 *   never get one. The unit test re-derives every substitute day from these rules.
 * - 제헌절 (7/17): restored as a public holiday by the amendment of the 공휴일에 관한 법률 passed on
 *   2026-01-29 (in force three months after promulgation, i.e. before 2026-07-17). As a public-holiday
 *   national day it should get a substitute day like 광복절; 2027-07-17 is a Saturday, so 2027-07-19 is
 *   listed as its substitute. UNCERTAIN: inferred from the rules, not yet confirmed by an official 2027
 *   calendar (월력요항); drop it if the government publishes otherwise.
 * - 2026-06-03, the 9th nationwide local elections, is a public holiday (공직선거법 §34, election day).
 *   No election falls in 2027.
 * - Not listed: 노동절 (5/1). It is a paid day off for employees under labour law, not a public holiday;
 *   a bill to make it one was pending when this list was written. Owners who close on 5/1 add it to
 *   their own calendar. Temporary holidays (임시공휴일) the government may add later are not listed.
 */

/** Korean public holidays of 2026, substitute holidays (대체공휴일) included, in date order. */
export const koreanHolidays2026: readonly KoreanHoliday[] = [
  holiday('2026-01-01', '1월 1일', "New Year's Day"),
  holiday('2026-02-16', '설날 연휴', 'Seollal holiday'),
  holiday('2026-02-17', '설날', 'Seollal (Lunar New Year)'),
  holiday('2026-02-18', '설날 연휴', 'Seollal holiday'),
  holiday('2026-03-01', '삼일절', 'Independence Movement Day'),
  substitute('2026-03-02', '삼일절', 'Independence Movement Day'),
  holiday('2026-05-05', '어린이날', "Children's Day"),
  holiday('2026-05-24', '부처님오신날', "Buddha's Birthday"),
  substitute('2026-05-25', '부처님오신날', "Buddha's Birthday"),
  holiday('2026-06-03', '전국동시지방선거', 'Local elections'),
  holiday('2026-06-06', '현충일', 'Memorial Day'),
  holiday('2026-07-17', '제헌절', 'Constitution Day'),
  holiday('2026-08-15', '광복절', 'Liberation Day'),
  substitute('2026-08-17', '광복절', 'Liberation Day'),
  holiday('2026-09-24', '추석 연휴', 'Chuseok holiday'),
  holiday('2026-09-25', '추석', 'Chuseok'),
  holiday('2026-09-26', '추석 연휴', 'Chuseok holiday'),
  holiday('2026-10-03', '개천절', 'National Foundation Day'),
  substitute('2026-10-05', '개천절', 'National Foundation Day'),
  holiday('2026-10-09', '한글날', 'Hangul Day'),
  holiday('2026-12-25', '성탄절', 'Christmas Day'),
];

/** Korean public holidays of 2027, substitute holidays (대체공휴일) included, in date order. */
export const koreanHolidays2027: readonly KoreanHoliday[] = [
  holiday('2027-01-01', '1월 1일', "New Year's Day"),
  holiday('2027-02-06', '설날 연휴', 'Seollal holiday'),
  holiday('2027-02-07', '설날', 'Seollal (Lunar New Year)'),
  holiday('2027-02-08', '설날 연휴', 'Seollal holiday'),
  substitute('2027-02-09', '설날', 'Seollal'),
  holiday('2027-03-01', '삼일절', 'Independence Movement Day'),
  holiday('2027-05-05', '어린이날', "Children's Day"),
  holiday('2027-05-13', '부처님오신날', "Buddha's Birthday"),
  holiday('2027-06-06', '현충일', 'Memorial Day'),
  holiday('2027-07-17', '제헌절', 'Constitution Day'),
  substitute('2027-07-19', '제헌절', 'Constitution Day'),
  holiday('2027-08-15', '광복절', 'Liberation Day'),
  substitute('2027-08-16', '광복절', 'Liberation Day'),
  holiday('2027-09-14', '추석 연휴', 'Chuseok holiday'),
  holiday('2027-09-15', '추석', 'Chuseok'),
  holiday('2027-09-16', '추석 연휴', 'Chuseok holiday'),
  holiday('2027-10-03', '개천절', 'National Foundation Day'),
  substitute('2027-10-04', '개천절', 'National Foundation Day'),
  holiday('2027-10-09', '한글날', 'Hangul Day'),
  substitute('2027-10-11', '한글날', 'Hangul Day'),
  holiday('2027-12-25', '성탄절', 'Christmas Day'),
  substitute('2027-12-27', '성탄절', 'Christmas Day'),
];

/** Every Korean public holiday this app knows (2026 and 2027), in date order. */
export const koreanHolidays: readonly KoreanHoliday[] = [...koreanHolidays2026, ...koreanHolidays2027];
