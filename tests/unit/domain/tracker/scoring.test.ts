import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Commitment } from '../../../../src/domain/charter/commitment';
import { defaultBusinessCalendar } from '../../../../src/domain/tracker/business-calendar';
import { computeScores, median, recordMargin } from '../../../../src/domain/tracker/scoring';
import type { ScoreCounts, ScoreInput, Scores, SliceScores } from '../../../../src/domain/tracker/scoring';
import { recordStatus } from '../../../../src/domain/tracker/status';
import type { DeliveryRecord, RecoveryCase } from '../../../../src/domain/tracker/tracker';
import { deliveryRecordSchema, recoveryCaseSchema } from '../../../../src/domain/tracker/tracker';
import { createCommitment, createRecord } from '../../factories';
import { HOUR, kst, kstIso, ZERO_COUNTS } from './helpers';

const calendar = defaultBusinessCalendar;

// Three commitments (and one without records):
//  A "call-back": within 4 business hours, internal 1 business hour.
//  B "email":     within 1 day (plain time), internal 4 hours.
//  C "price":     billed at most ₩3,000,000 per deal, internal ₩2,950,000.
//  D "visits":    no records at all.
const A = createCommitment('within', {
  id: 'call-back',
  promised: { value: 4, unit: 'hours' },
  internal: { value: 1, unit: 'hours' },
  businessTime: true,
});
const B = createCommitment('within', {
  id: 'email',
  promised: { value: 1, unit: 'days' },
  internal: { value: 4, unit: 'hours' },
  businessTime: false,
});
const C = createCommitment('amount', { id: 'price' });
const D = createCommitment('amount', { id: 'visits', direction: 'at-least', period: 'per-quarter' });
const commitments = new Map<string, Commitment>([A, B, C, D].map((c) => [c.id, c]));

function rec(
  id: string,
  commitment: Commitment,
  who: { customer: string | null; deal: string | null },
  t: { trigger: string; due: string; done?: string; actual?: number },
  renegotiation: { at: string; newDue: string } | null = null,
): DeliveryRecord {
  const r = createRecord({
    id,
    charterId: 'charter-1',
    commitmentId: commitment.id,
    customerId: who.customer,
    dealId: who.deal,
    triggeredAt: kstIso(t.trigger),
    dueAt: kstIso(t.due),
    doneAt: t.done ? kstIso(t.done) : null,
    actual: t.actual ?? null,
    renegotiation: renegotiation && { at: kstIso(renegotiation.at), newDueAt: kstIso(renegotiation.newDue) },
  });
  expect(deliveryRecordSchema.safeParse(r).success).toBe(true);
  return r;
}
const kim = { customer: 'kim', deal: 'd1' };
const lee = { customer: 'lee', deal: 'd2' };

// now = Wednesday 2026-04-15 12:00 in Seoul. Status, margin (share of the window left when done) per record:
const records: DeliveryRecord[] = [
  // r1 over-delivered: Tue 10:00 → due 14:00, done 10:30 (internal 11:00). Margin 210/240 = 0.875.
  rec('r1', A, kim, { trigger: '2026-03-03T10:00', due: '2026-03-03T14:00', done: '2026-03-03T10:30' }),
  // r2 kept: Fri 16:00 → due Mon 11:00, done Mon 10:00 (business time: 60 of 240 minutes left). Margin 0.25.
  rec('r2', A, kim, { trigger: '2026-03-06T16:00', due: '2026-03-09T11:00', done: '2026-03-09T10:00' }),
  // r3 missed: Tue 15:00 → due Wed 10:00, done Wed 12:00 (120 business minutes late). Margin −0.5. Recovered.
  rec('r3', A, lee, { trigger: '2026-03-31T15:00', due: '2026-04-01T10:00', done: '2026-04-01T12:00' }),
  // r4 overdue (missed): Mon 10:00 → due 14:00, not done. Its recovery case is still open.
  rec('r4', A, { customer: 'lee', deal: null }, { trigger: '2026-04-13T10:00', due: '2026-04-13T14:00' }),
  // r5 over-delivered: due in 24 h, done after 3 h (internal 4 h). Margin 21/24 = 0.875.
  rec('r5', B, kim, { trigger: '2026-03-03T10:00', due: '2026-03-04T10:00', done: '2026-03-03T13:00' }),
  // r6 open, renegotiated in time (09:00 before the 10:00 due) to 04-16 10:00; 26 of 48 hours used.
  rec(
    'r6',
    B,
    { customer: null, deal: null },
    { trigger: '2026-04-14T10:00', due: '2026-04-15T10:00' },
    { at: '2026-04-15T09:00', newDue: '2026-04-16T10:00' },
  ),
  // r7 missed: renegotiated after the due (does not count), done 6 h late. Margin −6/24 = −0.25.
  // Triggered 04-01 09:00 in Seoul = 03-31 00:00 UTC: April in Seoul, March in UTC.
  rec(
    'r7',
    B,
    lee,
    { trigger: '2026-04-01T09:00', due: '2026-04-02T09:00', done: '2026-04-02T15:00' },
    { at: '2026-04-02T10:00', newDue: '2026-04-03T09:00' },
  ),
  // r8 missed: billed ₩3,200,000. No margin (amount). Recovered in 6 h.
  rec('r8', C, kim, {
    trigger: '2026-03-10T10:00',
    due: '2026-03-10T10:00',
    done: '2026-03-10T10:00',
    actual: 3_200_000,
  }),
  // r9 kept: billed ₩2,980,000 (not within the internal ₩2,950,000).
  rec('r9', C, lee, { trigger: '2026-04-02T10:00', due: '2026-04-02T10:00', actual: 2_980_000 }),
  // r10 overdue (missed): no amount entered yet.
  rec('r10', C, kim, { trigger: '2026-04-14T11:00', due: '2026-04-14T11:00' }),
];

