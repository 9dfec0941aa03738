import type { Charter } from '../../domain/charter/charter';
import type { Commitment } from '../../domain/charter/commitment';
import { charterCommitments } from '../../domain/charter/publishing';
import type { DeliveryRecord } from '../../domain/tracker/tracker';
import type { Data } from '../../persistence/workspace';

/** The charter to score: the chosen one, else the one with the most records. */
export function pickCharterForScores(data: Data, chosenId: string | null): Charter | null {
  const charters = [...data.charters.values()];
  const chosen = charters.find((c) => c.id === chosenId);
  if (chosen) return chosen;
  const counts = new Map<string, number>();
  for (const r of data.deliveries.values()) counts.set(r.charterId, (counts.get(r.charterId) ?? 0) + 1);
  return (
    charters.sort(
      (a, b) => (counts.get(b.id) ?? 0) - (counts.get(a.id) ?? 0) || b.updatedAt.localeCompare(a.updatedAt),
    )[0] ?? null
  );
}

/** Every commitment records of `charter` may refer to (see charterCommitments). */
export function commitmentsOf(data: Data, charter: Charter): Map<string, Commitment> {
  return charterCommitments(charter, [...data.charterVersions.values()]);
}

/** The records logged against the charter `charterId`. */
export function recordsForCharter(data: Data, charterId: string): DeliveryRecord[] {
  return [...data.deliveries.values()].filter((r) => r.charterId === charterId);
}
