import type { Commitment } from '../charter/commitment';
import type { CalendarDate } from '../common';
import {
  addBusinessTime,
  addCalendarTime,
  businessClock,
  businessDurationMs,
  endOfLocalDate,
  subtractBusinessTime,
  subtractCalendarTime,
} from './business-calendar';
import type { BusinessCalendar } from './business-calendar';
import { DAY_MS, daysFromCivil, MINUTE_MS, monthIndexOfDay, parseInstant } from './civil-time';
import type { DeliveryRecord } from './tracker';

/*
 * The status of a delivery record, defined exactly (domain notes, "Measuring promise versus delivery").
 * T = triggeredAt, D₀ = dueAt (as fixed when the promise was made), now = the instant of evaluation.
 *
 * Renegotiation. A record is *renegotiated in time* when `renegotiation.at` < D₀ (strictly before the
 * original due). Only then the effective due D is `renegotiation.newDueAt`; otherwise D = D₀ (a
 * renegotiation at or after the due moves nothing, and a late record stays a miss). Renegotiation is a
 * separate flag, never a status: a record renegotiated in time is still open, kept, missed…
 *
 * Time kinds (within, by-date, done): the record is *done* when `doneAt` is set.
 * - kept            done and doneAt ≤ D.
 * - over-delivered  kept, and doneAt ≤ the internal target I (over-delivered records are kept too):
 *                   within/done: I = T + internal window (business time when `businessTime`), and only
 *                                when I ≤ D₀: a record whose own due is earlier than that (a promise
 *                                given with a shorter time, like the quick timer's "back in 10 minutes")
 *                                has no stricter target to beat, so done in time is kept;
 *                   by-date:     I = D − internalLead (business time when `businessTime`), or I = D when
 *                                there is no internal lead.
 * - missed          done and doneAt > D.
 * - overdue         not done and now > D. Shown as "overdue", counted as missed by the scores.
 * - at-risk         not done, now ≤ D, and the elapsed share of the window ≥ atRiskShare.
 * - open            not done, now ≤ D, and below that share.
 *
 * Amount kind: the record is *done* when `actual` is set (doneAt is not used).
 * - kept            at-most: actual ≤ promised; at-least: actual ≥ promised.
 * - over-delivered  kept, and the actual meets the internal amount the same way (only when the internal
 *                   amount has the promised amount's unit).
 * - missed          actual set and not kept (judged as soon as it is entered: enter it when the period
 *                   closes).
 * - overdue / at-risk / open as for the time kinds.
 *
 * Elapsed share of the window = (now − T) ÷ (D − T), in business minutes when the commitment counts
 * business time, else in plain time. A zero-length window counts as fully elapsed
 * once now ≥ T. Before T the share is negative (open).
 */

/** A record's derived status; "renegotiated" is a separate flag (see `StatusResult`). */
export type RecordStatus = 'open' | 'at-risk' | 'overdue' | 'kept' | 'over-delivered' | 'missed';

/** A record's status plus whether the customer agreed to a new due time before the original due. */
export type StatusResult = { status: RecordStatus; renegotiatedInTime: boolean };

export type StatusOptions = {
  /** Share of the window (0 < share < 1, settings default 0.75) after which an open record is at risk. */
  atRiskShare: number;
  /** The owner's business calendar: needed for business-time internal targets and at-risk shares. */
  calendar: BusinessCalendar;
};

// The status codes as plain constants for `statusCode`: a property look-up that the first records never
// reached has no type feedback, and reaching it later would throw the optimized scoring loop away.
const OPEN = 0;
const AT_RISK = 1;
const OVERDUE = 2;
const KEPT = 3;
const OVER_DELIVERED = 4;
const MISSED = 5;

/** Numeric status codes used by `statusCode` and the scoring loop (same order as the table above). */
export const STATUS_CODE = {
  open: OPEN,
  'at-risk': AT_RISK,
  overdue: OVERDUE,
  kept: KEPT,
  'over-delivered': OVER_DELIVERED,
  missed: MISSED,
} as const;
const CODE_NAMES: readonly RecordStatus[] = [
  'open',
  'at-risk',
  'overdue',
  'kept',
  'over-delivered',
  'missed',
];

