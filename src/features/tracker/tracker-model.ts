import type { Charter } from '../../domain/charter/charter';
import type { Commitment } from '../../domain/charter/commitment';
import { charterCommitments } from '../../domain/charter/charter-commitments';
import type { Settings } from '../../domain/settings';
import { recordStatus } from '../../domain/tracker/status';
import type { StatusResult } from '../../domain/tracker/status';
import type { DeliveryRecord } from '../../domain/tracker/tracker';

import type { Data } from '../../persistence/workspace';

/** The charter whose commitments the tracker logs against: the chosen one, else the most recently edited. */
export function pickCharter(data: Data, chosenId: string | null): Charter | null {
  const charters = [...data.charters.values()].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  return (
    charters.find((c) => c.id === chosenId) ??
    charters.find((c) => c.commitments.length > 0) ??
    charters[0] ??
    null
  );
}

/** Every commitment records of `charter` may refer to (see charterCommitments). */
export function commitmentsOf(data: Data, charter: Charter): Map<string, Commitment> {
  return charterCommitments(charter, [...data.charterVersions.values()]);
}

/** The records logged against `charter`, newest trigger first. */
export function recordsOf(data: Data, charter: Charter): DeliveryRecord[] {
  return [...data.deliveries.values()]
    .filter((r) => r.charterId === charter.id)
    .sort((a, b) => b.triggeredAt.localeCompare(a.triggeredAt));
}

/** The record's status at `nowMs`, or null when its commitment is unknown. */
export function statusOf(
  record: DeliveryRecord,
  commitments: Map<string, Commitment>,
  nowMs: number,
  settings: Settings,
): StatusResult | null {
  const commitment = commitments.get(record.commitmentId);
  if (!commitment) return null;
  return recordStatus(record, commitment, nowMs, {
    atRiskShare: settings.atRiskShare,
    calendar: settings.calendar,
  });
}
