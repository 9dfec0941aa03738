// Calendar arithmetic on day numbers: days are counted from 1970-01-01 in the proleptic Gregorian
// calendar (day 0 was a Thursday). Algorithms after Howard Hinnant, "chrono-Compatible Low-Level Date
// Algorithms": plain integer arithmetic, valid for any year, with no time zone involved.

/** Milliseconds in one day. */
export const DAY_MS = 86_400_000;

/** Milliseconds in one minute. */
export const MINUTE_MS = 60_000;

/** The day number (days since 1970-01-01) of the Gregorian date `year`-`month`-`day` (month 1–12). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** The Gregorian date of day number `dayNumber` (days since 1970-01-01) as `{ year, month 1–12, day 1–31 }`. */
export function civilFromDays(dayNumber: number): { year: number; month: number; day: number } {
  const z = dayNumber + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1_460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** The month number year × 12 + (month − 1) of day number `dayNumber` (e.g. 2026-03-05 → 24_314). */
export function monthIndexOfDay(dayNumber: number): number {
  const { year, month } = civilFromDays(dayNumber);
  return year * 12 + month - 1;
}

/** The day of the week of day number `dayNumber`: 0 = Sunday … 6 = Saturday. */
export function weekdayOfDay(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

/** The day number of a `YYYY-MM-DD` date, or NaN when the text is not such a date. */
export function dayOfCalendarDate(date: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return Number.NaN;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > 31) return Number.NaN;
  const n = daysFromCivil(year, month, day);
  // Reject 2026-02-30 and the like: the date must survive the round trip.
  return monthIndexOfDay(n) === year * 12 + month - 1 ? n : Number.NaN;
}

/** The `YYYY-MM-DD` text of day number `dayNumber` (years 0–9999). */
export function calendarDateOfDay(dayNumber: number): string {
  const { year, month, day } = civilFromDays(dayNumber);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Epoch milliseconds of an ISO 8601 instant (`2026-03-02T09:00:00.000Z`, `2026-03-02T09:00:00+09:00`):
 * `Date.parse`, which ECMAScript defines for these forms; NaN when the text is not an instant.
 */
export function parseInstant(text: string): number {
  return Date.parse(text);
}
