// Settings' backup export over a real workspace (fake-indexeddb): the file is downloaded and the page says
// which file was saved, in the interface language.
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Locale } from '../../../../src/domain/common';
import { SettingsPage } from '../../../../src/features/settings/settings-page';
import { I18nProvider } from '../../../../src/lib/i18n';
import { WorkspaceContext } from '../../../../src/persistence/workspace-context';
import { createCharter } from '../../factories';
import { loadWorkspace, seed, uniqueName } from '../../persistence/harness';
import { captureDownloads } from '../../capture-downloads';

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

async function exportBackup(locale: Locale) {
  const name = uniqueName('settings-page');
  await seed(name, 'charters', [createCharter({ id: 'charter-1', title: 'Alex Park’s service charter' })]);
  const workspace = await loadWorkspace(name);
  // 01:30 on 6 December in Seoul (the default calendar) is still 5 December in UTC.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-12-05T16:30:00.000Z'));
  const { files, click } = captureDownloads();
  render(
    <WorkspaceContext.Provider value={workspace}>
      <I18nProvider locale={locale}>
        <SettingsPage />
      </I18nProvider>
    </WorkspaceContext.Provider>,
  );
  const status = screen.getAllByRole('status').find((s) => s.textContent === '')!;
  await userEvent.click(
    screen.getByRole('button', { name: locale === 'ko' ? '백업 내보내기' : 'Export backup' }),
  );
  expect(click).toHaveBeenCalledOnce();
  expect(files).toHaveLength(1);
  const backup = JSON.parse(await files[0]!.text()) as { format: string; charters: { title: string }[] };
  return { status, backup };
}

describe('backup export', () => {
  it('says which file was saved', async () => {
    const { status, backup } = await exportBackup('en');
    expect(status).toHaveTextContent(
      'Saved service-charter-backup-2026-12-06.json: a copy of everything listed above. Keep it somewhere other than this phone or computer.',
    );
    expect(backup.charters.map((c) => c.title)).toEqual(['Alex Park’s service charter']);
  });

  it('in Korean', async () => {
    const { status } = await exportBackup('ko');
    expect(status).toHaveTextContent(
      'service-charter-backup-2026-12-06.json 파일로 저장했습니다. 위에 적힌 모든 것이 들어 있습니다. 이 기기가 아닌 다른 곳에도 보관해 두세요.',
    );
  });
});
