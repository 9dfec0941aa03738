import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Commitment } from '../../../../src/domain/charter/commitment';
import type { Duration } from '../../../../src/domain/common';
import {
  addBusinessTime,
  addCalendarTime,
  businessMinutesBetween,
  defaultBusinessCalendar,
  subtractBusinessTime,
  subtractCalendarTime,
} from '../../../../src/domain/tracker/business-calendar';
import type { BusinessCalendar } from '../../../../src/domain/tracker/business-calendar';
import {
  dueAtFor,
  effectiveDueMs,
  internalTargetMs,
  recordStatus,
  renegotiatedInTime,
  statusFromTimes,
} from '../../../../src/domain/tracker/status';
import type { RecordStatus } from '../../../../src/domain/tracker/status';
import type { DeliveryRecord } from '../../../../src/domain/tracker/tracker';
import { deliveryRecordSchema } from '../../../../src/domain/tracker/tracker';
import { createCommitment, createRecord } from '../../factories';
import { DAY, HOUR, kst, kstIso, MINUTE, toKst } from './helpers';

const calendar = defaultBusinessCalendar;

/** A valid record of `commitmentId` built from Seoul wall-clock times. */
function rec(
  commitmentId: string,
  t: { trigger: string; due: string; done?: string | null; actual?: number | null },
  renegotiation: { at: string; newDue: string } | null = null,
): DeliveryRecord {
  const record = createRecord({
    commitmentId,
    triggeredAt: kstIso(t.trigger),
    dueAt: kstIso(t.due),
    doneAt: t.done ? kstIso(t.done) : null,
    actual: t.actual ?? null,
    renegotiation: renegotiation && { at: kstIso(renegotiation.at), newDueAt: kstIso(renegotiation.newDue) },
  });
  expect(deliveryRecordSchema.safeParse(record).success).toBe(true);
  return record;
}
const statusAt = (
  record: DeliveryRecord,
  commitment: Parameters<typeof recordStatus>[1],
  now: string,
  atRiskShare = 0.75,
) => recordStatus(record, commitment, kst(now), { atRiskShare, calendar });

// "I return every call within 4 business hours" (internal target: 1 business hour).
const callBack = createCommitment('within', {
  id: 'call-back',
  promised: { value: 4, unit: 'hours' },
  internal: { value: 1, unit: 'hours' },
  businessTime: true,
});

describe('dueAtFor', () => {
  it('adds the promised window in business time: Friday 16:00 + 4 business hours = Monday 11:00', () => {
    expect(toKst(dueAtFor(callBack, kst('2026-03-06T16:00'), calendar))).toBe('2026-03-09T11:00');
  });

  it('adds the promised window in plain time when the commitment does not count business time', () => {
    const email = createCommitment('within', { promised: { value: 1, unit: 'days' }, businessTime: false });
    expect(toKst(dueAtFor(email, kst('2026-03-06T16:00'), calendar))).toBe('2026-03-07T16:00');
    const care = createCommitment('done'); // 30 days, calendar time
    expect(toKst(dueAtFor(care, kst('2026-03-24T10:00'), calendar))).toBe('2026-04-23T10:00');
  });

  it('counts business days for a business-day window (same time of day)', () => {
    const quote = createCommitment('within', { promised: { value: 2, unit: 'days' }, businessTime: true });
    expect(toKst(dueAtFor(quote, kst('2026-09-22T11:00'), calendar))).toBe('2026-09-28T11:00');
  });

  it('takes the agreed date for by-date commitments: the last millisecond of that local day', () => {
    const delivery = createCommitment('by-date');
    expect(dueAtFor(delivery, kst('2026-03-10T11:00'), calendar, '2026-03-30')).toBe(
      Date.parse('2026-03-30T14:59:59.999Z'),
    );
    expect(() => dueAtFor(delivery, kst('2026-03-10T11:00'), calendar)).toThrow(RangeError);
  });

  it('is the trigger itself for per-deal amounts, and the end of the local period otherwise', () => {
    const price = createCommitment('amount'); // per-deal
    expect(dueAtFor(price, kst('2026-03-10T10:00'), calendar)).toBe(kst('2026-03-10T10:00'));
    const monthly = createCommitment('amount', { period: 'per-month' });
    // 2026-03-31 20:00 in Seoul is still March there (11:00 UTC).
    expect(dueAtFor(monthly, kst('2026-03-31T20:00'), calendar)).toBe(Date.parse('2026-03-31T14:59:59.999Z'));
    // 2026-04-01 01:00 in Seoul is 2026-03-31 16:00 UTC, but April in Seoul.
    expect(dueAtFor(monthly, kst('2026-04-01T01:00'), calendar)).toBe(Date.parse('2026-04-30T14:59:59.999Z'));
    const quarterly = createCommitment('amount', { period: 'per-quarter' });
    expect(dueAtFor(quarterly, kst('2026-02-10T10:00'), calendar)).toBe(
      Date.parse('2026-03-31T14:59:59.999Z'),
    );
    expect(dueAtFor(quarterly, kst('2026-12-01T10:00'), calendar)).toBe(
      Date.parse('2026-12-31T14:59:59.999Z'),
    );
    const yearly = createCommitment('amount', { period: 'per-year' });
    expect(dueAtFor(yearly, kst('2026-02-10T10:00'), calendar)).toBe(Date.parse('2026-12-31T14:59:59.999Z'));
  });
});

