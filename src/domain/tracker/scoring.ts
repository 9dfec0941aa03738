import type { Commitment } from '../charter/commitment';
import { businessClock, localDayClock, startOfLocalDay } from './business-calendar';
import type { BusinessCalendar } from './business-calendar';
import { civilFromDays, daysFromCivil, monthIndexOfDay } from './civil-time';
import { countedRecoveries } from './record-table';
import type { RecordTable } from './record-table';
import { recordTimes, statusFromTimes } from './status';
import type { RecordStatus, RecordTimes } from './status';
import type { DeliveryRecord, RecoveryCase } from './tracker';

/*
 * Promise-versus-delivery scores, defined exactly. Every record is classified by the rules of status.ts
 * (`recordStatus`, `statusFromTimes`) at `nowMs`; a slice is any set of records (whole charter, one
 * commitment, customer, deal or period).
 *
 * Counts of a slice:
 * - total               records in the slice.
 * - open, atRisk        not done, not yet due (at-risk: elapsed share of the window ≥ atRiskShare).
 * - overdue             not done and past the effective due. Counted in `missed` as well.
 * - kept                done on time: status kept OR over-delivered (over-delivered records are kept).
 * - overDelivered       status over-delivered.
 * - missed              done late (status missed) PLUS overdue.
 * - closed              done (kept, over-delivered or missed-when-done): total = open + atRisk + overdue
 *                       + closed, and kept + missed = closed + overdue.
 * - renegotiatedInTime  renegotiated before the original due (whatever the status).
 * - withMargin          records that have a margin (below).
 * - recovered           missed records (overdue included) with a completed recovery case.
 *
 * Scores (null when the denominator is 0, never NaN):
 * - keepingRate       = kept ÷ (kept + missed)            (promise-keeping, "say/do" ratio)
 * - overDeliveryRate  = overDelivered ÷ (kept + missed)
 * - medianMargin      = median of margins, where a record's margin = (D − done) ÷ (D − T) for a done
 *                       record of a time kind (within, by-date, done), D = effective due, T = trigger,
 *                       measured in business minutes when the commitment counts business time (else in
 *                       plain time). 1 = done at the trigger, 0 = done exactly at the due, negative = late
 *                       (−0.5 = late by half the window). Records whose window is empty (D ≤ T in that
 *                       time basis) and amount records have no margin. In business time, a record done
 *                       late but before the next opening has margin 0 (no business time was lost) while
 *                       its status is still missed.
 * - recoveryRate      = recovered ÷ missed
 * - medianRecoveryMs  = median over recovered records of closedAt − openedAt of the recovery case. When a
 *                       record has several closed cases, the one closed first counts (ties: the later
 *                       opened one).
 * Median: the middle value of the sorted values; for an even count, the mean of the two middle values.
 *
 * Periods: by the trigger's local time in the calendar's UTC offset. Weeks are ISO weeks (Monday to
 * Sunday, labelled `2026-W10` by ISO week-year), months `2026-03`, quarters `2026-Q1`.
 * `from`/`to` (epoch ms) keep only records with from ≤ trigger < to; `commitmentId` and `customerId` keep
 * only the records of that commitment or customer.
 */

/** The counts a slice's scores are computed from (see module notes for each definition). */
export type ScoreCounts = {
  total: number;
  open: number;
  atRisk: number;
  overdue: number;
  kept: number;
  overDelivered: number;
  missed: number;
  renegotiatedInTime: number;
  closed: number;
  withMargin: number;
  recovered: number;
};

/** Scores of one slice of records, with the counts they come from. */
export type SliceScores = {
  counts: ScoreCounts;
  keepingRate: number | null;
  overDeliveryRate: number | null;
  medianMargin: number | null;
  recoveryRate: number | null;
  medianRecoveryMs: number | null;
};

export type PeriodGranularity = 'week' | 'month' | 'quarter';

/** Scores of one calendar period: its label (`2026-W10`, `2026-03`, `2026-Q1`) and [startMs, endMs). */
export type PeriodScores = SliceScores & { period: string; startMs: number; endMs: number };

