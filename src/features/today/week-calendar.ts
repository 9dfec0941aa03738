import { icsFilename, toIcs } from '../../domain/interchange/ics';
import type { CalendarEvent } from '../../domain/interchange/ics';
import type { Locale } from '../../domain/common';
import type { Settings } from '../../domain/settings';
import { addDays, dueTimelineSteps } from '../../domain/tracker/deal-timeline';
import { effectiveDueMs } from '../../domain/tracker/status';
import { todayOf } from '../../domain/tracker/today';
import type { Data } from '../../persistence/workspace';
import { downloadText } from '../../lib/download';
import { createI18n, translate } from '../../lib/i18n';

const WEEK_MS = 7 * 86_400_000;
/** Timed promises remind 15 minutes before their due; all-day steps at 09:00 the day before. */
const BEFORE_DUE = 15;
const DAY_BEFORE_AT_NINE = 15 * 60;

/**
 * The open promises due within the next 7 days and the moments and follow-ups dated up to 7 days from
 * today (overdue ones included), as calendar events with reminders: with the app closed, the phone's
 * calendar does the reminding that a web page cannot.
 */
export function weekEvents(input: {
  data: Data;
  settings: Settings;
  nowMs: number;
  locale: Locale;
}): CalendarEvent[] {
  const { data, nowMs, locale } = input;
  const events: CalendarEvent[] = [];
  for (const record of data.deliveries.values()) {
    if (record.doneAt !== null || record.actual !== null) continue;
    const dueMs = effectiveDueMs(record);
    if (dueMs > nowMs + WEEK_MS) continue;
    const customer = record.customerId ? data.customers.get(record.customerId)?.name : undefined;
    events.push({
      uid: `${record.id}@service-charter`,
      title: [customer, record.summary].filter(Boolean).join(' — '),
      description: translate(locale, 'today.due', {
        time: createI18n(locale).formatDate(new Date(dueMs).toISOString(), 'datetime'),
      }),
      start: { instant: new Date(Math.max(dueMs, nowMs) - BEFORE_DUE * 60_000).toISOString() },
      durationMinutes: BEFORE_DUE,
      alarmMinutesBefore: [0],
    });
  }
  const until = addDays(todayOf(nowMs, input.settings.calendar), 7);
  for (const { deal, step } of dueTimelineSteps(
    [...data.deals.values()],
    data.charters,
    until,
    input.settings.calendar,
  )) {
    const customer = data.customers.get(deal.customerId)?.name ?? '';
    const title =
      step.kind === 'first-use'
        ? translate(locale, 'customers.firstUse')
        : step.kind === 'lost-sale'
          ? translate(locale, 'customers.lostSale')
          : step.label;
    events.push({
      uid: `${deal.id}-${step.id}@service-charter`,
      title: `${title} — ${customer} (${deal.product})`,
      description: '',
      start: { date: step.date! },
      alarmMinutesBefore: [DAY_BEFORE_AT_NINE],
    });
  }
  return events;
}

/** Downloads `weekEvents` as one `.ics` file. */
export function downloadWeekCalendar(input: {
  data: Data;
  settings: Settings;
  nowMs: number;
  locale: Locale;
}): void {
  const name = translate(input.locale, 'today.calendarName');
  const now = new Date(input.nowMs).toISOString();
  downloadText(
    icsFilename(name),
    toIcs({ events: weekEvents(input), calendarName: name, now }),
    'text/calendar;charset=utf-8',
  );
}