describe('recordStatus — within a business-hours window (4 h promised, 1 h internal)', () => {
  // Missed call Friday 16:00; due Monday 11:00 (2 h Friday + 2 h Monday); internal target Friday 17:00.
  const friday = { trigger: '2026-03-06T16:00', due: '2026-03-09T11:00' };

  it.each<[string, string | null, string, RecordStatus]>([
    ['done within the internal hour', '2026-03-06T16:30', '2026-03-10T00:00', 'over-delivered'],
    ['done exactly at the internal target', '2026-03-06T17:00', '2026-03-10T00:00', 'over-delivered'],
    [
      'done on Saturday (after the internal target, before the due)',
      '2026-03-07T10:00',
      '2026-03-10T00:00',
      'kept',
    ],
    ['done Monday 09:30', '2026-03-09T09:30', '2026-03-10T00:00', 'kept'],
    ['done exactly at the due', '2026-03-09T11:00', '2026-03-10T00:00', 'kept'],
    ['done one minute late', '2026-03-09T11:01', '2026-03-10T00:00', 'missed'],
    ['not done, Saturday noon (2 of 4 business hours used)', null, '2026-03-07T12:00', 'open'],
    ['not done, Monday 09:59 (179 of 240 minutes)', null, '2026-03-09T09:59', 'open'],
    ['not done, Monday 10:00 (180 of 240 minutes = 75%)', null, '2026-03-09T10:00', 'at-risk'],
    ['not done, exactly at the due', null, '2026-03-09T11:00', 'at-risk'],
    ['not done, one minute past the due', null, '2026-03-09T11:01', 'overdue'],
    ['not done, before the trigger', null, '2026-03-06T15:00', 'open'],
  ])('%s → %s', (_, done, now, expected) => {
    const r = rec('call-back', { ...friday, done });
    expect(statusAt(r, callBack, now)).toEqual({ status: expected, renegotiatedInTime: false });
  });

  it('a promise made and due outside working hours counts its share in plain time', () => {
    // Saturday 16:30 → due 17:00: no business minute in the window. At 16:40 10 of 30 minutes have
    // passed (open); at 16:53, 23 of 30 = 77 % (at risk).
    const weekend = rec('call-back', { trigger: '2026-03-07T16:30', due: '2026-03-07T17:00', done: null });
    expect(statusAt(weekend, callBack, '2026-03-07T16:30').status).toBe('open');
    expect(statusAt(weekend, callBack, '2026-03-07T16:40').status).toBe('open');
    expect(statusAt(weekend, callBack, '2026-03-07T16:53').status).toBe('at-risk');
    expect(statusAt(weekend, callBack, '2026-03-07T17:01').status).toBe('overdue');
  });

  it('judges a finished record the same whatever `now` is', () => {
    const r = rec('call-back', { ...friday, done: '2026-03-09T11:01' });
    for (const now of ['2026-03-06T16:00', '2026-03-09T11:00', '2030-01-01T00:00'])
      expect(statusAt(r, callBack, now).status).toBe('missed');
  });

  it('uses the at-risk share it is given', () => {
    const r = rec('call-back', friday);
    expect(statusAt(r, callBack, '2026-03-07T12:00', 0.5).status).toBe('at-risk'); // 120/240
    expect(statusAt(r, callBack, '2026-03-06T17:59', 0.5).status).toBe('open'); // 119/240
  });

  it('has no over-delivery for a promise given with a shorter due than the internal target (quick timer)', () => {
    // "Back in 10 minutes", Tuesday 10:00 → due 10:10; the commitment's internal target would be 11:00.
    const quick = { trigger: '2026-03-10T10:00', due: '2026-03-10T10:10' };
    expect(
      statusAt(rec('call-back', { ...quick, done: '2026-03-10T10:03' }), callBack, '2026-03-11T00:00'),
    ).toEqual({ status: 'kept', renegotiatedInTime: false });
    expect(
      statusAt(rec('call-back', { ...quick, done: '2026-03-10T10:11' }), callBack, '2026-03-11T00:00').status,
    ).toBe('missed');
    // Same rule measured against the original due: renegotiating later does not create a target to beat.
    const renegotiated = rec(
      'call-back',
      { ...quick, done: '2026-03-10T10:30' },
      {
        at: '2026-03-10T10:05',
        newDue: '2026-03-10T12:00',
      },
    );
    expect(statusAt(renegotiated, callBack, '2026-03-11T00:00')).toEqual({
      status: 'kept',
      renegotiatedInTime: true,
    });
  });

  it('computes the internal target in business time across a holiday', () => {
    // Wednesday 17:30 before 추석: 30 min Wednesday + 30 min on Monday 09-28.
    const r = rec('call-back', { trigger: '2026-09-23T17:30', due: '2026-09-28T12:30' });
    expect(toKst(internalTargetMs(r, callBack, calendar)!)).toBe('2026-09-28T09:30');
    const done = { ...r, doneAt: kstIso('2026-09-28T09:30') };
    expect(statusAt(done, callBack, '2026-09-29T00:00').status).toBe('over-delivered');
    expect(statusAt({ ...r, doneAt: kstIso('2026-09-28T09:31') }, callBack, '2026-09-29T00:00').status).toBe(
      'kept',
    );
  });
});