const recoveryCase = (id: string, recordId: string, opened: string, closed: string | null): RecoveryCase => {
  const c: RecoveryCase = {
    id,
    recordId,
    openedAt: kstIso(opened),
    steps: [],
    closedAt: closed === null ? null : kstIso(closed),
    outcome: closed === null ? null : 'satisfied',
    notes: '',
  };
  expect(recoveryCaseSchema.safeParse(c).success).toBe(true);
  return c;
};
const recoveryCases: RecoveryCase[] = [
  // r3: two cases; the one closed first counts (24 h).
  recoveryCase('k1', 'r3', '2026-04-01T12:00', '2026-04-02T12:00'),
  recoveryCase('k2', 'r3', '2026-04-01T13:00', '2026-04-03T12:00'),
  // r4: still open → not recovered.
  recoveryCase('k3', 'r4', '2026-04-13T15:00', null),
  // r8: closed after 6 h.
  recoveryCase('k4', 'r8', '2026-03-10T12:00', '2026-03-10T18:00'),
  // r9 was kept: its case is not a recovery of a miss and is ignored.
  recoveryCase('k5', 'r9', '2026-04-02T11:00', '2026-04-02T12:00'),
];

const NOW = kst('2026-04-15T12:00');
const input: ScoreInput = { records, commitments, recoveryCases, nowMs: NOW, atRiskShare: 0.75, calendar };

const counts = (c: Partial<ScoreCounts>): ScoreCounts => ({ ...ZERO_COUNTS, ...c });
const EMPTY: SliceScores = {
  counts: counts({}),
  keepingRate: null,
  overDeliveryRate: null,
  medianMargin: null,
  recoveryRate: null,
  medianRecoveryMs: null,
};

