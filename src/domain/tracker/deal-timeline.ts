import type { Charter, MomentKind } from '../charter/charter';
import type { CalendarDate, Channel, Duration } from '../common';
import { durationMinutes } from '../charter/commitment-text';
import { localDateOf } from './business-calendar';
import type { BusinessCalendar } from './business-calendar';
import { calendarDateOfDay, dayOfCalendarDate } from './civil-time';
import type { Deal, TimelineDone } from './tracker';

/*
 * A deal's timeline, defined exactly.
 *
 * Won deal: one step per moment of the charter, in the charter's order of moments, then sorted by date
 * (steps without a date last, stable otherwise):
 *   - anchor `deal-won` → date = closedOn + offsetDays;
 *   - anchor `delivery` → date = deliveryOn + offsetDays;
 *   - when that anchor date is not set, the step has no date yet (null).
 * Plus the first-use visit (after-sales practice): date = deliveryOn + firstUse.after in whole days,
 * rounded up (3 days → +3, 36 hours → +2, 2 hours → +1, 0 → the delivery day); null without a delivery
 * date.
 * Lost deal: one step, the lost-sale follow-up: date = closedOn + lostSale.within (days rounded up the
 * same way); null without a closing date.
 * Open deal: no steps yet (the timeline starts when the deal is decided).
 *
 * A step's id is `moment:<moment id>`, `first-use` or `lost-sale`; the deal's `timelineDone` records the
 * ones settled, each done or skipped (the owner said it does not apply: it was not done, and it is no
 * longer due). State on `today` (a local calendar date): done; skipped; else no date → unscheduled;
 * date < today → overdue; date = today → today; else upcoming.
 *
 * Due (Today, this week): not settled, dated, and dated on or after the local date the deal was entered
 * (`createdAt` on the owner's calendar). A deal entered after the fact — won last week, delivered three
 * days ago — does not bring the moments already past when it was entered: those could not be done on
 * their day, so they are not late work (the deal card still lists them).
 */

/** What a timeline step is: a moment that matters, the first-use visit, or the lost-sale follow-up. */
export type TimelineStepKind = 'moment' | 'first-use' | 'lost-sale';

/** One step of a deal's timeline (see module notes). */
export type TimelineStep = {
  id: string;
  kind: TimelineStepKind;
  /** For moments: the moment's kind; null otherwise. */
  momentKind: MomentKind | null;
  /** The moment's label; empty for first-use and lost-sale (the screen names those). */
  label: string;
  date: CalendarDate | null;
  channel: Channel;
  /** The charter's message template (placeholders not filled). */
  message: string;
  /** When it was done; null when not done (skipped or still open). */
  doneAt: string | null;
  /** When it was skipped as not applying; null when not skipped. */
  skippedAt: string | null;
};

export type TimelineState = 'done' | 'skipped' | 'unscheduled' | 'overdue' | 'today' | 'upcoming';

/** How a settled step ended: done, or skipped as not applying. */
export type TimelineOutcome = TimelineDone['outcome'];

const MINUTES_PER_DAY = 1_440;

/** Whole days a duration spans, rounded up: 1 week = 7, 36 hours = 2, 0 minutes = 0. */
export function durationInDays(duration: Duration): number {
  return Math.ceil(durationMinutes(duration) / MINUTES_PER_DAY);
}

/** The calendar date `days` days after `date` (negative: before). */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  return calendarDateOfDay(dayOfCalendarDate(date) + days);
}

