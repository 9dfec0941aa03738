import type { PeriodScores } from './scoring';

/** The one number a scores screen opens with: promises kept of those closed in the current period. */
export type PeriodHeadline = { kept: number; closed: number; rate: number | null };

/**
 * The headline of the period (of the given scores' periods) that contains `nowMs`: kept and closed
 * (kept + missed) counts and the keeping rate, or zero counts and a null rate when nothing closed then.
 * Open and renegotiated promises are not counted, as in the keeping rate itself.
 */
export function headlineAt(periods: Iterable<PeriodScores>, nowMs: number): PeriodHeadline {
  for (const p of periods) {
    if (p.startMs <= nowMs && nowMs < p.endMs) {
      const closed = p.counts.kept + p.counts.missed;
      return { kept: p.counts.kept, closed, rate: closed === 0 ? null : p.counts.kept / closed };
    }
  }
  return { kept: 0, closed: 0, rate: null };
}