describe('recordStatus — renegotiation', () => {
  const friday = { trigger: '2026-03-06T16:00', due: '2026-03-09T11:00' };
  const later = '2026-03-10T12:00';

  it('moves the due when agreed before the original due, and is flagged', () => {
    const r = rec(
      'call-back',
      { ...friday, done: '2026-03-10T11:00' },
      { at: '2026-03-09T10:00', newDue: later },
    );
    expect(renegotiatedInTime(r)).toBe(true);
    expect(toKst(effectiveDueMs(r))).toBe('2026-03-10T12:00');
    expect(statusAt(r, callBack, '2026-03-11T00:00')).toEqual({ status: 'kept', renegotiatedInTime: true });
  });

  it('is still a miss when the new due is missed too', () => {
    const r = rec(
      'call-back',
      { ...friday, done: '2026-03-10T12:01' },
      { at: '2026-03-09T10:00', newDue: later },
    );
    expect(statusAt(r, callBack, '2026-03-11T00:00')).toEqual({ status: 'missed', renegotiatedInTime: true });
  });

  it('keeps an open record open (not overdue) between the old and the new due', () => {
    const r = rec('call-back', friday, { at: '2026-03-09T10:00', newDue: later });
    expect(statusAt(r, callBack, '2026-03-09T12:00')).toEqual({ status: 'open', renegotiatedInTime: true });
    expect(statusAt(r, callBack, '2026-03-10T12:01')).toEqual({
      status: 'overdue',
      renegotiatedInTime: true,
    });
  });

  it('does not move the due when agreed after it, and the late record is a miss', () => {
    const r = rec(
      'call-back',
      { ...friday, done: '2026-03-10T11:00' },
      { at: '2026-03-09T11:30', newDue: later },
    );
    expect(renegotiatedInTime(r)).toBe(false);
    expect(toKst(effectiveDueMs(r))).toBe('2026-03-09T11:00');
    expect(statusAt(r, callBack, '2026-03-11T00:00')).toEqual({
      status: 'missed',
      renegotiatedInTime: false,
    });
  });

  it('does not move the due when agreed exactly at it', () => {
    const r = rec(
      'call-back',
      { ...friday, done: '2026-03-10T11:00' },
      { at: '2026-03-09T11:00', newDue: later },
    );
    expect(statusAt(r, callBack, '2026-03-11T00:00')).toEqual({
      status: 'missed',
      renegotiatedInTime: false,
    });
    const open = rec('call-back', friday, { at: '2026-03-09T11:00', newDue: later });
    expect(statusAt(open, callBack, '2026-03-09T12:00')).toEqual({
      status: 'overdue',
      renegotiatedInTime: false,
    });
  });
});

