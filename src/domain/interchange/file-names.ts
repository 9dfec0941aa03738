import { localDateOf } from '../tracker/business-calendar';
import type { BusinessCalendar } from '../tracker/business-calendar';

/** What an exported file holds, and so its name and extension. */
export type ExportKind = 'backup' | 'stored-data' | 'records';

const EXTENSION: Record<ExportKind, string> = { backup: 'json', 'stored-data': 'json', records: 'csv' };

/**
 * `service-charter-<kind>-<date>.<ext>` for a file exported at instant `iso`, the date read on the calendar's
 * wall clock (an export made at 01:00 in Seoul is named after that Seoul day, not the UTC one).
 */
export function exportFilename(kind: ExportKind, iso: string, calendar: BusinessCalendar): string {
  return `service-charter-${kind}-${localDateOf(Date.parse(iso), calendar)}.${EXTENSION[kind]}`;
}
