import type { Commitment } from '../charter/commitment';
import { businessMinutesBetween } from './business-calendar';
import type { BusinessCalendar } from './business-calendar';
import { civilFromDays, DAY_MS, daysFromCivil, MINUTE_MS, monthIndexOfDay, parseInstant } from './civil-time';
import { createEvaluation, effectiveDueMs, evaluateRecord, STATUS_CODE } from './status';
import type { DeliveryRecord, RecoveryCase } from './tracker';

/*
 * Promise-versus-delivery scores, defined exactly. Every record is classified by `recordStatus`
 * (status.ts) at `nowMs`; a slice is any set of records (whole charter, one commitment, customer, deal
 * or period).
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
 * `from`/`to` (epoch ms) keep only records with from ≤ trigger < to.
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

export type ScoreInput = {
  records: readonly DeliveryRecord[];
  /** The commitments by id; records of an unknown commitment are skipped (and counted in `skipped`). */
  commitments: ReadonlyMap<string, Commitment>;
  recoveryCases: readonly RecoveryCase[];
  nowMs: number;
  atRiskShare: number;
  calendar: BusinessCalendar;
  /** Keep only records triggered at or after this instant (epoch ms). */
  from?: number;
  /** Keep only records triggered before this instant (epoch ms). */
  to?: number;
};

export type Scores = {
  overall: SliceScores;
  /** Every commitment of `commitments`, with or without records. */
  byCommitment: ReadonlyMap<string, SliceScores>;
  /** Customers and deals that have records (records without one are in the other slices only). */
  byCustomer: ReadonlyMap<string, SliceScores>;
  byDeal: ReadonlyMap<string, SliceScores>;
  /** Periods that have records, by label. */
  byPeriod: Record<PeriodGranularity, ReadonlyMap<string, PeriodScores>>;
  /**
   * Every period in order from the first to the last (from `from`/`to` when given, else from the
   * records), empty periods included (their rates are null).
   */
  trend: Record<PeriodGranularity, readonly PeriodScores[]>;
  /** Records left out because their commitment is unknown or their instants cannot be read. */
  skipped: number;
};

// ---------------------------------------------------------------------------------------------------
// Implementation: every slice gets a dense integer id (0 = overall); its counters live in one Int32Array.
// Margins and recovery times are appended to flat arrays with the keys of their slices, then grouped per
// slice one dimension at a time (counting sort) for linear-time medians (quickselect). The per-record work
// is a few look-ups and array increments, with no per-record object allocation.

// Counter fields of a slice.
const TOTAL = 0;
const OPEN = 1;
const AT_RISK = 2;
const OVERDUE = 3;
const KEPT = 4;
const OVER_DELIVERED = 5;
const MISSED_DONE = 6;
const RENEGOTIATED = 7;
const WITH_MARGIN = 8;
const RECOVERED = 9;
const FIELDS = 10;
/** Most slices one record belongs to: overall, commitment, week, month, quarter, customer, deal. */
const MAX_SLICES = 7;

/** Counter field incremented for each status code (over-delivered also increments KEPT). */
const FIELD_OF_CODE: readonly number[] = (() => {
  const fields: number[] = [];
  fields[STATUS_CODE.open] = OPEN;
  fields[STATUS_CODE['at-risk']] = AT_RISK;
  fields[STATUS_CODE.overdue] = OVERDUE;
  fields[STATUS_CODE.kept] = KEPT;
  fields[STATUS_CODE['over-delivered']] = OVER_DELIVERED;
  fields[STATUS_CODE.missed] = MISSED_DONE;
  return fields;
})();

/**
 * Sample values (margins or recovery times) with what is needed to find their slices again: per value,
 * the commitment slice, the trigger's local day number and the customer and deal slices (−1 = none).
 * Plain arrays (on the JS heap) rather than typed arrays: large, short-lived ArrayBuffers count as
 * external memory and make V8 run full collections of the whole heap.
 */
class Samples {
  readonly values: number[] = [];
  readonly keys: number[] = [];
  add(value: number, commitment: number, localDay: number, customer: number, deal: number): void {
    this.values.push(value);
    this.keys.push(commitment, localDay, customer, deal);
  }
}
const KEYS = 4;

