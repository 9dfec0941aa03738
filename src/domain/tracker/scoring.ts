import type { Commitment } from '../charter/commitment';
import { businessClock } from './business-calendar';
import type { BusinessCalendar } from './business-calendar';
import { civilFromDays, DAY_MS, daysFromCivil, MINUTE_MS, monthIndexOfDay, parseInstant } from './civil-time';
import { transientRecordTable } from './record-table';
import type { RecordTable } from './record-table';
import { effectiveDueMs, STATUS_CODE, STATUS_SLOT, STATUS_SLOTS, statusCode, statusRule } from './status';
import type { StatusRule } from './status';
import type { DeliveryRecord, RecoveryCase } from './tracker';

/*
 * Promise-versus-delivery scores, defined exactly. Every record is classified by the rules of status.ts
 * (`recordStatus`, `statusCode`) at `nowMs`; a slice is any set of records (whole charter, one
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
  /**
   * Records of the chosen commitment and customer (all without those filters) left out because their
   * commitment is unknown or their instants cannot be read, whatever their trigger's from/to.
   */
  skipped: number;
};

// ---------------------------------------------------------------------------------------------------
// Implementation. Every slice gets a dense integer id (0 = overall) and its counters live in one
// Int32Array; the per-record work is a few look-ups and array increments, with no per-record allocation.
// Margins and recovery times go to flat typed arrays together with the ids of their slices, and are
// grouped per slice one dimension at a time (the counters already say how many values each slice has)
// for linear-time medians (quickselect). The pass reads the record table's columns (record-table.ts)
// and never touches a record object: the records' instants, ids and recovery look-ups cost more than all
// the counting, and a table pays for them once. Its own
// tables are small enough to stay in cache.

// Counter fields of a slice: one per status (so the total is their sum; KEPT_ONLY counts kept records
// that are not over-delivered), then the flags.
const OPEN = 0;
const AT_RISK = 1;
const OVERDUE = 2;
const KEPT_ONLY = 3;
const OVER_DELIVERED = 4;
const MISSED_DONE = 5;
const RENEGOTIATED = 6;
const WITH_MARGIN = 7;
const RECOVERED = 8;
const FIELDS = 9;

// Dimensions of the slices a record belongs to, besides the overall one (the order of `ids` below).
const COMMITMENT = 0;
const WEEK = 1;
const MONTH = 2;
const QUARTER = 3;
const CUSTOMER = 4;
const DEAL = 5;
const DIMENSIONS = 6;

/** Counter field incremented for each status code. */
const FIELD_OF_CODE: readonly number[] = (() => {
  const fields: number[] = [];
  fields[STATUS_CODE.open] = OPEN;
  fields[STATUS_CODE['at-risk']] = AT_RISK;
  fields[STATUS_CODE.overdue] = OVERDUE;
  fields[STATUS_CODE.kept] = KEPT_ONLY;
  fields[STATUS_CODE['over-delivered']] = OVER_DELIVERED;
  fields[STATUS_CODE.missed] = MISSED_DONE;
  return fields;
})();

/**
 * Sample values (margins or recovery times) with the slice ids of each value in every dimension
 * (−1 = none), one array per dimension so that grouping by a dimension reads one contiguous array. The
 * arrays are kept between calls and only ever grow: fresh multi-megabyte ArrayBuffers on every call
 * count as external memory and make V8 collect the whole heap (the records included) far more often.
 * Safe because `computeScores` runs to completion without calling out.
 */
class Samples {
  values = new Float64Array(1_024);
  slices: Int32Array[] = Array.from({ length: DIMENSIONS }, () => new Int32Array(1_024));
  length = 0;
  /**
   * Room for `capacity` values, made before the counting pass: growing during it would replace arrays
   * that its optimized code takes as fixed, and throw that code away.
   */
  reserve(capacity: number): void {
    while (this.values.length < capacity) this.grow();
  }
  add(value: number, ids: Int32Array): void {
    const n = this.length;
    if (n === this.values.length) this.grow();
    this.values[n] = value;
    const slices = this.slices;
    for (let d = 0; d < DIMENSIONS; d += 1) slices[d]![n] = ids[d + 1]!;
    this.length = n + 1;
  }
  private grow(): void {
    const values = new Float64Array(this.values.length * 2);
    values.set(this.values);
    this.values = values;
    this.slices = this.slices.map((old) => {
      const slices = new Int32Array(old.length * 2);
      slices.set(old);
      return slices;
    });
  }
}
const marginSamples = new Samples();
const recoverySamples = new Samples();
let medianBuffer = new Float64Array(1_024);