/**
 * What to score: the records and their recovery cases, or the `buildRecordTable` of them (the same
 * scores; a screen that scores the same data under changing filters builds the table once), plus the
 * options.
 */
export type ScoreInput = ScoreOptions &
  (
    | { records: readonly DeliveryRecord[]; recoveryCases: readonly RecoveryCase[]; table?: never }
    | { table: RecordTable; records?: never; recoveryCases?: never }
  );

/** How to score: the commitments, the clock, the at-risk share, the calendar and the filters. */
export type ScoreOptions = {
  /** The commitments by id; records of an unknown commitment are skipped (and counted in `skipped`). */
  commitments: ReadonlyMap<string, Commitment>;
  nowMs: number;
  atRiskShare: number;
  calendar: BusinessCalendar;
  /** Keep only records triggered at or after this instant (epoch ms). */
  from?: number;
  /** Keep only records triggered before this instant (epoch ms). */
  to?: number;
  /** Keep only the records of this commitment. */
  commitmentId?: string;
  /** Keep only the records of this customer. */
  customerId?: string;
};

export type Scores = {
  overall: SliceScores;
  /** Every commitment of `commitments`, with or without records. */
  byCommitment: ReadonlyMap<string, SliceScores>;
  /**
   * Customers and deals that have records (records without one are in the other slices only). No screen
   * shows them, so they are worked out when first read, by judging the records again: the records (or
   * table) given must not have changed by then.
   */
  readonly byCustomer: ReadonlyMap<string, SliceScores>;
  readonly byDeal: ReadonlyMap<string, SliceScores>;
  /** Periods that have records, by label. */
  byPeriod: Record<PeriodGranularity, ReadonlyMap<string, PeriodScores>>;
  /**
   * Every period in order from the first to the last (from `from`/`to` when given, else from the
   * records), empty periods included (their rates are null).
   */
  trend: Record<PeriodGranularity, readonly PeriodScores[]>;
  /**
   * Records of the chosen commitment and customer (all without those filters) left out because their
   * commitment is unknown or their instants cannot be read, whatever their trigger's from/to.
   */
  skipped: number;
};

// ---------------------------------------------------------------------------------------------------
// Implementation: one pass judges every record and adds it to the slices of its commitment and its local
// day; then the overall slice is the sum of the commitments' slices and each period's slice the sum of
// its days'. A slice keeps its counts and its margins and recovery times, whose medians are found at the
// end. The customers' and deals' slices are filled by another such pass when first read.

/**
 * The margin of a record read as `times` (see module notes): null for amounts, not done, empty windows.
 * `clock` is the calendar's `businessClock`: business time between two instants is the difference of
 * their clock readings.
 */
function marginOf(commitment: Commitment, times: RecordTimes, clock: (t: number) => number): number | null {
  if (commitment.kind === 'amount' || times.doneMs === null) return null;
  const { triggerMs, dueMs, doneMs } = times;
  if (!commitment.businessTime) return dueMs > triggerMs ? (dueMs - doneMs) / (dueMs - triggerMs) : null;
  const due = clock(dueMs);
  const window = due - clock(triggerMs);
  return window > 0 ? (due - clock(doneMs)) / window : null;
}

/**
 * The margin of one record: (D − done) ÷ (D − T) with D the effective due, in business minutes when the
 * commitment counts business time; null for amounts, records not done, and empty windows.
 */
export function recordMargin(
  record: DeliveryRecord,
  commitment: Commitment,
  calendar: BusinessCalendar,
): number | null {
  const times = recordTimes(record);
  if (Number.isNaN(times.triggerMs) || Number.isNaN(times.dueMs)) return null;
  return marginOf(commitment, times, businessClock(calendar));
}

/** The median of `values` — the middle value, or the mean of the two middle values for an even count; null when empty. */
export function median(values: readonly number[]): number | null {
  return medianInPlace([...values]);
}