describe('computeScores — hand-computed slices', () => {
  const scores = computeScores(input);

  it('classifies every record as annotated', () => {
    const byId = Object.fromEntries(
      records.map((r) => [
        r.id,
        recordStatus(r, commitments.get(r.commitmentId)!, NOW, { atRiskShare: 0.75, calendar }),
      ]),
    );
    expect(Object.fromEntries(Object.entries(byId).map(([id, s]) => [id, s.status]))).toEqual({
      r1: 'over-delivered',
      r2: 'kept',
      r3: 'missed',
      r4: 'overdue',
      r5: 'over-delivered',
      r6: 'open',
      r7: 'missed',
      r8: 'missed',
      r9: 'kept',
      r10: 'overdue',
    });
    expect(byId.r6!.renegotiatedInTime).toBe(true);
    expect(byId.r7!.renegotiatedInTime).toBe(false);
  });

  it('overall: kept 4 of 9 decided (overdue counts as missed), 2 over-delivered, margins, recoveries', () => {
    expect(scores.overall).toEqual({
      counts: counts({
        total: 10,
        open: 1,
        overdue: 2,
        kept: 4, // r1, r2, r5, r9 (over-delivered ones are kept too)
        overDelivered: 2, // r1, r5
        missed: 5, // r3, r7, r8 late + r4, r10 overdue
        renegotiatedInTime: 1, // r6
        closed: 7,
        withMargin: 5, // r1 0.875, r2 0.25, r3 −0.5, r5 0.875, r7 −0.25
        recovered: 2, // r3 (24 h), r8 (6 h)
      }),
      keepingRate: 4 / 9,
      overDeliveryRate: 2 / 9,
      medianMargin: 0.25, // sorted: −0.5, −0.25, 0.25, 0.875, 0.875
      recoveryRate: 2 / 5,
      medianRecoveryMs: (24 * HOUR + 6 * HOUR) / 2,
    });
    expect(scores.skipped).toBe(0);
  });

  it('by commitment, including one with no records (all rates null, never NaN)', () => {
    expect(scores.byCommitment.get('call-back')).toEqual({
      counts: counts({
        total: 4,
        overdue: 1,
        kept: 2,
        overDelivered: 1,
        missed: 2,
        closed: 3,
        withMargin: 3,
        recovered: 1,
      }),
      keepingRate: 0.5,
      overDeliveryRate: 0.25,
      medianMargin: 0.25,
      recoveryRate: 0.5,
      medianRecoveryMs: 24 * HOUR,
    });
    expect(scores.byCommitment.get('email')).toEqual({
      counts: counts({
        total: 3,
        open: 1,
        kept: 1,
        overDelivered: 1,
        missed: 1,
        renegotiatedInTime: 1,
        closed: 2,
        withMargin: 2,
      }),
      keepingRate: 0.5,
      overDeliveryRate: 0.5,
      medianMargin: (0.875 - 0.25) / 2,
      recoveryRate: 0,
      medianRecoveryMs: null,
    });
    expect(scores.byCommitment.get('price')).toEqual({
      counts: counts({ total: 3, overdue: 1, kept: 1, missed: 2, closed: 2, recovered: 1 }),
      keepingRate: 1 / 3,
      overDeliveryRate: 0,
      medianMargin: null,
      recoveryRate: 0.5,
      medianRecoveryMs: 6 * HOUR,
    });
    expect(scores.byCommitment.get('visits')).toEqual(EMPTY);
    expect([...scores.byCommitment.keys()]).toEqual(['call-back', 'email', 'price', 'visits']);
  });

  it('by customer and by deal (records without one are left out of those slices)', () => {
    expect(scores.byCustomer.get('kim')?.counts).toEqual(
      counts({
        total: 5,
        overdue: 1,
        kept: 3,
        overDelivered: 2,
        missed: 2,
        closed: 4,
        withMargin: 3,
        recovered: 1,
      }),
    );
    expect(scores.byCustomer.get('kim')?.keepingRate).toBe(3 / 5);
    expect(scores.byCustomer.get('lee')?.keepingRate).toBe(1 / 4);
    expect(scores.byCustomer.get('lee')?.medianMargin).toBe(-0.375); // −0.5, −0.25
    expect([...scores.byCustomer.keys()].sort()).toEqual(['kim', 'lee']);
    expect(scores.byDeal.get('d1')?.counts.total).toBe(5);
    expect(scores.byDeal.get('d2')).toMatchObject({ keepingRate: 1 / 3, recoveryRate: 1 / 2 });
    expect([...scores.byDeal.keys()].sort()).toEqual(['d1', 'd2']);
  });

  it('lists customers and deals in order of their first counted record', () => {
    const park = { customer: 'park', deal: 'd3' };
    const records = [
      rec('early', A, kim, { trigger: '2026-03-02T10:00', due: '2026-03-02T14:00' }),
      rec('p1', A, park, { trigger: '2026-03-10T10:00', due: '2026-03-10T14:00' }),
      rec('l1', A, lee, { trigger: '2026-03-11T10:00', due: '2026-03-11T14:00' }),
      rec('k1', A, kim, { trigger: '2026-03-12T10:00', due: '2026-03-12T14:00' }),
    ];
    const input = { commitments, nowMs: kst('2026-04-01T00:00'), atRiskShare: 0.75, calendar };
    // Kim's first record is before `from`: Kim comes after Park and Lee.
    const scored = computeScores({ ...input, records, recoveryCases: [], from: kst('2026-03-05T00:00') });
    expect([...scored.byCustomer.keys()]).toEqual(['park', 'lee', 'kim']);
    expect([...scored.byDeal.keys()]).toEqual(['d3', 'd2', 'd1']);
    const all = computeScores({ ...input, records, recoveryCases: [] });
    expect([...all.byCustomer.keys()]).toEqual(['kim', 'park', 'lee']);
  });

  it('by month and quarter of the trigger in Seoul time (r7 is April in Seoul)', () => {
    const march = scores.byPeriod.month.get('2026-03')!;
    const april = scores.byPeriod.month.get('2026-04')!;
    expect(march.counts).toEqual(
      counts({ total: 5, kept: 3, overDelivered: 2, missed: 2, closed: 5, withMargin: 4, recovered: 2 }),
    );
    expect(march.keepingRate).toBe(3 / 5);
    expect(april.counts).toEqual(
      counts({
        total: 5,
        open: 1,
        overdue: 2,
        kept: 1,
        missed: 3,
        renegotiatedInTime: 1,
        closed: 2,
        withMargin: 1,
      }),
    );
    expect(april.keepingRate).toBe(1 / 4);
    expect(april.medianMargin).toBe(-0.25);
    expect(april.recoveryRate).toBe(0);
    expect(april).toMatchObject({
      period: '2026-04',
      startMs: Date.parse('2026-03-31T15:00:00.000Z'),
      endMs: Date.parse('2026-04-30T15:00:00.000Z'),
    });
    expect(scores.byPeriod.quarter.get('2026-Q1')?.counts).toEqual(march.counts);
    expect(scores.byPeriod.quarter.get('2026-Q2')?.counts).toEqual(april.counts);
    expect(scores.trend.month.map((p) => p.period)).toEqual(['2026-03', '2026-04']);
  });

  it('by ISO week, with a gap-free trend whose empty weeks have null rates', () => {
    expect(scores.trend.week.map((p) => [p.period, p.counts.total])).toEqual([
      ['2026-W10', 3], // r1, r2, r5 (Mon 03-02 … Sun 03-08)
      ['2026-W11', 1], // r8
      ['2026-W12', 0],
      ['2026-W13', 0],
      ['2026-W14', 3], // r3 (Tue 03-31), r7, r9
      ['2026-W15', 0],
      ['2026-W16', 3], // r4, r6, r10
    ]);
    const w10 = scores.trend.week[0]!;
    expect(w10).toMatchObject({
      keepingRate: 1,
      overDeliveryRate: 2 / 3,
      startMs: kst('2026-03-02T00:00'),
      endMs: kst('2026-03-09T00:00'),
    });
    const w12 = scores.trend.week[2]!;
    expect({ ...w12, period: undefined, startMs: undefined, endMs: undefined }).toEqual({
      ...EMPTY,
      period: undefined,
      startMs: undefined,
      endMs: undefined,
    });
    expect([...scores.byPeriod.week.keys()]).toEqual(['2026-W10', '2026-W11', '2026-W14', '2026-W16']);
  });

  it('keeps only records triggered in [from, to), and spans the trend over that range', () => {
    const april = computeScores({ ...input, from: kst('2026-04-01T00:00'), to: kst('2026-05-01T00:00') });
    expect(april.overall.counts.total).toBe(5);
    expect(april.overall.keepingRate).toBe(1 / 4);
    expect(april.trend.month.map((p) => p.period)).toEqual(['2026-04']);
    expect(april.trend.week.map((p) => p.period)).toEqual([
      '2026-W14',
      '2026-W15',
      '2026-W16',
      '2026-W17',
      '2026-W18',
    ]);
    expect(april.trend.quarter.map((p) => p.period)).toEqual(['2026-Q2']);
    expect(april.byCommitment.get('call-back')?.counts.total).toBe(1); // r4 (r3 is 03-31)

    const none = computeScores({ ...input, from: kst('2027-01-01T00:00'), to: kst('2027-01-02T00:00') });
    expect(none.overall).toEqual(EMPTY);
    expect(none.trend.month.map((p) => [p.period, p.keepingRate])).toEqual([['2027-01', null]]);
    expect(none.trend.week.map((p) => p.period)).toEqual(['2026-W53']); // 2027-01-01 is a Friday of ISO week 2026-W53
  });

  it('skips records of unknown commitments and counts them', () => {
    const stray = createRecord({ commitmentId: 'deleted-commitment' });
    const withStray = computeScores({ ...input, records: [...records, stray] });
    expect(withStray.skipped).toBe(1);
    expect(withStray.overall).toEqual(scores.overall);
  });

  it('skips records whose instants cannot be read (never throws)', () => {
    const broken = { ...records[0]!, id: 'broken', triggeredAt: 'not a time', doneAt: 'nor this' };
    const withBroken = computeScores({ ...input, records: [...records, broken] });
    expect(withBroken.skipped).toBe(1);
    expect(withBroken.overall).toEqual(scores.overall);
    expect(recordMargin(broken, A, calendar)).toBeNull();
    const badCase = { ...recoveryCases[0]!, id: 'bad', closedAt: 'soon' };
    expect(computeScores({ ...input, recoveryCases: [badCase, ...recoveryCases] }).overall).toEqual(
      scores.overall,
    );
  });

  it('is all-empty for no records', () => {
    const empty = computeScores({ ...input, records: [], recoveryCases: [] });
    expect(empty.overall).toEqual(EMPTY);
    expect(empty.trend).toEqual({ week: [], month: [], quarter: [] });
    expect(empty.byCustomer.size).toBe(0);
    expect(empty.byCommitment.get('call-back')).toEqual(EMPTY);
  });
});

