import { describe, expect, it } from 'vitest';
import { defaultCommitment } from '../../../../src/domain/charter/commitment';
import type { Commitment } from '../../../../src/domain/charter/commitment';
import { customerPromises } from '../../../../src/domain/tracker/customer-promises';
import { defaultBusinessCalendar } from '../../../../src/domain/tracker/business-calendar';
import { createRecord } from '../../factories';

// "Call back within 4 hours", plain time, internal target 1 hour.
const callBack: Commitment = {
  ...defaultCommitment('call-back', 'within'),
  promised: { value: 4, unit: 'hours' },
  internal: { value: 1, unit: 'hours' },
  businessTime: false,
} as Commitment;
const options = { atRiskShare: 0.75, calendar: defaultBusinessCalendar };
const NOW = Date.parse('2026-03-10T12:00:00Z');

const record = (id: string, customerId: string | null, triggeredAt: string, doneAfterH: number | null) => {
  const t = Date.parse(triggeredAt);
  return createRecord({
    id,
    commitmentId: id === 'ghost' ? 'removed' : 'call-back',
    customerId,
    triggeredAt,
    dueAt: new Date(t + 4 * 3_600_000).toISOString(),
    doneAt: doneAfterH === null ? null : new Date(t + doneAfterH * 3_600_000).toISOString(),
    createdAt: triggeredAt,
  });
};

describe('customerPromises', () => {
  // By hand, for Kim at 2026-03-10 12:00Z (4-hour window, over-delivered when done within 1 hour):
  //  a 03-01 done after 0.5 h → over-delivered (kept)    b 03-02 done after 5 h → missed
  //  c 03-03 not done, due 03-03 → overdue (missed)       d 03-10 10:00 not done, due 14:00 → 2 of 4 h → open
  //  e 03-10 08:30 not done, due 12:30 → 3.5 of 4 h ≥ 0.75 → at risk (open)
  //  ghost 03-04: its commitment is gone → listed, not counted.   lee 03-05: another customer.
  const records = [
    record('a', 'kim', '2026-03-01T09:00:00Z', 0.5),
    record('b', 'kim', '2026-03-02T09:00:00Z', 5),
    record('lee', 'lee', '2026-03-05T09:00:00Z', 1),
    record('c', 'kim', '2026-03-03T09:00:00Z', null),
    record('ghost', 'kim', '2026-03-04T09:00:00Z', 1),
    record('d', 'kim', '2026-03-10T10:00:00Z', null),
    record('e', 'kim', '2026-03-10T08:30:00Z', null),
  ];
  const commitmentOf = (r: { commitmentId: string }) =>
    r.commitmentId === 'call-back' ? callBack : undefined;

  it('lists only that customer’s promises, newest first, each with its status now', () => {
    const { items } = customerPromises(records, 'kim', commitmentOf, NOW, options);
    expect(items.map((i) => [i.record.id, i.status])).toEqual([
      ['d', 'open'],
      ['e', 'at-risk'],
      ['ghost', null],
      ['c', 'overdue'],
      ['b', 'missed'],
      ['a', 'over-delivered'],
    ]);
    expect(items.find((i) => i.record.id === 'ghost')?.commitment).toBe(null);
  });

  it('counts kept (over-delivered too), missed (overdue too) and open (at risk too)', () => {
    expect(customerPromises(records, 'kim', commitmentOf, NOW, options)).toMatchObject({
      kept: 1,
      missed: 2,
      open: 2,
    });
  });

  it('is empty for a customer never promised anything', () => {
    expect(customerPromises(records, 'park', commitmentOf, NOW, options)).toEqual({
      items: [],
      kept: 0,
      missed: 0,
      open: 0,
    });
  });
});
