import { useState } from 'react';
import type { ChangeEvent } from 'react';
import type { Backup } from '../../domain/interchange/backup';
import type { RestoreError } from '../../domain/interchange/errors';
import { planImport } from '../../domain/interchange/merge';
import type { ImportCollection, ImportMode } from '../../domain/interchange/merge';
import { restore } from '../../domain/interchange/restore';
import { useWorkspace } from '../../persistence/workspace-context';
import { nowIso } from '../../lib/id';
import { useI18n } from '../../lib/i18n';
import { TextField } from '../../components/text-field';
import type { MessageKey } from '../../i18n/messages';

const COLLECTIONS: readonly [ImportCollection, MessageKey][] = [
  ['charters', 'backup.collections.charters'],
  ['charterVersions', 'backup.collections.charterVersions'],
  ['customers', 'backup.collections.customers'],
  ['deals', 'backup.collections.deals'],
  ['deliveries', 'backup.collections.deliveries'],
  ['recoveryCases', 'backup.collections.recoveryCases'],
  ['settings', 'backup.collections.settings'],
];

type Stage =
  | { kind: 'idle' }
  | { kind: 'reading' }
  | { kind: 'invalid'; errors: RestoreError[] }
  | { kind: 'ready'; incoming: Backup; fileName: string }
  | { kind: 'importing' }
  | { kind: 'done'; written: number; deleted: number }
  | { kind: 'failed'; message: string };

/**
 * Backup import: the file goes through restore(), the user sees what would change and chooses merge or
 * replace, and only then is anything written — in one transaction, so a failure leaves everything as it was.
 */
export function BackupImport() {
  const workspace = useWorkspace();
  const { t, tm, formatNumber } = useI18n();
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });
  const [mode, setMode] = useState<ImportMode>('merge');

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setStage({ kind: 'reading' });
    const result = restore(await file.text());
    setStage(
      result.ok
        ? { kind: 'ready', incoming: result.backup, fileName: file.name }
        : { kind: 'invalid', errors: result.errors },
    );
  };

  const plan = stage.kind === 'ready' ? planImport(workspace.toBackup(nowIso()), stage.incoming, mode) : null;

  const confirm = async () => {
    if (!plan?.ok) return;
    setStage({ kind: 'importing' });
    const result = await workspace.importPlan(plan.backup);
    if (result.ok) setStage({ kind: 'done', written: result.written, deleted: result.deleted });
    else
      setStage({
        kind: 'failed',
        message:
          result.reason === 'invalid'
            ? result.errors.map((e) => `${e.path || t('errors.wholeFile')}: ${tm(e.message)}`).join('; ')
            : result.reason === 'newer-version'
              ? t('backup.newer')
              : t(`storage.${result.failure}`),
      });
  };

  return (
    <section aria-labelledby="import-title" className="form">
      <h2 id="import-title">{t('backup.importTitle')}</h2>
      <p>{t('backup.importIntro')}</p>
      <TextField
        id="backup-file"
        type="file"
        label={t('backup.chooseFile')}
        accept="application/json,.json"
        onChange={(e) => void choose(e)}
      />
      <div role="status">
        {stage.kind === 'reading' && t('backup.reading')}
        {stage.kind === 'importing' && t('backup.importing')}
        {stage.kind === 'done' && t('backup.done', { written: stage.written, deleted: stage.deleted })}
      </div>
      {stage.kind === 'invalid' && (
        <div role="alert">
          <p className="field__error">{t('backup.invalid', { count: stage.errors.length })}</p>
          <ul className="error-list">
            {stage.errors.map((e, i) => (
              <li key={i}>
                {t('errors.pathMessage', {
                  path: e.path || t('errors.wholeFile'),
                  message: tm(e.message),
                })}
              </li>
            ))}
          </ul>
        </div>
      )}
      {stage.kind === 'failed' && (
        <p role="alert" className="field__error">
          {t('backup.failed', { reason: stage.message })}
        </p>
      )}
      {stage.kind === 'ready' && plan && (
        <>
          <fieldset className="choices">
            <legend>{t('backup.mode')}</legend>
            {(['merge', 'replace'] as const).map((m) => (
              <label key={m} className="choice">
                <input
                  type="radio"
                  name="import-mode"
                  value={m}
                  checked={mode === m}
                  onChange={() => setMode(m)}
                />{' '}
                {t(`backup.modes.${m}`)}
              </label>
            ))}
          </fieldset>
          {plan.ok ? (
            <>
              <table className="diff">
                <caption>{t('backup.preview', { file: stage.fileName })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('backup.what')}</th>
                    <th scope="col">{t('backup.added')}</th>
                    <th scope="col">{t('backup.updated')}</th>
                    <th scope="col">{t('backup.unchanged')}</th>
                    <th scope="col">{t('backup.removed')}</th>
                  </tr>
                </thead>
                <tbody>
                  {COLLECTIONS.map(([c, key]) => (
                    <tr key={c}>
                      <th scope="row">{t(key)}</th>
                      <td>{formatNumber(plan.counts[c].added)}</td>
                      <td>{formatNumber(plan.counts[c].updated)}</td>
                      <td>{formatNumber(plan.counts[c].unchanged)}</td>
                      <td>{formatNumber(plan.counts[c].removed)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {plan.conflicts > 0 && (
                <p className="warning">{t('backup.conflicts', { count: plan.conflicts })}</p>
              )}
              <div className="toolbar">
                <button type="button" className="button button--primary" onClick={() => void confirm()}>
                  {t(mode === 'replace' ? 'backup.confirmReplace' : 'backup.confirmMerge')}
                </button>
                <button type="button" className="button" onClick={() => setStage({ kind: 'idle' })}>
                  {t('templates.cancel')}
                </button>
              </div>
            </>
          ) : (
            <ul className="error-list" role="alert">
              {plan.errors.map((e, i) => (
                <li key={i}>
                  {t('errors.pathMessage', {
                    path: e.path || t('errors.wholeFile'),
                    message: tm(e.message),
                  })}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
