import type { Charter, PublishedCharter } from '../charter/charter';
import { describeCommitment } from '../charter/commitment-text';
import { charterCommitments } from '../charter/charter-commitments';
import type { Settings } from '../settings';
import type { Commitment } from '../charter/commitment';
import type { Message } from '../text/message';
import { computeScores } from './scoring';
import { dueAtFor } from './status';
import type { DeliveryRecord, RecoveryCase } from './tracker';

/** One line of a shared track record: the commitment as the customer reads it, and kept of (kept + missed). */
export type TrackRecordLine = { label: string; kept: number; total: number };

const DAY_MS = 86_400_000;

/**
 * The charter's record over the `days` before `nowMs` (or from `from` to `to`, instants, when given), per
 * commitment of its current text: kept and kept + missed, from computeScores (the same numbers as the
 * dashboard and `charter score`), records triggered in the window. `say` words a message in the charter's
 * language (a line's label is printed in the PDF and carried as text in a share link).
 */
export function trackRecordOf(input: {
  charter: Charter;
  versions: readonly PublishedCharter[];
  records: readonly DeliveryRecord[];
  recoveryCases: readonly RecoveryCase[];
  settings: Settings;
  nowMs: number;
  days: number;
  from?: number;
  to?: number;
  say: (message: Message) => string;
}): { periodDays: number; rows: TrackRecordLine[] } {
  const { charter, settings, nowMs } = input;
  const to = input.to ?? nowMs;
  const from = input.from ?? to - input.days * DAY_MS;
  const days = Math.round((to - from) / DAY_MS);
  const scores = computeScores({
    records: input.records.filter((r) => r.charterId === charter.id),
    commitments: charterCommitments(charter, input.versions),
    recoveryCases: input.recoveryCases,
    nowMs,
    atRiskShare: settings.atRiskShare,
    calendar: settings.calendar,
    from,
    to,
  });
  return {
    periodDays: days,
    rows: charter.commitments.map((c) => {
      const counts = scores.byCommitment.get(c.id)?.counts;
      return {
        label: input.say(describeCommitment(c, charter.locale)),
        kept: counts?.kept ?? 0,
        total: (counts?.kept ?? 0) + (counts?.missed ?? 0),
      };
    }),
  };
}

/**
 * Rule 3's evidence for one commitment: of its closed records (done, or overdue and not done) among
 * `records`, how many a promise of `commitment` (as it is now) would have kept — a record counts as kept
 * when done no later than trigger + the commitment's current promised window (business time per the
 * commitment). Null when there are no closed records or the kind has no window.
 */
export function wouldHaveKept(
  commitment: Commitment,
  records: readonly DeliveryRecord[],
  settings: Settings,
  nowMs: number,
): { kept: number; closed: number } | null {
  if (commitment.kind !== 'within' && commitment.kind !== 'done') return null;
  let kept = 0;
  let closed = 0;
  for (const r of records) {
    if (r.commitmentId !== commitment.id) continue;
    const trigger = Date.parse(r.triggeredAt);
    const due = dueAtFor(commitment, trigger, settings.calendar);
    const done = r.doneAt === null ? null : Date.parse(r.doneAt);
    if (done === null && due > nowMs) continue; // still open, not yet late
    closed++;
    if (done !== null && done <= due) kept++;
  }
  return closed === 0 ? null : { kept, closed };
}
