import { z } from 'zod';
import { durationMinutes } from '../charter/commitment-text';
import { calendarDateSchema, lineSchema } from '../common';
import type { CalendarDate, Duration } from '../common';
import { calendarDateOfDay, DAY_MS, dayOfCalendarDate, MINUTE_MS, weekdayOfDay } from './civil-time';
import { koreanHolidays } from './korean-holidays';
import { defaultTimeZone, timeZoneSchema, zoneOf } from '../clock/time-zone';
import type { Zone } from '../clock/time-zone';
import { issueParams } from '../text/message';

/*
 * Business time, defined exactly (every function below follows these definitions):
 *
 * - Local time is the wall-clock time in the calendar's IANA `timeZone`, daylight saving included (see
 *   domain/clock/time-zone.ts). A local day runs from 00:00 to 24:00 local time (23 or 25 hours on the day
 *   the clocks change). Business time is counted on the wall clock: a clock change inside opening hours
 *   (none happens in practice; they fall at night) would count the wall-clock hours.
 * - A business day is a local day whose weekday is one of `workingDays` and whose date is not in
 *   `holidays`.
 * - Business time is the time inside opening hours [opensAt, closesAt) of business days. The number of
 *   business minutes between instants a ≤ b, W(a, b), is the length of [a, b) ∩ business time.
 * - N business minutes (or hours) after `start` is the EARLIEST instant t ≥ start with W(start, t) = N.
 *   So 4 business hours from Friday 16:00 is Monday 11:00; 2 business hours from Friday 16:00 is Friday
 *   18:00 (the closing time, not Monday 09:00); from a night, weekend or holiday start the count begins
 *   at the next opening; 0 minutes after `start` is `start` itself.
 * - N business days after `start` keeps the start's local time of day, N business days later. A start
 *   outside opening hours is first clamped: before opening on a business day → that day's opening; at or
 *   after closing, or on a day off → the next business day's opening. Friday 16:00 + 1 business day =
 *   Monday 16:00; Saturday 10:00 + 1 business day = Tuesday 09:00. The business minutes between the
 *   start and the result are always N × (closesAt − opensAt); the result differs from "N × day-length
 *   business minutes" only when the clamped start is exactly at opening (days give the next opening,
 *   minutes give the previous closing: the same amount of business time).
 *   A fractional part (1.5 days) is added afterwards as that share of one day's business minutes.
 * - N business weeks are N × (number of working weekdays) business days.
 * - Subtracting mirrors adding: N business minutes before `end` is the LATEST instant t ≤ end with
 *   W(t, end) = N; N business days before `end` keeps the end's time of day after clamping it into
 *   opening hours from the other side (after closing → that day's closing; at or before opening, or on a
 *   day off → the previous business day's closing).
 * - Calendar (non-business) durations count every minute; a day is 24 hours and a week 7 days.
 */

const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

/** A day of the week, as stored in a business calendar. */
export const weekdaySchema = z.enum(WEEKDAYS);
export type Weekday = z.infer<typeof weekdaySchema>;

const CLOCK = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/;
/** Minutes after local midnight of a clock time `HH:MM` (`24:00` → 1440); NaN when malformed. */
function clockMinutes(text: string): number {
  if (!CLOCK.test(text)) return Number.NaN;
  return Number(text.slice(0, 2)) * 60 + Number(text.slice(3, 5));
}

const clockTimeSchema = z.string().refine((v) => !Number.isNaN(clockMinutes(v)), {
  params: issueParams('issue.clockTime'),
});

/** A day the owner does not work although it is a working weekday (a public holiday, a company day off). */
export const calendarHolidaySchema = z.object({ date: calendarDateSchema, name: lineSchema(120) });
export type CalendarHoliday = z.infer<typeof calendarHolidaySchema>;

/**
 * When the owner works: the IANA time zone (`Asia/Seoul`),
 * the working weekdays, the daily opening hours `HH:MM`–`HH:MM` in local time (closing may be `24:00`),
 * and the holidays. See the definitions at the top of this module.
 */