/** `median` of `values`, found by selection (reorders `values`). */
function medianInPlace(values: number[]): number | null {
  const n = values.length;
  if (n === 0) return null;
  const middle = n >> 1;
  const upper = select(values, middle);
  if (n % 2 === 1) return upper;
  // Selection left the `middle` smallest values before values[middle]: the lower middle value is their largest.
  let lower = values[0]!;
  for (let i = 1; i < middle; i += 1) if (values[i]! > lower) lower = values[i]!;
  return (lower + upper) / 2;
}

/**
 * The k-th smallest of `values` (k from 0), which it reorders so that the values before index k are ≤ it
 * and those after are ≥ it: Hoare's selection ("quickselect"), which partitions around a middle value
 * and goes on in the part that holds index k only.
 */
function select(values: number[], k: number): number {
  let lo = 0;
  let hi = values.length - 1;
  while (lo < hi) {
    const pivot = values[(lo + hi) >> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i]! < pivot) i += 1;
      while (values[j]! > pivot) j -= 1;
      if (i <= j) {
        const swap = values[i]!;
        values[i] = values[j]!;
        values[j] = swap;
        i += 1;
        j -= 1;
      }
    }
    // values[lo … j] ≤ pivot, values[i … hi] ≥ pivot, and any in between equal the pivot.
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break;
  }
  return values[k]!;
}

/** Whether a record of status `status` counts as missed (see `missed`). */
const isMissed = (status: RecordStatus) => status === 'missed' || status === 'overdue';

/** Receives one record as its slices count it (see `Slice.add`), with its trigger's instant. */
type Take = (
  record: DeliveryRecord,
  triggerMs: number,
  status: RecordStatus,
  renegotiatedInTime: boolean,
  margin: number | null,
  recoveryMs: number | null,
) => void;

/** The recovery time that counts for a record id (see `recovered`), from the table or the cases. */
function recoveryLookUp(input: ScoreInput): (recordId: string) => number | undefined {
  if (input.table !== undefined) {
    const times = input.table.recoveryTimes;
    return (recordId) => times.get(recordId);
  }
  const counted = countedRecoveries(input.recoveryCases);
  return (recordId) => counted.get(recordId)?.recoveryMs;
}

/**
 * Judges every record of `input` that its filters keep, in order, handing each to `take`; returns the
 * number of records skipped (see `Scores.skipped`).
 */
function judgeEach(input: ScoreInput, take: Take): number {
  const { commitments, nowMs } = input;
  const from = input.from ?? -Infinity;
  const to = input.to ?? Infinity;
  const clock = businessClock(input.calendar);
  // Only a missed record's recovery time counts (see `recovered`): the others are not looked up.
  const recoveryMsOf = recoveryLookUp(input);
  let skipped = 0;
  const judge = (record: DeliveryRecord, times: RecordTimes): void => {
    if (input.commitmentId !== undefined && record.commitmentId !== input.commitmentId) return;
    if (input.customerId !== undefined && record.customerId !== input.customerId) return;
    const commitment = commitments.get(record.commitmentId);
    if (commitment === undefined || Number.isNaN(times.triggerMs) || Number.isNaN(times.dueMs)) {
      skipped += 1;
      return;
    }
    if (!(times.triggerMs >= from && times.triggerMs < to)) return;
    const status = statusFromTimes(commitment, times, nowMs, input);
    take(
      record,
      times.triggerMs,
      status,
      times.renegotiatedInTime,
      marginOf(commitment, times, clock),
      isMissed(status) ? (recoveryMsOf(record.id) ?? null) : null,
    );
  };
  if (input.table !== undefined) for (const { record, times } of input.table.rows) judge(record, times);
  // Record by record, without keeping a table that a single score has no further use for.
  else for (const record of input.records) judge(record, recordTimes(record));
  return skipped;
}

/** The counts, margins and recovery times of one slice, as its records are added. */
class Slice {
  readonly counts: ScoreCounts = { ...ZERO_COUNTS };
  margins: number[] = [];
  recoveryTimes: number[] = [];

