import { beforeEach, describe, expect, it } from 'vitest';
import type { Charter } from '../../../../src/domain/charter/charter';
import { defaultBusinessCalendar } from '../../../../src/domain/tracker/business-calendar';
import {
  completePromise,
  findCustomerByName,
  instantOfLocalInput,
  localInputOfInstant,
  recentFirst,
  isSeriousMiss,
  logPromise,
  openRecovery,
  renegotiatePromise,
} from '../../../../src/domain/tracker/commands';
import { recordStatus } from '../../../../src/domain/tracker/status';
import type { DeliveryRecord } from '../../../../src/domain/tracker/tracker';
import { createCharter, createCommitment, createCustomer, resetIds } from '../../factories';

const kst = (local: string) => Date.parse(`${local}+09:00`);
const options = { atRiskShare: 0.75, calendar: defaultBusinessCalendar };

const callBack = () =>
  createCommitment('within', {
    id: 'call',
    promised: { value: 10, unit: 'minutes' },
    internal: { value: 5, unit: 'minutes' },
    businessTime: false,
  });

let charter: Charter;
let record: DeliveryRecord;

beforeEach(() => {
  resetIds();
  charter = createCharter({
    commitments: [callBack()],
    recovery: {
      promise: '',
      steps: [
        { id: 'apologise', action: '전화로 사과', within: { value: 1, unit: 'hours' }, seriousOnly: false },
        { id: 'visit', action: '찾아가 해결책 제시', within: { value: 7, unit: 'days' }, seriousOnly: true },
      ],
    },
  });
  const logged = logPromise({
    id: 'r1',
    charterId: charter.id,
    commitment: charter.commitments[0]!,
    customerId: null,
    summary: '  견적 회신  ',
    nowMs: kst('2026-12-07T14:00:00'),
    calendar: defaultBusinessCalendar,
  });
  if (!logged.ok) throw new Error(logged.error);
  record = logged.value;
});

describe('logPromise', () => {
  it('stamps one instant for trigger, creation and update, and trims the summary', () => {
    expect(record).toMatchObject({
      triggeredAt: '2026-12-07T05:00:00.000Z',
      createdAt: '2026-12-07T05:00:00.000Z',
      updatedAt: '2026-12-07T05:00:00.000Z',
      dueAt: '2026-12-07T05:10:00.000Z',
      summary: '견적 회신',
    });
  });

  it('refuses a by-date promise without the agreed date', () => {
    const result = logPromise({
      id: 'r2',
      charterId: charter.id,
      commitment: createCommitment('by-date'),
      customerId: null,
      summary: '',
      nowMs: kst('2026-12-07T14:00:00'),
      calendar: defaultBusinessCalendar,
    });
    expect(result).toEqual({ ok: false, error: 'needs-agreed-date' });
  });
});

describe('logPromise: a promise made earlier today, logged now', () => {
  const base = {
    id: 'r3',
    charterId: 'c',
    customerId: null,
    summary: '',
    nowMs: kst('2026-12-06T16:30:00'),
    calendar: defaultBusinessCalendar,
  };
  const made = (extra: { madeAtMs?: number; dueAtMs?: number; minutes?: number }) =>
    logPromise({ ...base, commitment: charter.commitments[0]!, ...extra });

  it('keeps the real trigger time; a due already past is accepted and judged as it stands', () => {
    const result = made({ madeAtMs: kst('2026-12-06T09:00:00'), dueAtMs: kst('2026-12-06T12:00:00') });
    expect(result.ok && result.value).toMatchObject({
      triggeredAt: '2026-12-06T00:00:00.000Z',
      dueAt: '2026-12-06T03:00:00.000Z',
      createdAt: '2026-12-06T07:30:00.000Z',
    });
    if (!result.ok) throw new Error(result.error);
    const c = charter.commitments[0]!;
    expect(recordStatus(result.value, c, base.nowMs, options).status).toBe('overdue');
    const late = completePromise(result.value, { nowMs: base.nowMs, doneAtMs: kst('2026-12-06T12:30:00') });
    expect(late.ok && recordStatus(late.value, c, base.nowMs, options).status).toBe('missed');
  });

  it('counts the charter window and spoken minutes from the making, not from now', () => {
    // The commitment is a 10-minute callback: made 14:00 → due 14:10; "in 30 min" made 09:00 → 09:30.
    const byCharter = made({ madeAtMs: kst('2026-12-06T14:00:00') });
    expect(byCharter.ok && byCharter.value.dueAt).toBe('2026-12-06T05:10:00.000Z');
    const spoken = made({ madeAtMs: kst('2026-12-06T09:00:00'), minutes: 30 });
    expect(spoken.ok && spoken.value.dueAt).toBe('2026-12-06T00:30:00.000Z');
  });

  it('refuses a due not after the making, and a making later than now', () => {
    const at9 = kst('2026-12-06T09:00:00');
    expect(made({ madeAtMs: at9, dueAtMs: kst('2026-12-06T08:30:00') })).toEqual({
      ok: false,
      error: 'due-before-made',
    });
    expect(made({ madeAtMs: at9, dueAtMs: at9 })).toEqual({ ok: false, error: 'due-before-made' });
    // Without a making time, a due before now is a due before the making.
    expect(made({ dueAtMs: kst('2026-12-06T16:00:00') })).toEqual({ ok: false, error: 'due-before-made' });
    expect(made({ madeAtMs: kst('2026-12-06T16:31:00') })).toEqual({ ok: false, error: 'made-in-future' });
  });
});

