import { describe, expect, it } from 'vitest';
import { exportFilename } from '../../../../src/domain/interchange/file-names';
import { defaultBusinessCalendar } from '../../../../src/domain/tracker/business-calendar';

describe('exported files are named after the day on the business calendar’s wall clock', () => {
  // 2026-12-05T16:00Z is 2026-12-06 01:00 in Seoul and 2026-12-05 11:00 in New York.
  const at = '2026-12-05T16:00:00.000Z';
  const newYork = { ...defaultBusinessCalendar, timeZone: 'America/New_York' };

  it('names a backup made at 01:00 in Seoul on 6 December by that date, not the UTC date', () => {
    expect(exportFilename('backup', at, defaultBusinessCalendar)).toBe(
      'service-charter-backup-2026-12-06.json',
    );
    expect(exportFilename('backup', at, newYork)).toBe('service-charter-backup-2026-12-05.json');
  });

  it('gives the stored-data rescue file and the records CSV their own names and extensions', () => {
    expect(exportFilename('stored-data', at, newYork)).toBe('service-charter-stored-data-2026-12-05.json');
    expect(exportFilename('records', at, defaultBusinessCalendar)).toBe(
      'service-charter-records-2026-12-06.csv',
    );
  });
});
