import { describe, expect, it } from 'vitest';
import { createI18n } from '../../../src/lib/i18n';

describe('dates on the business calendar’s wall clock, whatever the browser’s zone', () => {
  it('shows a due time in the calendar’s zone', () => {
    const seoul = createI18n('en', 'Asia/Seoul');
    const newYork = createI18n('en', 'America/New_York');
    expect(seoul.formatDate('2026-12-05T16:00:00.000Z', 'datetime')).toBe('Dec 6, 2026, 1:00 AM');
    expect(newYork.formatDate('2026-12-05T16:00:00.000Z', 'datetime')).toBe('Dec 5, 2026, 11:00 AM');
  });
});
