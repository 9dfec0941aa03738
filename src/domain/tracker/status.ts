import type { Commitment } from '../charter/commitment';
import type { CalendarDate } from '../common';
import {
  addBusinessTime,
  addCalendarTime,
  businessMinutesBetween,
  endOfLocalDate,
  localDayOf,
  startOfLocalDay,
  subtractBusinessTime,
  subtractCalendarTime,
} from './business-calendar';
import type { BusinessCalendar } from './business-calendar';
import { daysFromCivil, monthIndexOfDay, parseInstant } from './civil-time';
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
 * business time and the window holds some, else in plain time (a promise made and due outside working
 * hours — "back to you in 30 minutes" on a Sunday — is not at risk the moment it is made). A zero-length
 * window counts as fully elapsed once now ≥ T. Before T the share is negative (open).
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

/**
 * Whether a renegotiation made at `atMs` counts for a promise whose original due is `originalDueMs`: made
 * strictly before it. The one place of that rule.
 */
function renegotiationCountsAt(atMs: number, originalDueMs: number): boolean {
  return atMs < originalDueMs;
}

/** Whether `renegotiation` of a record whose original due is `originalDueMs` counts (`renegotiation.at` < D₀). */
export function renegotiationCounts(
  renegotiation: DeliveryRecord['renegotiation'],
  originalDueMs: number,
): boolean {
  return renegotiation !== null && renegotiationCountsAt(parseInstant(renegotiation.at), originalDueMs);
}

/** Whether a renegotiation of `record` made at `atMs` would count: `atMs` < `dueAt` (the same rule). */
export function canRenegotiateAt(record: DeliveryRecord, atMs: number): boolean {
  return renegotiationCountsAt(atMs, parseInstant(record.dueAt));
}

/** Whether the record was renegotiated strictly before its original due (`renegotiation.at` < `dueAt`). */
export function renegotiatedInTime(record: DeliveryRecord): boolean {
  return renegotiationCounts(record.renegotiation, parseInstant(record.dueAt));
}

/** The due that counts, epoch ms: `renegotiation.newDueAt` when renegotiated in time, else `dueAt`. */
export function effectiveDueMs(record: DeliveryRecord): number {
  return recordTimes(record).dueMs;
}

/**
 * What the rules read from a record: epoch ms of the trigger T, the original due D₀ and the effective due
 * D (NaN when unreadable, which schema-valid records never are), of `doneAt` (null when not done or
 * unreadable), the actual amount (null when not entered), and whether it was renegotiated in time.
 */
export type RecordTimes = {
  readonly triggerMs: number;
  readonly originalDueMs: number;
  readonly dueMs: number;
  readonly doneMs: number | null;
  readonly actual: number | null;
  readonly renegotiatedInTime: boolean;
};

/** T, D₀, D, done and actual of `record`: D = `renegotiation.newDueAt` when `renegotiation.at` < D₀, else D₀. */
export function recordTimes(record: DeliveryRecord): RecordTimes {
  const originalDueMs = parseInstant(record.dueAt);
  const r = record.renegotiation;
  const inTime = renegotiationCounts(r, originalDueMs);
  const doneMs = record.doneAt === null ? Number.NaN : parseInstant(record.doneAt);
  return {
    triggerMs: parseInstant(record.triggeredAt),
    originalDueMs,
    dueMs: inTime && r !== null ? parseInstant(r.newDueAt) : originalDueMs,
    doneMs: Number.isNaN(doneMs) ? null : doneMs,
    actual: record.actual,
    renegotiatedInTime: inTime,
  };
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
  const times = recordTimes(record);
  return internalTarget(commitment, times.triggerMs, times.dueMs, calendar);
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

/** Whether `actual` meets `target` in `direction`: at most or at least it. */
function meets(direction: 'at-most' | 'at-least', actual: number, target: number): boolean {
  return direction === 'at-most' ? actual <= target : actual >= target;
}

/** Kept, over-delivered or missed for an entered `actual` amount (see module notes). */
function amountStatus(commitment: Extract<Commitment, { kind: 'amount' }>, actual: number): RecordStatus {
  const { direction, promised, internal } = commitment;
  if (!meets(direction, actual, promised.value)) return 'missed';
  // An internal amount in another unit cannot be compared.
  return internal.unit === promised.unit && meets(direction, actual, internal.value)
    ? 'over-delivered'
    : 'kept';
}

/**
 * Elapsed share of the window at `nowMs`: (now − T) ÷ (D − T), in business minutes when a time-kind
 * commitment counts business time and the window holds business time, else in plain time; a zero-length
 * window counts as fully elapsed once now ≥ T.
 */
function elapsedShare(
  commitment: Commitment,
  times: RecordTimes,
  nowMs: number,
  calendar: BusinessCalendar,
): number {
  const { triggerMs, dueMs } = times;
  if (commitment.kind !== 'amount' && commitment.businessTime) {
    const window = businessMinutesBetween(triggerMs, dueMs, calendar);
    if (window > 0) return businessMinutesBetween(triggerMs, nowMs, calendar) / window;
  }
  const window = dueMs - triggerMs;
  if (window <= 0) return nowMs >= triggerMs ? 1 : -1;
  return (nowMs - triggerMs) / window;
}

/**
 * The status at `nowMs` of a record read as `times` (T and D readable) under `commitment`: kept ⇔ done by
 * D; over-delivered ⇔ kept and done by the internal target; missed ⇔ done after D; overdue ⇔ not done and
 * now > D; at-risk ⇔ not done and elapsed share ≥ `atRiskShare`; else open (module notes).
 */
export function statusFromTimes(
  commitment: Commitment,
  times: RecordTimes,
  nowMs: number,
  options: StatusOptions,
): RecordStatus {
  if (commitment.kind === 'amount') {
    if (times.actual !== null) return amountStatus(commitment, times.actual);
  } else if (times.doneMs !== null) {
    if (times.doneMs > times.dueMs) return 'missed';
    const target = internalTarget(commitment, times.triggerMs, times.dueMs, options.calendar)!;
    // within / done: a promise whose own due D₀ comes before I has no stricter target to beat.
    const targetCounts = commitment.kind === 'by-date' || target <= times.originalDueMs;
    return targetCounts && times.doneMs <= target ? 'over-delivered' : 'kept';
  }
  if (nowMs > times.dueMs) return 'overdue';
  const share = elapsedShare(commitment, times, nowMs, options.calendar);
  return share >= options.atRiskShare ? 'at-risk' : 'open';
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
  const times = recordTimes(record);
  const renegotiatedInTime = times.renegotiatedInTime;
  // Unreadable instants (never in schema-valid records): reported as open; the scores skip such records.
  if (Number.isNaN(times.triggerMs) || Number.isNaN(times.dueMs))
    return { status: 'open', renegotiatedInTime };
  return { status: statusFromTimes(commitment, times, nowMs, options), renegotiatedInTime };
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
      const month = monthIndexOfDay(localDayOf(triggeredAtMs, calendar));
      const months = commitment.period === 'per-month' ? 1 : commitment.period === 'per-quarter' ? 3 : 12;
      const next = (Math.floor(month / months) + 1) * months; // first month of the next period
      const year = Math.floor(next / 12);
      return startOfLocalDay(daysFromCivil(year, next - year * 12 + 1, 1), calendar) - 1;
    }
  }
}