describe('recordMargin and median', () => {
  it('gives the share of the window left when done, in business time when the commitment counts it', () => {
    expect(recordMargin(records[1]!, A, calendar)).toBe(0.25); // over the weekend: 60 of 240 business minutes
    expect(recordMargin(records[2]!, A, calendar)).toBe(-0.5);
    expect(recordMargin(records[6]!, B, calendar)).toBe(-0.25);
    expect(recordMargin(records[7]!, C, calendar)).toBeNull(); // amounts have no margin
    expect(recordMargin(records[3]!, A, calendar)).toBeNull(); // not done
  });

  it('uses the renegotiated due when renegotiated in time', () => {
    const r = { ...records[5]!, doneAt: kstIso('2026-04-15T10:00') }; // window 48 h, done after 24 h
    expect(recordMargin(r, B, calendar)).toBe(0.5);
  });

  it('has no margin for an empty window', () => {
    const r = { ...records[0]!, dueAt: records[0]!.triggeredAt, doneAt: records[0]!.triggeredAt };
    expect(recordMargin(r, A, calendar)).toBeNull();
  });

  it('median: middle value, mean of the two middle values, null when empty', () => {
    expect(median([])).toBeNull();
    expect(median([3])).toBe(3);
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([2, 2, 2, 2])).toBe(2);
    expect(median([-1, -3, 10, 7, 7, 0])).toBe(3.5);
  });

  it('median equals the sorted-list definition, also on long and adversarial orders', () => {
    const reference = (values: number[]) => {
      const sorted = [...values].sort((x, y) => x - y);
      const n = sorted.length;
      return n === 0 ? null : n % 2 ? sorted[(n - 1) / 2]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2;
    };
    fc.assert(
      fc.property(
        fc.array(
          fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }).map((x) => x + 0),
          {
            maxLength: 300,
          },
        ),
        (values) => {
          expect(median(values)).toBe(reference(values));
        },
      ),
      { numRuns: 500 },
    );
    // Long enough for the sampled pivot (over 600 values), with many ties or none.
    fc.assert(
      fc.property(
        fc.oneof(
          fc.array(fc.integer({ min: -5, max: 5 }), { minLength: 601, maxLength: 4_000 }),
          fc.array(
            fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }).map((x) => x + 0),
            {
              minLength: 601,
              maxLength: 4_000,
            },
          ),
        ),
        (values) => {
          expect(median(values)).toBe(reference(values));
        },
      ),
      { numRuns: 200 },
    );
    const n = 20_001;
    const ascending = Array.from({ length: n }, (_, i) => i);
    const organPipe = Array.from({ length: n }, (_, i) => (i < n / 2 ? i : n - i));
    for (const values of [ascending, [...ascending].reverse(), organPipe, Array.from({ length: n }, () => 7)])
      expect(median(values)).toBe(reference(values));
  });
});