/**
 * Whether a renegotiation made at `atMs` counts for a promise whose original due is `originalDueMs`: made
 * strictly before it. The one place of that rule.
 */
function renegotiationCountsAt(atMs: number, originalDueMs: number): boolean {
  return atMs < originalDueMs;
}

/** Whether `renegotiation` of a record whose original due is `originalDueMs` counts (see above). */
export function renegotiationCounts(
  renegotiation: DeliveryRecord['renegotiation'],
  originalDueMs: number,
): boolean {
  return renegotiation !== null && renegotiationCountsAt(parseInstant(renegotiation.at), originalDueMs);
}

/** Whether a renegotiation of `record` made at `atMs` would count (the same rule, with its `dueAt`). */
export function canRenegotiateAt(record: DeliveryRecord, atMs: number): boolean {
  return renegotiationCountsAt(atMs, parseInstant(record.dueAt));
}

/** Whether the record was renegotiated strictly before its original due (`renegotiation.at` < `dueAt`). */
export function renegotiatedInTime(record: DeliveryRecord): boolean {
  return renegotiationCounts(record.renegotiation, parseInstant(record.dueAt));
}

/** The due that counts, epoch ms: `renegotiation.newDueAt` when renegotiated in time, else `dueAt`. */
export function effectiveDueMs(record: DeliveryRecord): number {
  const due = parseInstant(record.dueAt);
  const r = record.renegotiation;
  return r !== null && renegotiationCounts(r, due) ? parseInstant(r.newDueAt) : due;
}

/**
 * The internal-target instant of a time-kind record (over-delivered when done by it), epoch ms:
 * T + internal window for within/done, D − internalLead (D when no lead) for by-date; null for amounts.
 */
export function internalTargetMs(
  record: DeliveryRecord,
  commitment: Commitment,
  calendar: BusinessCalendar,
): number | null {
  return internalTarget(commitment, parseInstant(record.triggeredAt), effectiveDueMs(record), calendar);
}

function internalTarget(
  commitment: Commitment,
  triggerMs: number,
  dueMs: number,
  calendar: BusinessCalendar,
): number | null {
  switch (commitment.kind) {
    case 'within':
    case 'done':
      return commitment.businessTime
        ? addBusinessTime(triggerMs, commitment.internal, calendar)
        : addCalendarTime(triggerMs, commitment.internal);
    case 'by-date':
      if (!commitment.internalLead) return dueMs;
      return commitment.businessTime
        ? subtractBusinessTime(dueMs, commitment.internalLead, calendar)
        : subtractCalendarTime(dueMs, commitment.internalLead);
    case 'amount':
      return null;
  }
}

/**
 * Where `statusCode` reads the numbers of a record from a Float64Array of `STATUS_SLOTS`: epoch ms of
 * trigger T, original due D₀, effective due D, done (NaN when not done; not used for amounts), the
 * actual amount (NaN when not entered; amounts only), now, and the at-risk share. A loop over many
 * records refills one array: each number passed to a function that is not inlined would be a new heap
 * object, tens of megabytes for a million records.
 */
export const STATUS_SLOT = {
  trigger: 0,
  originalDue: 1,
  due: 2,
  done: 3,
  actual: 4,
  now: 5,
  atRiskShare: 6,
} as const;
/** The length of a Float64Array of `STATUS_SLOT`s. */
export const STATUS_SLOTS = 7;

/**
 * A commitment's status rule prepared for one calendar, to judge many records: the calendar's business
 * clock when the commitment counts business time, and its internal window (within, done) or lead
 * (by-date) as milliseconds of that time basis.
 */
export type StatusRule = {
  readonly commitment: Commitment;
  readonly calendar: BusinessCalendar;
  /** C(t) (`businessClock`) when the commitment counts business time; null for plain time and amounts. */
  readonly clock: ((t: number) => number) | null;
  /** The internal window or lead in ms of the time basis (business or plain); NaN when there is none. */
  readonly internalMs: number;
};

