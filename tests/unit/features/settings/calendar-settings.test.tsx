// The business-calendar editor over a real workspace (fake-indexeddb): changes are saved only when valid,
// holidays can be added, removed and restored, and what is stored is what "business hours" then count.
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Locale } from '../../../../src/domain/common';
import { addBusinessTime, defaultBusinessCalendar } from '../../../../src/domain/tracker/business-calendar';
import { koreanHolidays } from '../../../../src/domain/tracker/korean-holidays';
import { CalendarSettings } from '../../../../src/features/settings/calendar-settings';
import { I18nProvider } from '../../../../src/lib/i18n';
import { WorkspaceContext } from '../../../../src/persistence/workspace-context';
import { loadWorkspace, uniqueName } from '../../persistence/harness';

async function setup(locale: Locale = 'en') {
  const workspace = await loadWorkspace(uniqueName('calendar-settings'));
  render(
    <WorkspaceContext.Provider value={workspace}>
      <I18nProvider locale={locale}>
        <CalendarSettings />
      </I18nProvider>
    </WorkspaceContext.Provider>,
  );
  return { workspace, user: userEvent.setup() };
}

describe('business calendar settings', () => {
  it('refuses a closing time before the opening time, says why, and stores nothing', async () => {
    const { workspace, user } = await setup();
    await user.clear(screen.getByLabelText('Closes at'));
    await user.type(screen.getByLabelText('Closes at'), '08:00');
    await user.click(screen.getByRole('button', { name: 'Save calendar' }));

    expect(await screen.findByText('must be later than the opening time')).toBeTruthy();
    expect(workspace.settings.calendar).toEqual(defaultBusinessCalendar);
  });

  it('saves working days, hours and a company day off, which business time then skips', async () => {
    const { workspace, user } = await setup();
    await user.click(screen.getByRole('checkbox', { name: 'Sat' }));
    await user.clear(screen.getByLabelText('Closes at'));
    await user.type(screen.getByLabelText('Closes at'), '17:00');
    await user.type(screen.getByLabelText('New holiday: date'), '2026-11-23');
    await user.type(screen.getByLabelText('New holiday: name'), 'Company day off');
    await user.click(screen.getByRole('button', { name: 'Add holiday' }));
    await user.click(screen.getByRole('button', { name: 'Save calendar' }));

    expect(await screen.findByText(/Calendar saved/)).toBeTruthy();
    const calendar = workspace.settings.calendar;
    expect(calendar.workingDays).toEqual(['mon', 'tue', 'wed', 'thu', 'fri', 'sat']);
    expect(calendar.closesAt).toBe('17:00');
    expect(calendar.holidays).toContainEqual({ date: '2026-11-23', name: 'Company day off' });
    expect(calendar.holidays.map((h) => h.date)).toEqual([...calendar.holidays.map((h) => h.date)].sort());
    // By hand: Saturday 21 Nov 2026 16:00 Seoul + 2 business hours → Sat 17:00 (1 h), Sunday off,
    // Monday 23 Nov off (company day), Tuesday 24 Nov 09:00 + 1 h = 10:00 Seoul = 01:00 UTC.
    const start = Date.parse('2026-11-21T07:00:00Z');
    expect(new Date(addBusinessTime(start, { value: 2, unit: 'hours' }, calendar)).toISOString()).toBe(
      '2026-11-24T01:00:00.000Z',
    );
  });

  it('removes a public holiday and restores the missing ones (in Korean)', async () => {
    const { workspace, user } = await setup('ko');
    const first = koreanHolidays[0]!;
    await user.click(screen.getByRole('button', { name: `${first.date} 삭제` }));
    await user.click(screen.getByRole('button', { name: '달력 저장' }));
    expect(workspace.settings.calendar.holidays).toHaveLength(koreanHolidays.length - 1);

    await user.click(screen.getByRole('button', { name: '빠진 한국 공휴일 추가' }));
    expect(screen.getByRole('status').textContent).toBe(
      '한국 공휴일 1일을 추가했습니다. 저장해야 적용됩니다.',
    );
    await user.click(screen.getByRole('button', { name: '달력 저장' }));
    expect(workspace.settings.calendar.holidays).toEqual(defaultBusinessCalendar.holidays);
    const table = screen.getByRole('table');
    expect(within(table).getAllByRole('row')).toHaveLength(koreanHolidays.length + 1);
  });

  it('names restored holidays in the interface language', async () => {
    const { workspace, user } = await setup('en');
    const first = koreanHolidays[0]!;
    await user.click(screen.getByRole('button', { name: `Remove ${first.date}` }));
    await user.click(screen.getByRole('button', { name: 'Add missing Korean public holidays' }));
    await user.click(screen.getByRole('button', { name: 'Save calendar' }));

    expect(workspace.settings.calendar.holidays[0]).toEqual({ date: first.date, name: first.name.en });
  });
});