/** Rows with a recovery time: at most that many recovery samples. */
function countRecoveries(table: RecordTable): number {
  let n = 0;
  for (let i = 0; i < table.size; i += 1) if (!Number.isNaN(table.recoveryMs[i]!)) n += 1;
  return n;
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
 * it. Floyd–Rivest selection: the pivot is the value of rank k in a sample around k, found first, so
 * that each partition splits close to k (about 1.5 comparisons per value where quickselect with a
 * median-of-three pivot needs nearly 3). After too many rounds the rest is sorted: never worse than
 * n log n.
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
    if (hi - lo > 600) {
      // Select in the sample range [from, to] around k first: it leaves its own rank-k value at a[k].
      const n = hi - lo + 1;
      const i = k - lo + 1;
      const z = Math.log(n);
      const size = 0.5 * Math.exp((2 * z) / 3);
      const spread = 0.5 * Math.sqrt((z * size * (n - size)) / n) * Math.sign(i - n / 2);
      select(
        a,
        Math.max(lo, Math.floor(k - (i * size) / n + spread)),
        Math.min(hi, Math.floor(k + ((n - i) * size) / n + spread)),
        k,
      );
    }
    // Partition a[lo … hi] around t = a[k]; afterwards a[j] = t, smaller-or-equal before, larger-or-equal after.
    const t = a[k]!;
    let x = a[lo]!;
    a[lo] = t;
    a[k] = x;
    if (a[hi]! > t) {
      x = a[hi]!;
      a[hi] = a[lo]!;
      a[lo] = x;
    }
    let i = lo;
    let j = hi;
    while (i < j) {
      x = a[i]!;
      a[i] = a[j]!;
      a[j] = x;
      i += 1;
      j -= 1;
      while (a[i]! < t) i += 1;
      while (a[j]! > t) j -= 1;
    }
    if (a[lo] === t) {
      x = a[lo]!;
      a[lo] = a[j]!;
      a[j] = x;
    } else {
      j += 1;
      x = a[j]!;
      a[j] = a[hi]!;
      a[hi] = x;
    }
    if (j <= k) lo = j + 1;
    if (k <= j) hi = j - 1;
  }
}

/** Median of a[from … to − 1] (reorders that range); null when empty. */
function medianOfRange(a: Float64Array, from: number, to: number): number | null {
  const n = to - from;
  if (n <= 0) return null;
  const upper = from + (n >> 1);
  select(a, from, to - 1, upper);
  return n % 2 === 1 ? a[upper]! : (maxOfRange(a, from, upper) + a[upper]!) / 2;
}

/** The largest of a[from … to − 1] (to > from). */
function maxOfRange(a: Float64Array, from: number, to: number): number {
  let max = a[from]!;
  for (let i = from + 1; i < to; i += 1) if (a[i]! > max) max = a[i]!;
  return max;
}

/** The median of `values` — the middle value, or the mean of the two middle values for an even count; null when empty. */
export function median(values: readonly number[]): number | null {
  const a = Float64Array.from(values);
  return medianOfRange(a, 0, a.length);
}

/**
 * Medians per slice of `samples` into `out` (indexed by slice id). `countField` is the counter that
 * holds each slice's number of samples, `byDimension` the slice ids of each dimension. Per dimension:
 * one pass places every value in its slice's range of the buffer, then quickselect per slice.
 */
function mediansBySlice(
  samples: Samples,
  counters: Int32Array,
  countField: number,
  byDimension: readonly (readonly number[])[],
  out: (number | null)[],
): void {
  const n = samples.length;
  if (n === 0) return;
  if (medianBuffer.length < n) medianBuffer = new Float64Array(Math.max(n, medianBuffer.length * 2));
  const buffer = medianBuffer;
  buffer.set(samples.values.subarray(0, n));
  out[0] = medianOfRange(buffer, 0, n);
  const cursor = new Int32Array(out.length);
  for (let d = 0; d < DIMENSIONS; d += 1) {
    const ids = byDimension[d]!;
    let start = 0;
    for (const id of ids) {
      cursor[id] = start;
      start += counters[id * FIELDS + countField]!;
    }
    if (start === 0) continue;
    const slices = samples.slices[d]!;
    const values = samples.values;
    for (let v = 0; v < n; v += 1) {
      const id = slices[v]!;
      if (id >= 0) buffer[cursor[id]!++] = values[v]!;
    }
    // Each cursor now stands at the end of its slice's range.
    for (const id of ids) {
      const end = cursor[id]!;
      const count = counters[id * FIELDS + countField]!;
      if (count > 0) out[id] = medianOfRange(buffer, end - count, end);
    }
  }
}

