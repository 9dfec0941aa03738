import type { Charter, RecoveryStep } from '../charter/charter';
import type { Commitment } from '../charter/commitment';
import type { CalendarDate } from '../common';
import { addCalendarTime, instantOfWallClock, wallClockOf } from './business-calendar';
import type { BusinessCalendar } from './business-calendar';
import { DAY_MS } from './civil-time';
import { canRenegotiateAt, dueAtFor, effectiveDueMs } from './status';
import type { DeliveryRecord, RecoveryCase } from './tracker';

/*
 * The tracker's commands: every change the Tracker, Today and the command line make to promise records
 * and recovery cases, as pure functions. Each takes the instant of its event (`nowMs`) once, so one event
 * never carries two different times, and returns the new value or a reason it was refused.
 */

/** Why a command was refused; the interface turns the code into a message. */
export type CommandError =
  | 'needs-agreed-date'
  | 'done-before-trigger'
  | 'done-in-future'
  | 'too-late-to-renegotiate'
  | 'new-due-not-later'
  | 'due-before-made'
  | 'made-in-future'
  | 'already-closed'
  | 'not-a-number';

export type CommandResult<T> = { ok: true; value: T } | { ok: false; error: CommandError };

const ok = <T>(value: T): CommandResult<T> => ({ ok: true, value });
const refuse = <T>(error: CommandError): CommandResult<T> => ({ ok: false, error });
const iso = (ms: number) => new Date(ms).toISOString();

/**
 * A new open promise of `commitment`, made (triggered) at `madeAtMs` (default `nowMs`; earlier when the owner
 * catches up on the day's promises, never later than `nowMs`) and logged at `nowMs`. Its due is `dueAtMs`
 * when the owner gave a time, else `madeAtMs + minutes` when they spoke a delay ("back in 10 minutes"), else
 * `dueAtFor` from `madeAtMs` (the commitment's window, the agreed date for by-date commitments). The due
 * must be after the making; it may already be past (a record of an earlier promise, judged as it stands).
 */
export function logPromise(input: {
  id: string;
  charterId: string;
  commitment: Commitment;
  customerId: string | null;
  dealId?: string | null;
  summary: string;
  nowMs: number;
  calendar: BusinessCalendar;
  agreedDate?: CalendarDate | undefined;
  minutes?: number | undefined;
  dueAtMs?: number | undefined;
  madeAtMs?: number | undefined;
}): CommandResult<DeliveryRecord> {
  const { commitment, nowMs } = input;
  const madeAtMs = input.madeAtMs ?? nowMs;
  if (!Number.isFinite(madeAtMs)) return refuse('not-a-number');
  if (madeAtMs > nowMs) return refuse('made-in-future');
  const spoken = input.dueAtMs !== undefined || input.minutes !== undefined;
  if (!spoken && commitment.kind === 'by-date' && !input.agreedDate) return refuse('needs-agreed-date');
  const dueMs =
    input.dueAtMs !== undefined
      ? input.dueAtMs
      : input.minutes !== undefined
        ? madeAtMs + input.minutes * 60_000
        : dueAtFor(commitment, madeAtMs, input.calendar, input.agreedDate);
  if (!Number.isFinite(dueMs)) return refuse('not-a-number');
  if (dueMs <= madeAtMs) return refuse('due-before-made');
  const now = iso(nowMs);
  return ok({
    id: input.id,
    charterId: input.charterId,
    commitmentId: commitment.id,
    customerId: input.customerId,
    dealId: input.dealId ?? null,
    summary: input.summary.trim() || commitment.what,
    triggeredAt: iso(madeAtMs),
    dueAt: iso(dueMs),
    doneAt: null,
    actual: null,
    renegotiation: null,
    notes: '',
    createdAt: now,
    updatedAt: now,
  });
}

/**
 * `record` closed: done at `doneAtMs` (default `nowMs`; earlier when the owner backdates it, never before
 * the trigger or after `nowMs`), with `actual` for amount commitments. Lateness is judged by the status
 * rules against the real `doneAt`, so a backdated late record is a miss.
 */
export function completePromise(
  record: DeliveryRecord,
  input: { nowMs: number; doneAtMs?: number; actual?: number | null },
): CommandResult<DeliveryRecord> {
  const doneAtMs = input.doneAtMs ?? input.nowMs;
  if (record.doneAt !== null || record.actual !== null) return refuse('already-closed');
  if (!Number.isFinite(doneAtMs)) return refuse('not-a-number');
  if (doneAtMs > input.nowMs) return refuse('done-in-future');
  if (doneAtMs < Date.parse(record.triggeredAt)) return refuse('done-before-trigger');
  const actual = input.actual ?? null;
  if (actual !== null && !(Number.isFinite(actual) && actual >= 0)) return refuse('not-a-number');
  return ok({ ...record, doneAt: iso(doneAtMs), actual, updatedAt: iso(input.nowMs) });
}

/**
 * `record` with a new due agreed with the customer at `nowMs`. Refused at or after the original due (it
 * would not count, status.ts) and when the new due is not later than the one in force.
 */
