import { calendarDateSchema, instantSchema } from '../common';
import { calendarDateOfDay, dayOfCalendarDate, MINUTE_MS, parseInstant } from '../tracker/civil-time';

// iCalendar (RFC 5545) export of a deal's moments and follow-ups, for any calendar app.
//
// - Lines end in CRLF and are folded before 76 octets (§3.1): the continuation starts with one space, which
//   counts toward its 75 octets, and a fold never falls inside a UTF-8 character.
// - TEXT values (§3.3.11) escape `\`, `;`, `,` and line breaks (`\n`). CRLF and lone CR become one line
//   break, and control characters other than tab are dropped: TEXT may not carry them.
// - Timed events are written in UTC (`…Z`), so no VTIMEZONE is needed; all-day events are `VALUE=DATE`
//   with DTEND the next day (DTEND is exclusive).

export type CalendarEvent = {
  /** Stable across exports, so a re-import updates instead of duplicating: `${dealId}-${momentId}@service-charter`. */
  uid: string;
  title: string;
  description: string;
  /** All-day (`YYYY-MM-DD`) or timed (ISO 8601 instant). */
  start: { date: string } | { instant: string };
  /** Timed events; default 30. */
  durationMinutes?: number;
  /** One VALARM (ACTION:DISPLAY) per entry, this many minutes before the start. */
  alarmMinutesBefore: number[];
  /** An http(s) address shown with the event; anything else is left out. */
  url?: string;
};

const DEFAULT_DURATION_MINUTES = 30;
const MAX_OCTETS = 75;

/** A TEXT value escaped per RFC 5545 §3.3.11, line breaks as `\n`, control characters other than tab dropped. */
export function escapeIcsText(text: string): string {
  return (
    text
      .replace(/\r\n?/g, '\n')
      // eslint-disable-next-line no-control-regex -- dropping control characters is the point
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
      .replace(/[\\;,\n]/g, (ch) => (ch === '\n' ? '\\n' : `\\${ch}`))
  );
}

const utf8Length = (codePoint: number) =>
  codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;

/**
 * `line` folded per RFC 5545 §3.1: pieces of at most 75 UTF-8 octets (the first) and 74 plus the leading
 * space (the rest), split only between code points, joined by CRLF.
 */
export function foldIcsLine(line: string): string {
  const pieces: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = utf8Length(ch.codePointAt(0)!);
    const limit = pieces.length === 0 ? MAX_OCTETS : MAX_OCTETS - 1;
    if (octets + size > limit) {
      pieces.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  pieces.push(current);
  return pieces.join('\r\n ');
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `ms` as a UTC DATE-TIME: `20261122T090000Z` (seconds kept, milliseconds dropped). */
function utcDateTime(ms: number): string {
  const d = new Date(ms);
  return (
    `${pad(d.getUTCFullYear(), 4)}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`
  );
}

const basicDate = (date: string) => date.replaceAll('-', '');

function instantMs(text: string, what: string): number {
  const ms = instantSchema.safeParse(text).success ? parseInstant(text) : Number.NaN;
  if (!Number.isFinite(ms)) throw new RangeError(`${what} must be an ISO 8601 instant, not "${text}"`);
  return ms;
}

/** A DURATION value `minutes` before (negative) the start: `-PT15M`, `-PT2H`, `-P1D`, `-P1W`; `PT0M` for 0. */
function triggerBefore(minutes: number): string {
  if (!Number.isInteger(minutes) || minutes < 0)
    throw new RangeError(`alarmMinutesBefore must be whole minutes ≥ 0, not ${minutes}`);
  if (minutes === 0) return 'PT0M';
  if (minutes % 10_080 === 0) return `-P${minutes / 10_080}W`;
  if (minutes % 1_440 === 0) return `-P${minutes / 1_440}D`;
  if (minutes % 60 === 0) return `-PT${minutes / 60}H`;
  return `-PT${minutes}M`;
}

function eventLines(event: CalendarEvent, stamp: string): string[] {
  const lines = ['BEGIN:VEVENT', `UID:${escapeIcsText(event.uid)}`, `DTSTAMP:${stamp}`];
  if ('date' in event.start) {
    const date = event.start.date;
    const day = calendarDateSchema.safeParse(date).success ? dayOfCalendarDate(date) : Number.NaN;
    if (Number.isNaN(day)) throw new RangeError(`start.date must be a date like 2026-11-22, not "${date}"`);
    lines.push(
      `DTSTART;VALUE=DATE:${basicDate(date)}`,
      `DTEND;VALUE=DATE:${basicDate(calendarDateOfDay(day + 1))}`,
    );
  } else {
    const start = instantMs(event.start.instant, 'start.instant');
    const minutes = event.durationMinutes ?? DEFAULT_DURATION_MINUTES;
    if (!Number.isFinite(minutes) || minutes <= 0)
      throw new RangeError(`durationMinutes must be more than 0, not ${minutes}`);
    lines.push(`DTSTART:${utcDateTime(start)}`, `DTEND:${utcDateTime(start + minutes * MINUTE_MS)}`);
  }
  lines.push(`SUMMARY:${escapeIcsText(event.title)}`);
  if (event.description !== '') lines.push(`DESCRIPTION:${escapeIcsText(event.description)}`);
  // A URI value is not escaped, so only a plain http(s) address without spaces or controls goes in.
  if (event.url !== undefined && /^https?:\/\/[^\s"\p{Cc}]+$/iu.test(event.url))
    lines.push(`URL:${event.url}`);
  for (const minutes of event.alarmMinutesBefore)
    lines.push(
      'BEGIN:VALARM',
      'ACTION:DISPLAY',
      `DESCRIPTION:${escapeIcsText(event.title)}`,
      `TRIGGER:${triggerBefore(minutes)}`,
      'END:VALARM',
    );
  lines.push('END:VEVENT');
  return lines;
}

/**
 * RFC 5545 VCALENDAR text (CRLF, folded at 75 octets without splitting UTF-8 characters, escaped TEXT) with
 * one VEVENT per event, DTSTAMP `now`. Throws a RangeError for an impossible date, instant, duration or alarm.
 */
export function toIcs(input: {
  events: readonly CalendarEvent[];
  calendarName: string;
  now: string;
}): string {
  const stamp = utcDateTime(instantMs(input.now, 'now'));
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Service Charter//Service Charter//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeIcsText(input.calendarName)}`,
    ...input.events.flatMap((event) => eventLines(event, stamp)),
    'END:VCALENDAR',
  ];
  return `${lines.map(foldIcsLine).join('\r\n')}\r\n`;
}

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

/**
 * A safe file name for `name` ending in `.ics`: characters no file system allows (`/ \ : * ? " < > |`,
 * controls, lone surrogates) and runs of spaces become `-`, leading and trailing `-` and `.` go, at most 80 characters
 * (never cutting a character in two), Korean and other letters kept; `calendar.ics` when nothing is left.
 */
export function icsFilename(name: string): string {
  const base = name
    .normalize('NFC')
    .replace(/\.ics$/i, '')
    // Controls, lone surrogates (not encodable) and what Windows or Unix refuse in a name.
    .replace(/[\p{Cc}\p{Cs}/\\:*?"<>|\s]+/gu, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
  const cut = Array.from(base)
    .slice(0, 80)
    .join('')
    .replace(/[-.]+$/, '');
  if (cut === '') return 'calendar.ics';
  return `${WINDOWS_RESERVED.test(cut) ? `_${cut}` : cut}.ics`;
}