describe('recordStatus — plain-time windows', () => {
  // "Reply to every email within a day" (internal target 4 hours).
  const email = createCommitment('within', {
    id: 'email',
    promised: { value: 1, unit: 'days' },
    internal: { value: 4, unit: 'hours' },
    businessTime: false,
  });
  const r = (done: string | null) =>
    rec('email', { trigger: '2026-03-07T10:00', due: '2026-03-08T10:00', done });

  it.each<[string | null, string, RecordStatus]>([
    ['2026-03-07T14:00', '2026-03-09T00:00', 'over-delivered'],
    ['2026-03-07T14:01', '2026-03-09T00:00', 'kept'],
    ['2026-03-08T10:00', '2026-03-09T00:00', 'kept'],
    ['2026-03-08T10:01', '2026-03-09T00:00', 'missed'],
    [null, '2026-03-08T04:00', 'at-risk'], // 18 of 24 hours, weekend included
    [null, '2026-03-08T03:59', 'open'],
    [null, '2026-03-08T10:01', 'overdue'],
  ])('done %s, now %s → %s', (done, now, expected) => {
    expect(statusAt(r(done), email, now).status).toBe(expected);
  });

  it('a done-kind commitment (care tips 30 days after delivery, internal 25 days)', () => {
    const care = createCommitment('done', { id: 'care' });
    const base = { trigger: '2026-03-24T10:00', due: '2026-04-23T10:00' };
    expect(
      statusAt(rec('care', { ...base, done: '2026-04-18T10:00' }), care, '2026-05-01T00:00').status,
    ).toBe('over-delivered');
    expect(
      statusAt(rec('care', { ...base, done: '2026-04-20T10:00' }), care, '2026-05-01T00:00').status,
    ).toBe('kept');
    expect(statusAt(rec('care', base), care, '2026-04-24T00:00').status).toBe('overdue');
    expect(statusAt(rec('care', base), care, '2026-04-10T00:00').status).toBe('open'); // 17 of 30 days
  });
});

describe('recordStatus — by an agreed date (internal lead: 2 business days)', () => {
  const delivery = createCommitment('by-date', { id: 'delivery' }); // internalLead 2 days, business time
  // Agreed date Monday 2026-03-30: due 23:59:59.999 that day; internal target Thursday 03-26 18:00.
  const agreed = (done: string | null) =>
    rec('delivery', {
      trigger: '2026-03-10T11:00',
      due: '2026-03-30T23:59',
      done,
    });
  const exact = (done: string | null) => ({
    ...agreed(done),
    dueAt: new Date(dueAtFor(delivery, kst('2026-03-10T11:00'), calendar, '2026-03-30')).toISOString(),
  });

  it.each<[string | null, string, RecordStatus]>([
    ['2026-03-26T17:00', '2026-04-01T00:00', 'over-delivered'],
    ['2026-03-26T18:00', '2026-04-01T00:00', 'over-delivered'],
    ['2026-03-27T10:00', '2026-04-01T00:00', 'kept'],
    ['2026-03-30T23:00', '2026-04-01T00:00', 'kept'],
    ['2026-03-31T00:00', '2026-04-01T00:00', 'missed'],
    [null, '2026-03-30T23:59', 'at-risk'],
    [null, '2026-03-31T00:00', 'overdue'],
  ])('done %s, now %s → %s', (done, now, expected) => {
    expect(statusAt(exact(done), delivery, now).status).toBe(expected);
  });

  it('counts the internal lead back over 추석', () => {
    const oneDay = createCommitment('by-date', {
      internalLead: { value: 1, unit: 'days' },
      businessTime: true,
    });
    const r = rec(oneDay.id, { trigger: '2026-09-10T10:00', due: '2026-09-28T23:59' });
    expect(toKst(internalTargetMs(r, oneDay, calendar)!)).toBe('2026-09-23T18:00');
  });

  it('without an internal lead, the internal target is the agreed date itself', () => {
    const noLead = createCommitment('by-date', { internalLead: null });
    const r = rec(noLead.id, {
      trigger: '2026-03-10T11:00',
      due: '2026-03-30T23:59',
      done: '2026-03-30T20:00',
    });
    expect(internalTargetMs(r, noLead, calendar)).toBe(kst('2026-03-30T23:59'));
    expect(statusAt(r, noLead, '2026-04-01T00:00').status).toBe('over-delivered');
  });

  it('with a calendar-time lead, counts plain days', () => {
    const plain = createCommitment('by-date', {
      internalLead: { value: 1, unit: 'days' },
      businessTime: false,
    });
    const r = rec(plain.id, { trigger: '2026-03-10T11:00', due: '2026-03-30T23:59' });
    expect(toKst(internalTargetMs(r, plain, calendar)!)).toBe('2026-03-29T23:59');
  });
});

