import { parseInstant } from './civil-time';
import { recordTimes } from './status';
import type { RecordTimes } from './status';
import type { DeliveryRecord, RecoveryCase } from './tracker';

/** One delivery record read for scoring: its instants and flags. */
export type RecordRow = { readonly record: DeliveryRecord; readonly times: RecordTimes };

/**
 * Delivery records and their recovery cases read once for scoring. It depends on the records and cases
 * alone (not on the commitments, calendar, clock or filters), so a screen builds it when its data changes
 * and scores it as often as its filters change: reading every instant's text is most of a score's cost.
 */
export type RecordTable = {
  /** One row per record, in the records' order. */
  readonly rows: readonly RecordRow[];
  /**
   * Per record id, the time its recovery took (`recoveryTimes` of the cases); whether it counts depends on
   * the record's status (scoring.ts).
   */
  readonly recoveryTimes: ReadonlyMap<string, number>;
  /** The distinct customer ids of the records, in order of first appearance. */
  readonly customerIds: readonly string[];
};

/** The table of `records` and `recoveryCases`: one row per record, in order (see `RecordTable`). */
export function buildRecordTable(
  records: readonly DeliveryRecord[],
  recoveryCases: readonly RecoveryCase[],
): RecordTable {
  const customerIds = new Set<string>();
  for (const r of records) if (r.customerId !== null) customerIds.add(r.customerId);
  return {
    rows: records.map((record) => ({ record, times: recordTimes(record) })),
    recoveryTimes: recoveryTimes(recoveryCases),
    customerIds: [...customerIds],
  };
}

/**
 * closedAt − openedAt per record id, of the completed case that closed first (ties: the later opened
 * one); cases with an unreadable instant are left out.
 */
export function recoveryTimes(recoveryCases: readonly RecoveryCase[]): Map<string, number> {
  // Per record id, the recovery time and the closing instant of the case that counts so far.
  const took = new Map<string, number>();
  const closedAt = new Map<string, number>();
  for (const rc of recoveryCases) {
    if (rc.closedAt === null) continue;
    const closedMs = parseInstant(rc.closedAt);
    const recoveryMs = closedMs - parseInstant(rc.openedAt);
    if (Number.isNaN(recoveryMs)) continue;
    const first = closedAt.get(rc.recordId);
    // Same closing instant: the later opened case took less time.
    if (
      first === undefined ||
      closedMs < first ||
      (closedMs === first && recoveryMs < took.get(rc.recordId)!)
    ) {
      took.set(rc.recordId, recoveryMs);
      closedAt.set(rc.recordId, closedMs);
    }
  }
  return took;
}