describe('completePromise: done now or earlier, judged honestly', () => {
  it('backdated inside the window is kept; backdated after the due is missed', () => {
    const now = kst('2026-12-07T14:30:00');
    const early = completePromise(record, { nowMs: now, doneAtMs: kst('2026-12-07T14:04:00') });
    expect(early.ok && recordStatus(early.value, charter.commitments[0]!, now, options).status).toBe(
      'over-delivered',
    );
    const late = completePromise(record, { nowMs: now, doneAtMs: kst('2026-12-07T14:17:00') });
    expect(late.ok && late.value.doneAt).toBe('2026-12-07T05:17:00.000Z');
    expect(late.ok && late.value.updatedAt).toBe('2026-12-07T05:30:00.000Z');
    expect(late.ok && recordStatus(late.value, charter.commitments[0]!, now, options).status).toBe('missed');
  });

  it('refuses a done time in the future, before the trigger, or on a closed record', () => {
    const now = kst('2026-12-07T14:30:00');
    expect(completePromise(record, { nowMs: now, doneAtMs: now + 1 })).toEqual({
      ok: false,
      error: 'done-in-future',
    });
    expect(completePromise(record, { nowMs: now, doneAtMs: kst('2026-12-07T13:59:00') })).toEqual({
      ok: false,
      error: 'done-before-trigger',
    });
    const closed = { ...record, doneAt: '2026-12-07T05:05:00.000Z' };
    expect(completePromise(closed, { nowMs: now })).toEqual({ ok: false, error: 'already-closed' });
  });
});

describe('renegotiatePromise', () => {
  it('moves the due when agreed before it, with one instant for the event', () => {
    const result = renegotiatePromise(record, kst('2026-12-07T16:00:00'), kst('2026-12-07T14:08:00'));
    expect(result.ok && result.value.renegotiation).toEqual({
      at: '2026-12-07T05:08:00.000Z',
      newDueAt: '2026-12-07T07:00:00.000Z',
    });
    expect(result.ok && result.value.updatedAt).toBe('2026-12-07T05:08:00.000Z');
  });

  it('refuses at or after the due, and a new due that is not later', () => {
    expect(renegotiatePromise(record, kst('2026-12-07T16:00:00'), kst('2026-12-07T14:10:00'))).toEqual({
      ok: false,
      error: 'too-late-to-renegotiate',
    });
    expect(renegotiatePromise(record, kst('2026-12-07T14:10:00'), kst('2026-12-07T14:05:00'))).toEqual({
      ok: false,
      error: 'new-due-not-later',
    });
  });
});

describe('recovery scaled to the miss', () => {
  it('a callback 7 minutes late gets the apology only; a day late gets the visit too', () => {
    const commitment = charter.commitments[0]!;
    const sevenLate = { ...record, doneAt: '2026-12-07T05:17:00.000Z' };
    expect(isSeriousMiss(sevenLate, commitment, kst('2026-12-07T14:20:00'))).toBe(false);
    const minor = openRecovery({
      id: 'c1',
      record: sevenLate,
      commitment,
      charter,
      nowMs: kst('2026-12-07T14:20:00'),
    });
    expect(minor.steps.map((s) => s.stepId)).toEqual(['apologise']);
    expect(minor.openedAt).toBe('2026-12-07T05:20:00.000Z');

    // Still open 24 hours after the due (14:10 the next day): serious.
    expect(isSeriousMiss(record, commitment, kst('2026-12-08T14:09:59'))).toBe(false);
    expect(isSeriousMiss(record, commitment, kst('2026-12-08T14:10:00'))).toBe(true);
    const serious = openRecovery({
      id: 'c2',
      record,
      commitment,
      charter,
      nowMs: kst('2026-12-08T15:00:00'),
    });
    expect(serious.steps.map((s) => s.stepId)).toEqual(['apologise', 'visit']);
  });

  it('a missed amount (billed over the quote) is always serious', () => {
    const amount = createCommitment('amount');
    expect(isSeriousMiss({ ...record, actual: 3_200_000 }, amount, kst('2026-12-07T14:00:00'))).toBe(true);
  });
});

describe('findCustomerByName', () => {
  it('matches whatever the spacing, case and Unicode form, and skips archived customers', () => {
    const kim = createCustomer({ name: '김 지현' });
    const archived = createCustomer({ name: 'Lee Min', archived: true });
    const lee = createCustomer({ name: 'lee min' });
    const decomposed = '김 지현'.normalize('NFD');
    expect(findCustomerByName([kim, archived, lee], `  ${decomposed} `)).toBe(kim);
    expect(findCustomerByName([kim, archived, lee], 'LEE   MIN')).toBe(lee);
    expect(findCustomerByName([kim], '   ')).toBeUndefined();
  });
});

describe('local date-time inputs follow the business calendar, not the browser', () => {
  it('reads and writes Seoul wall-clock time whatever the machine zone', () => {
    expect(instantOfLocalInput('2026-12-07T14:30', defaultBusinessCalendar)).toBe(
      Date.parse('2026-12-07T05:30:00Z'),
    );
    expect(localInputOfInstant(Date.parse('2026-12-07T20:15:00Z'), defaultBusinessCalendar)).toBe(
      '2026-12-08T05:15',
    );
    expect(instantOfLocalInput('2026-12-07 14:30', defaultBusinessCalendar)).toBeNaN();
  });
});

describe('recentFirst', () => {
  it('puts the most recently used first and keeps the charter order for the unused', () => {
    const last = new Map([
      ['b', '2026-12-01T00:00:00.000Z'],
      ['c', '2026-12-03T00:00:00.000Z'],
    ]);
    expect(recentFirst(['a', 'b', 'c', 'd'], last)).toEqual(['c', 'b', 'a', 'd']);
  });
});