// ---------------------------------------------------------------------------------------------------
// Properties over generated records.

const BASE = kst('2026-03-02T00:00');
const arbRecord = fc
  .record({
    commitment: fc.constantFrom('call-back', 'email', 'price'),
    customer: fc.constantFrom(null, 'kim', 'lee', 'park'),
    deal: fc.constantFrom(null, 'd1', 'd2'),
    trigger: fc.integer({ min: 0, max: 120 * 24 * 60 }), // minutes after BASE
    window: fc.integer({ min: 0, max: 5 * 24 * 60 }),
    done: fc.option(fc.integer({ min: -60, max: 8 * 24 * 60 }), { nil: null }), // minutes after trigger
    actual: fc.option(fc.integer({ min: 2_800_000, max: 3_300_000 }), { nil: null }),
    renegotiation: fc.option(
      fc.record({
        at: fc.integer({ min: 0, max: 6 * 24 * 60 }),
        extra: fc.integer({ min: 0, max: 3 * 24 * 60 }),
      }),
      { nil: null },
    ),
  })
  .map(({ commitment, customer, deal, trigger, window, done, actual, renegotiation }): DeliveryRecord => {
    const t = BASE + trigger * 60_000;
    const due = t + window * 60_000;
    return createRecord({
      commitmentId: commitment,
      customerId: customer,
      dealId: deal,
      triggeredAt: new Date(t).toISOString(),
      dueAt: new Date(due).toISOString(),
      doneAt: done === null ? null : new Date(t + done * 60_000).toISOString(),
      actual: commitment === 'price' ? actual : null,
      renegotiation:
        renegotiation === null
          ? null
          : {
              at: new Date(t + renegotiation.at * 60_000).toISOString(),
              newDueAt: new Date(due + renegotiation.extra * 60_000).toISOString(),
            },
    });
  });
