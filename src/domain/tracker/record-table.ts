import { parseInstant } from './civil-time';
import { recordTimes } from './status';
import type { RecordTimes } from './status';
import type { DeliveryRecord, RecoveryCase } from './tracker';

/** One delivery record read for scoring: its instants and flags, and the time its recovery took. */
export type RecordRow = {
  readonly record: DeliveryRecord;
  readonly times: RecordTimes;
  /**
   * closedAt − openedAt of the record's completed recovery case that closed first (ties: the later
   * opened one); null when it has none. Whether it counts depends on the status (scoring.ts).
   */
  readonly recoveryMs: number | null;
};

/**
 * Delivery records and their recovery cases read once for scoring. It depends on the records and cases
 * alone (not on the commitments, calendar, clock or filters), so a screen builds it when its data changes
 * and scores it as often as its filters change: reading every instant's text is most of a score's cost.
 */
export type RecordTable = {
  /** One row per record, in the records' order. */
  readonly rows: readonly RecordRow[];
  /** The distinct customer ids of the records, in order of first appearance. */
  readonly customerIds: readonly string[];
};

/** The table of `records` and `recoveryCases`: one row per record, in order (see `RecordTable`). */
export function buildRecordTable(
  records: readonly DeliveryRecord[],
  recoveryCases: readonly RecoveryCase[],
): RecordTable {
  const recoveries = recoveryTimes(recoveryCases);
  const customerIds = new Set<string>();
  for (const r of records) if (r.customerId !== null) customerIds.add(r.customerId);
  return { rows: records.map((r) => readRow(r, recoveries)), customerIds: [...customerIds] };
}

/** The row of `record`, given the `recoveryTimes` of the recovery cases. */
function readRow(record: DeliveryRecord, recoveries: ReadonlyMap<string, number>): RecordRow {
  return { record, times: recordTimes(record), recoveryMs: recoveries.get(record.id) ?? null };
}

/**
 * closedAt − openedAt per record id, of the completed case that closed first (ties: the later opened
 * one); cases with an unreadable instant are left out.
 */
export function recoveryTimes(recoveryCases: readonly RecoveryCase[]): Map<string, number> {
  const closedFirst = new Map<string, number>(); // closedAt of the case that counts, per record id
  const times = new Map<string, number>();
  for (const rc of recoveryCases) {
    if (rc.closedAt === null) continue;
    const closedMs = parseInstant(rc.closedAt);
    const openedMs = parseInstant(rc.openedAt);
    if (Number.isNaN(closedMs) || Number.isNaN(openedMs)) continue;
    const best = closedFirst.get(rc.recordId);
    // Same closing instant: the later opened case took less time.
    const counts =
      best === undefined ||
      closedMs < best ||
      (closedMs === best && closedMs - openedMs < times.get(rc.recordId)!);
    if (counts) {
      closedFirst.set(rc.recordId, closedMs);
      times.set(rc.recordId, closedMs - openedMs);
    }
  }
  return times;
}