export const businessCalendarSchema = z
  .object({
    timeZone: timeZoneSchema,
    workingDays: z.array(weekdaySchema).min(1).max(7),
    opensAt: clockTimeSchema,
    closesAt: clockTimeSchema,
    holidays: z.array(calendarHolidaySchema).max(2_000),
  })
  .refine((c) => clockMinutes(c.opensAt) < clockMinutes(c.closesAt), {
    path: ['closesAt'],
    params: issueParams('issue.closesAfterOpens'),
  });
export type BusinessCalendar = z.infer<typeof businessCalendarSchema>;

/** Seoul (Asia/Seoul), Monday to Friday, 09:00–18:00, with Korea's 2026–2027 public holidays. */
export const defaultBusinessCalendar: BusinessCalendar = {
  timeZone: defaultTimeZone,
  workingDays: ['mon', 'tue', 'wed', 'thu', 'fri'],
  opensAt: '09:00',
  closesAt: '18:00',
  holidays: koreanHolidays.map((h) => ({ date: h.date, name: h.name.ko })),
};

// ---------------------------------------------------------------------------------------------------
// Compiled form: day numbers are days since 1970-01-01 in local time (see civil-time.ts).

type Compiled = {
  zone: Zone;
  /** Opening and closing as milliseconds after local midnight; `dayLen` = close − open. */
  open: number;
  close: number;
  dayLen: number;
  /** Working weekday flags, 0 = Sunday. */
  working: readonly boolean[];
  perWeek: number;
  /** `prefix[k]`: working weekdays among day numbers 0 … k − 1 (k = 0 … 7; day 0 is a Thursday). */
  prefix: readonly number[];
  /** Day numbers of the holidays that fall on working weekdays, sorted, without duplicates. */
  holidays: readonly number[];
  /**
   * O(1) look-up over the holidays' span [holidayFrom, holidayFrom + span): `holidaysUpTo[k]` = holidays
   * before day holidayFrom + k (k = 0 … span), `isHoliday[k]` = 1 for a holiday. Empty when the span
   * is too long (`tabled` false: the binary search over `holidays` is used then).
   */
  tabled: boolean;
  holidayFrom: number;
  holidaysUpTo: Int32Array;
  isHoliday: Uint8Array;
};

/** Longest holiday span (in days) given an O(1) look-up table; ~270 years. */
const MAX_TABLE_SPAN = 100_000;

// Calendars are immutable values in this app: each is compiled once.
const compiledCache = new WeakMap<BusinessCalendar, Compiled>();

function compile(calendar: BusinessCalendar): Compiled {
  return compiledCache.get(calendar) ?? compileNew(calendar);
}

function compileNew(calendar: BusinessCalendar): Compiled {
  const open = clockMinutes(calendar.opensAt) * MINUTE_MS;
  const close = clockMinutes(calendar.closesAt) * MINUTE_MS;
  if (!(open < close)) throw new RangeError('Business calendar: closesAt must be later than opensAt.');
  const working = WEEKDAYS.map((d) => calendar.workingDays.includes(d));
  const perWeek = working.filter(Boolean).length;
  if (perWeek === 0) throw new RangeError('Business calendar: at least one working day is needed.');
  const prefix = [0];
  for (let k = 0; k < 7; k += 1) prefix.push(prefix[k]! + (working[weekdayOfDay(k)] ? 1 : 0));
  const days = new Set<number>();
  for (const h of calendar.holidays) {
    const day = dayOfCalendarDate(h.date);
    if (!Number.isNaN(day) && working[weekdayOfDay(day)]) days.add(day);
  }
  const holidays = [...days].sort((a, b) => a - b);
  const holidayFrom = holidays[0] ?? 0;
  const span = holidays.length === 0 ? 0 : holidays[holidays.length - 1]! - holidayFrom + 1;
  const tabled = span <= MAX_TABLE_SPAN;
  const holidaysUpTo = new Int32Array(tabled ? span + 1 : 0);
  const isHoliday = new Uint8Array(tabled ? span : 0);
  if (tabled) {
    for (const day of holidays) isHoliday[day - holidayFrom] = 1;
    for (let k = 0; k < span; k += 1) holidaysUpTo[k + 1] = holidaysUpTo[k]! + isHoliday[k]!;
  }
  const compiled: Compiled = {
    zone: zoneOf(calendar.timeZone),
    open,
    close,
    dayLen: close - open,
    working,
    perWeek,
    prefix,
    holidays,
    tabled,
    holidayFrom,
    holidaysUpTo,
    isHoliday,
  };
  compiledCache.set(calendar, compiled);
  return compiled;
}