describe('recordStatus — amounts', () => {
  const price = createCommitment('amount', { id: 'price' }); // at most ₩3,000,000; internal ₩2,950,000
  const billed = (actual: number | null) =>
    rec('price', { trigger: '2026-03-10T10:00', due: '2026-03-10T10:00', actual });

  it.each<[number | null, RecordStatus]>([
    [2_900_000, 'over-delivered'],
    [2_950_000, 'over-delivered'],
    [2_980_000, 'kept'],
    [3_000_000, 'kept'],
    [3_200_000, 'missed'],
  ])('at most: actual %d → %s', (actual, expected) => {
    expect(statusAt(billed(actual), price, '2026-03-11T00:00').status).toBe(expected);
  });

  it('ignores doneAt: an amount is done when its actual is entered', () => {
    const r = { ...billed(null), doneAt: kstIso('2026-03-10T10:00') };
    expect(statusAt(r, price, '2026-03-11T00:00').status).toBe('overdue');
  });

  it('is open, at risk or overdue while the actual is missing', () => {
    const visits = createCommitment('amount', {
      id: 'visits',
      direction: 'at-least',
      promised: { value: 2, unit: 'count', label: '방문' },
      internal: { value: 3, unit: 'count', label: '방문' },
      period: 'per-quarter',
    });
    const quarter = (actual: number | null) =>
      rec('visits', { trigger: '2026-01-01T00:00', due: '2026-03-31T23:59', actual });
    expect(statusAt(quarter(null), visits, '2026-02-01T00:00').status).toBe('open');
    expect(statusAt(quarter(null), visits, '2026-03-20T00:00').status).toBe('at-risk');
    expect(statusAt(quarter(null), visits, '2026-04-01T00:00').status).toBe('overdue');
    expect(statusAt(quarter(3), visits, '2026-04-01T00:00').status).toBe('over-delivered');
    expect(statusAt(quarter(2), visits, '2026-04-01T00:00').status).toBe('kept');
    expect(statusAt(quarter(1), visits, '2026-04-01T00:00').status).toBe('missed');
  });

  it('a zero-length window (per deal) is at risk from its trigger until it is overdue', () => {
    expect(statusAt(billed(null), price, '2026-03-10T09:59').status).toBe('open');
    expect(statusAt(billed(null), price, '2026-03-10T10:00').status).toBe('at-risk');
    expect(statusAt(billed(null), price, '2026-03-10T10:01').status).toBe('overdue');
  });

  it('never over-delivers when the internal amount has another unit', () => {
    const odd = createCommitment('amount', { internal: { value: 1, unit: 'USD', label: '' } });
    expect(
      statusAt(
        rec(odd.id, { trigger: '2026-03-10T10:00', due: '2026-03-10T10:00', actual: 0 }),
        odd,
        '2026-03-11T00:00',
      ).status,
    ).toBe('kept');
  });
});

// ---------------------------------------------------------------------------------------------------
// statusFromTimes against the module notes' definitions, written out independently here, with done and due
// instants placed on the internal target I, next to it and in the off-hours stretch after it.

/** The status by the module notes, with I from addBusinessTime / subtractBusinessTime. */
function statusByDefinition(
  commitment: Exclude<Commitment, { kind: 'amount' }>,
  cal: BusinessCalendar,
  t: { trigger: number; originalDue: number; due: number; done: number; now: number; share: number },
): RecordStatus {
  const business = commitment.businessTime;
  if (!Number.isNaN(t.done)) {
    if (t.done > t.due) return 'missed';
    let over: boolean;
    if (commitment.kind === 'by-date') {
      const lead = commitment.internalLead;
      const target = !lead
        ? t.due
        : business
          ? subtractBusinessTime(t.due, lead, cal)
          : subtractCalendarTime(t.due, lead);
      over = t.done <= target;
    } else {
      const target = business
        ? addBusinessTime(t.trigger, commitment.internal, cal)
        : addCalendarTime(t.trigger, commitment.internal);
      over = target <= t.originalDue && t.done <= target;
    }
    return over ? 'over-delivered' : 'kept';
  }
  if (t.now > t.due) return 'overdue';
  // In business minutes when the window holds some, else in plain time.
  const businessWindow = business ? businessMinutesBetween(t.trigger, t.due, cal) : 0;
  const inBusiness = businessWindow > 0;
  const elapsed = inBusiness ? businessMinutesBetween(t.trigger, t.now, cal) : t.now - t.trigger;
  const window = inBusiness ? businessWindow : t.due - t.trigger;
  const share = window <= 0 ? (t.now >= t.trigger ? 1 : -1) : elapsed / window;
  return share >= t.share ? 'at-risk' : 'open';
}