  /**
   * Adds one record: its status, whether it was renegotiated in time, its margin and its recovery time
   * (null when it has none, or when it counts for no recovery: see `recovered`).
   */
  add(
    status: RecordStatus,
    renegotiatedInTime: boolean,
    margin: number | null,
    recoveryMs: number | null,
  ): void {
    const c = this.counts;
    c.total += 1;
    switch (status) {
      case 'open':
        c.open += 1;
        break;
      case 'at-risk':
        c.atRisk += 1;
        break;
      case 'overdue':
        c.overdue += 1;
        c.missed += 1;
        break;
      case 'kept':
        c.kept += 1;
        c.closed += 1;
        break;
      case 'over-delivered':
        c.kept += 1;
        c.overDelivered += 1;
        c.closed += 1;
        break;
      case 'missed':
        c.missed += 1;
        c.closed += 1;
        break;
    }
    if (renegotiatedInTime) c.renegotiatedInTime += 1;
    if (margin !== null) {
      c.withMargin += 1;
      this.margins.push(margin);
    }
    if (recoveryMs !== null) {
      c.recovered += 1;
      this.recoveryTimes.push(recoveryMs);
    }
  }

  /** The slice's scores (its margins and recovery times are reordered to find their medians). */
  scores(): SliceScores {
    const { kept, missed, overDelivered, recovered } = this.counts;
    return {
      counts: { ...this.counts },
      keepingRate: rate(kept, kept + missed),
      overDeliveryRate: rate(overDelivered, kept + missed),
      medianMargin: medianInPlace(this.margins),
      recoveryRate: rate(recovered, missed),
      medianRecoveryMs: medianInPlace(this.recoveryTimes),
    };
  }
}

const ZERO_COUNTS: Readonly<ScoreCounts> = {
  total: 0,
  open: 0,
  atRisk: 0,
  overdue: 0,
  kept: 0,
  overDelivered: 0,
  missed: 0,
  renegotiatedInTime: 0,
  closed: 0,
  withMargin: 0,
  recovered: 0,
};
const COUNT_KEYS = Object.keys(ZERO_COUNTS) as (keyof ScoreCounts)[];

/** One slice of all the records of `slices`. */
function sumOf(slices: readonly Slice[]): Slice {
  const sum = new Slice();
  for (const slice of slices) for (const key of COUNT_KEYS) sum.counts[key] += slice.counts[key];
  sum.margins = sum.margins.concat(...slices.map((slice) => slice.margins));
  sum.recoveryTimes = sum.recoveryTimes.concat(...slices.map((slice) => slice.recoveryTimes));
  return sum;
}