/** Index of the first element of sorted `values` that is ≥ `x`. */
function lowerBound(values: readonly number[], x: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Number of (working-weekday) holidays before day number `day`. */
function holidaysBefore(c: Compiled, day: number): number {
  if (!c.tabled) return lowerBound(c.holidays, day);
  const k = day - c.holidayFrom;
  return k <= 0 ? 0 : k >= c.isHoliday.length ? c.holidays.length : c.holidaysUpTo[k]!;
}

function isHolidayNumber(c: Compiled, day: number): boolean {
  if (!c.tabled) return c.holidays[lowerBound(c.holidays, day)] === day;
  const k = day - c.holidayFrom;
  return k >= 0 && k < c.isHoliday.length && c.isHoliday[k] === 1;
}

const isBusinessDayNumber = (c: Compiled, day: number) =>
  c.working[weekdayOfDay(day)] === true && !isHolidayNumber(c, day);

/** B(day): a count such that B(b) − B(a) is the number of business days in [a, b). */
function businessDaysBefore(c: Compiled, day: number): number {
  const weeks = Math.floor(day / 7);
  return weeks * c.perWeek + c.prefix[day - weeks * 7]! - holidaysBefore(c, day);
}

/** C(t): a count of business milliseconds such that C(b) − C(a) = W(a, b). */
function businessMsBefore(c: Compiled, t: number): number {
  const local = c.zone.localOf(t);
  const day = Math.floor(local / DAY_MS);
  let ms = businessDaysBefore(c, day) * c.dayLen;
  if (isBusinessDayNumber(c, day)) {
    const tod = local - day * DAY_MS;
    ms += (tod < c.open ? c.open : tod > c.close ? c.close : tod) - c.open;
  }
  return ms;
}

/** Working-weekday holidays among day numbers [from, to). */
const holidaysIn = (c: Compiled, from: number, to: number) => holidaysBefore(c, to) - holidaysBefore(c, from);

function addBusinessMs(c: Compiled, start: number, amount: number): number {
  if (amount <= 0) return start;
  let rest = amount;
  const local = c.zone.localOf(start);
  let day = Math.floor(local / DAY_MS);
  let tod = local - day * DAY_MS;
  const weekCap = c.perWeek * c.dayLen;
  for (;;) {
    if (isBusinessDayNumber(c, day)) {
      const from = tod > c.open ? tod : c.open;
      if (from < c.close) {
        const available = c.close - from;
        if (rest <= available) return c.zone.instantOf(day * DAY_MS + from + rest);
        rest -= available;
      }
    }
    day += 1;
    tod = 0;
    if (rest > weekCap) {
      // Skip whole weeks [day, day + 7k): they hold k·weekCap minus the holidays' share; rest stays ≥ 1.
      const k = Math.floor((rest - 1) / weekCap);
      rest -= k * weekCap - holidaysIn(c, day, day + 7 * k) * c.dayLen;
      day += 7 * k;
    }
  }
}

function subtractBusinessMs(c: Compiled, end: number, amount: number): number {
  if (amount <= 0) return end;
  let rest = amount;
  const local = c.zone.localOf(end);
  let day = Math.floor(local / DAY_MS);
  let tod = local - day * DAY_MS;
  const weekCap = c.perWeek * c.dayLen;
  for (;;) {
    if (isBusinessDayNumber(c, day)) {
      const to = tod < c.close ? tod : c.close;
      if (to > c.open) {
        const available = to - c.open;
        if (rest <= available) return c.zone.instantOf(day * DAY_MS + to - rest);
        rest -= available;
      }
    }
    day -= 1;
    tod = DAY_MS;
    if (rest > weekCap) {
      // Skip whole weeks (day − 7k, day].
      const k = Math.floor((rest - 1) / weekCap);
      rest -= k * weekCap - holidaysIn(c, day - 7 * k + 1, day + 1) * c.dayLen;
      day -= 7 * k;
    }
  }
}

/** The `count`-th business day after business day number `day` (count ≥ 0; the result is a business day). */
function advanceBusinessDays(c: Compiled, day: number, count: number): number {
  let d = day;
  let rest = count;
  while (rest > c.perWeek) {
    // Days (d, d + 7w] hold w·perWeek business days minus their holidays; rest stays ≥ 1.
    const w = Math.floor((rest - 1) / c.perWeek);
    rest -= w * c.perWeek - holidaysIn(c, d + 1, d + 7 * w + 1);
    d += 7 * w;
  }
  while (rest > 0) {
    d += 1;
    if (isBusinessDayNumber(c, d)) rest -= 1;
  }
  return d;
}

/** The `count`-th business day before business day number `day` (mirror of `advanceBusinessDays`). */
function retreatBusinessDays(c: Compiled, day: number, count: number): number {
  let d = day;
  let rest = count;
  while (rest > c.perWeek) {
    const w = Math.floor((rest - 1) / c.perWeek);
    rest -= w * c.perWeek - holidaysIn(c, d - 7 * w, d);
    d -= 7 * w;
  }
  while (rest > 0) {
    d -= 1;
    if (isBusinessDayNumber(c, d)) rest -= 1;
  }
  return d;
}

function addWholeAndFractionDays(c: Compiled, start: number, days: number): number {
  const whole = Math.floor(days);
  const local = c.zone.localOf(start);
  let day = Math.floor(local / DAY_MS);
  const tod = local - day * DAY_MS;
  let anchor: number;
  if (isBusinessDayNumber(c, day) && tod < c.close) anchor = tod > c.open ? tod : c.open;
  else {
    day = advanceBusinessDays(c, day, 1);
    anchor = c.open;
  }
  const result = c.zone.instantOf(advanceBusinessDays(c, day, whole) * DAY_MS + anchor);
  return addBusinessMs(c, result, Math.round((days - whole) * c.dayLen));
}

function subtractWholeAndFractionDays(c: Compiled, end: number, days: number): number {
  const whole = Math.floor(days);
  const local = c.zone.localOf(end);
  let day = Math.floor(local / DAY_MS);
  const tod = local - day * DAY_MS;
  let anchor: number;
  if (isBusinessDayNumber(c, day) && tod > c.open) anchor = tod < c.close ? tod : c.close;
  else {
    day = retreatBusinessDays(c, day, 1);
    anchor = c.close;
  }
  const result = c.zone.instantOf(retreatBusinessDays(c, day, whole) * DAY_MS + anchor);
  return subtractBusinessMs(c, result, Math.round((days - whole) * c.dayLen));
}

function checkInstant(name: string, value: number): void {
  if (!Number.isFinite(value)) throw new RangeError(`${name} must be a finite epoch-millisecond instant.`);
}
function checkAmount(name: string, value: number): void {
  if (!(Number.isFinite(value) && value >= 0)) throw new RangeError(`${name} must be a number ≥ 0.`);
}

// ---------------------------------------------------------------------------------------------------

/** The earliest instant at least `minutes` business minutes after `startMs` (epoch ms; see module notes). */
export function addBusinessMinutes(startMs: number, minutes: number, calendar: BusinessCalendar): number {
  checkInstant('startMs', startMs);
  checkAmount('minutes', minutes);
  return addBusinessMs(compile(calendar), startMs, Math.round(minutes * MINUTE_MS));
}

/** The instant `days` business days after `startMs`: same local time of day, clamped into opening hours. */
export function addBusinessDays(startMs: number, days: number, calendar: BusinessCalendar): number {
  checkInstant('startMs', startMs);
  checkAmount('days', days);
  return addWholeAndFractionDays(compile(calendar), startMs, days);
}

/** The due instant `duration` of business time after `startMs`: minutes/hours as business minutes, days/weeks as business days. */
export function addBusinessTime(startMs: number, duration: Duration, calendar: BusinessCalendar): number {
  checkInstant('startMs', startMs);
  checkAmount('duration.value', duration.value);
  const c = compile(calendar);
  switch (duration.unit) {
    case 'minutes':
      return addBusinessMs(c, startMs, Math.round(duration.value * MINUTE_MS));
    case 'hours':
      return addBusinessMs(c, startMs, Math.round(duration.value * 60 * MINUTE_MS));
    case 'days':
      return addWholeAndFractionDays(c, startMs, duration.value);
    case 'weeks':
      return addWholeAndFractionDays(c, startMs, duration.value * c.perWeek);
  }
}

/** The instant `duration` of business time before `endMs` (the mirror image of `addBusinessTime`). */
export function subtractBusinessTime(endMs: number, duration: Duration, calendar: BusinessCalendar): number {
  checkInstant('endMs', endMs);
  checkAmount('duration.value', duration.value);
  const c = compile(calendar);
  switch (duration.unit) {
    case 'minutes':
      return subtractBusinessMs(c, endMs, Math.round(duration.value * MINUTE_MS));
    case 'hours':
      return subtractBusinessMs(c, endMs, Math.round(duration.value * 60 * MINUTE_MS));
    case 'days':
      return subtractWholeAndFractionDays(c, endMs, duration.value);
    case 'weeks':
      return subtractWholeAndFractionDays(c, endMs, duration.value * c.perWeek);
  }
}

/**
 * C(t) of `calendar`: the business milliseconds before the instant t counted from a fixed origin, so
 * that the business minutes between a and b are (C(b) − C(a)) ÷ 60,000. For loops over many instants
 * (the calendar is prepared once); t must be a finite instant.
 */
export function businessClock(calendar: BusinessCalendar): (t: number) => number {
  const c = compile(calendar);
  return (t) => businessMsBefore(c, t);
}

/**
 * The business milliseconds W(start, addBusinessTime(start, duration)) for every start, which also equal
 * W(subtractBusinessTime(end, duration), end) for every end: minutes and hours rounded to the
 * millisecond, days as whole days × (closesAt − opensAt) plus the fraction's share of one day rounded to
 * the millisecond, weeks as days × `workingDaysPerWeek`.
 */
export function businessDurationMs(duration: Duration, calendar: BusinessCalendar): number {
  checkAmount('duration.value', duration.value);
  const c = compile(calendar);
  switch (duration.unit) {
    case 'minutes':
      return Math.round(duration.value * MINUTE_MS);
    case 'hours':
      return Math.round(duration.value * 60 * MINUTE_MS);
    case 'days':
      return wholeAndFractionDaysMs(c, duration.value);
    case 'weeks':
      return wholeAndFractionDaysMs(c, duration.value * c.perWeek);
  }
}

/** Business ms that `addWholeAndFractionDays` covers: whole days, then the fraction as business ms. */
function wholeAndFractionDaysMs(c: Compiled, days: number): number {
  const whole = Math.floor(days);
  return whole * c.dayLen + Math.round((days - whole) * c.dayLen);
}

/** Business minutes in [aMs, bMs) when a ≤ b, and minus the business minutes in [bMs, aMs) when b < a. */
export function businessMinutesBetween(aMs: number, bMs: number, calendar: BusinessCalendar): number {
  checkInstant('aMs', aMs);
  checkInstant('bMs', bMs);
  const c = compile(calendar);
  return (businessMsBefore(c, bMs) - businessMsBefore(c, aMs)) / MINUTE_MS;
}

/** `startMs` plus `duration` counted in plain minutes (a day is 24 hours, a week 7 days). */
export function addCalendarTime(startMs: number, duration: Duration): number {
  checkInstant('startMs', startMs);
  checkAmount('duration.value', duration.value);
  return startMs + Math.round(durationMinutes(duration) * MINUTE_MS);
}

/** `endMs` minus `duration` counted in plain minutes (a day is 24 hours, a week 7 days). */
export function subtractCalendarTime(endMs: number, duration: Duration): number {
  checkInstant('endMs', endMs);
  checkAmount('duration.value', duration.value);
  return endMs - Math.round(durationMinutes(duration) * MINUTE_MS);
}

/** Business minutes in one business day: closesAt − opensAt (540 for 09:00–18:00). */
export function businessMinutesPerDay(calendar: BusinessCalendar): number {
  return compile(calendar).dayLen / MINUTE_MS;
}

/** How many different weekdays are working days (5 for Monday–Friday). */
export function workingDaysPerWeek(calendar: BusinessCalendar): number {
  return compile(calendar).perWeek;
}

/**
 * The business minutes `addBusinessTime` counts for `duration`: minutes and hours as such, a day as one
 * business day's minutes, a week as `workingDaysPerWeek` business days (not rounded to the millisecond
 * as `addBusinessTime` does; `businessDurationMs` is exact).
 */
export function durationInBusinessMinutes(duration: Duration, calendar: BusinessCalendar): number {
  const c = compile(calendar);
  const day = c.dayLen / MINUTE_MS;
  switch (duration.unit) {
    case 'minutes':
      return duration.value;
    case 'hours':
      return duration.value * 60;
    case 'days':
      return duration.value * day;
    case 'weeks':
      return duration.value * c.perWeek * day;
  }
}

/** Whether the local date `date` (`YYYY-MM-DD`) is a business day: a working weekday that is not a holiday. */
export function isBusinessDay(date: CalendarDate, calendar: BusinessCalendar): boolean {
  const day = dayOfCalendarDate(date);
  if (Number.isNaN(day)) throw new RangeError(`Not a date: ${date}`);
  return isBusinessDayNumber(compile(calendar), day);
}

/** The local date (`YYYY-MM-DD`, in the calendar's time zone) of the instant `ms`. */
export function localDateOf(ms: number, calendar: BusinessCalendar): CalendarDate {
  checkInstant('ms', ms);
  return calendarDateOfDay(Math.floor(zoneOf(calendar.timeZone).localOf(ms) / DAY_MS));
}

/** The local day number (days since 1970-01-01 on the calendar's wall clock) of the instant `ms`. */
export function localDayOf(ms: number, calendar: BusinessCalendar): number {
  return Math.floor(compile(calendar).zone.localOf(ms) / DAY_MS);
}

/** `localDayOf` of `calendar`, prepared once for loops over many instants. */
export function localDayClock(calendar: BusinessCalendar): (ms: number) => number {
  const { zone } = compile(calendar);
  return (ms) => Math.floor(zone.localOf(ms) / DAY_MS);
}

/** The first instant of local day number `day` (its 00:00, or the first minute after a gap at midnight). */
export function startOfLocalDay(day: number, calendar: BusinessCalendar): number {
  return compile(calendar).zone.instantOf(day * DAY_MS);
}

/** The first instant (local 00:00) of the local date `date` in the calendar's time zone. */
export function startOfLocalDate(date: CalendarDate, calendar: BusinessCalendar): number {
  const day = dayOfCalendarDate(date);
  if (Number.isNaN(day)) throw new RangeError(`Not a date: ${date}`);
  return startOfLocalDay(day, calendar);
}

/** The last millisecond of the local date `date` (one before the next date's start; days may be 23 or 25 h). */
export function endOfLocalDate(date: CalendarDate, calendar: BusinessCalendar): number {
  const day = dayOfCalendarDate(date);
  if (Number.isNaN(day)) throw new RangeError(`Not a date: ${date}`);
  return startOfLocalDay(day + 1, calendar) - 1;
}

/** The wall-clock time at `ms` in the calendar's zone, as epoch ms of that wall time read as UTC. */
export function wallClockOf(ms: number, calendar: BusinessCalendar): number {
  return compile(calendar).zone.localOf(ms);
}

/** The instant at which the calendar's wall clock shows `wall` (epoch ms of the wall time read as UTC). */
export function instantOfWallClock(wall: number, calendar: BusinessCalendar): number {
  return compile(calendar).zone.instantOf(wall);
}
