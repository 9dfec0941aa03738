import { beforeEach, describe, expect, it } from 'vitest';
import type { Charter } from '../../../../src/domain/charter/charter';
import type { Commitment } from '../../../../src/domain/charter/commitment';
import { defaultBusinessCalendar } from '../../../../src/domain/tracker/business-calendar';
import { logPromise, openRecovery } from '../../../../src/domain/tracker/commands';
import { overdueCount, todayItems } from '../../../../src/domain/tracker/today';
import type { TodayItem } from '../../../../src/domain/tracker/today';
import type { Deal, DeliveryRecord, RecoveryCase } from '../../../../src/domain/tracker/tracker';
import { createCharter, createCommitment, createDeal, resetIds } from '../../factories';

// Seoul is UTC+9, Monday–Friday 09:00–18:00, Korean public holidays (2026-12-25 is Christmas Day).
// 2026-12-04 is a Friday, 12-05/06 the weekend, 12-07 a Monday; 12-24 a Thursday.
const kst = (local: string) => Date.parse(`${local}+09:00`);

const calendar = defaultBusinessCalendar;

let charter: Charter;
let callBack: Commitment; // within 4 business hours, internal 1 hour
let nextDay: Commitment; // within 1 business day
let delivery: Commitment; // by an agreed date

function select(
  nowLocal: string,
  data: { records?: DeliveryRecord[]; cases?: RecoveryCase[]; deals?: Deal[] } = {},
): TodayItem[] {
  const records = data.records ?? [];
  const byId = new Map(records.map((r) => [r.id, r]));
  return todayItems({
    nowMs: kst(nowLocal),
    calendar,
    atRiskShare: 0.75,
    commitments: new Map(charter.commitments.map((c) => [c.id, c])),
    charters: new Map([[charter.id, charter]]),
    records,
    recoveryCases: data.cases ?? [],
    deals: data.deals ?? [],
    recordById: (id) => byId.get(id),
  });
}

