import { readInstantInto } from './civil-time';
import { renegotiationCounts } from './status';
import type { DeliveryRecord, RecoveryCase } from './tracker';

/**
 * Delivery records and their recovery cases read once for scoring: every instant as epoch milliseconds
 * in a column, the commitment, customer and deal ids numbered densely, and each record's completed
 * recovery time. It depends on the records and cases alone (not on the commitments, calendar, clock or
 * filters), so a screen builds it when its data changes and scores it as often as the filters change.
 * Reading the ISO text of every instant and looking records up by id are most of the cost of scoring a
 * million records; a table pays them once.
 */
export type RecordTable = {
  /** The number of rows: one per record, in the records' order. */
  readonly size: number;
  /** `triggeredAt`, epoch ms; NaN when unreadable. */
  readonly trigger: Float64Array;
  /** `dueAt` as fixed when the promise was made (D₀); NaN when unreadable. */
  readonly originalDue: Float64Array;
  /** The effective due (status.ts): `renegotiation.newDueAt` when it counts, else D₀. */
  readonly due: Float64Array;
  /** `doneAt`; NaN when not done or unreadable. */
  readonly done: Float64Array;
  /** `actual` (amount commitments); NaN when not entered. */
  readonly actual: Float64Array;
  /**
   * closedAt − openedAt of the record's completed recovery case that closed first (ties: the later
   * opened one); NaN when it has none. Whether it counts depends on the status (scoring.ts).
   */
  readonly recoveryMs: Float64Array;
  /** 1 when renegotiated strictly before D₀ (`renegotiationCounts`). */
  readonly renegotiatedInTime: Uint8Array;
  /** Row → index into `commitmentIds`. */
  readonly commitment: Int32Array;
  /** Row → index into `customerIds`, −1 when the record has no customer. */
  readonly customer: Int32Array;
  /** Row → index into `dealIds`, −1 when the record has no deal. */
  readonly deal: Int32Array;
  /** The distinct ids, in order of first appearance. */
  readonly commitmentIds: readonly string[];
  readonly customerIds: readonly string[];
  readonly dealIds: readonly string[];
};

/**
 * An empty array made for objects (strings, tuples) from the start. `[]` starts out made for small
 * integers and changes on the first object pushed; V8 then remembers that for the literal and throws
 * away the code it had optimized for the arrays made there before: in the second call, every call.
 */
function objectArray<T extends object | string>(): T[] {
  const array: (T | null)[] = [null];
  array.length = 0;
  return array as T[];
}

/** A cheap 32-bit hash of every character of `text` (FNV-1a), for the recovery look-up. */
function hashText(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h;
}

/**
 * Completed recovery time per record id: closedAt − openedAt of the case closed first (ties: the later
 * opened one). An open-addressing table over typed arrays with our own hash, in front of it a bit set of
 * the hashes (8 bits per case, small enough to stay in cache) that answers most look-ups of records
 * without a case at once; a Map would compare with key strings scattered all over memory.
 */
class RecoveryTable {
  private readonly mask: number;
  /** Per slot: the key's hash and its entry index + 1 (0 = empty slot), side by side. */
  private readonly slots: Int32Array;
  private readonly bitMask: number;
  private readonly bits: Int32Array;
  private readonly keys = objectArray<string>();
  private readonly closed: Float64Array;
  private readonly opened: Float64Array;
  constructor(capacity: number) {
    this.closed = new Float64Array(capacity);
    this.opened = new Float64Array(capacity);
    let size = 16;
    while (size < capacity * 2) size *= 2;
    this.mask = size - 1;
    this.slots = new Int32Array(size * 2);
    this.bitMask = size * 4 - 1;
    this.bits = new Int32Array(size / 8);
  }
  get size(): number {
    return this.keys.length;
  }
  /** The slot of `key`, or of the empty slot where it would go. */
  private find(key: string, hash: number): number {
    let i = hash & this.mask;
    for (;;) {
      const entry = this.slots[2 * i + 1]!;
      if (entry === 0 || (this.slots[2 * i] === hash && this.keys[entry - 1] === key)) return i;
      i = (i + 1) & this.mask;
    }
  }
  add(recordId: string, closed: number, opened: number): void {
    const hash = hashText(recordId);
    const slot = this.find(recordId, hash);
    const entry = this.slots[2 * slot + 1]! - 1;
    if (entry < 0) {
      this.slots[2 * slot] = hash;
      const index = this.keys.push(recordId) - 1;
      this.slots[2 * slot + 1] = index + 1;
      const bit = hash & this.bitMask;
      this.bits[bit >>> 5]! |= 1 << (bit & 31);
      this.closed[index] = closed;
      this.opened[index] = opened;
    } else if (
      closed < this.closed[entry]! ||
      (closed === this.closed[entry] && opened > this.opened[entry]!)
    ) {
      this.closed[entry] = closed;
      this.opened[entry] = opened;
    }
  }
  /** The recovery time of `recordId`, or NaN when it has no completed case. */
  recoveryMs(recordId: string): number {
    const hash = hashText(recordId);
    const bit = hash & this.bitMask;
    if ((this.bits[bit >>> 5]! & (1 << (bit & 31))) === 0) return Number.NaN;
    const entry = this.slots[2 * this.find(recordId, hash) + 1]! - 1;
    return entry < 0 ? Number.NaN : this.closed[entry]! - this.opened[entry]!;
  }
}