/** The status rule of `commitment` under `calendar` (see `StatusRule`). */
export function statusRule(commitment: Commitment, calendar: BusinessCalendar): StatusRule {
  if (commitment.kind === 'amount') return { commitment, calendar, clock: null, internalMs: Number.NaN };
  const internal = commitment.kind === 'by-date' ? commitment.internalLead : commitment.internal;
  const business = commitment.businessTime;
  // A plain duration from instant 0 is its length in ms (checked and rounded as for any instant).
  const internalMs = !internal
    ? Number.NaN
    : business
      ? businessDurationMs(internal, calendar)
      : addCalendarTime(0, internal);
  return { commitment, calendar, clock: business ? businessClock(calendar) : null, internalMs };
}

/** Elapsed share of [T, D] at `now` (see module notes) of the record in `n` (`STATUS_SLOT`). */
function elapsedShare(rule: StatusRule, n: Float64Array): number {
  const triggerMs = n[STATUS_SLOT.trigger]!;
  const dueMs = n[STATUS_SLOT.due]!;
  const nowMs = n[STATUS_SLOT.now]!;
  const clock = rule.clock;
  let elapsed: number;
  let window: number;
  if (clock !== null) {
    // Business minutes, as `businessMinutesBetween` gives them.
    const atTrigger = clock(triggerMs);
    elapsed = (clock(nowMs) - atTrigger) / MINUTE_MS;
    window = (clock(dueMs) - atTrigger) / MINUTE_MS;
  } else {
    elapsed = nowMs - triggerMs;
    window = dueMs - triggerMs;
  }
  if (window <= 0) return nowMs >= triggerMs ? 1 : -1;
  return elapsed / window;
}

/**
 * Whether a record of a time kind done in time (doneMs ≤ D) is over-delivered (see module notes). In
 * business time the clock C decides without computing the internal target I: W(T, I) = M for
 * within/done and W(I, D) = M for by-date (M = `internalMs`, `businessDurationMs`) and W grows with its
 * end, so an instant x is before I when W(T, x) < M and after it when W(T, x) > M (by-date: the other
 * way round). Only when W equals M is x in the off-hours stretch next to I, and I is computed (rare).
 */
function overDelivered(rule: StatusRule, n: Float64Array): boolean {
  const triggerMs = n[STATUS_SLOT.trigger]!;
  const originalDueMs = n[STATUS_SLOT.originalDue]!;
  const dueMs = n[STATUS_SLOT.due]!;
  const doneMs = n[STATUS_SLOT.done]!;
  const m = rule.internalMs;
  const clock = rule.clock;
  if (rule.commitment.kind === 'by-date') {
    if (Number.isNaN(m)) return true; // no lead: I = D
    if (clock === null) return doneMs <= dueMs - m;
    const beforeDue = clock(dueMs) - clock(doneMs); // W(done, D)
    if (beforeDue !== m) return beforeDue > m;
  } else {
    // within / done: only when I ≤ D₀, then done ≤ I.
    if (clock === null) return triggerMs + m <= originalDueMs && doneMs <= triggerMs + m;
    const atTrigger = clock(triggerMs);
    const toOriginalDue = clock(originalDueMs) - atTrigger; // W(T, D₀)
    if (toOriginalDue < m) return false;
    const toDone = clock(doneMs) - atTrigger; // W(T, done)
    if (toOriginalDue > m && toDone !== m) return toDone < m;
  }
  const target = internalTarget(rule.commitment, triggerMs, dueMs, rule.calendar)!;
  return (rule.commitment.kind === 'by-date' || target <= originalDueMs) && doneMs <= target;
}

/**
 * The status code (`STATUS_CODE`) of the record whose numbers `n` holds (`STATUS_SLOT`; instants
 * readable) under `rule` (`statusRule`), by the rules of this module's notes.
 */
export function statusCode(rule: StatusRule, n: Float64Array): number {
  const commitment = rule.commitment;
  const dueMs = n[STATUS_SLOT.due]!;
  const doneMs = n[STATUS_SLOT.done]!;
  const actual = n[STATUS_SLOT.actual]!;
  if (commitment.kind === 'amount') {
    if (!Number.isNaN(actual)) {
      const atMost = commitment.direction === 'at-most';
      const kept = atMost ? actual <= commitment.promised.value : actual >= commitment.promised.value;
      const sameUnit = commitment.internal.unit === commitment.promised.unit;
      const over =
        kept &&
        sameUnit &&
        (atMost ? actual <= commitment.internal.value : actual >= commitment.internal.value);
      return over ? OVER_DELIVERED : kept ? KEPT : MISSED;
    }
  } else if (!Number.isNaN(doneMs)) {
    if (doneMs > dueMs) return MISSED;
    return overDelivered(rule, n) ? OVER_DELIVERED : KEPT;
  }
  if (n[STATUS_SLOT.now]! > dueMs) return OVERDUE;
  return elapsedShare(rule, n) >= n[STATUS_SLOT.atRiskShare]! ? AT_RISK : OPEN;
}

