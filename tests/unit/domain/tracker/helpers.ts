// Shared helpers for the tracker tests: Seoul wall-clock times and an independent, minute-by-minute
// business-time oracle (deliberately naive: it uses Date and walks one minute at a time).
import type { BusinessCalendar } from '../../../../src/domain/tracker/business-calendar';
import type { ScoreCounts } from '../../../../src/domain/tracker/scoring';
import { zoneOf } from '../../../../src/domain/clock/time-zone';

/** The counts of a slice with no records. */
export const ZERO_COUNTS: Readonly<ScoreCounts> = {
  total: 0,
  open: 0,
  atRisk: 0,
  overdue: 0,
  kept: 0,
  overDelivered: 0,
  missed: 0,
  renegotiatedInTime: 0,
  closed: 0,
  withMargin: 0,
  recovered: 0,
};

/** Epoch ms of a Seoul wall-clock time `YYYY-MM-DDTHH:MM` (UTC+9). */
export const kst = (local: string): number => Date.parse(`${local}:00+09:00`);

/** ISO text of a Seoul wall-clock time `YYYY-MM-DDTHH:MM`, as stored in records. */
export const kstIso = (local: string): string => new Date(kst(local)).toISOString();

/** The Seoul wall-clock text `YYYY-MM-DDTHH:MM` of epoch ms `ms` (for readable failures). */
export const toKst = (ms: number): string => new Date(ms + 9 * 3_600_000).toISOString().slice(0, 16);

export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;

const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Whether the minute starting at `ms` is business time under `calendar` (naive reference). */
export function isBusinessMinute(ms: number, calendar: BusinessCalendar): boolean {
  const local = new Date(zoneOf(calendar.timeZone).localOf(ms));
  const date = local.toISOString().slice(0, 10);
  if (!calendar.workingDays.includes(WEEKDAYS[local.getUTCDay()]!)) return false;
  if (calendar.holidays.some((h) => h.date === date)) return false;
  const minute = local.getUTCHours() * 60 + local.getUTCMinutes();
  return minute >= minutesOf(calendar.opensAt) && minute < minutesOf(calendar.closesAt);
}

/** Business minutes in [a, b) for minute-aligned a ≤ b, counted one minute at a time. */
export function naiveBusinessMinutes(a: number, b: number, calendar: BusinessCalendar): number {
  let n = 0;
  for (let t = a; t < b; t += MINUTE) if (isBusinessMinute(t, calendar)) n += 1;
  return n;
}

/** The earliest instant with `minutes` business minutes after minute-aligned `start`, one minute at a time. */
export function naiveAddBusinessMinutes(start: number, minutes: number, calendar: BusinessCalendar): number {
  let t = start;
  let left = minutes;
  while (left > 0) {
    if (isBusinessMinute(t, calendar)) left -= 1;
    t += MINUTE;
  }
  return t;
}