/** Slice ids by string key (customer and deal ids), with the keys in first-seen order. */
class StringSlices {
  private readonly ids = new Map<string, number>();
  readonly keys: string[] = [];
  get(key: string): number | undefined {
    return this.ids.get(key);
  }
  set(key: string, id: number): void {
    this.ids.set(key, id);
    this.keys.push(key);
  }
}

/** Slice ids by period number: a flat table over [base, base + size), a map for numbers outside it. */
class PeriodSlices {
  private readonly table: Int32Array; // id + 1; 0 = none
  private readonly outside = new Map<number, number>();
  private readonly base: number;
  constructor(base: number, size: number) {
    this.base = base;
    this.table = new Int32Array(size);
  }
  get(key: number): number | undefined {
    const k = key - this.base;
    if (k >= 0 && k < this.table.length) {
      const v = this.table[k]!;
      return v === 0 ? undefined : v - 1;
    }
    return this.outside.get(key);
  }
  set(key: number, id: number): void {
    const k = key - this.base;
    if (k >= 0 && k < this.table.length) this.table[k] = id + 1;
    else this.outside.set(key, id);
  }
  keys(): number[] {
    const keys = [...this.outside.keys()];
    for (let k = 0; k < this.table.length; k += 1) if (this.table[k] !== 0) keys.push(k + this.base);
    return keys;
  }
}

/**
 * Rearranges a[left … right] so that a[k] is the value of rank k there, smaller-or-equal values before
 * it (quickselect; after too many unbalanced rounds the rest is sorted, so never worse than n log n).
 */
