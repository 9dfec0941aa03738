import type { Commitment } from '../charter/commitment';
import { recordStatus } from './status';
import type { RecordStatus, StatusOptions } from './status';
import type { DeliveryRecord } from './tracker';

/** One promise made to a customer, as their page lists it. */
export type CustomerPromise = {
  record: DeliveryRecord;
  /** Its commitment, or null when no charter version knows it any more. */
  commitment: Commitment | null;
  /** Its status at the time asked (status.ts); null when the commitment is unknown. */
  status: RecordStatus | null;
};

/** What a customer has been promised: every promise, newest first, and how many were kept and missed. */
export type CustomerPromises = {
  items: CustomerPromise[];
  /** kept + over-delivered. */
  kept: number;
  /** missed (done late) + overdue. */
  missed: number;
  /** open + at-risk. */
  open: number;
};

/**
 * The promises made to customer `customerId` among `records`, newest trigger first (ties: newest created
 * first), each with its status at `nowMs` by the rules of status.ts, and the counts: kept = kept +
 * over-delivered, missed = missed + overdue, open = open + at-risk (records of an unknown commitment are
 * listed but not counted).
 */
export function customerPromises(
  records: Iterable<DeliveryRecord>,
  customerId: string,
  commitmentOf: (record: DeliveryRecord) => Commitment | undefined,
  nowMs: number,
  options: StatusOptions,
): CustomerPromises {
  const result: CustomerPromises = { items: [], kept: 0, missed: 0, open: 0 };
  for (const record of records) {
    if (record.customerId !== customerId) continue;
    const commitment = commitmentOf(record) ?? null;
    const status = commitment && recordStatus(record, commitment, nowMs, options).status;
    if (status === 'kept' || status === 'over-delivered') result.kept += 1;
    else if (status === 'missed' || status === 'overdue') result.missed += 1;
    else if (status === 'open' || status === 'at-risk') result.open += 1;
    result.items.push({ record, commitment, status });
  }
  result.items.sort(
    (a, b) =>
      b.record.triggeredAt.localeCompare(a.record.triggeredAt) ||
      b.record.createdAt.localeCompare(a.record.createdAt),
  );
  return result;
}
