import type { Charter, PublishedCharter } from '../charter/charter';
import { describeCommitment } from '../charter/commitment-text';
import { charterCommitments } from '../charter/publishing';
import type { Settings } from '../settings';
import { computeScores } from './scoring';
import type { DeliveryRecord, RecoveryCase } from './tracker';

/** One line of a shared track record: the commitment as the customer reads it, and kept of (kept + missed). */
export type TrackRecordLine = { label: string; kept: number; total: number };

const DAY_MS = 86_400_000;

/**
 * The charter's record over the `days` before `nowMs`, per commitment of its current text: kept and
 * kept + missed, from computeScores (the same numbers as the dashboard), records triggered in the window.
 */
export function trackRecordOf(input: {
  charter: Charter;
  versions: readonly PublishedCharter[];
  records: readonly DeliveryRecord[];
  recoveryCases: readonly RecoveryCase[];
  settings: Settings;
  nowMs: number;
  days: number;
}): { periodDays: number; rows: TrackRecordLine[] } {
  const { charter, settings, nowMs, days } = input;
  const scores = computeScores({
    records: input.records.filter((r) => r.charterId === charter.id),
    commitments: charterCommitments(charter, input.versions),
    recoveryCases: input.recoveryCases,
    nowMs,
    atRiskShare: settings.atRiskShare,
    calendar: settings.calendar,
    from: nowMs - days * DAY_MS,
    to: nowMs,
  });
  return {
    periodDays: days,
    rows: charter.commitments.map((c) => {
      const counts = scores.byCommitment.get(c.id)?.counts;
      return {
        label: describeCommitment(c, charter.locale),
        kept: counts?.kept ?? 0,
        total: (counts?.kept ?? 0) + (counts?.missed ?? 0),
      };
    }),
  };
}
