import { instantSchema } from '../common';
import { instantOfWallClock, wallClockOf } from '../tracker/business-calendar';
import type { BusinessCalendar } from '../tracker/business-calendar';
import { calendarDateOfDay, DAY_MS, daysFromCivil, MINUTE_MS, parseInstant } from '../tracker/civil-time';

// One cell of the records CSV: formula guarding, instants in the calendar's local time with their offset,
// and numbers as people type them.
//
// Formula injection: a cell starting with `=`, `+`, `-`, `@`, tab or CR is run as a formula by spreadsheets,
// so it is written with a leading `'`. To keep the mapping reversible, a value that already starts with
// `'`s followed by one of those characters gets one more `'`; import removes exactly one.

const FORMULA_START = /^'*[=+\-@\t\r]/;

/** The cell text for `value`: a leading `'` when a spreadsheet would run it as a formula (see module notes). */
export function guardFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** Undoes `guardFormula` exactly: one leading `'` is removed when `'`s are followed by a formula character. */
export function unguardFormula(cell: string): string {
  return /^'+[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

/** One field of a comma-separated line: guarded, and quoted (quotes doubled) when RFC 4180 requires it. */
export function encodeCell(value: string): string {
  const guarded = guardFormula(value);
  // Leading or trailing spaces are quoted too, so no reader trims them away.
  return /[",\r\n]|^\s|\s$/.test(guarded) ? `"${guarded.replaceAll('"', '""')}"` : guarded;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `ms` as ISO 8601 in the calendar's local time, with milliseconds and the offset: `…T14:05:00.000+09:00`. */
export function formatLocalInstant(ms: number, calendar: BusinessCalendar): string {
  const local = wallClockOf(ms, calendar);
  const offsetMinutes = Math.round((local - ms) / MINUTE_MS);
  const day = Math.floor(local / DAY_MS);
  let rest = local - day * DAY_MS;
  const hours = Math.floor(rest / 3_600_000);
  rest -= hours * 3_600_000;
  const minutes = Math.floor(rest / 60_000);
  rest -= minutes * 60_000;
  const seconds = Math.floor(rest / 1000);
  const millis = rest - seconds * 1000;
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${calendarDateOfDay(day)}T${pad(hours)}:${pad(minutes)}:${pad(seconds)}.${pad(millis, 3)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

const LOCAL_DATE_TIME =
  /^(\d{4})[-./](\d{1,2})[-./](\d{1,2})\.?(?:T|\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/;

/**
 * The instant (canonical `toISOString` form) written as `text`: ISO 8601 with `Z` or an offset, or a local
 * date and time `YYYY-MM-DD HH:mm[:ss[.sss]]` (also with `T`, `/` or `.`) in the calendar's time zone;
 * null when it is neither or names an impossible date.
 */
export function parseCsvInstant(text: string, calendar: BusinessCalendar): string | null {
  const t = text.trim();
  if (instantSchema.safeParse(t).success) {
    const ms = parseInstant(t);
    return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
  }
  const m = LOCAL_DATE_TIME.exec(t);
  if (!m) return null;
  const [year, month, day, hour, minute, second = 0, frac = ''] = [
    Number(m[1]),
    Number(m[2]),
    Number(m[3]),
    Number(m[4]),
    Number(m[5]),
    m[6] === undefined ? 0 : Number(m[6]),
    m[7] ?? '',
  ] as const;
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return null;
  const dayNumber = daysFromCivil(year, month, day);
  // 31 April and the like: the day number names another date.
  if (calendarDateOfDay(dayNumber) !== `${pad(year, 4)}-${pad(month)}-${pad(day)}`) return null;
  const millis = frac === '' ? 0 : Number(frac.padEnd(3, '0'));
  const ms = instantOfWallClock(
    dayNumber * DAY_MS + ((hour * 60 + minute) * 60 + second) * 1000 + millis,
    calendar,
  );
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}

/**
 * The number written as `text`: digits with an optional fraction and exponent (`2980000`, `1.5e3`), or with
 * thousands commas (`2,980,000`), optionally with `₩`/`$` before or `원` after; null when it is not one.
 */
export function parseCsvNumber(text: string): number | null {
  const t = text
    .trim()
    .replace(/^[₩$]\s*/, '')
    .replace(/\s*원$/, '');
  if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t)) return Number(t);
  if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) return Number(t.replaceAll(',', ''));
  return null;
}
