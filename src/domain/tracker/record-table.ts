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

/** The recovery case that counts for a record: when it closed and how long it took (epoch ms). */
export type CountedRecovery = { readonly closedMs: number; readonly recoveryMs: number };

/**
 * Per record id, the completed case that closed first (ties: the later opened one); cases with an
 * unreadable instant are left out.
 */
export function countedRecoveries(recoveryCases: readonly RecoveryCase[]): Map<string, CountedRecovery> {
  const counted = new Map<string, CountedRecovery>();
  for (const rc of recoveryCases) {
    if (rc.closedAt === null) continue;
    const closedMs = parseInstant(rc.closedAt);
    const recoveryMs = closedMs - parseInstant(rc.openedAt);
    if (Number.isNaN(recoveryMs)) continue;
    const first = counted.get(rc.recordId);
    // Same closing instant: the later opened case took less time.
    if (
      first === undefined ||
      closedMs < first.closedMs ||
      (closedMs === first.closedMs && recoveryMs < first.recoveryMs)
    )
      counted.set(rc.recordId, { closedMs, recoveryMs });
  }
  return counted;
}

/** closedAt − openedAt per record id, of the case that counts (`countedRecoveries`). */
export function recoveryTimes(recoveryCases: readonly RecoveryCase[]): Map<string, number> {
  return new Map([...countedRecoveries(recoveryCases)].map(([id, counted]) => [id, counted.recoveryMs]));
}
