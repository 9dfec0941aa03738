import type { Charter } from '../../domain/charter/charter';
import { icsFilename, toIcs } from '../../domain/interchange/ics';
import type { CalendarEvent } from '../../domain/interchange/ics';
import { fillMessage } from '../../domain/charter/message';
import { fillWords } from '../../i18n/charter-message';
import type { TimelineStep } from '../../domain/tracker/deal-timeline';
import type { Customer, Deal } from '../../domain/tracker/tracker';
import { downloadText } from '../../lib/download';
import { createI18n, translate } from '../../lib/i18n';
import { stepTitle } from './timeline-step';

/** Reminder at 09:00 the day before an all-day step (its start is local midnight). */
const DAY_BEFORE_AT_NINE = 15 * 60;

/**
 * The deal's dated steps that are neither done nor skipped as all-day calendar events, in the charter's language:
 * title "step — customer (product)", the filled message and the channel as description, one reminder.
 */
export function dealCalendarEvents(input: {
  deal: Deal;
  customer: Customer;
  charter: Charter;
  steps: readonly TimelineStep[];
}): CalendarEvent[] {
  const { deal, customer, charter } = input;
  const locale = charter.locale;
  const { formatCalendarDate } = createI18n(locale);
  return input.steps
    .filter((s) => s.date !== null && s.doneAt === null && s.skippedAt === null)
    .map((step) => {
      // {date} is this step's own date, {delivery} the deal's handover date (see fillMessage).
      const message = fillMessage(
        step.message,
        {
          customer: customer.name,
          product: deal.product,
          date: formatCalendarDate(step.date!),
          delivery: deal.deliveryOn ? formatCalendarDate(deal.deliveryOn) : '',
          owner: charter.owner.name,
        },
        fillWords,
      );
      const channel = translate(locale, `channels.${step.channel}`);
      return {
        uid: `${deal.id}-${step.id}@service-charter`,
        title: `${stepTitle(step, locale)} — ${customer.name} (${deal.product})`,
        description: [`${translate(locale, 'customers.channel')}: ${channel}`, message]
          .filter(Boolean)
          .join('\n\n'),
        start: { date: step.date! },
        alarmMinutesBefore: [DAY_BEFORE_AT_NINE],
      };
    });
}

/** Downloads the deal's open steps as an `.ics` file named after the customer and product. */
export function exportDealCalendar(input: {
  deal: Deal;
  customer: Customer;
  charter: Charter;
  steps: readonly TimelineStep[];
  now: string;
}): void {
  const events = dealCalendarEvents(input);
  const name = `${input.customer.name} ${input.deal.product}`;
  downloadText(
    icsFilename(name),
    toIcs({ events, calendarName: name, now: input.now }),
    'text/calendar;charset=utf-8',
  );
}
