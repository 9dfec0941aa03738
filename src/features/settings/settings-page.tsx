import { useWorkspace, useWorkspaceState } from '../../persistence/workspace-context';
import type { PersistState } from '../../persistence/workspace';
import { downloadJson } from '../../lib/download';
import { nowIso } from '../../lib/id';
import { useI18n } from '../../lib/i18n';
import type { MessageKey } from '../../i18n/messages';
import { settingsSchema } from '../../domain/settings';
import { TextField } from '../../components/text-field';
import { RadioGroup } from '../../components/radio-group';
import { useState } from 'react';
import { BackupImport } from './backup-import';
import { CsvExchange } from './csv-exchange';
import { CalendarSettings } from './calendar-settings';
import { SyncSettings } from './sync-settings';
import { exportFilename } from '../../domain/interchange/file-names';

const persistMessage: Record<PersistState, MessageKey> = {
  granted: 'storage.persistGranted',
  denied: 'storage.persistDenied',
  unknown: 'storage.persistUnknown',
  unsupported: 'storage.persistUnsupported',
};

/** Interface language, storage status and backup export. */
export function SettingsPage() {
  const workspace = useWorkspace();
  const { data, persist } = useWorkspaceState();
  const { t } = useI18n();
  const language = workspace.settings.language;
  const [baseUrl, setBaseUrl] = useState(workspace.settings.publicBaseUrl);
  const baseUrlCheck = settingsSchema.shape.publicBaseUrl.safeParse(baseUrl);
  const saveBaseUrl = () => {
    if (baseUrlCheck.success)
      workspace.put('settings', { ...workspace.settings, publicBaseUrl: baseUrlCheck.data });
  };

  const choose = (value: string) =>
    workspace.put('settings', {
      ...workspace.settings,
      language: value === 'ko' || value === 'en' ? value : null,
    });
  // Says which file was saved: a download can land silently, and the user should know a copy exists.
  const [exported, setExported] = useState<string | null>(null);
  const exportBackup = () => {
    const now = nowIso();
    const file = exportFilename('backup', now, workspace.settings.calendar);
    downloadJson(file, workspace.toBackup(now));
    setExported(file);
  };

  return (
    <section className="page" aria-labelledby="settings-title">
      <h1 id="settings-title">{t('settings.title')}</h1>
      <section className="form" aria-labelledby="language-title">
        <h2 id="language-title">{t('language.label')}</h2>
        <RadioGroup
          label={t('language.label')}
          labelledBy="language-title"
          hint={t('settings.languageIntro')}
          options={[
            ['auto', t('settings.followBrowser')],
            ['ko', t('language.ko')],
            ['en', t('language.en')],
          ]}
          value={language ?? 'auto'}
          onChange={choose}
        />
      </section>
      <section aria-labelledby="storage-title" className="form">
        <h2 id="storage-title">{t('settings.storageTitle')}</h2>
        <p>{t('settings.storageIntro')}</p>
        <p>{t(persistMessage[persist])}</p>
        <p>
          {t('settings.counts', {
            charters: data.charters.size,
            customers: data.customers.size,
            records: data.deliveries.size,
          })}
        </p>
        <button type="button" className="button button--primary" onClick={exportBackup}>
          {t('storage.exportBackup')}
        </button>
        <p role="status" className="note">
          {exported && t('storage.exported', { file: exported })}
        </p>
      </section>
      <SyncSettings />
      <BackupImport />
      <CsvExchange />
      <CalendarSettings />
      <section aria-labelledby="sharing-title" className="form">
        <h2 id="sharing-title">{t('settings.sharingTitle')}</h2>
        <TextField
          label={t('settings.publicBaseUrl')}
          hint={t('settings.publicBaseUrlHint')}
          type="url"
          value={baseUrl}
          maxLength={300}
          onChange={(e) => setBaseUrl(e.target.value)}
          onBlur={saveBaseUrl}
          error={baseUrlCheck.success ? undefined : t('settings.publicBaseUrlError')}
        />
      </section>
    </section>
  );
}
