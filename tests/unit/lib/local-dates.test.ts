import { describe, expect, it } from 'vitest';
import { backupFilename } from '../../../src/lib/download';
import { createI18n } from '../../../src/lib/i18n';
import { defaultBusinessCalendar } from '../../../src/domain/tracker/business-calendar';

describe('dates on the business calendar’s wall clock, whatever the browser’s zone', () => {
  it('names a backup made at 01:00 in Seoul on 6 December by that date, not the UTC date', () => {
    // 2026-12-05T16:00Z is 2026-12-06 01:00 in Seoul.
    expect(backupFilename('2026-12-05T16:00:00.000Z', defaultBusinessCalendar)).toBe(
      'service-charter-backup-2026-12-06.json',
    );
    const newYork = { ...defaultBusinessCalendar, timeZone: 'America/New_York' };
    expect(backupFilename('2026-12-05T16:00:00.000Z', newYork)).toBe(
      'service-charter-backup-2026-12-05.json',
    );
    expect(backupFilename('2026-12-05T16:00:00.000Z', newYork, 'stored-data')).toBe(
      'service-charter-stored-data-2026-12-05.json',
    );
  });

  it('shows a due time in the calendar’s zone', () => {
    const seoul = createI18n('en', 'Asia/Seoul');
    const newYork = createI18n('en', 'America/New_York');
    expect(seoul.formatDate('2026-12-05T16:00:00.000Z', 'datetime')).toBe('Dec 6, 2026, 1:00 AM');
    expect(newYork.formatDate('2026-12-05T16:00:00.000Z', 'datetime')).toBe('Dec 5, 2026, 11:00 AM');
  });
});
