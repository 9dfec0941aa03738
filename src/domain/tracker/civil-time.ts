// Calendar arithmetic without `Date`: days are counted from 1970-01-01 in the proleptic Gregorian
// calendar (day 0 was a Thursday). Algorithms after Howard Hinnant, "chrono-Compatible Low-Level Date
// Algorithms". Everything here is allocation-free so the scoring loop can call it per record.

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

/** Shared core of the civil conversions: `[year, month 1–12, day 1–31]` packed as year * 10_000 + month * 100 + day. */
function packedCivil(dayNumber: number): number {
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
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return year * 10_000 + month * 100 + day;
}

/** The Gregorian date of day number `dayNumber` (days since 1970-01-01) as `{ year, month 1–12, day 1–31 }`. */
export function civilFromDays(dayNumber: number): { year: number; month: number; day: number } {
  const packed = packedCivil(dayNumber);
  const year = Math.floor(packed / 10_000);
  const rest = packed - year * 10_000;
  return { year, month: Math.floor(rest / 100), day: rest % 100 };
}

/** The month number year × 12 + (month − 1) of day number `dayNumber` (e.g. 2026-03-05 → 24_314). */
export function monthIndexOfDay(dayNumber: number): number {
  const packed = packedCivil(dayNumber);
  const year = Math.floor(packed / 10_000);
  return year * 12 + Math.floor((packed - year * 10_000) / 100) - 1;
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

/** The number of the two decimal digits at `i` in `s`, or −1 when either is not a digit. */
function two(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return a >>> 0 > 9 || b >>> 0 > 9 ? -1 : a * 10 + b;
}

// Day numbers of the first day of every month of 1900–2199, for the parser's fast path.
const TABLE_FIRST_YEAR = 1900;
const TABLE_YEARS = 300;
const MONTH_STARTS = (() => {
  const starts = new Int32Array(TABLE_YEARS * 12 + 1);
  for (let m = 0; m <= TABLE_YEARS * 12; m += 1)
    starts[m] = daysFromCivil(TABLE_FIRST_YEAR + Math.floor(m / 12), (m % 12) + 1, 1);
  return starts;
})();

/**
 * Epoch milliseconds of an ISO 8601 instant. Fast paths for `YYYY-MM-DDTHH:MM:SS.sssZ` (what
 * `toISOString` writes and the app stores) and `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)` (fraction
 * digits beyond milliseconds are truncated); any other text goes to `Date.parse`. NaN when the text is
 * not an instant.
 */
export function parseInstant(text: string): number {
  // Small enough to inline into its callers, and its two halves return small integers: a double
  // returned from a call that is not inlined is a heap allocation, once per instant.
  const minutes = canonicalMinutes(text);
  if (minutes !== NOT_CANONICAL) {
    const millis = canonicalMillis(text);
    if (millis >= 0) return minutes * MINUTE_MS + millis;
  }
  return parseInstantGeneral(text);
}

/**
 * Writes `parseInstant(text)` to `out[index]`, for loops over many instants: a number stored in a
 * Float64Array stays a plain number, where one returned from a call that is not inlined is allocated.
 */
export function readInstantInto(text: string, out: Float64Array, index: number): void {
  out[index] = parseInstant(text); // parseInstant is small enough to be inlined here
}

/** Returned by `canonicalMinutes` for text that is not a canonical instant in 1900–2199. */
const NOT_CANONICAL = 0x7fffffff;

/** Digit value of the character at `i` of `s` (outside 0–9 for any other character). */
const digit = (s: string, i: number) => s.charCodeAt(i) - 48;

/**
 * Minutes since 1970-01-01T00:00Z of the `YYYY-MM-DDTHH:MM` part of a canonical instant (24 characters,
 * years 1900–2199, a real date, hours 00–23, minutes 00–59); NOT_CANONICAL otherwise.
 */
function canonicalMinutes(s: string): number {
  if (s.length !== 24) return NOT_CANONICAL;
  const y0 = digit(s, 0);
  const y1 = digit(s, 1);
  const y2 = digit(s, 2);
  const y3 = digit(s, 3);
  const m0 = digit(s, 5);
  const m1 = digit(s, 6);
  const d0 = digit(s, 8);
  const d1 = digit(s, 9);
  const h0 = digit(s, 11);
  const h1 = digit(s, 12);
  const i0 = digit(s, 14);
  const i1 = digit(s, 15);
  // Every digit in 0–9 (a negative value or a negative 9 − value otherwise) and the separators `--T:`
  // in place, each checked with one branch.
  const digits =
    y0 |
    y1 |
    y2 |
    y3 |
    m0 |
    m1 |
    d0 |
    d1 |
    h0 |
    h1 |
    i0 |
    i1 |
    (9 - y0) |
    (9 - y1) |
    (9 - y2) |
    (9 - y3) |
    (9 - m0) |
    (9 - m1) |
    (9 - d0) |
    (9 - d1) |
    (9 - h0) |
    (9 - h1) |
    (9 - i0) |
    (9 - i1);
  const separators =
    (s.charCodeAt(4) ^ 45) | (s.charCodeAt(7) ^ 45) | (s.charCodeAt(10) ^ 84) | (s.charCodeAt(13) ^ 58);
  if (digits < 0 || separators !== 0) return NOT_CANONICAL;
  const month = m0 * 10 + m1;
  const day = d0 * 10 + d1;
  const hour = h0 * 10 + h1;
  const minute = i0 * 10 + i1;
  const monthIndex = (y0 * 1000 + y1 * 100 + y2 * 10 + y3 - TABLE_FIRST_YEAR) * 12 + month - 1;
  if (
    month < 1 ||
    month > 12 ||
    monthIndex < 0 ||
    monthIndex >= TABLE_YEARS * 12 ||
    day < 1 ||
    day > MONTH_STARTS[monthIndex + 1]! - MONTH_STARTS[monthIndex]! ||
    hour > 23 ||
    minute > 59
  )
    return NOT_CANONICAL;
  return (MONTH_STARTS[monthIndex]! + day - 1) * 1440 + hour * 60 + minute;
}

/**
 * Milliseconds after the minute of the `:SS.sssZ` end of a canonical instant; −1 otherwise. Only for text
 * `canonicalMinutes` accepted (24 characters): past the end, charCodeAt gives NaN, which the digit check
 * would let through.
 */
function canonicalMillis(s: string): number {
  const s0 = digit(s, 17);
  const s1 = digit(s, 18);
  const f0 = digit(s, 20);
  const f1 = digit(s, 21);
  const f2 = digit(s, 22);
  const digits = s0 | s1 | f0 | f1 | f2 | (9 - s0) | (9 - s1) | (9 - f0) | (9 - f1) | (9 - f2);
  const separators = (s.charCodeAt(16) ^ 58) | (s.charCodeAt(19) ^ 46) | (s.charCodeAt(23) ^ 90);
  if (digits < 0 || separators !== 0) return -1;
  const second = s0 * 10 + s1;
  return second > 59 ? -1 : second * 1000 + f0 * 100 + f1 * 10 + f2;
}

/** `parseInstant` for every form but the canonical one. */
function parseInstantGeneral(text: string): number {
  const n = text.length;
  if (
    n < 20 ||
    text.charCodeAt(4) !== 45 || // -
    text.charCodeAt(7) !== 45 ||
    text.charCodeAt(10) !== 84 || // T
    text.charCodeAt(13) !== 58 || // :
    text.charCodeAt(16) !== 58
  )
    return Date.parse(text);
  const century = two(text, 0);
  const yy = two(text, 2);
  const month = two(text, 5);
  const day = two(text, 8);
  const hour = two(text, 11);
  const minute = two(text, 14);
  const second = two(text, 17);
  if (
    century < 0 ||
    yy < 0 ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    hour < 0 ||
    hour > 23 ||
    minute < 0 ||
    minute > 59 ||
    second < 0 ||
    second > 59
  )
    return Date.parse(text);
  const monthIndex = (century * 100 + yy - TABLE_FIRST_YEAR) * 12 + month - 1;
  if (monthIndex < 0 || monthIndex >= TABLE_YEARS * 12) return Date.parse(text);
  const monthStart = MONTH_STARTS[monthIndex]!;
  // Day 31 of a 30-day month and the like: let Date.parse decide (it returns NaN).
  if (day > MONTH_STARTS[monthIndex + 1]! - monthStart) return Date.parse(text);
  let i = 19;
  let ms = 0;
  if (text.charCodeAt(i) === 46) {
    // Fraction: the first three digits count (milliseconds), further digits are dropped.
    i += 1;
    let digits = 0;
    for (; i < n; i += 1) {
      const d = text.charCodeAt(i) - 48;
      if (d >>> 0 > 9) break;
      if (digits < 3) ms = ms * 10 + d;
      digits += 1;
    }
    if (digits === 0) return Date.parse(text);
    if (digits === 1) ms *= 100;
    else if (digits === 2) ms *= 10;
  }
  // Offset: `Z`, or ±HH:MM.
  let offsetMinutes = 0;
  const sign = text.charCodeAt(i);
  if (sign === 90) {
    if (i !== n - 1) return Date.parse(text);
  } else if ((sign === 43 || sign === 45) && i === n - 6 && text.charCodeAt(i + 3) === 58) {
    const oh = two(text, i + 1);
    const om = two(text, i + 4);
    if (oh < 0 || oh > 23 || om < 0 || om > 59) return Date.parse(text);
    offsetMinutes = sign === 45 ? -(oh * 60 + om) : oh * 60 + om;
  } else return Date.parse(text);
  return (monthStart + day - 1) * DAY_MS + ((hour * 60 + minute - offsetMinutes) * 60 + second) * 1000 + ms;
}
