import type { Charter } from '../charter/charter';
import type { Locale } from '../common';
import type { BusinessCalendar } from '../tracker/business-calendar';
import { parseInstant } from '../tracker/civil-time';
import { recordStatus } from '../tracker/status';
import type { RecordStatus } from '../tracker/status';
import type { Customer, Deal, DeliveryRecord } from '../tracker/tracker';
import { encodeCell, formatLocalInstant } from './csv-cells';
import { CSV_COLUMNS, CSV_HEADERS } from './csv-columns';
import type { CsvColumn } from './csv-columns';

// Export: UTF-8 with a byte-order mark (Excel otherwise reads Korean as mojibake), CRLF line ends, RFC 4180
// quoting, a header row in the chosen language, instants in the business calendar's local time with their
// offset (`2026-03-03T14:05:00.000+09:00`: readable, exact, and not reformatted by Excel).

export type RecordsCsvInput = {
  records: readonly DeliveryRecord[];
  charters: readonly Charter[];
  customers: readonly Customer[];
  deals: readonly Deal[];
  /** Language of the header row. */
  locale: Locale;
  /** A status as the tracker shows it in that language (interface text: the status column is never read back). */
  statusWord: (status: RecordStatus) => string;
  /** The instant statuses are evaluated at (ISO 8601). */
  now: string;
  atRiskShare: number;
  calendar: BusinessCalendar;
};

/**
 * The CSV text of `records`: BOM, a header row in `locale`, one CRLF-terminated line per record with the
 * columns of CSV_COLUMNS (names looked up by id; status = recordStatus at `now`; instants in the calendar's
 * local time with offset; status in `statusWord`), every cell guarded against formulas and quoted per RFC 4180.
 */
export function recordsToCsv(input: RecordsCsvInput): string {
  const { locale, calendar } = input;
  const charters = new Map(input.charters.map((c) => [c.id, c]));
  const customers = new Map(input.customers.map((c) => [c.id, c]));
  const deals = new Map(input.deals.map((d) => [d.id, d]));
  const nowMs = parseInstant(input.now);
  const instant = (iso: string | null) =>
    iso === null ? '' : formatLocalInstant(parseInstant(iso), calendar);
  const lines = [CSV_COLUMNS.map((c) => encodeCell(CSV_HEADERS[c][locale])).join(',')];
  for (const record of input.records) {
    const charter = charters.get(record.charterId);
    const commitment = charter?.commitments.find((c) => c.id === record.commitmentId);
    const status = commitment
      ? recordStatus(record, commitment, nowMs, { atRiskShare: input.atRiskShare, calendar }).status
      : null;
    const cells: Record<CsvColumn, string> = {
      id: record.id,
      charter: charter?.title ?? '',
      commitment: commitment?.what ?? '',
      customer: record.customerId === null ? '' : (customers.get(record.customerId)?.name ?? ''),
      deal: record.dealId === null ? '' : (deals.get(record.dealId)?.product ?? ''),
      summary: record.summary,
      triggeredAt: instant(record.triggeredAt),
      dueAt: instant(record.dueAt),
      doneAt: instant(record.doneAt),
      actual: record.actual === null ? '' : String(record.actual),
      renegotiatedAt: instant(record.renegotiation?.at ?? null),
      newDueAt: instant(record.renegotiation?.newDueAt ?? null),
      status: status === null ? '' : input.statusWord(status),
      notes: record.notes,
      commitmentId: record.commitmentId,
      customerId: record.customerId ?? '',
      dealId: record.dealId ?? '',
      createdAt: instant(record.createdAt),
      updatedAt: instant(record.updatedAt),
    };
    lines.push(CSV_COLUMNS.map((c) => encodeCell(cells[c])).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
