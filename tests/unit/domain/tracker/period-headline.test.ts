import { describe, expect, it } from 'vitest';
import { headlineAt, headlineOf } from '../../../../src/domain/tracker/period-headline';
import type { PeriodScores } from '../../../../src/domain/tracker/scoring';

const DECEMBER = Date.parse('2026-12-01T00:00:00+09:00');
const JANUARY = Date.parse('2027-01-01T00:00:00+09:00');

function period(label: string, startMs: number, endMs: number, kept: number, missed: number): PeriodScores {
  const closed = kept + missed;
  return {
    period: label,
    startMs,
    endMs,
    counts: { kept, missed, open: 1, atRisk: 0, renegotiatedInTime: 1, closed, withMargin: 0, recovered: 0 },
    keepingRate: closed === 0 ? null : kept / closed,
    overDeliveryRate: null,
    medianMargin: null,
    recoveryRate: null,
    medianRecoveryMs: null,
  } as PeriodScores;
}

describe('headlineAt', () => {
  const periods = [
    period('2026-11', Date.parse('2026-11-01T00:00:00+09:00'), DECEMBER, 5, 0),
    period('2026-12', DECEMBER, JANUARY, 1, 1),
  ];

  it('counts kept of closed (kept + missed) in the period holding now; open and renegotiated are left out', () => {
    expect(headlineAt(periods, Date.parse('2026-12-06T10:00:00+09:00'))).toEqual({
      kept: 1,
      closed: 2,
      rate: 0.5,
    });
  });

  it('takes the period start as inside and its end as outside', () => {
    expect(headlineAt(periods, DECEMBER)).toMatchObject({ kept: 1, closed: 2 });
    expect(headlineAt(periods, DECEMBER - 1)).toMatchObject({ kept: 5, closed: 5, rate: 1 });
  });

  it('has no rate when nothing closed in the current period, or no period holds now', () => {
    expect(headlineAt([period('2026-12', DECEMBER, JANUARY, 0, 0)], DECEMBER + 1)).toEqual({
      kept: 0,
      closed: 0,
      rate: null,
    });
    expect(headlineAt(periods, JANUARY)).toEqual({ kept: 0, closed: 0, rate: null });
    expect(headlineAt([], DECEMBER)).toEqual({ kept: 0, closed: 0, rate: null });
  });
});

describe('headlineOf', () => {
  it('counts kept of closed in the slice (overdue counts as missed), null rate when none closed', () => {
    expect(headlineOf(period('filtered', 0, 1, 3, 1))).toEqual({ kept: 3, closed: 4, rate: 0.75 });
    expect(headlineOf(period('filtered', 0, 1, 0, 0))).toEqual({ kept: 0, closed: 0, rate: null });
  });
});
