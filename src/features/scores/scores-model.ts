import type { Charter } from '../../domain/charter/charter';
import type { Commitment } from '../../domain/charter/commitment';
import { charterCommitments } from '../../domain/charter/charter-commitments';
import { startOfLocalDay } from '../../domain/tracker/business-calendar';
import type { BusinessCalendar } from '../../domain/tracker/business-calendar';
import { dayOfCalendarDate } from '../../domain/tracker/civil-time';
import type { RecordTable } from '../../domain/tracker/record-table';
import type { DeliveryRecord } from '../../domain/tracker/tracker';
import type { Data } from '../../persistence/workspace';
import type { I18n } from '../../lib/i18n';

/** A share as a percentage with one decimal (`66.7%`), or "no data" for null. */
export function percentText(i18n: I18n, share: number | null): string {
  return share === null ? i18n.t('scores.noData') : `${i18n.formatNumber(Math.round(share * 1000) / 10)}%`;
}

/**
 * A period's label (`2026-03`, `2026-Q1`, `2026-W10`, as the scores name periods) in words of the interface
 * language: "2026년 3월" / "Mar 2026", "2026년 1분기" / "Q1 2026", "2026년 10주차" / "Week 10, 2026".
 */
export function periodName(i18n: I18n, period: string): string {
  const month = /^(\d{4})-(\d{2})$/.exec(period);
  if (month)
    return new Intl.DateTimeFormat(i18n.locale === 'ko' ? 'ko-KR' : 'en-US', {
      year: 'numeric',
      month: 'short',
      timeZone: 'UTC',
    }).format(Date.UTC(Number(month[1]), Number(month[2]) - 1, 1));
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  if (quarter) return i18n.t('scores.periodQuarter', { year: quarter[1]!, quarter: quarter[2]! });
  const week = /^(\d{4})-W(\d{2})$/.exec(period);
  if (week) return i18n.t('scores.periodWeek', { year: week[1]!, week: Number(week[2]) });
  return period;
}

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
export function commitmentsOf(
  data: Pick<Data, 'charterVersions'>,
  charter: Charter,
): Map<string, Commitment> {
  return charterCommitments(charter, [...data.charterVersions.values()]);
}

/** The records logged against the charter `charterId`. */
export function recordsForCharter(data: Pick<Data, 'deliveries'>, charterId: string): DeliveryRecord[] {
  return [...data.deliveries.values()].filter((r) => r.charterId === charterId);
}

/** What the dashboard is narrowed to: '' means every commitment / customer; dates are `YYYY-MM-DD` or ''. */
export type ScoreFilters = {
  commitmentId: string;
  customerId: string;
  from: string;
  to: string;
};

export const noFilters: ScoreFilters = { commitmentId: '', customerId: '', from: '', to: '' };

/**
 * The [from, to) instants of the chosen local dates in `calendar` (the `to` date is included: the range
 * ends at the next local midnight); undefined for an empty or unreadable date.
 */
export function filterRangeMs(
  filters: ScoreFilters,
  calendar: BusinessCalendar,
): { from: number | undefined; to: number | undefined } {
  const start = (date: string, after = 0) => {
    const day = dayOfCalendarDate(date);
    return Number.isNaN(day) ? undefined : startOfLocalDay(day + after, calendar);
  };
  return { from: start(filters.from), to: start(filters.to, 1) };
}

/**
 * The records behind the numbers: those of the chosen commitment and customer triggered in [from, to)
 * (either bound may be open). `table` is the records' table, whose read triggers spare reading every
 * record's text again when a filter changes.
 */
export function recordsBehind(
  records: readonly DeliveryRecord[],
  table: RecordTable,
  filters: ScoreFilters,
  from: number | undefined,
  to: number | undefined,
): DeliveryRecord[] {
  return records.filter((r, i) => {
    const t = table.rows[i]!.times.triggerMs;
    return (
      (filters.commitmentId === '' || r.commitmentId === filters.commitmentId) &&
      (filters.customerId === '' || r.customerId === filters.customerId) &&
      (from === undefined || t >= from) &&
      (to === undefined || t < to)
    );
  });
}

/**
 * The customers that have records, as [id, display name] sorted by name; `customerIds` are the distinct
 * ids of the records (a record table's `customerIds`).
 */
export function customerOptions(
  data: Pick<Data, 'customers'>,
  customerIds: readonly string[],
): [string, string][] {
  return customerIds
    .map((id): [string, string] => {
      const c = data.customers.get(id);
      return [id, c ? [c.name, c.company].filter((s) => s.trim() !== '').join(' · ') || id : id];
    })
    .sort((a, b) => a[1].localeCompare(b[1]));
}