function select(a: Float64Array, left: number, right: number, k: number): void {
  let lo = left;
  let hi = right;
  let rounds = 2 * Math.ceil(Math.log2(right - left + 2)) + 8;
  while (hi > lo) {
    if (--rounds < 0) {
      a.subarray(lo, hi + 1).sort();
      return;
    }
    const mid = (lo + hi) >>> 1;
    // Median of three as the pivot.
    let x: number;
    if (a[mid]! < a[lo]!) {
      x = a[mid]!;
      a[mid] = a[lo]!;
      a[lo] = x;
    }
    if (a[hi]! < a[lo]!) {
      x = a[hi]!;
      a[hi] = a[lo]!;
      a[lo] = x;
    }
    if (a[hi]! < a[mid]!) {
      x = a[hi]!;
      a[hi] = a[mid]!;
      a[mid] = x;
    }
    const pivot = a[mid]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i += 1;
      while (a[j]! > pivot) j -= 1;
      if (i <= j) {
        x = a[i]!;
        a[i] = a[j]!;
        a[j] = x;
        i += 1;
        j -= 1;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}

/** Median of a[from … to − 1] (reorders that range); null when empty. */
function medianOfRange(a: Float64Array, from: number, to: number): number | null {
  const n = to - from;
  if (n <= 0) return null;
  const upper = from + (n >> 1);
  select(a, from, to - 1, upper);
  if (n % 2 === 1) return a[upper]!;
  let lower = -Infinity;
  for (let i = from; i < upper; i += 1) if (a[i]! > lower) lower = a[i]!;
  return (lower + a[upper]!) / 2;
}

/** The median of `values` — the middle value, or the mean of the two middle values for an even count; null when empty. */
export function median(values: readonly number[]): number | null {
  const a = Float64Array.from(values);
  return medianOfRange(a, 0, a.length);
}

/**
 * Medians per slice of `samples` into `out` (indexed by slice id), for one dimension: `sliceOf(v)` is
 * the slice of value v in that dimension (−1 = none). Counting sort into `buffer` (`slice` is scratch),
 * then quickselect per slice: linear time.
 */
function mediansBySlice(
  samples: Samples,
  sliceOf: (v: number) => number,
  sliceCount: number,
  buffer: Float64Array,
  slice: Int32Array,
  out: (number | null)[],
): void {
  const n = samples.values.length;
  const start = new Int32Array(sliceCount + 1);
  for (let v = 0; v < n; v += 1) {
    const id = sliceOf(v);
    slice[v] = id;
    if (id >= 0) start[id + 1]! += 1;
  }
  for (let id = 0; id < sliceCount; id += 1) start[id + 1]! += start[id]!;
  const cursor = start.slice(0, sliceCount);
  for (let v = 0; v < n; v += 1) {
    const id = slice[v]!;
    if (id >= 0) buffer[cursor[id]!++] = samples.values[v]!;
  }
  for (let id = 0; id < sliceCount; id += 1)
    if (start[id + 1]! > start[id]!) out[id] = medianOfRange(buffer, start[id]!, start[id + 1]!);
}

const rate = (numerator: number, denominator: number) => (denominator === 0 ? null : numerator / denominator);

function sliceScores(
  counters: Int32Array,
  id: number,
  margins: readonly (number | null)[],
  recoveries: readonly (number | null)[],
): SliceScores {
  const at = id * FIELDS;
  const kept = counters[at + KEPT]!;
  const overdue = counters[at + OVERDUE]!;
  const missedDone = counters[at + MISSED_DONE]!;
  const missed = missedDone + overdue;
  const recovered = counters[at + RECOVERED]!;
  const counts: ScoreCounts = {
    total: counters[at + TOTAL]!,
    open: counters[at + OPEN]!,
    atRisk: counters[at + AT_RISK]!,
    overdue,
    kept,
    overDelivered: counters[at + OVER_DELIVERED]!,
    missed,
    renegotiatedInTime: counters[at + RENEGOTIATED]!,
    closed: kept + missedDone,
    withMargin: counters[at + WITH_MARGIN]!,
    recovered,
  };
  return {
    counts,
    keepingRate: rate(kept, kept + missed),
    overDeliveryRate: rate(counts.overDelivered, kept + missed),
    medianMargin: margins[id] ?? null,
    recoveryRate: rate(recovered, missed),
    medianRecoveryMs: recoveries[id] ?? null,
  };
}

const EMPTY_COUNTERS = new Int32Array(FIELDS);
const emptyScores = () => sliceScores(EMPTY_COUNTERS, 0, [], []);

/**
 * The margin of one record: (D − done) ÷ (D − T) with D the effective due, in business minutes when the
 * commitment counts business time; null for amounts, records not done, and empty windows.
 */
export function recordMargin(
  record: DeliveryRecord,
  commitment: Commitment,
  calendar: BusinessCalendar,
): number | null {
  if (commitment.kind === 'amount' || record.doneAt === null) return null;
  const trigger = parseInstant(record.triggeredAt);
  const due = effectiveDueMs(record);
  const done = parseInstant(record.doneAt);
  if (Number.isNaN(trigger) || Number.isNaN(due) || Number.isNaN(done)) return null;
  const m = margin(commitment.businessTime, trigger, due, done, calendar);
  return Number.isNaN(m) ? null : m;
}

function margin(
  business: boolean,
  trigger: number,
  due: number,
  done: number,
  calendar: BusinessCalendar,
): number {
  if (business) {
    const window = businessMinutesBetween(trigger, due, calendar);
    return window > 0 ? businessMinutesBetween(done, due, calendar) / window : Number.NaN;
  }
  const window = due - trigger;
  return window > 0 ? (due - done) / window : Number.NaN;
}

// Period numbering: weeks since the ISO week of 1970-01-01, months as year × 12 + month − 1, quarters as
// year × 4 + quarter − 1; all of local day numbers.
const weekOfDay = (day: number) => Math.floor((day + 3) / 7);
const pad2 = (n: number) => String(n).padStart(2, '0');

function periodStartDay(g: PeriodGranularity, index: number): number {
  if (g === 'week') return index * 7 - 3;
  const month = g === 'month' ? index : index * 3;
  const year = Math.floor(month / 12);
  return daysFromCivil(year, month - year * 12 + 1, 1);
}

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

function periodIndexOf(g: PeriodGranularity, localDay: number): number {
  if (g === 'week') return weekOfDay(localDay);
  const month = monthIndexOfDay(localDay);
  return g === 'month' ? month : Math.floor(month / 3);
}

const GRANULARITIES: readonly PeriodGranularity[] = ['week', 'month', 'quarter'];

/**
 * Scores of `records` at `nowMs`: overall, by commitment, customer, deal and period (ISO week, month,
 * quarter of the trigger in the calendar's offset), and the per-period trend — every count, rate and
 * median as defined in this module's notes. One pass over the records plus linear-time medians.
 */
export function computeScores(input: ScoreInput): Scores {
  const { records, commitments, nowMs, atRiskShare, calendar } = input;
  const from = input.from ?? -Infinity;
  const to = input.to ?? Infinity;
  const offsetMs = calendar.utcOffsetMinutes * MINUTE_MS;

  // Completed recovery time per record: closedAt − openedAt of the case closed first.
  const closedOf = new Map<string, [closed: number, opened: number]>();
  for (const rc of input.recoveryCases) {
    if (rc.closedAt === null) continue;
    const closed = parseInstant(rc.closedAt);
    const opened = parseInstant(rc.openedAt);
    if (Number.isNaN(closed) || Number.isNaN(opened)) continue;
    const best = closedOf.get(rc.recordId);
    if (best === undefined || closed < best[0] || (closed === best[0] && opened > best[1]))
      closedOf.set(rc.recordId, [closed, opened]);
  }
  const recoveryOf = new Map<string, number>();
  for (const [recordId, [closed, opened]] of closedOf) recoveryOf.set(recordId, closed - opened);
  const hasRecoveries = recoveryOf.size > 0;

  // Slice ids: 0 = overall, then one per commitment, then customers, deals and periods as first seen.
  let sliceCount = 1;
  let counters = new Int32Array(FIELDS * 1_024);
  const newSlice = () => {
    const id = sliceCount++;
    if (sliceCount * FIELDS > counters.length) {
      const bigger = new Int32Array(counters.length * 2);
      bigger.set(counters);
      counters = bigger;
    }
    return id;
  };
  type Info = { commitment: Commitment; business: boolean; slice: number };
  const infos = new Map<string, Info>();
  for (const [id, commitment] of commitments)
    infos.set(id, {
      commitment,
      business: commitment.kind !== 'amount' && commitment.businessTime,
      slice: newSlice(),
    });
  const customers = new StringSlices();
  const deals = new StringSlices();
  // Period numbers of 1900–2199 are looked up in flat tables.
  const firstDay = daysFromCivil(1900, 1, 1);
  const weeks = new PeriodSlices(weekOfDay(firstDay), 300 * 53);
  const months = new PeriodSlices(1900 * 12, 300 * 12);
  const quarters = new PeriodSlices(1900 * 4, 300 * 4);
  const sliceIn = <K>(slices: { get(key: K): number | undefined; set(key: K, id: number): void }, key: K) => {
    let id = slices.get(key);
    if (id === undefined) {
      id = newSlice();
      slices.set(key, id);
    }
    return id;
  };

  const margins = new Samples();
  const recoveries = new Samples();
  const ids = new Int32Array(MAX_SLICES);
  const e = createEvaluation();
  let skipped = 0;

  for (let i = 0; i < records.length; i += 1) {
    const record = records[i]!;
    const info = infos.get(record.commitmentId);
    if (info === undefined) {
      skipped += 1;
      continue;
    }
    const commitment = info.commitment;
    evaluateRecord(record, commitment, nowMs, atRiskShare, calendar, e);
    const trigger = e.triggerMs;
    if (Number.isNaN(trigger) || Number.isNaN(e.dueMs)) {
      skipped += 1;
      continue;
    }
    if (!(trigger >= from && trigger < to)) continue;
    const code = e.code;

    // The slices of this record (period keys are small integers: fast map keys).
    const localDay = Math.floor((trigger + offsetMs) / DAY_MS);
    const month = monthIndexOfDay(localDay) | 0;
    ids[0] = 0;
    ids[1] = info.slice;
    ids[2] = sliceIn(weeks, weekOfDay(localDay) | 0);
    ids[3] = sliceIn(months, month);
    ids[4] = sliceIn(quarters, Math.floor(month / 3) | 0);
    ids[5] = record.customerId === null ? -1 : sliceIn(customers, record.customerId);
    ids[6] = record.dealId === null ? -1 : sliceIn(deals, record.dealId);

    const statusField = FIELD_OF_CODE[code]!;
    const reneg = e.renegotiatedInTime;
    for (let s = 0; s < MAX_SLICES; s += 1) {
      const id = ids[s]!;
      if (id < 0) continue;
      const at = id * FIELDS;
      counters[at + TOTAL]! += 1;
      counters[at + statusField]! += 1;
      if (statusField === OVER_DELIVERED) counters[at + KEPT]! += 1;
      if (reneg) counters[at + RENEGOTIATED]! += 1;
    }

    if (!Number.isNaN(e.doneMs) && commitment.kind !== 'amount') {
      const m = margin(info.business, trigger, e.dueMs, e.doneMs, calendar);
      if (!Number.isNaN(m)) {
        margins.add(m, info.slice, localDay, ids[5]!, ids[6]!);
        for (let s = 0; s < MAX_SLICES; s += 1) {
          const id = ids[s]!;
          if (id >= 0) counters[id * FIELDS + WITH_MARGIN]! += 1;
        }
      }
    }
    if (hasRecoveries && (code === STATUS_CODE.missed || code === STATUS_CODE.overdue)) {
      const ms = recoveryOf.get(record.id);
      if (ms !== undefined) {
        recoveries.add(ms, info.slice, localDay, ids[5]!, ids[6]!);
        for (let s = 0; s < MAX_SLICES; s += 1) {
          const id = ids[s]!;
          if (id >= 0) counters[id * FIELDS + RECOVERED]! += 1;
        }
      }
    }
  }

  // Medians, dimension by dimension (each sample is in exactly one slice of each dimension, or none).
  const marginMedians: (number | null)[] = new Array<number | null>(sliceCount).fill(null);
  const recoveryMedians: (number | null)[] = new Array<number | null>(sliceCount).fill(null);
  const most = Math.max(margins.values.length, recoveries.values.length);
  const buffer = new Float64Array(most);
  const slice = new Int32Array(most);
  for (const [samples, out] of [
    [margins, marginMedians],
    [recoveries, recoveryMedians],
  ] as const) {
    const key = (v: number, k: number) => samples.keys[v * KEYS + k]!;
    const dayOf = (v: number) => key(v, 1);
    const dimensions: ((v: number) => number)[] = [
      () => 0,
      (v) => key(v, 0),
      (v) => weeks.get(weekOfDay(dayOf(v)) | 0)!,
      (v) => months.get(monthIndexOfDay(dayOf(v)) | 0)!,
      (v) => quarters.get(Math.floor(monthIndexOfDay(dayOf(v)) / 3) | 0)!,
      (v) => key(v, 2),
      (v) => key(v, 3),
    ];
    for (const sliceOf of dimensions) mediansBySlice(samples, sliceOf, sliceCount, buffer, slice, out);
  }
  const scoresOf = (id: number) => sliceScores(counters, id, marginMedians, recoveryMedians);
  const byId = (slices: StringSlices) => {
    const out = new Map<string, SliceScores>();
    for (const key of slices.keys) out.set(key, scoresOf(slices.get(key)!));
    return out;
  };

  const byCommitment = new Map<string, SliceScores>();
  for (const [id, info] of infos) byCommitment.set(id, scoresOf(info.slice));

  const periodIds: Record<PeriodGranularity, PeriodSlices> = {
    week: weeks,
    month: months,
    quarter: quarters,
  };
  const byPeriod = {} as Record<PeriodGranularity, Map<string, PeriodScores>>;
  const trend = {} as Record<PeriodGranularity, PeriodScores[]>;
  const localDayOf = (ms: number) => Math.floor((ms + offsetMs) / DAY_MS);
  for (const g of GRANULARITIES) {
    const map = periodIds[g];
    const seen = map.keys();
    let lo = input.from !== undefined ? periodIndexOf(g, localDayOf(input.from)) : Infinity;
    let hi = input.to !== undefined ? periodIndexOf(g, localDayOf(input.to - 1)) : -Infinity;
    if (input.from === undefined) for (const k of seen) if (k < lo) lo = k;
    if (input.to === undefined) for (const k of seen) if (k > hi) hi = k;
    if (lo === Infinity) lo = hi;
    if (hi === -Infinity) hi = lo;
    const labelled = new Map<string, PeriodScores>();
    const series: PeriodScores[] = [];
    if (Number.isFinite(lo) && Number.isFinite(hi))
      for (let index = lo; index <= hi; index += 1) {
        const id = map.get(index);
        const scores: PeriodScores = {
          ...(id === undefined ? emptyScores() : scoresOf(id)),
          period: periodLabel(g, index),
          startMs: periodStartDay(g, index) * DAY_MS - offsetMs,
          endMs: periodStartDay(g, index + 1) * DAY_MS - offsetMs,
        };
        series.push(scores);
        if (id !== undefined) labelled.set(scores.period, scores);
      }
    byPeriod[g] = labelled;
    trend[g] = series;
  }

  return {
    overall: scoresOf(0),
    byCommitment,
    byCustomer: byId(customers),
    byDeal: byId(deals),
    byPeriod,
    trend,
    skipped,
  };
}