/** numerator ÷ denominator, or null when the denominator is 0. */
function rate(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

/** The slice of `key` in `slices`, made when first asked for (so a Map lists keys in order of first record). */
function sliceOf<K>(slices: Map<K, Slice>, key: K): Slice {
  let slice = slices.get(key);
  if (slice === undefined) {
    slice = new Slice();
    slices.set(key, slice);
  }
  return slice;
}

// Periods are numbered from local day numbers (days since 1970-01-01 in the calendar's offset): weeks
// since the ISO week of 1970-01-01, months as year × 12 + month − 1, quarters as year × 4 + quarter − 1.
const GRANULARITIES: readonly PeriodGranularity[] = ['week', 'month', 'quarter'];
const pad2 = (n: number) => String(n).padStart(2, '0');

/** The number of the period of granularity `g` that contains local day `day`. */
function periodIndexOf(g: PeriodGranularity, day: number): number {
  if (g === 'week') return Math.floor((day + 3) / 7);
  const month = monthIndexOfDay(day);
  return g === 'month' ? month : Math.floor(month / 3);
}

/** The first local day of period `index` of granularity `g`. */
function periodStartDay(g: PeriodGranularity, index: number): number {
  if (g === 'week') return index * 7 - 3;
  const month = g === 'month' ? index : index * 3;
  const year = Math.floor(month / 12);
  return daysFromCivil(year, month - year * 12 + 1, 1);
}

/** `2026-W10` (ISO week-year and week), `2026-03` or `2026-Q1`. */
function periodLabel(g: PeriodGranularity, index: number): string {
  if (g === 'week') {
    const thursday = index * 7;
    const year = civilFromDays(thursday).year;
    return `${year}-W${pad2(Math.floor((thursday - daysFromCivil(year, 1, 1)) / 7) + 1)}`;
  }
  if (g === 'month') {
    const year = Math.floor(index / 12);
    return `${year}-${pad2(index - year * 12 + 1)}`;
  }
  const year = Math.floor(index / 4);
  return `${year}-Q${index - year * 4 + 1}`;
}

/**
 * Scores of the records (or their table) at `nowMs`: overall, by commitment, customer, deal and period
 * (ISO week, month, quarter of the trigger in the calendar's offset), and the per-period trend — every
 * count, rate and median as defined in this module's notes.
 */
export function computeScores(input: ScoreInput): Scores {
  const { commitments, calendar } = input;
  const localDay = localDayClock(calendar);
  const byCommitment = new Map([...commitments.keys()].map((id) => [id, new Slice()]));
  const byDay = new Map<number, Slice>();
  const skipped = judgeEach(input, (record, triggerMs, status, inTime, margin, recoveryMs) => {
    byCommitment.get(record.commitmentId)!.add(status, inTime, margin, recoveryMs);
    sliceOf(byDay, localDay(triggerMs)).add(status, inTime, margin, recoveryMs);
  });

  const scoresByKey = (slices: ReadonlyMap<string, Slice>) =>
    new Map([...slices].map(([key, slice]) => [key, slice.scores()]));
  const labelled = {} as Record<PeriodGranularity, Map<string, PeriodScores>>;
  const trend = {} as Record<PeriodGranularity, PeriodScores[]>;
  for (const g of GRANULARITIES) {
    const daysByPeriod = new Map<number, Slice[]>();
    for (const [day, slice] of byDay) {
      const index = periodIndexOf(g, day);
      const days = daysByPeriod.get(index);
      if (days === undefined) daysByPeriod.set(index, [slice]);
      else days.push(slice);
    }
    const byPeriod = new Map([...daysByPeriod].map(([index, days]) => [index, sumOf(days)]));
    const seen = [...byPeriod.keys()];
    // From the first to the last period: of from/to when given, else of the records; only one bound
    // and no records: that bound's period alone; neither: no periods.
    let first = input.from !== undefined ? periodIndexOf(g, localDay(input.from)) : Math.min(...seen);
    let last = input.to !== undefined ? periodIndexOf(g, localDay(input.to - 1)) : Math.max(...seen);
    if (!Number.isFinite(first)) first = last;
    if (!Number.isFinite(last)) last = first;
    labelled[g] = new Map();
    trend[g] = [];
    if (Number.isFinite(first))
      for (let index = first; index <= last; index += 1) {
        const slice = byPeriod.get(index);
        const scores: PeriodScores = {
          ...(slice ?? new Slice()).scores(),
          period: periodLabel(g, index),
          startMs: startOfLocalDay(periodStartDay(g, index), calendar),
          endMs: startOfLocalDay(periodStartDay(g, index + 1), calendar),
        };
        trend[g].push(scores);
        if (slice !== undefined) labelled[g].set(scores.period, scores);
      }
  }

  // Read by no screen (see `Scores.byCustomer`): worked out when first read.
  let byParty: { byCustomer: Map<string, SliceScores>; byDeal: Map<string, SliceScores> } | undefined;
  const parties = () => {
    if (byParty !== undefined) return byParty;
    const byCustomer = new Map<string, Slice>();
    const byDeal = new Map<string, Slice>();
    judgeEach(input, (record, _triggerMs, status, inTime, margin, recoveryMs) => {
      if (record.customerId !== null)
        sliceOf(byCustomer, record.customerId).add(status, inTime, margin, recoveryMs);
      if (record.dealId !== null) sliceOf(byDeal, record.dealId).add(status, inTime, margin, recoveryMs);
    });
    byParty = { byCustomer: scoresByKey(byCustomer), byDeal: scoresByKey(byDeal) };
    return byParty;
  };
  return {
    overall: sumOf([...byCommitment.values()]).scores(),
    byCommitment: scoresByKey(byCommitment),
    get byCustomer() {
      return parties().byCustomer;
    },
    get byDeal() {
      return parties().byDeal;
    },
    byPeriod: labelled,
    trend,
    skipped,
  };
}
