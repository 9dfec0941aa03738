// The scores reuse what they read from the previous call's records (scoring.ts, RecordCache) and
// recovery cases: rescoring with changed inputs must give exactly what a first scoring of them gives.
import { describe, expect, it } from 'vitest';
import { defaultCommitment } from '../../../../src/domain/charter/commitment';
import type { Commitment } from '../../../../src/domain/charter/commitment';
import { defaultBusinessCalendar } from '../../../../src/domain/tracker/business-calendar';
import { computeScores } from '../../../../src/domain/tracker/scoring';
import type { ScoreInput } from '../../../../src/domain/tracker/scoring';
import type { DeliveryRecord, RecoveryCase } from '../../../../src/domain/tracker/tracker';
import { HOUR, kst } from './helpers';

const iso = (ms: number) => new Date(ms).toISOString();

function records(n: number, commitmentIds: readonly string[]): DeliveryRecord[] {
  const start = kst('2026-03-02T08:00');
  return Array.from({ length: n }, (_, i) => {
    const trigger = start + i * 7 * HOUR;
    const due = trigger + (10 + (i % 30)) * HOUR;
    const done = i % 4 === 3 ? null : trigger + ((i * 37) % 48) * HOUR;
    return {
      id: `r${i}`,
      charterId: 'ch',
      commitmentId: commitmentIds[i % commitmentIds.length]!,
      customerId: `cu${i % 7}`,
      dealId: i % 3 === 0 ? `d${i % 5}` : null,
      summary: '',
      triggeredAt: iso(trigger),
      dueAt: iso(due),
      doneAt: done === null ? null : iso(done),
      actual: null,
      renegotiation: i % 9 === 0 ? { at: iso(trigger + HOUR), newDueAt: iso(due + 24 * HOUR) } : null,
      notes: '',
      createdAt: iso(trigger),
      updatedAt: iso(trigger),
    };
  });
}

const cases = (rs: readonly DeliveryRecord[]): RecoveryCase[] =>
  rs
    .filter((_, i) => i % 5 === 1)
    .map((r, k) => ({
      id: `k${k}`,
      recordId: r.id,
      openedAt: r.dueAt,
      steps: [],
      closedAt: iso(Date.parse(r.dueAt) + (k + 1) * HOUR),
      outcome: 'satisfied' as const,
      notes: '',
    }));

const within = (businessTime: boolean): Commitment =>
  ({ ...defaultCommitment('c1', 'within'), businessTime }) as Commitment;

/** The same input with every record and case copied: nothing of it can have been seen before. */
const fresh = (input: ScoreInput): ScoreInput => ({
  ...input,
  records: input.records.map((r) => structuredClone(r)),
  recoveryCases: input.recoveryCases.map((c) => structuredClone(c)),
});

describe('computeScores reusing the previous call', () => {
  const base = records(400, ['c1', 'c2']);
  const input: ScoreInput = {
    records: base,
    commitments: new Map([
      ['c1', within(true)],
      ['c2', { ...defaultCommitment('c2', 'done'), businessTime: false } as Commitment],
    ]),
    recoveryCases: cases(base),
    nowMs: kst('2026-04-20T12:00'),
    atRiskShare: 0.75,
    calendar: defaultBusinessCalendar,
  };

  it('gives the same scores on the same records as on copies of them', () => {
    const first = computeScores(input);
    expect(computeScores(input)).toEqual(first);
    expect(computeScores(fresh(input))).toEqual(first);
  });

  it('follows a new commitment object, calendar, now and date range', () => {
    computeScores(input);
    const variants: ScoreInput[] = [
      { ...input, commitments: new Map([...input.commitments, ['c1', within(false)]]) },
      { ...input, calendar: { ...defaultBusinessCalendar, closesAt: '15:00' } },
      { ...input, nowMs: kst('2026-05-20T12:00') },
      { ...input, from: kst('2026-03-20T00:00'), to: kst('2026-04-10T00:00') },
    ];
    for (const variant of variants) expect(computeScores(variant)).toEqual(computeScores(fresh(variant)));
  });

  it('follows records replaced, reordered, added or dropped, and changed recovery cases', () => {
    computeScores(input);
    const edited = base.map((r, i) => (i % 10 === 0 ? { ...r, doneAt: null } : r));
    const variants: ScoreInput[] = [
      { ...input, records: edited },
      { ...input, records: [...base].reverse() },
      { ...input, records: base.filter((_, i) => i % 3 !== 0) },
      { ...input, records: [...base, ...records(50, ['c2'])] },
      { ...input, recoveryCases: input.recoveryCases.slice(3) },
      { ...input, recoveryCases: [] },
    ];
    for (const variant of variants) {
      const again = computeScores(variant);
      expect(again).toEqual(computeScores(fresh(variant)));
    }
  });
});
