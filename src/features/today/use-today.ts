import { useMemo } from 'react';
import type { Commitment } from '../../domain/charter/commitment';
import { charterCommitments } from '../../domain/charter/charter-commitments';
import { todayItems } from '../../domain/tracker/today';
import type { TodayItem } from '../../domain/tracker/today';
import type { Data } from '../../persistence/workspace';
import type { Settings } from '../../domain/settings';

/** Every commitment a record may refer to, over all charters and their published versions. */
export function allCommitments(data: Data): Map<string, Commitment> {
  const versions = [...data.charterVersions.values()];
  const all = new Map<string, Commitment>();
  for (const charter of data.charters.values())
    for (const [id, c] of charterCommitments(charter, versions)) all.set(id, c);
  return all;
}

/** The Today items of the stored data at `nowMs` (domain/tracker/today.ts), recomputed when either changes. */
export function useTodayItems(data: Data, settings: Settings, nowMs: number): TodayItem[] {
  const commitments = useMemo(() => allCommitments(data), [data]);
  const deals = useMemo(() => [...data.deals.values()], [data]);
  return useMemo(
    () =>
      todayItems({
        nowMs,
        calendar: settings.calendar,
        atRiskShare: settings.atRiskShare,
        commitments,
        charters: data.charters,
        records: data.deliveries.values(),
        recoveryCases: data.recoveryCases.values(),
        deals,
        recordById: (id) => data.deliveries.get(id),
      }),
    [data, settings, nowMs, commitments, deals],
  );
}