export function renegotiatePromise(
  record: DeliveryRecord,
  newDueMs: number,
  nowMs: number,
): CommandResult<DeliveryRecord> {
  if (!Number.isFinite(newDueMs)) return refuse('not-a-number');
  if (!canRenegotiateAt(record, nowMs)) return refuse('too-late-to-renegotiate');
  if (newDueMs <= effectiveDueMs(record)) return refuse('new-due-not-later');
  const now = iso(nowMs);
  return ok({ ...record, renegotiation: { at: now, newDueAt: iso(newDueMs) }, updatedAt: now });
}

/** Lateness from which a miss of a time promise counts as serious: one day. */
export const SERIOUS_LATENESS_MS = DAY_MS;

/**
 * Whether a miss of `record` is serious: always for amount and by-date commitments (money and agreed
 * dates), else when it was done — or, still open, is at `nowMs` — at least `SERIOUS_LATENESS_MS` after
 * its effective due. A 7-minute-late callback is a minor miss.
 */
export function isSeriousMiss(record: DeliveryRecord, commitment: Commitment, nowMs: number): boolean {
  if (commitment.kind === 'amount' || commitment.kind === 'by-date') return true;
  const endMs = record.doneAt === null ? nowMs : Date.parse(record.doneAt);
  return endMs - effectiveDueMs(record) >= SERIOUS_LATENESS_MS;
}

/** The playbook steps that apply to a miss: all of them when serious, else those not marked `seriousOnly`. */
export function stepsForMiss(steps: readonly RecoveryStep[], serious: boolean): RecoveryStep[] {
  return steps.filter((s) => serious || !s.seriousOnly);
}

/**
 * A recovery case for the missed `record`, opened at `nowMs`, with the charter's playbook steps scaled to
 * the miss (`stepsForMiss`, `isSeriousMiss`).
 */
export function openRecovery(input: {
  id: string;
  record: DeliveryRecord;
  commitment: Commitment;
  charter: Charter;
  nowMs: number;
}): RecoveryCase {
  const serious = isSeriousMiss(input.record, input.commitment, input.nowMs);
  return {
    id: input.id,
    recordId: input.record.id,
    openedAt: iso(input.nowMs),
    steps: stepsForMiss(input.charter.recovery.steps, serious).map((s) => ({
      stepId: s.id,
      doneAt: null,
      note: '',
    })),
    closedAt: null,
    outcome: null,
    notes: '',
  };
}

/** The deadline (epoch ms) of a recovery step: the case's opening + the step's time limit, on the clock. */
export function recoveryStepDeadline(recoveryCase: RecoveryCase, step: RecoveryStep): number {
  // Recovery deadlines run on the clock, not on business hours: the customer is waiting.
  return addCalendarTime(Date.parse(recoveryCase.openedAt), step.within);
}

/** `recoveryCase` with step `stepId` marked done at `nowMs`, or not done when `done` is false. */
export function markRecoveryStep(
  recoveryCase: RecoveryCase,
  stepId: string,
  done: boolean,
  nowMs: number,
): RecoveryCase {
  return {
    ...recoveryCase,
    steps: recoveryCase.steps.map((s) =>
      s.stepId === stepId ? { ...s, doneAt: done ? iso(nowMs) : null } : s,
    ),
  };
}

/** `recoveryCase` closed at `nowMs` with its outcome. */
export function closeRecovery(
  recoveryCase: RecoveryCase,
  outcome: NonNullable<RecoveryCase['outcome']>,
  nowMs: number,
): RecoveryCase {
  return { ...recoveryCase, closedAt: iso(nowMs), outcome };
}

/** A customer name as compared for look-up: Unicode NFC, trimmed, inner spaces collapsed, lower case. */
export function normalizedName(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase();
}

/** The first active customer whose name equals `name` after `normalizedName`, or undefined. */
export function findCustomerByName<C extends { name: string; archived: boolean }>(
  customers: Iterable<C>,
  name: string,
): C | undefined {
  const wanted = normalizedName(name);
  if (!wanted) return undefined;
  for (const c of customers) if (!c.archived && normalizedName(c.name) === wanted) return c;
  return undefined;
}

/**
 * The instant (epoch ms) a `YYYY-MM-DDTHH:MM` date-time input means in the calendar's local time (not the
 * browser's), or NaN when it is not one.
 */
export function instantOfLocalInput(value: string, calendar: BusinessCalendar): number {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return Number.NaN;
  const wall = Date.parse(`${value}:00Z`);
  return Number.isNaN(wall) ? Number.NaN : instantOfWallClock(wall, calendar);
}

/** The `YYYY-MM-DDTHH:MM` date-time input value of `ms` in the calendar's local time. */
export function localInputOfInstant(ms: number, calendar: BusinessCalendar): string {
  return new Date(wallClockOf(ms, calendar)).toISOString().slice(0, 16);
}

/** Commitment ids in order of their latest use among `records` (most recent first), then `ids`' own order. */
export function recentFirst(ids: readonly string[], lastUsed: ReadonlyMap<string, string>): string[] {
  return ids
    .map((id, index) => ({ id, index, last: lastUsed.get(id) ?? '' }))
    .sort((a, b) => (a.last === b.last ? a.index - b.index : a.last < b.last ? 1 : -1))
    .map((x) => x.id);
}
