// The record table: every column of hand-picked records, and the table scored under changing filters as
// the dashboard does (the full equivalence with plain records is a property in scoring-reference.test.ts).
import { describe, expect, it } from 'vitest';
import { defaultBusinessCalendar } from '../../../../src/domain/tracker/business-calendar';
import { buildRecordTable } from '../../../../src/domain/tracker/record-table';
import { computeScores } from '../../../../src/domain/tracker/scoring';
import type { RecordTimes } from '../../../../src/domain/tracker/status';
import type { RecoveryCase } from '../../../../src/domain/tracker/tracker';
import { createCommitment, createRecord } from '../../factories';

const at = (hhmm: string) => `2026-03-03T${hhmm}:00.000Z`;
const ms = (hhmm: string) => Date.UTC(2026, 2, 3, Number(hhmm.slice(0, 2)), Number(hhmm.slice(3, 5)));

const records = [
  // Plain: due 09:00, not done, no customer or deal.
  createRecord({ id: 'a', commitmentId: 'call', triggeredAt: at('05:00'), dueAt: at('09:00'), doneAt: null }),
  // Renegotiated at 08:00, before the due 09:00: the new due 12:00 counts.
  createRecord({
    id: 'b',
    commitmentId: 'call',
    customerId: 'kim',
    triggeredAt: at('05:00'),
    dueAt: at('09:00'),
    doneAt: at('11:00'),
    renegotiation: { at: at('08:00'), newDueAt: at('12:00') },
  }),
  // Renegotiated at 09:00, exactly at the due: too late, the due stays 09:00.
  createRecord({
    id: 'c',
    commitmentId: 'quote',
    customerId: 'lee',
    dealId: 'd1',
    triggeredAt: at('05:00'),
    dueAt: at('09:00'),
    doneAt: at('10:00'),
    renegotiation: { at: at('09:00'), newDueAt: at('12:00') },
  }),
  // An instant with an offset (14:30 in Seoul is 05:30 UTC) and an unreadable one.
  createRecord({
    id: 'd',
    commitmentId: 'quote',
    customerId: 'kim',
    dealId: 'd1',
    triggeredAt: '2026-03-03T14:30:00+09:00',
    dueAt: 'not a time',
    doneAt: null,
  }),
];

const recoveryCase = (recordId: string, openedAt: string, closedAt: string | null): RecoveryCase => ({
  id: `${recordId}-${openedAt}`,
  recordId,
  openedAt,
  steps: [],
  closedAt,
  outcome: closedAt === null ? null : 'satisfied',
  notes: '',
});

describe('buildRecordTable', () => {
  const cases = [
    recoveryCase('c', at('10:00'), at('13:00')), // 3 h, closed at 13:00
    recoveryCase('c', at('10:30'), at('12:00')), // 1.5 h, closed first: this one counts
    recoveryCase('b', at('11:00'), at('12:00')), // closed together with the next one …
    recoveryCase('b', at('11:30'), at('12:00')), // … which opened later: 30 min counts
    recoveryCase('a', at('09:00'), null), // still open: no recovery time
    recoveryCase('nobody', at('09:00'), at('10:00')), // no such record
  ];
  const table = buildRecordTable(records, cases);

  it('reads every instant, with the effective due of a renegotiation made in time', () => {
    const column = <K extends keyof RecordTimes>(key: K) => table.rows.map((row) => row.times[key]);
    expect(column('triggerMs')).toEqual([ms('05:00'), ms('05:00'), ms('05:00'), ms('05:30')]);
    expect(column('originalDueMs')).toEqual([ms('09:00'), ms('09:00'), ms('09:00'), Number.NaN]);
    expect(column('dueMs')).toEqual([ms('09:00'), ms('12:00'), ms('09:00'), Number.NaN]);
    expect(column('doneMs')).toEqual([null, ms('11:00'), ms('10:00'), null]);
    expect(column('renegotiatedInTime')).toEqual([false, true, false, false]);
    expect(table.rows.map((row) => row.record)).toEqual(records);
  });

  it('keeps the actual amount, null when none was entered', () => {
    const amounts = buildRecordTable(
      [createRecord({ commitmentId: 'price', actual: 950_000 }), createRecord({ actual: null })],
      [],
    );
    expect(amounts.rows.map((row) => row.times.actual)).toEqual([950_000, null]);
  });

  it('lists the distinct customers in order of first appearance', () => {
    expect(table.customerIds).toEqual(['kim', 'lee']);
  });

  it('keeps the recovery time of the case closed first (ties: the later opened one)', () => {
    expect(records.map((r) => table.recoveryTimes.get(r.id) ?? null)).toEqual([
      null,
      30 * 60_000,
      90 * 60_000,
      null,
    ]);
  });

  it('has no rows and no customers for no records', () => {
    const empty = buildRecordTable([], cases);
    expect(empty.rows).toEqual([]);
    expect(empty.customerIds).toEqual([]);
  });
});

describe('computeScores over one table under changing filters', () => {
  const commitments = new Map([
    ['call', createCommitment('within', { id: 'call', businessTime: false })],
    ['quote', createCommitment('within', { id: 'quote', businessTime: false })],
  ]);
  const table = buildRecordTable(records, []);
  const score = (filters: { commitmentId?: string; customerId?: string }) =>
    computeScores({
      table,
      commitments,
      nowMs: ms('23:00'),
      atRiskShare: 0.75,
      calendar: defaultBusinessCalendar,
      ...filters,
    });

  it('scores every record without filters (the unreadable one is skipped)', () => {
    const s = score({});
    // a: overdue; b: done 11:00 by its new due 12:00, kept; c: done 10:00 after 09:00, missed.
    expect(s.overall.counts).toMatchObject({ total: 3, kept: 1, overdue: 1, missed: 2 });
    expect(s.skipped).toBe(1);
  });

  it('keeps only the chosen customer, and nothing for a customer without records', () => {
    const kim = score({ customerId: 'kim' });
    expect(kim.overall.counts).toMatchObject({ total: 1, kept: 1, missed: 0 });
    expect(kim.skipped).toBe(1); // d is kim's, and unreadable
    expect([...kim.byCustomer.keys()]).toEqual(['kim']);
    expect(score({ customerId: 'park' }).overall.counts.total).toBe(0);
  });

  it('keeps only the chosen commitment, and nothing for an unknown one', () => {
    const quote = score({ commitmentId: 'quote' });
    expect(quote.overall.counts).toMatchObject({ total: 1, missed: 1 });
    expect(quote.byCommitment.get('call')?.counts.total).toBe(0);
    expect(score({ commitmentId: 'gone' }).overall.counts.total).toBe(0);
  });
});