/** Dense numbering of ids in order of first appearance (a dictionary object: faster than a Map here). */
class Numbering {
  private readonly index = Object.create(null) as Record<string, number>;
  readonly ids = objectArray<string>();
  of(id: string): number {
    let n = this.index[id];
    if (n === undefined) {
      n = this.ids.push(id) - 1;
      this.index[id] = n;
    }
    return n;
  }
}

/** The table of `records` and `recoveryCases`: one row per record, in order (see `RecordTable`). */
export function buildRecordTable(
  records: readonly DeliveryRecord[],
  recoveryCases: readonly RecoveryCase[],
): RecordTable {
  return fillTable(records, recoveryCases, new ArrayBuffer(records.length * ROW_BYTES), records.length);
}

/**
 * The same table in columns reused from one call to the next, for `computeScores` alone: valid only
 * until the next call, so nothing may keep it (a one-off score then allocates nothing per record: tens
 * of megabytes of fresh columns per call for a million records make V8 collect the whole heap far more
 * often). The columns only grow, to the most records scored at once.
 */
export function transientRecordTable(
  records: readonly DeliveryRecord[],
  recoveryCases: readonly RecoveryCase[],
): RecordTable {
  if (scratchRows < records.length) {
    scratchRows = Math.max(records.length, scratchRows * 2);
    scratch = new ArrayBuffer(scratchRows * ROW_BYTES);
  }
  return fillTable(records, recoveryCases, scratch, scratchRows);
}

// Bytes per row: six Float64 columns, three Int32 columns and one Uint8 column, in that order.
const ROW_BYTES = 6 * 8 + 3 * 4 + 1;
let scratch = new ArrayBuffer(0);
let scratchRows = 0;

/** Fills the columns in `buffer` (laid out for `capacity` rows) with the table of `records`. */
function fillTable(
  records: readonly DeliveryRecord[],
  recoveryCases: readonly RecoveryCase[],
  buffer: ArrayBuffer,
  capacity: number,
): RecordTable {
  const recoveries = recoveryTableOf(recoveryCases);
  const n = records.length;
  const f64 = capacity * 8;
  const i32 = 6 * f64;
  const commitments = new Numbering();
  const customers = new Numbering();
  const deals = new Numbering();
  const table: RecordTable = {
    size: n,
    trigger: new Float64Array(buffer, 0, n),
    originalDue: new Float64Array(buffer, f64, n),
    due: new Float64Array(buffer, 2 * f64, n),
    done: new Float64Array(buffer, 3 * f64, n),
    actual: new Float64Array(buffer, 4 * f64, n),
    recoveryMs: new Float64Array(buffer, 5 * f64, n),
    commitment: new Int32Array(buffer, i32, n),
    customer: new Int32Array(buffer, i32 + capacity * 4, n),
    deal: new Int32Array(buffer, i32 + capacity * 8, n),
    renegotiatedInTime: new Uint8Array(buffer, i32 + capacity * 12, n),
    commitmentIds: commitments.ids,
    customerIds: customers.ids,
    dealIds: deals.ids,
  };
  readRows(records, recoveries, table, commitments, customers, deals);
  return table;
}

/** The completed recovery cases by record id. */
function recoveryTableOf(recoveryCases: readonly RecoveryCase[]): RecoveryTable {
  const recoveries = new RecoveryTable(recoveryCases.length);
  const instants = new Float64Array(2); // closed, opened (readInstantInto: no number allocated)
  for (let i = 0; i < recoveryCases.length; i += 1) {
    const rc = recoveryCases[i]!;
    if (rc.closedAt === null) continue;
    readInstantInto(rc.closedAt, instants, 0);
    readInstantInto(rc.openedAt, instants, 1);
    const closed = instants[0]!;
    const opened = instants[1]!;
    if (!Number.isNaN(closed) && !Number.isNaN(opened)) recoveries.add(rc.recordId, closed, opened);
  }
  return recoveries;
}

/**
 * The row loop of `fillTable`, alone in its function (as the case loop above): code after a hot loop
 * that the first run has not reached yet makes the optimized loop bail out at its end, every call.
 */
function readRows(
  records: readonly DeliveryRecord[],
  recoveries: RecoveryTable,
  table: RecordTable,
  commitments: Numbering,
  customers: Numbering,
  deals: Numbering,
): void {
  const { trigger, originalDue, due, done, actual, recoveryMs, renegotiatedInTime } = table;
  const { commitment, customer, deal } = table;
  const hasRecoveries = recoveries.size > 0;
  // Instants go straight into their columns (readInstantInto): returned numbers would be allocated.
  for (let i = 0; i < records.length; i += 1) {
    const r = records[i]!;
    readInstantInto(r.triggeredAt, trigger, i);
    readInstantInto(r.dueAt, originalDue, i);
    const reneg = r.renegotiation;
    const inTime = reneg !== null && renegotiationCounts(reneg, originalDue[i]!);
    if (inTime) readInstantInto(reneg.newDueAt, due, i);
    else due[i] = originalDue[i]!;
    if (r.doneAt === null) done[i] = Number.NaN;
    else readInstantInto(r.doneAt, done, i);
    actual[i] = r.actual ?? Number.NaN;
    recoveryMs[i] = hasRecoveries ? recoveries.recoveryMs(r.id) : Number.NaN;
    renegotiatedInTime[i] = inTime ? 1 : 0;
    commitment[i] = commitments.of(r.commitmentId);
    customer[i] = r.customerId === null ? -1 : customers.of(r.customerId);
    deal[i] = r.dealId === null ? -1 : deals.of(r.dealId);
  }
}