describe('statusFromTimes against the definitions (property)', () => {
  const shop: BusinessCalendar = {
    timeZone: 'Europe/Berlin',
    workingDays: ['tue', 'wed', 'thu', 'fri', 'sat'],
    opensAt: '10:00',
    closesAt: '16:30',
    holidays: [{ date: '2026-03-05', name: 'a' }],
  };
  const duration = fc.record({
    unit: fc.constantFrom<Duration['unit']>('minutes', 'hours', 'days', 'weeks'),
    // Quarters, and thirds and sevenths whose share of a business day rounds to the millisecond.
    value: fc.oneof(
      fc.integer({ min: 0, max: 12 }),
      fc.integer({ min: 1, max: 60 }).map((n) => n / 4),
      fc.integer({ min: 1, max: 40 }).map((n) => n / 3),
      fc.integer({ min: 1, max: 40 }).map((n) => n / 7),
    ),
  });
  const commitment = fc.oneof(
    fc
      .record({
        kind: fc.constantFrom('within' as const, 'done' as const),
        internal: duration,
        business: fc.boolean(),
      })
      .map(({ kind, internal, business }) => createCommitment(kind, { internal, businessTime: business })),
    fc
      .record({ lead: fc.option(duration, { nil: null }), business: fc.boolean() })
      .map(({ lead, business }) =>
        createCommitment('by-date', { internalLead: lead, businessTime: business }),
      ),
  );
  // Offsets from an anchor: exactly on it, a millisecond either side, or hours later (off hours).
  const offset = fc.oneof(
    fc.constantFrom(0, -1, 1, HOUR, 3 * HOUR, 15 * HOUR, 2 * DAY, -HOUR),
    fc.integer({ min: -5 * DAY, max: 5 * DAY }),
  );
  const SPAN_FROM = kst('2026-02-20T00:00');

  it('gives the status of the definitions, on and around the internal target', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(calendar, shop),
        commitment,
        fc.integer({ min: 0, max: 60 * 24 * 60 }).map((m) => SPAN_FROM + m * MINUTE),
        fc.record({ window: fc.integer({ min: 0, max: 8 * DAY }), onTarget: fc.boolean(), shift: offset }),
        fc.option(fc.integer({ min: 0, max: 3 * DAY }), { nil: null }),
        fc.record({ onTarget: fc.boolean(), shift: offset, open: fc.boolean() }),
        fc.integer({ min: -DAY, max: 10 * DAY }),
        (cal, c, trigger, dueChoice, renegotiated, doneChoice, nowShift) => {
          const internalAfterTrigger =
            c.kind === 'by-date'
              ? trigger
              : c.businessTime
                ? addBusinessTime(trigger, c.internal, cal)
                : addCalendarTime(trigger, c.internal);
          const originalDue = dueChoice.onTarget
            ? Math.max(trigger, internalAfterTrigger + dueChoice.shift)
            : trigger + dueChoice.window;
          const due = renegotiated === null ? originalDue : originalDue + renegotiated;
          const target =
            c.kind !== 'by-date'
              ? internalAfterTrigger
              : !c.internalLead
                ? due
                : c.businessTime
                  ? subtractBusinessTime(due, c.internalLead, cal)
                  : subtractCalendarTime(due, c.internalLead);
          const done = doneChoice.open
            ? Number.NaN
            : (doneChoice.onTarget ? target : trigger + (due - trigger) / 2) + doneChoice.shift;
          const t = { trigger, originalDue, due, done, now: trigger + nowShift, share: 0.75 };
          const times = {
            triggerMs: trigger,
            originalDueMs: originalDue,
            dueMs: due,
            doneMs: Number.isNaN(done) ? null : done,
            actual: null,
            renegotiatedInTime: renegotiated !== null,
          };
          const status = statusFromTimes(c, times, t.now, { atRiskShare: t.share, calendar: cal });
          expect(status).toBe(statusByDefinition(c, cal, t));
        },
      ),
      { numRuns: 3_000 },
    );
  });
});
