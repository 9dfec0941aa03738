import type { Commitment } from '../charter/commitment';
import { durationMinutes } from '../charter/commitment-text';
import { businessMinutesBetween, durationInBusinessMinutes } from './business-calendar';
import type { BusinessCalendar } from './business-calendar';
import { MINUTE_MS, parseInstant } from './civil-time';
import type { DeliveryRecord } from './tracker';

/*
 * Calibration ("the honest promise"), defined exactly:
 * - Applies to time-window commitments (kinds `within` and `done`).
 * - Sample: the commitment's records that are done (doneAt set), whatever their status, renegotiated or
 *   not. Open and overdue records are not in the sample. At least CALIBRATION_MIN_RECORDS are needed.
 * - Each record's time taken = doneAt − triggeredAt, in the commitment's time basis: business minutes of
 *   the calendar when `businessTime` (see business-calendar.ts), else plain minutes. A record done before
 *   its trigger (bad data) counts as 0.
 * - honestWindowMinutes = the nearest-rank 95th percentile of the times taken: sort ascending
 *   x₁ ≤ … ≤ xₙ, rank = ⌈95 × n ÷ 100⌉, value = x_rank. It is the shortest window that would have kept at
 *   least 95% of these records (with 10–19 records that is the slowest one).
 * - promisedMinutes = the promised window in the same basis (business: a day = closesAt − opensAt
 *   minutes, a week = the working days per week; plain: a day = 1,440 minutes).
 * - verdict: 'over-promising' when promised < honest (the charter promises less time than was needed
 *   95% of the time); 'too-generous' when promised ≥ 2 × honest (TOO_GENEROUS_FACTOR: the promise is at
 *   least twice what was needed, so a much stronger promise could be kept); 'fine' otherwise.
 */

/** Fewest done records a calibration is computed from. */
export const CALIBRATION_MIN_RECORDS = 10;

/** The percentile of times taken that makes the honest window. */
export const CALIBRATION_PERCENT = 95;

/** A promise at least this many times the honest window is called too generous. */
export const TOO_GENEROUS_FACTOR = 2;

export type CalibrationVerdict = 'over-promising' | 'fine' | 'too-generous';

export type Calibration = {
  /** Done records in the sample. */
  n: number;
  honestWindowMinutes: number;
  promisedMinutes: number;
  verdict: CalibrationVerdict;
  /** Whether the minutes are business minutes of the calendar or plain minutes. */
  basis: 'business' | 'calendar';
};

/** The nearest-rank `percent` percentile (0 < percent ≤ 100) of `values`: the ⌈percent·n/100⌉-th smallest; null when empty. */
export function nearestRankPercentile(values: readonly number[], percent: number): number | null {
  if (!(percent > 0 && percent <= 100)) throw new RangeError('percent must be in (0, 100].');
  if (values.length === 0) return null;
  const sorted = Float64Array.from(values).sort();
  const rank = Math.ceil((percent * sorted.length) / 100);
  return sorted[Math.max(1, rank) - 1]!;
}

/**
 * The honest promise for `commitment` from its done records among `records`: sample size, nearest-rank
 * 95th percentile of time taken, the promised window (same basis) and the verdict; null for non-window
 * kinds or fewer than CALIBRATION_MIN_RECORDS done records.
 */
export function calibrate(
  commitment: Commitment,
  records: readonly DeliveryRecord[],
  calendar: BusinessCalendar,
): Calibration | null {
  if (commitment.kind !== 'within' && commitment.kind !== 'done') return null;
  const business = commitment.businessTime;
  const taken: number[] = [];
  for (const r of records) {
    if (r.commitmentId !== commitment.id || r.doneAt === null) continue;
    const trigger = parseInstant(r.triggeredAt);
    const done = parseInstant(r.doneAt);
    if (Number.isNaN(trigger) || Number.isNaN(done)) continue;
    const minutes = business ? businessMinutesBetween(trigger, done, calendar) : (done - trigger) / MINUTE_MS;
    taken.push(Math.max(0, minutes));
  }
  if (taken.length < CALIBRATION_MIN_RECORDS) return null;
  const honest = nearestRankPercentile(taken, CALIBRATION_PERCENT)!;
  const promised = business
    ? durationInBusinessMinutes(commitment.promised, calendar)
    : durationMinutes(commitment.promised);
  const verdict: CalibrationVerdict =
    promised < honest ? 'over-promising' : promised >= TOO_GENEROUS_FACTOR * honest ? 'too-generous' : 'fine';
  return {
    n: taken.length,
    honestWindowMinutes: honest,
    promisedMinutes: promised,
    verdict,
    basis: business ? 'business' : 'calendar',
  };
}
