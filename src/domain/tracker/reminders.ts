import type { BusinessCalendar } from './business-calendar';
import { businessMinutesBetween } from './business-calendar';
import { MINUTE_MS } from './civil-time';
import { effectiveDueMs } from './status';
import type { TodayItem } from './today';
import type { DeliveryRecord } from './tracker';

/*
 * Which reminders to show, defined exactly. From the Today items at `now`, each open promise gives at
 * most one reminder per state it reaches:
 * - `timer-ended`  overdue, and its window (due − trigger) is at most TIMER_WINDOW_MS (a spoken
 *                  "back in 10 minutes");
 * - `overdue`      overdue, any other promise;
 * - `at-risk`      at risk.
 * Its key is `<record id>:<kind>`; keys in `sent` are never shown again (so a reload shows no duplicate).
 * Quiet hours: a reminder is held back while `now` is outside the calendar's business time, unless the
 * promise's own due is outside business time too (a promise due at 20:00 reminds at 20:00).
 */

/** Promises whose whole window is at most this long are timers (same bound as the tracker's timer list). */
export const TIMER_WINDOW_MS = 60 * MINUTE_MS;

export type ReminderKind = 'at-risk' | 'overdue' | 'timer-ended';

export type Reminder = {
  key: string;
  kind: ReminderKind;
  recordId: string;
  summary: string;
  dueMs: number;
};

/** Whether the instant `ms` lies inside the calendar's business time (opening hours of a business day). */
export function inBusinessTime(ms: number, calendar: BusinessCalendar): boolean {
  return businessMinutesBetween(ms, ms + MINUTE_MS, calendar) > 0;
}

/** The reminders to show now (see the definitions at the top of this module), in the items' order. */
export function remindersDue(
  items: readonly TodayItem[],
  nowMs: number,
  calendar: BusinessCalendar,
  sent: ReadonlySet<string>,
): Reminder[] {
  const quiet = !inBusinessTime(nowMs, calendar);
  const due: Reminder[] = [];
  for (const item of items) {
    if (item.kind !== 'promise' || item.urgency === 'due-today') continue;
    const { record } = item;
    const isTimer = isRunningTimer(record);
    const kind: ReminderKind = item.urgency === 'at-risk' ? 'at-risk' : isTimer ? 'timer-ended' : 'overdue';
    const key = `${record.id}:${kind}`;
    if (sent.has(key)) continue;
    if (quiet && inBusinessTime(item.dueMs, calendar)) continue;
    due.push({ key, kind, recordId: record.id, summary: record.summary, dueMs: item.dueMs });
  }
  return due;
}

/**
 * Whether `record` is a running timer: not done, and its window (the due that counts − trigger; a new due
 * agreed in time moves it) at most TIMER_WINDOW_MS.
 */
export function isRunningTimer(record: DeliveryRecord): boolean {
  return (
    record.doneAt === null &&
    record.actual === null &&
    effectiveDueMs(record) - Date.parse(record.triggeredAt) <= TIMER_WINDOW_MS
  );
}

/** Whether any of `records` is a running timer (the app then refreshes its clock every second). */
export function anyRunningTimer(records: Iterable<DeliveryRecord>): boolean {
  for (const record of records) if (isRunningTimer(record)) return true;
  return false;
}
