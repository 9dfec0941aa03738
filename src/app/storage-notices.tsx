import { Banner } from '../components/banner';
import { useWorkspace, useWorkspaceState } from '../persistence/workspace-context';
import { downloadJson } from '../lib/download';
import { defaultBusinessCalendar } from '../domain/tracker/business-calendar';
import { nowIso } from '../lib/id';
import { useI18n } from '../lib/i18n';
import { exportFilename } from '../domain/interchange/file-names';

/** The banners that tell the user their work is not saved, or clashed with another tab. */
export function StorageNotices() {
  const workspace = useWorkspace();
  const { save } = useWorkspaceState();
  const { t } = useI18n();
  const exportBackup = async () => {
    // Right after startup the older promise records may still be on their way in: the backup waits for them.
    await workspace.whenLogComplete();
    const now = nowIso();
    downloadJson(exportFilename('backup', now, workspace.settings.calendar), workspace.toBackup(now));
  };

  if (save.kind === 'failed')
    return (
      <Banner
        tone="error"
        title={t('storage.failedTitle')}
        actions={
          <>
            <button type="button" className="button button--primary" onClick={() => void exportBackup()}>
              {t('storage.exportBackup')}
            </button>
            <button type="button" className="button" onClick={() => void workspace.retry()}>
              {t('storage.retry')}
            </button>
          </>
        }
      >
        <p>{t(`storage.${save.reason}`)}</p>
        <p>{t('storage.failedAdvice')}</p>
      </Banner>
    );
  if (save.kind === 'conflict')
    return (
      <Banner
        tone="warning"
        title={t('storage.conflictTitle')}
        actions={
          <>
            <button type="button" className="button" onClick={() => void workspace.resolveConflict('theirs')}>
              {t('storage.keepTheirs')}
            </button>
            <button type="button" className="button" onClick={() => void workspace.resolveConflict('mine')}>
              {t('storage.keepMine')}
            </button>
          </>
        }
      >
        <p>{t('storage.conflict', { count: save.items.length })}</p>
      </Banner>
    );
  return null;
}

/** Shown instead of the app when stored data fails validation: nothing is written, the raw data can be saved. */
export function DamagedStore() {
  const { loadErrors, storedRaw } = useWorkspaceState();
  const { t, tm } = useI18n();
  return (
    <section className="page" aria-labelledby="damaged-title">
      <h1 id="damaged-title">{t('storage.damagedTitle')}</h1>
      <p>{t('storage.damaged')}</p>
      <ul className="error-list">
        {loadErrors.map((error, index) => (
          <li key={index}>
            {t('errors.pathMessage', {
              path: error.path || t('errors.wholeFile'),
              message: tm(error.message),
            })}
          </li>
        ))}
      </ul>
      <button
        type="button"
        className="button button--primary"
        onClick={() =>
          downloadJson(
            // The stored settings are what cannot be read: the default calendar dates the file.
            exportFilename('stored-data', nowIso(), defaultBusinessCalendar),
            storedRaw,
          )
        }
      >
        {t('storage.downloadRaw')}
      </button>
    </section>
  );
}