/**
 * The status of `record` under `commitment` at `nowMs` (epoch ms), with the renegotiated-in-time flag,
 * by the exact rules in this module's notes (kept ⇔ done by the effective due; over-delivered ⇔ kept and
 * done by the internal target; overdue ⇔ not done and now > due; at-risk ⇔ not done and elapsed share ≥
 * `atRiskShare`).
 */
export function recordStatus(
  record: DeliveryRecord,
  commitment: Commitment,
  nowMs: number,
  options: StatusOptions,
): StatusResult {
  const originalDue = parseInstant(record.dueAt);
  const r = record.renegotiation;
  const inTime = renegotiationCounts(r, originalDue);
  const trigger = parseInstant(record.triggeredAt);
  const due = inTime && r !== null ? parseInstant(r.newDueAt) : originalDue;
  // Unreadable instants (never in schema-valid records): reported as open; the scores skip such records.
  if (Number.isNaN(trigger) || Number.isNaN(due)) return { status: 'open', renegotiatedInTime: inTime };
  const done = record.doneAt === null ? Number.NaN : parseInstant(record.doneAt);
  const n = new Float64Array(STATUS_SLOTS);
  n[STATUS_SLOT.trigger] = trigger;
  n[STATUS_SLOT.originalDue] = originalDue;
  n[STATUS_SLOT.due] = due;
  n[STATUS_SLOT.done] = done;
  n[STATUS_SLOT.actual] = record.actual ?? Number.NaN;
  n[STATUS_SLOT.now] = nowMs;
  n[STATUS_SLOT.atRiskShare] = options.atRiskShare;
  const code = statusCode(statusRule(commitment, options.calendar), n);
  return { status: CODE_NAMES[code]!, renegotiatedInTime: inTime };
}

/**
 * The due instant (epoch ms) to store on a new record of `commitment` triggered at `triggeredAtMs`:
 * - within / done: trigger + promised window (business time when `businessTime`, see business-calendar);
 * - by-date: the last millisecond (23:59:59.999 local) of `agreedDate`, the date agreed with the customer
 *   (required for this kind: a RangeError without it);
 * - amount: per-deal → the trigger itself (the amount is judged when it is billed or counted);
 *   per-month / per-quarter / per-year → the last millisecond of the local calendar month / quarter / year
 *   containing the trigger (e.g. visits per quarter triggered 2026-02-10 are due 2026-03-31 23:59:59.999).
 */
export function dueAtFor(
  commitment: Commitment,
  triggeredAtMs: number,
  calendar: BusinessCalendar,
  agreedDate?: CalendarDate,
): number {
  if (!Number.isFinite(triggeredAtMs)) throw new RangeError('triggeredAtMs must be a finite instant.');
  switch (commitment.kind) {
    case 'within':
    case 'done':
      return commitment.businessTime
        ? addBusinessTime(triggeredAtMs, commitment.promised, calendar)
        : addCalendarTime(triggeredAtMs, commitment.promised);
    case 'by-date':
      if (agreedDate === undefined) throw new RangeError('A by-date commitment needs the agreed date.');
      return endOfLocalDate(agreedDate, calendar);
    case 'amount': {
      if (commitment.period === 'per-deal') return triggeredAtMs;
      const offset = calendar.utcOffsetMinutes * MINUTE_MS;
      const month = monthIndexOfDay(Math.floor((triggeredAtMs + offset) / DAY_MS));
      const months = commitment.period === 'per-month' ? 1 : commitment.period === 'per-quarter' ? 3 : 12;
      const next = (Math.floor(month / months) + 1) * months; // first month of the next period
      const year = Math.floor(next / 12);
      return daysFromCivil(year, next - year * 12 + 1, 1) * DAY_MS - offset - 1;
    }
  }
}