function promise(
  commitment: Commitment,
  triggeredLocal: string,
  extra: { minutes?: number; agreedDate?: string } = {},
) {
  const result = logPromise({
    id: `record-${triggeredLocal}-${commitment.id}`,
    charterId: charter.id,
    commitment,
    customerId: null,
    summary: '',
    nowMs: kst(triggeredLocal),
    calendar,
    minutes: extra.minutes,
    agreedDate: extra.agreedDate,
  });
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

const summary = (items: TodayItem[]) =>
  items.map((i) => `${i.kind}/${i.urgency}/${new Date(i.dueMs).toISOString()}`);

beforeEach(() => {
  resetIds();
  callBack = createCommitment('within', {
    promised: { value: 4, unit: 'hours' },
    internal: { value: 1, unit: 'hours' },
    businessTime: true,
  });
  nextDay = createCommitment('within', {
    promised: { value: 1, unit: 'days' },
    internal: { value: 4, unit: 'hours' },
    businessTime: true,
  });
  delivery = createCommitment('by-date');
  charter = createCharter({ commitments: [callBack, nextDay, delivery] });
});

describe('Today: promises across working hours, weekends and holidays', () => {
  it('a 4-business-hour callback asked Friday 16:00 is due Monday 11:00: nothing on Saturday, due, at risk, then overdue on Monday', () => {
    const record = promise(callBack, '2026-12-04T16:00:00');
    // Due: 2 business hours on Friday (16–18) + 2 on Monday (09–11).
    expect(record.dueAt).toBe('2026-12-07T02:00:00.000Z');
    expect(select('2026-12-05T10:00:00', { records: [record] })).toEqual([]);
    // Monday 09:30: 2.5 of 4 business hours gone (62.5 % < 75 %) and due today.
    expect(summary(select('2026-12-07T09:30:00', { records: [record] }))).toEqual([
      'promise/due-today/2026-12-07T02:00:00.000Z',
    ]);
    // Monday 10:00: 3 of 4 hours gone = 75 % → at risk.
    expect(select('2026-12-07T10:00:00', { records: [record] })[0]?.urgency).toBe('at-risk');
    // Monday 11:00 is still on time (due is inclusive); 11:01 is overdue.
    expect(select('2026-12-07T11:00:00', { records: [record] })[0]?.urgency).toBe('at-risk');
    expect(select('2026-12-07T11:01:00', { records: [record] })[0]?.urgency).toBe('overdue');
  });

  it('a one-business-day promise made the evening before Christmas waits over the holiday and the weekend', () => {
    // Thursday 24 Dec 17:00 + 1 business day: Friday 25 is a holiday, 26–27 the weekend → Monday 28 17:00.
    const record = promise(nextDay, '2026-12-24T17:00:00');
    expect(record.dueAt).toBe('2026-12-28T08:00:00.000Z');
    expect(select('2026-12-25T10:00:00', { records: [record] })).toEqual([]);
    expect(select('2026-12-26T23:00:00', { records: [record] })).toEqual([]);
    // Monday 09:00: 1 of 9 business hours gone → due today, not at risk.
    expect(summary(select('2026-12-28T09:00:00', { records: [record] }))).toEqual([
      'promise/due-today/2026-12-28T08:00:00.000Z',
    ]);
  });

  it('a running 10-minute timer is on Today while it runs, at risk near its end and overdue after it', () => {
    const record = promise(callBack, '2026-12-07T14:00:00', { minutes: 10 });
    expect(record.dueAt).toBe('2026-12-07T05:10:00.000Z');
    expect(select('2026-12-07T14:05:00', { records: [record] })[0]?.urgency).toBe('due-today');
    expect(select('2026-12-07T14:08:00', { records: [record] })[0]?.urgency).toBe('at-risk');
    expect(select('2026-12-07T14:11:00', { records: [record] })[0]?.urgency).toBe('overdue');
  });

  it('an agreed delivery date shows on that day only, from midnight, and is overdue the next day', () => {
    const record = promise(delivery, '2026-12-01T11:00:00', { agreedDate: '2026-12-09' });
    // Window 1 Dec 11:00 → 9 Dec 23:59:59.999 in plain time (by-date does not count business time here).
    expect(select('2026-12-07T12:00:00', { records: [record] })).toEqual([]);
    expect(select('2026-12-09T00:00:00', { records: [record] })[0]?.urgency).toBe('at-risk');
    expect(select('2026-12-10T00:00:00', { records: [record] })[0]?.urgency).toBe('overdue');
  });

  it('done records, records with an amount and records of unknown commitments never show', () => {
    const done = { ...promise(callBack, '2026-12-07T09:00:00'), doneAt: '2026-12-07T01:00:00.000Z' };
    const unknown = { ...promise(callBack, '2026-12-07T09:00:00'), id: 'x', commitmentId: 'gone' };
    expect(select('2026-12-07T12:00:00', { records: [done, unknown] })).toEqual([]);
  });

  it('renegotiated in time: the new due decides the day', () => {
    const record = promise(callBack, '2026-12-07T09:00:00'); // due 13:00
    const moved = {
      ...record,
      renegotiation: { at: '2026-12-07T01:00:00.000Z', newDueAt: '2026-12-08T01:00:00.000Z' },
    };
    // At Monday 12:00 the new due (Tuesday 10:00) is tomorrow, and 3 of its 10 business hours have gone.
    expect(select('2026-12-07T12:00:00', { records: [moved] })).toEqual([]);
    expect(select('2026-12-08T09:00:00', { records: [moved] })[0]?.kind).toBe('promise');
  });
});

describe('Today: recovery steps, moments and lost-sale follow-ups', () => {
  it('shows the recovery steps due today and marks the late one overdue', () => {
    const record = { ...promise(callBack, '2026-12-03T09:00:00'), doneAt: null };
    const recoveryCase = openRecovery({
      id: 'case-1',
      record,
      commitment: callBack,
      charter,
      nowMs: kst('2026-12-07T10:00:00'),
    });
    // Steps: apologise within 2 hours (12:00), propose a plan within 1 day (Tuesday 10:00).
    expect(summary(select('2026-12-07T11:00:00', { cases: [recoveryCase], records: [record] }))).toEqual([
      'promise/overdue/2026-12-03T04:00:00.000Z',
      'recovery/due-today/2026-12-07T03:00:00.000Z',
    ]);
    const later = select('2026-12-07T12:30:00', { cases: [recoveryCase], records: [record] });
    expect(later.map((i) => `${i.kind}/${i.urgency}`)).toEqual(['promise/overdue', 'recovery/overdue']);
    // Tuesday: the second step is due too; a closed case shows nothing.
    expect(select('2026-12-08T09:00:00', { cases: [recoveryCase], records: [record] })).toHaveLength(3);
    const closed = { ...recoveryCase, closedAt: '2026-12-07T04:00:00.000Z' };
    expect(select('2026-12-07T11:00:00', { cases: [closed], records: [record] }).map((i) => i.kind)).toEqual([
      'promise',
    ]);
  });

  it("lists a won deal's overdue and today's moments and a lost deal's follow-up, not future ones", () => {
    // Moments: order received (deal won + 0 days), first-use call (delivery + 3 days); first-use visit
    // (after-sales: delivery + 3 days).
    const won = createDeal({ charterId: charter.id, closedOn: '2026-12-01', deliveryOn: '2026-12-04' });
    const lost = createDeal({
      id: 'deal-lost',
      charterId: charter.id,
      status: 'lost',
      closedOn: '2026-11-30',
      deliveryOn: null,
    });
    // Lost-sale follow-up: closed 11-30 + the charter's 7 days = 12-07.
    expect(charter.lostSale.within).toEqual({ value: 7, unit: 'days' });
    const items = select('2026-12-07T09:00:00', { deals: [won, lost] });
    expect(items.map((i) => `${i.kind}/${i.urgency}/${'step' in i ? i.step.date : ''}`)).toEqual([
      'moment/overdue/2026-12-01',
      'moment/due-today/2026-12-07',
      'moment/due-today/2026-12-07',
      'follow-up/due-today/2026-12-07',
    ]);
    // Marked done: gone.
    const doneWon = {
      ...won,
      timelineDone: [
        {
          stepId: `moment:${charter.moments[0]!.id}`,
          doneAt: '2026-12-01T01:00:00.000Z',
          outcome: 'done' as const,
        },
      ],
    };
    expect(select('2026-12-07T09:00:00', { deals: [doneWon] })).toHaveLength(2);
  });

  it('a won deal entered after the fact brings only the moments from the day it was entered', () => {
    // Entered Sunday 12-06 16:00 in Seoul, won and delivered Thursday 12-03: order received (12-03) was
    // past when it was entered; the first-use call and visit (delivery + 3 days, 12-06) are due today.
    const won = createDeal({
      charterId: charter.id,
      closedOn: '2026-12-03',
      deliveryOn: '2026-12-03',
      createdAt: '2026-12-06T07:00:00.000Z',
    });
    const items = select('2026-12-06T16:30:00', { deals: [won] });
    expect(items.map((i) => `${i.kind}/${i.urgency}/${'step' in i ? i.step.date : ''}`)).toEqual([
      'moment/due-today/2026-12-06',
      'moment/due-today/2026-12-06',
    ]);
    // The next day the two not done are overdue (they were due after it was entered).
    expect(select('2026-12-07T09:00:00', { deals: [won] }).map((i) => i.urgency)).toEqual([
      'overdue',
      'overdue',
    ]);
  });

  it('orders overdue first, then at risk, then due today by time, promises before moments at the same time', () => {
    const overdue = promise(callBack, '2026-12-04T09:00:00'); // due Fri 13:00
    const atRisk = promise(callBack, '2026-12-07T09:00:00'); // due Mon 13:00
    const dueLater = promise(callBack, '2026-12-07T11:30:00'); // due Mon 15:30
    const won = createDeal({ charterId: charter.id, closedOn: '2026-12-07', deliveryOn: null });
    const items = select('2026-12-07T12:00:00', { records: [dueLater, atRisk, overdue], deals: [won] });
    expect(items.map((i) => `${i.kind}/${i.urgency}`)).toEqual([
      'promise/overdue',
      'promise/at-risk',
      'promise/due-today',
      'moment/due-today',
    ]);
    expect(overdueCount(items)).toBe(1);
  });

  it('within overdue: promises before moments, the most recent miss first (Sunday 16:30)', () => {
    // A 30-minute timer from 15:00 (missed at 15:30 today), a next-day promise from Thu 09:00 (missed Fri
    // 09:00), and the order-received moments of deals won on 11-20 and 12-01 (won + 0 days).
    const timer = promise(callBack, '2026-12-06T15:00:00', { minutes: 30 });
    const older = promise(nextDay, '2026-12-03T09:00:00');
    const stale = createDeal({ charterId: charter.id, closedOn: '2026-11-20', deliveryOn: null });
    const recent = createDeal({ charterId: charter.id, closedOn: '2026-12-01', deliveryOn: null });
    const items = select('2026-12-06T16:30:00', { records: [older, timer], deals: [stale, recent] });
    expect(
      items.map(
        (i) => `${i.kind}/${i.urgency}/${'step' in i ? i.step.date : new Date(i.dueMs).toISOString()}`,
      ),
    ).toEqual([
      'promise/overdue/2026-12-06T06:30:00.000Z',
      'promise/overdue/2026-12-04T00:00:00.000Z',
      'moment/overdue/2026-12-01',
      'moment/overdue/2026-11-20',
    ]);
  });
});