const arbRecords = fc.array(arbRecord, { maxLength: 60 });
const arbNow = fc.integer({ min: 0, max: 130 * 24 * 60 }).map((m) => BASE + m * 60_000);
const arbCases = (rs: DeliveryRecord[]) =>
  fc
    .array(
      fc.record({
        index: fc.nat(),
        opened: fc.integer({ min: 0, max: 3 * 24 * 60 }),
        duration: fc.option(fc.integer({ min: 0, max: 5 * 24 * 60 }), { nil: null }),
      }),
      { maxLength: 20 },
    )
    .map((cs) =>
      rs.length === 0
        ? []
        : cs.map(({ index, opened, duration }, i): RecoveryCase => {
            const r = rs[index % rs.length]!;
            const o = Date.parse(r.dueAt) + opened * 60_000;
            return {
              id: `case-${i}`,
              recordId: r.id,
              openedAt: new Date(o).toISOString(),
              steps: [],
              closedAt: duration === null ? null : new Date(o + duration * 60_000).toISOString(),
              outcome: null,
              notes: '',
            };
          }),
    );
const arbInput = arbRecords.chain((rs) =>
  fc.record({ records: fc.constant(rs), recoveryCases: arbCases(rs), nowMs: arbNow }),
);

const allSlices = (s: Scores): SliceScores[] => [
  s.overall,
  ...s.byCommitment.values(),
  ...s.byCustomer.values(),
  ...s.byDeal.values(),
  ...s.trend.week,
  ...s.trend.month,
  ...s.trend.quarter,
];
const run = (x: { records: DeliveryRecord[]; recoveryCases: RecoveryCase[]; nowMs: number }) =>
  computeScores({ ...x, commitments, atRiskShare: 0.75, calendar });
/** Scores with maps turned into key-sorted entry lists, for order-insensitive comparison. */
const canonical = (s: Scores) => {
  const entries = <V>(m: ReadonlyMap<string, V>) =>
    [...m.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    overall: s.overall,
    byCommitment: entries(s.byCommitment),
    byCustomer: entries(s.byCustomer),
    byDeal: entries(s.byDeal),
    byPeriod: {
      week: entries(s.byPeriod.week),
      month: entries(s.byPeriod.month),
      quarter: entries(s.byPeriod.quarter),
    },
    trend: s.trend,
    skipped: s.skipped,
  };
};