/** The steps of `deal`'s timeline from `charter`, dated and sorted as defined in the module notes. */
export function dealTimeline(deal: Deal, charter: Charter): TimelineStep[] {
  const settled = new Map(deal.timelineDone.map((s) => [s.stepId, s]));
  const step = (s: Omit<TimelineStep, 'doneAt' | 'skippedAt'>): TimelineStep => {
    const entry = settled.get(s.id);
    return {
      ...s,
      doneAt: entry?.outcome === 'done' ? entry.doneAt : null,
      skippedAt: entry?.outcome === 'skipped' ? entry.doneAt : null,
    };
  };
  if (deal.status === 'lost') {
    return [
      step({
        id: 'lost-sale',
        kind: 'lost-sale',
        momentKind: null,
        label: '',
        date: deal.closedOn && addDays(deal.closedOn, durationInDays(charter.lostSale.within)),
        channel: 'call',
        message: charter.lostSale.message,
      }),
    ];
  }
  if (deal.status !== 'won') return [];
  const steps = charter.moments.map((m) => {
    const anchor = m.anchor === 'deal-won' ? deal.closedOn : deal.deliveryOn;
    return step({
      id: `moment:${m.id}`,
      kind: 'moment',
      momentKind: m.kind,
      label: m.label,
      date: anchor && addDays(anchor, m.offsetDays),
      channel: m.channel,
      message: m.message,
    });
  });
  const firstUse = charter.afterSales.firstUse;
  steps.push(
    step({
      id: 'first-use',
      kind: 'first-use',
      momentKind: null,
      label: '',
      date: deal.deliveryOn && addDays(deal.deliveryOn, durationInDays(firstUse.after)),
      channel: firstUse.channel,
      message: '',
    }),
  );
  // Array.prototype.sort is stable: equal dates keep the charter's order.
  return steps.sort((a, b) =>
    a.date === b.date ? 0 : a.date === null ? 1 : b.date === null ? -1 : a.date < b.date ? -1 : 1,
  );
}

/** A step's state on the local date `today` (see module notes). */
export function timelineState(step: TimelineStep, today: CalendarDate): TimelineState {
  if (step.doneAt !== null) return 'done';
  if (step.skippedAt !== null) return 'skipped';
  if (step.date === null) return 'unscheduled';
  if (step.date < today) return 'overdue';
  return step.date === today ? 'today' : 'upcoming';
}

/**
 * `deal` with step `stepId` settled at `at` as `outcome` (done by default), replacing any earlier outcome,
 * or unsettled (neither done nor skipped) when `at` is null; `updatedAt` set to `now`.
 */
export function markTimelineStep(
  deal: Deal,
  stepId: string,
  at: string | null,
  now: string,
  outcome: TimelineOutcome = 'done',
): Deal {
  const others = deal.timelineDone.filter((s) => s.stepId !== stepId);
  return {
    ...deal,
    timelineDone: at === null ? others : [...others, { stepId, doneAt: at, outcome }],
    updatedAt: now,
  };
}

/** The local date `deal` was entered on `calendar`: its `createdAt`'s date. */
export function enteredOn(deal: Deal, calendar: BusinessCalendar): CalendarDate {
  return localDateOf(Date.parse(deal.createdAt), calendar);
}

/**
 * The steps due by `until` (inclusive) and neither done nor skipped, over all won and lost deals that name a charter in
 * `charters`, leaving out the steps dated before the deal was entered (`enteredOn`, module notes): each
 * with its deal, oldest date first (ties: deals in the given order, then step order).
 */
export function dueTimelineSteps(
  deals: readonly Deal[],
  charters: ReadonlyMap<string, Charter>,
  until: CalendarDate,
  calendar: BusinessCalendar,
): { deal: Deal; step: TimelineStep }[] {
  const due: { deal: Deal; step: TimelineStep }[] = [];
  for (const deal of deals) {
    const charter = deal.charterId === null ? undefined : charters.get(deal.charterId);
    if (!charter) continue;
    const entered = enteredOn(deal, calendar);
    for (const step of dealTimeline(deal, charter)) {
      if (
        step.doneAt === null &&
        step.skippedAt === null &&
        step.date !== null &&
        step.date >= entered &&
        step.date <= until
      )
        due.push({ deal, step });
    }
  }
  return due.sort((a, b) => (a.step.date! < b.step.date! ? -1 : a.step.date! > b.step.date! ? 1 : 0));
}

/** A `mailto:` link to `email` (may be empty) with `subject` and `body`, every part percent-encoded. */
export function mailtoHref(email: string, subject: string, body: string): string {
  const to = encodeURIComponent(email.trim()).replace(/%40/g, '@');
  return `mailto:${to}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
}

/** An `sms:` link to `phone` (only digits and a leading + kept) with `body` percent-encoded. */
export function smsHref(phone: string, body: string): string {
  const trimmed = phone.trim();
  const number = (trimmed.startsWith('+') ? '+' : '') + trimmed.replace(/\D/g, '');
  return `sms:${number}?body=${encodeURIComponent(body)}`;
}
