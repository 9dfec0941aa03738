import type { PeriodScores, SliceScores } from './scoring';

/** The one number a scores screen opens with: promises kept of those closed in the current period. */
export type PeriodHeadline = { kept: number; closed: number; rate: number | null };

/**
 * The headline of the period (of the given scores' periods) that contains `nowMs`: kept and closed
 * (kept + missed) counts and the keeping rate, or zero counts and a null rate when nothing closed then.
 * Open and renegotiated promises are not counted, as in the keeping rate itself.
 */
export function headlineAt(periods: Iterable<PeriodScores>, nowMs: number): PeriodHeadline {
  for (const p of periods) if (p.startMs <= nowMs && nowMs < p.endMs) return headlineOf(p);
  return { kept: 0, closed: 0, rate: null };
}

/**
 * The headline of one slice (e.g. the records a screen's filters chose): kept and closed (kept + missed)
 * counts and the keeping rate, null when nothing in it closed.
 */
export function headlineOf(slice: SliceScores): PeriodHeadline {
  const { kept, missed } = slice.counts;
  const closed = kept + missed;
  return { kept, closed, rate: closed === 0 ? null : kept / closed };
}