describe('computeScores — properties', () => {
  it('every rate is in [0, 1] or null (never NaN), and margins are finite', () => {
    fc.assert(
      fc.property(arbInput, (x) => {
        for (const slice of allSlices(run(x))) {
          for (const rate of [slice.keepingRate, slice.overDeliveryRate, slice.recoveryRate])
            if (rate !== null) {
              expect(rate).toBeGreaterThanOrEqual(0);
              expect(rate).toBeLessThanOrEqual(1);
            }
          if (slice.medianMargin !== null) expect(Number.isFinite(slice.medianMargin)).toBe(true);
          if (slice.medianRecoveryMs !== null) expect(slice.medianRecoveryMs).toBeGreaterThanOrEqual(0);
          expect(slice.keepingRate === null).toBe(slice.counts.kept + slice.counts.missed === 0);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('kept + missed = closed + overdue, and total = open + at-risk + overdue + closed, in every slice', () => {
    fc.assert(
      fc.property(arbInput, (x) => {
        for (const { counts: c } of allSlices(run(x))) {
          expect(c.kept + c.missed).toBe(c.closed + c.overdue);
          expect(c.total).toBe(c.open + c.atRisk + c.overdue + c.closed);
          expect(c.overDelivered).toBeLessThanOrEqual(c.kept);
          expect(c.recovered).toBeLessThanOrEqual(c.missed);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('slices partition the records: commitments, months, quarters and weeks each add up to the overall counts', () => {
    fc.assert(
      fc.property(arbInput, (x) => {
        const s = run(x);
        const sum = (slices: Iterable<SliceScores>) => {
          const total = counts({});
          for (const { counts: c } of slices)
            for (const k of Object.keys(total) as (keyof ScoreCounts)[]) total[k] += c[k];
          return total;
        };
        expect(sum(s.byCommitment.values())).toEqual(s.overall.counts);
        expect(sum(s.trend.month)).toEqual(s.overall.counts);
        expect(sum(s.trend.quarter)).toEqual(s.overall.counts);
        expect(sum(s.trend.week)).toEqual(s.overall.counts);
      }),
      { numRuns: 200 },
    );
  });

  it('adding a kept record never lowers the keeping rate (overall and of its commitment)', () => {
    fc.assert(
      fc.property(arbInput, fc.constantFrom('call-back', 'email', 'price'), (x, commitment) => {
        const before = run(x);
        const t = x.nowMs - 2 * HOUR;
        const kept = createRecord({
          commitmentId: commitment,
          triggeredAt: new Date(t).toISOString(),
          dueAt: new Date(t + HOUR).toISOString(),
          doneAt: new Date(t + 30 * 60_000).toISOString(),
          actual: commitment === 'price' ? 3_000_000 : null,
        });
        const after = run({ ...x, records: [...x.records, kept] });
        const status = recordStatus(kept, commitments.get(commitment)!, x.nowMs, {
          atRiskShare: 0.75,
          calendar,
        });
        expect(['kept', 'over-delivered']).toContain(status.status);
        expect(after.overall.keepingRate!).toBeGreaterThanOrEqual(before.overall.keepingRate ?? 0);
        expect(after.byCommitment.get(commitment)!.keepingRate!).toBeGreaterThanOrEqual(
          before.byCommitment.get(commitment)!.keepingRate ?? 0,
        );
      }),
      { numRuns: 200 },
    );
  });

  it('does not depend on the order of the records or of the recovery cases', () => {
    fc.assert(
      fc.property(
        arbInput.chain((x) =>
          fc.tuple(
            fc.constant(x),
            fc.shuffledSubarray(x.records, { minLength: x.records.length }),
            fc.shuffledSubarray(x.recoveryCases, { minLength: x.recoveryCases.length }),
          ),
        ),
        ([x, shuffled, shuffledCases]) => {
          expect(canonical(run({ ...x, records: shuffled, recoveryCases: shuffledCases }))).toEqual(
            canonical(run(x)),
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  it('agrees with recordStatus on every record', () => {
    fc.assert(
      fc.property(arbInput, (x) => {
        const s = run(x);
        const tally = counts({ total: x.records.length });
        for (const r of x.records) {
          const { status, renegotiatedInTime } = recordStatus(r, commitments.get(r.commitmentId)!, x.nowMs, {
            atRiskShare: 0.75,
            calendar,
          });
          if (status === 'open') tally.open += 1;
          if (status === 'at-risk') tally.atRisk += 1;
          if (status === 'overdue') tally.overdue += 1;
          if (status === 'kept' || status === 'over-delivered') tally.kept += 1;
          if (status === 'over-delivered') tally.overDelivered += 1;
          if (status === 'missed' || status === 'overdue') tally.missed += 1;
          if (status === 'kept' || status === 'over-delivered' || status === 'missed') tally.closed += 1;
          if (renegotiatedInTime) tally.renegotiatedInTime += 1;
        }
        expect({ ...s.overall.counts, withMargin: 0, recovered: 0 }).toEqual(tally);
      }),
      { numRuns: 200 },
    );
  });
});