const rate = (numerator: number, denominator: number) => (denominator === 0 ? null : numerator / denominator);

function sliceScores(
  counters: Int32Array,
  id: number,
  margins: readonly (number | null)[],
  recoveries: readonly (number | null)[],
): SliceScores {
  const at = id * FIELDS;
  const open = counters[at + OPEN]!;
  const atRisk = counters[at + AT_RISK]!;
  const overDelivered = counters[at + OVER_DELIVERED]!;
  const kept = counters[at + KEPT_ONLY]! + overDelivered;
  const overdue = counters[at + OVERDUE]!;
  const missedDone = counters[at + MISSED_DONE]!;
  const missed = missedDone + overdue;
  const recovered = counters[at + RECOVERED]!;
  const counts: ScoreCounts = {
    total: open + atRisk + overdue + kept + missedDone,
    open,
    atRisk,
    overdue,
    kept,
    overDelivered,
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
  const n = new Float64Array(STATUS_SLOTS);
  n[STATUS_SLOT.trigger] = trigger;
  n[STATUS_SLOT.due] = due;
  n[STATUS_SLOT.done] = done;
  const m = margin(commitment.businessTime ? businessClock(calendar) : null, n);
  return Number.isNaN(m) ? null : m;
}

/**
 * The margin (see `recordMargin`) of the record whose trigger, effective due and done instants `n` holds
 * (`STATUS_SLOT`: numbers passed as arguments would each be allocated); `clock`: the calendar's
 * `businessClock` for business time, else null.
 */
function margin(clock: ((t: number) => number) | null, n: Float64Array): number {
  const trigger = n[STATUS_SLOT.trigger]!;
  const due = n[STATUS_SLOT.due]!;
  const done = n[STATUS_SLOT.done]!;
  if (clock !== null) {
    // businessMinutesBetween(trigger, due) and (done, due), with C(due) read once.
    const atDue = clock(due);
    const window = (atDue - clock(trigger)) / MINUTE_MS;
    return window > 0 ? (atDue - clock(done)) / MINUTE_MS / window : Number.NaN;
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

// Filter values of `Tally.scan` besides commitment and customer numbers: no filter, and an id that no row
// has.
const ANY = -2;
const NONE = -3;

/** Size of the direct-mapped cache from a local day number to its week, month and quarter slices. */
const DAY_CACHE = 4_096;

type CommitmentInfo = {
  commitment: Commitment;
  /** Its status rule, whose `clock` also measures its margins (null: plain time). */
  rule: StatusRule;
  timeKind: boolean;
  slice: number;
};

/**
 * The [key, slice id] of every key that has a slice (`slices[n]` = its id + 1), by slice id: slices are
 * made in order of first appearance.
 */
function keyedInOrder(slices: Int32Array, keys: readonly string[]): [string, number][] {
  const seen: [string, number][] = [];
  for (let n = 0; n < slices.length; n += 1) if (slices[n]! > 0) seen.push([keys[n]!, slices[n]! - 1]);
  return seen.sort((a, b) => a[1] - b[1]);
}

/**
 * The counting pass: slice ids, counters and samples for one `computeScores` call. A class with a small
 * hot method rather than one big function, so that the JIT optimizes the loop early and once.
 */
class Tally {
  // Slice ids: 0 = overall, then one per commitment, then periods, customers and deals as first seen.
  sliceCount = 1;
  counters: Int32Array;
  readonly byDimension: number[][] = Array.from({ length: DIMENSIONS }, () => []);
  readonly infos = new Map<string, CommitmentInfo>();
  /** Per commitment number of the table: its info, or undefined for an unknown commitment. */
  private readonly infoOf: (CommitmentInfo | undefined)[];
  /** Per customer (deal) number of the table: its slice id + 1, 0 = none yet. */
  private readonly customerSlices: Int32Array;
  private readonly dealSlices: Int32Array;
  // Period numbers of 1900–2199 are looked up in flat tables.
  readonly weeks = new PeriodSlices(weekOfDay(daysFromCivil(1900, 1, 1)), 300 * 53);
  readonly months = new PeriodSlices(1900 * 12, 300 * 12);
  readonly quarters = new PeriodSlices(1900 * 4, 300 * 4);
  // Local day → its week, month and quarter slices: the calendar arithmetic runs once per distinct day.
  private readonly dayTag = new Float64Array(DAY_CACHE).fill(Number.NaN);
  private readonly daySlices = new Int32Array(DAY_CACHE * 3);
  private readonly ids = new Int32Array(DIMENSIONS + 1); // overall, then the dimensions
  private readonly statusNumbers = new Float64Array(STATUS_SLOTS);
  skipped = 0;

  constructor(
    input: ScoreOptions,
    private readonly table: RecordTable,
  ) {
    // Room for every slice but an unusual number of periods: replacing the counters during the pass
    // would throw its optimized code away.
    const slices = 1 + input.commitments.size + table.customerIds.length + table.dealIds.length + 1_024;
    this.counters = new Int32Array(FIELDS * slices);
    for (const [id, commitment] of input.commitments)
      this.infos.set(id, {
        commitment,
        rule: statusRule(commitment, input.calendar),
        timeKind: commitment.kind !== 'amount',
        slice: this.newSlice(COMMITMENT),
      });
    this.infoOf = table.commitmentIds.map((id) => this.infos.get(id));
    this.customerSlices = new Int32Array(table.customerIds.length);
    this.dealSlices = new Int32Array(table.dealIds.length);
  }

  newSlice(dimension: number): number {
    const id = this.sliceCount++;
    if (this.sliceCount * FIELDS > this.counters.length) {
      const bigger = new Int32Array(this.counters.length * 2);
      bigger.set(this.counters);
      this.counters = bigger;
    }
    this.byDimension[dimension]!.push(id);
    return id;
  }

  private periodSlice(slices: PeriodSlices, key: number, dimension: number): number {
    let id = slices.get(key);
    if (id === undefined) {
      id = this.newSlice(dimension);
      slices.set(key, id);
    }
    return id;
  }

  /**
   * The slice of customer or deal number `n` of the table, made when first seen: `slices[n]` holds its
   * id + 1 (0 = none yet).
   */
  private keyedSlice(slices: Int32Array, n: number, dimension: number): number {
    const id = slices[n]!;
    if (id > 0) return id - 1;
    const slice = this.newSlice(dimension);
    slices[n] = slice + 1;
    return slice;
  }

  /** Customers with their slice ids, in order of first appearance among the counted records. */
  customers(): [string, number][] {
    return keyedInOrder(this.customerSlices, this.table.customerIds);
  }

  /** Deals with their slice ids, in order of first appearance among the counted records. */
  deals(): [string, number][] {
    return keyedInOrder(this.dealSlices, this.table.dealIds);
  }

  /** Index into `daySlices` of the week, month and quarter slices of a local day. */
  private dayIndex(localDay: number): number {
    const slot = localDay & (DAY_CACHE - 1);
    const at = slot * 3;
    if (this.dayTag[slot] !== localDay) {
      const month = monthIndexOfDay(localDay);
      this.dayTag[slot] = localDay;
      this.daySlices[at] = this.periodSlice(this.weeks, weekOfDay(localDay), WEEK);
      this.daySlices[at + 1] = this.periodSlice(this.months, month, MONTH);
      this.daySlices[at + 2] = this.periodSlice(this.quarters, Math.floor(month / 3), QUARTER);
    }
    return at;
  }

  /** Counts every row of the table that the input's filters keep (one pass). */
  scan(input: ScoreOptions): void {
    const { nowMs, atRiskShare, calendar } = input;
    const { table, ids, infoOf, daySlices } = this;
    const { trigger: triggers, originalDue, due: dues, done: dones, actual } = table;
    const from = input.from ?? -Infinity;
    const to = input.to ?? Infinity;
    // The number of the filter's commitment or customer in the table; ANY without a filter, NONE when the
    // table has no such id (no row has either: customers are −1 without one).
    const numberOf = (known: readonly string[], id: string | undefined) => {
      const n = id === undefined ? ANY : known.indexOf(id);
      return n === -1 ? NONE : n;
    };
    const onlyCommitment = numberOf(table.commitmentIds, input.commitmentId);
    const onlyCustomer = numberOf(table.customerIds, input.customerId);
    const offsetMs = calendar.utcOffsetMinutes * MINUTE_MS;
    // The numbers statusCode reads (see STATUS_SLOT), refilled per row.
    const n = this.statusNumbers;
    n[STATUS_SLOT.now] = nowMs;
    n[STATUS_SLOT.atRiskShare] = atRiskShare;
    const rows = table.size;
    for (let i = 0; i < rows; i += 1) {
      const c = table.commitment[i]!;
      const customer = table.customer[i]!;
      if (
        (onlyCommitment !== ANY && c !== onlyCommitment) ||
        (onlyCustomer !== ANY && customer !== onlyCustomer)
      )
        continue;
      const info = infoOf[c];
      const triggerMs = triggers[i]!;
      const dueMs = dues[i]!;
      if (info === undefined || Number.isNaN(triggerMs) || Number.isNaN(dueMs)) {
        this.skipped += 1;
        continue;
      }
      if (!(triggerMs >= from && triggerMs < to)) continue;
      const doneMs = info.timeKind ? dones[i]! : Number.NaN;
      n[STATUS_SLOT.trigger] = triggerMs;
      n[STATUS_SLOT.originalDue] = originalDue[i]!;
      n[STATUS_SLOT.due] = dueMs;
      n[STATUS_SLOT.done] = doneMs;
      n[STATUS_SLOT.actual] = actual[i]!;
      const code = statusCode(info.rule, n);

      // The slices of this record.
      const day = this.dayIndex(Math.floor((triggerMs + offsetMs) / DAY_MS));
      const deal = table.deal[i]!;
      ids[0] = 0;
      ids[1 + COMMITMENT] = info.slice;
      ids[1 + WEEK] = daySlices[day]!;
      ids[1 + MONTH] = daySlices[day + 1]!;
      ids[1 + QUARTER] = daySlices[day + 2]!;
      ids[1 + CUSTOMER] = customer < 0 ? -1 : this.keyedSlice(this.customerSlices, customer, CUSTOMER);
      ids[1 + DEAL] = deal < 0 ? -1 : this.keyedSlice(this.dealSlices, deal, DEAL);

      let hasMargin = 0;
      if (!Number.isNaN(doneMs)) {
        const m = margin(info.rule.clock, n);
        if (!Number.isNaN(m)) {
          marginSamples.add(m, ids);
          hasMargin = 1;
        }
      }
      let recovered = 0;
      if (code === STATUS_CODE.missed || code === STATUS_CODE.overdue) {
        const ms = table.recoveryMs[i]!;
        if (!Number.isNaN(ms)) {
          recoverySamples.add(ms, ids);
          recovered = 1;
        }
      }
      const statusField = FIELD_OF_CODE[code]!;
      const reneg = table.renegotiatedInTime[i]!;
      const counters = this.counters;
      // Most records only add to their status and margin counters: the rare flags get their own loop.
      for (let s = 0; s <= DIMENSIONS; s += 1) {
        const id = ids[s]!;
        if (id < 0) continue;
        const at = id * FIELDS;
        counters[at + statusField]! += 1;
        counters[at + WITH_MARGIN]! += hasMargin;
      }
      if ((reneg | recovered) !== 0)
        for (let s = 0; s <= DIMENSIONS; s += 1) {
          const id = ids[s]!;
          if (id < 0) continue;
          const at = id * FIELDS;
          counters[at + RENEGOTIATED]! += reneg;
          counters[at + RECOVERED]! += recovered;
        }
    }
  }
}

/**
 * Scores of the records (or their table) at `nowMs`: overall, by commitment, customer, deal and period
 * (ISO week, month, quarter of the trigger in the calendar's offset), and the per-period trend — every
 * count, rate and median as defined in this module's notes. One pass over the table plus linear-time
 * medians; plain records are first read into a table whose columns are reused from call to call.
 */
export function computeScores(input: ScoreInput): Scores {
  const offsetMs = input.calendar.utcOffsetMinutes * MINUTE_MS;
  marginSamples.length = 0;
  recoverySamples.length = 0;
  const table =
    input.table === undefined ? transientRecordTable(input.records, input.recoveryCases) : input.table;
  marginSamples.reserve(table.size);
  recoverySamples.reserve(countRecoveries(table));
  const tally = new Tally(input, table);
  tally.scan(input);
  const { sliceCount, counters, byDimension, infos } = tally;

  const marginMedians = new Array<number | null>(sliceCount).fill(null);
  const recoveryMedians = new Array<number | null>(sliceCount).fill(null);
  mediansBySlice(marginSamples, counters, WITH_MARGIN, byDimension, marginMedians);
  mediansBySlice(recoverySamples, counters, RECOVERED, byDimension, recoveryMedians);
  const scoresOf = (id: number) => sliceScores(counters, id, marginMedians, recoveryMedians);
  const byKey = (slices: readonly [string, number][]) =>
    new Map(slices.map(([key, id]) => [key, scoresOf(id)] as const));

  const byCommitment = new Map<string, SliceScores>();
  for (const [id, info] of infos) byCommitment.set(id, scoresOf(info.slice));

  const periodIds: Record<PeriodGranularity, PeriodSlices> = {
    week: tally.weeks,
    month: tally.months,
    quarter: tally.quarters,
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
    byCustomer: byKey(tally.customers()),
    byDeal: byKey(tally.deals()),
    byPeriod,
    trend,
    skipped: tally.skipped,
  };
}
