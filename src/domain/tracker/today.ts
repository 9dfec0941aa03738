import type { Charter } from '../charter/charter';
import type { Commitment } from '../charter/commitment';
import type { CalendarDate } from '../common';
import { endOfLocalDate, localDateOf } from './business-calendar';
import type { BusinessCalendar } from './business-calendar';
import { recoveryStepDeadline } from './commands';
import { dueTimelineSteps } from './deal-timeline';
import type { TimelineStep } from './deal-timeline';
import { effectiveDueMs, recordStatus } from './status';
import type { Deal, DeliveryRecord, RecoveryCase } from './tracker';

/*
 * What to do today, defined exactly. `now` is an instant; today = its local date on the owner's business
 * calendar; endOfToday = the last millisecond of today (business-calendar.ts).
 *
 * Items:
 * - promise   an open record (no doneAt, no actual) whose commitment is known, when its status at `now`
 *             is overdue or at-risk, or its effective due D ≤ endOfToday. Timer promises are records like
 *             any other. dueMs = D; overdue ⇔ now > D.
 * - recovery  an undone step of an open recovery case (closedAt null) whose step is in the charter's
 *             playbook, when its deadline (opening + time limit, recoveryStepDeadline) ≤ endOfToday.
 *             dueMs = the deadline; overdue ⇔ now > deadline.
 * - moment    an undone dated step of a won deal's timeline (moment or first-use visit) with date ≤ today
 *             and not before the day the deal was entered (dueTimelineSteps: a deal logged after the
 *             fact does not bring the moments already past when it was entered); lost-sale follow-up:
 *             the same for a lost deal. dueMs = end of the step's local date; overdue ⇔ date < today.
 *
 * Order: overdue items first, then at-risk promises, then everything else (due today).
 * - Within overdue: by kind first — promises (a customer is waiting on them), recovery steps (a customer
 *   was let down), moments, follow-ups — then the most recently missed first (dueMs descending): a miss of
 *   minutes can still be saved, a moment two weeks stale cannot get staler. Ties by id.
 * - Within at-risk and due-today: by dueMs ascending (the nearest due first); ties by kind in the same
 *   order, then by id.
 */

export type TodayKind = 'promise' | 'recovery' | 'moment' | 'follow-up';

/** How pressing an item is: its group in the order above. */
export type TodayUrgency = 'overdue' | 'at-risk' | 'due-today';

type Base = { key: string; dueMs: number; urgency: TodayUrgency };

export type TodayItem =
  | (Base & { kind: 'promise'; record: DeliveryRecord; commitment: Commitment })
  | (Base & { kind: 'recovery'; recoveryCase: RecoveryCase; record: DeliveryRecord; stepId: string })
  | (Base & { kind: 'moment' | 'follow-up'; deal: Deal; step: TimelineStep });

export type TodayInput = {
  nowMs: number;
  calendar: BusinessCalendar;
  atRiskShare: number;
  /** Every commitment a record may refer to, by id (all charters and their published versions). */
  commitments: ReadonlyMap<string, Commitment>;
  charters: ReadonlyMap<string, Charter>;
  records: Iterable<DeliveryRecord>;
  recoveryCases: Iterable<RecoveryCase>;
  deals: readonly Deal[];
  /** Records by id, for recovery cases. */
  recordById: (id: string) => DeliveryRecord | undefined;
};

const URGENCY_ORDER: Record<TodayUrgency, number> = { overdue: 0, 'at-risk': 1, 'due-today': 2 };
const KIND_ORDER: Record<TodayKind, number> = { promise: 0, recovery: 1, moment: 2, 'follow-up': 3 };

/** The local calendar date of `nowMs` on `calendar`. */
export function todayOf(nowMs: number, calendar: BusinessCalendar): CalendarDate {
  return localDateOf(nowMs, calendar);
}

/** The items to act on at `nowMs`, in order (see the definitions at the top of this module). */
export function todayItems(input: TodayInput): TodayItem[] {
  const { nowMs, calendar } = input;
  const today = todayOf(nowMs, calendar);
  const endOfToday = endOfLocalDate(today, calendar);
  const items: TodayItem[] = [];

  for (const record of input.records) {
    if (record.doneAt !== null || record.actual !== null) continue;
    const commitment = input.commitments.get(record.commitmentId);
    if (!commitment) continue;
    const { status } = recordStatus(record, commitment, nowMs, {
      atRiskShare: input.atRiskShare,
      calendar,
    });
    const dueMs = effectiveDueMs(record);
    const urgency: TodayUrgency | null =
      status === 'overdue'
        ? 'overdue'
        : status === 'at-risk'
          ? 'at-risk'
          : dueMs <= endOfToday
            ? 'due-today'
            : null;
    if (urgency)
      items.push({ kind: 'promise', key: `promise:${record.id}`, dueMs, urgency, record, commitment });
  }

  for (const recoveryCase of input.recoveryCases) {
    if (recoveryCase.closedAt !== null) continue;
    const record = input.recordById(recoveryCase.recordId);
    const charter = record && input.charters.get(record.charterId);
    if (!record || !charter) continue;
    for (const step of recoveryCase.steps) {
      if (step.doneAt !== null) continue;
      const playbook = charter.recovery.steps.find((s) => s.id === step.stepId);
      if (!playbook) continue;
      const dueMs = recoveryStepDeadline(recoveryCase, playbook);
      if (dueMs > endOfToday) continue;
      items.push({
        kind: 'recovery',
        key: `recovery:${recoveryCase.id}:${step.stepId}`,
        dueMs,
        urgency: nowMs > dueMs ? 'overdue' : 'due-today',
        recoveryCase,
        record,
        stepId: step.stepId,
      });
    }
  }

  for (const { deal, step } of dueTimelineSteps(input.deals, input.charters, today, calendar)) {
    const date = step.date!;
    items.push({
      kind: step.kind === 'lost-sale' ? 'follow-up' : 'moment',
      key: `step:${deal.id}:${step.id}`,
      dueMs: endOfLocalDate(date, calendar),
      urgency: date < today ? 'overdue' : 'due-today',
      deal,
      step,
    });
  }

  return items.sort(compareItems);
}

/** The order defined at the top of this module: urgency group, then kind and newest miss (overdue) or due. */
export function compareItems(a: TodayItem, b: TodayItem): number {
  const byKey = a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
  const byUrgency = URGENCY_ORDER[a.urgency] - URGENCY_ORDER[b.urgency];
  if (byUrgency !== 0) return byUrgency;
  if (a.urgency === 'overdue') return KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || b.dueMs - a.dueMs || byKey;
  return a.dueMs - b.dueMs || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || byKey;
}

/** How many of `items` are overdue (the app badge's number). */
export function overdueCount(items: readonly TodayItem[]): number {
  return items.filter((i) => i.urgency === 'overdue').length;
}
