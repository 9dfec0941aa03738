import { useMemo, useState } from 'react';
import { trackRecordOf } from '../../domain/tracker/track-record';
import { CheckboxField } from '../../components/fields';
import { deflateRaw } from '../../persistence/compression';
import { useWorkspace, useWorkspaceState } from '../../persistence/workspace-context';
import { PdfFrame } from '../../components/pdf-frame';
import { usePdfDownload, usePdfLink, usePdfPreview } from '../../pdf/use-pdf';
import { pdfFilename } from '../../pdf/pdf-client';
import { useI18n } from '../../lib/i18n';
import './preview.css';
import { hrefOf } from '../../lib/routes';
import { charterMessage } from '../../i18n/charter-message';

/** The charter's real PDF, full size, with its download. */
export function PreviewPage({ charterId }: { charterId: string }) {
  const { data } = useWorkspaceState();
  const workspace = useWorkspace();
  const { t } = useI18n();
  const charter = data.charters.get(charterId) ?? null;
  const [withRecord, setWithRecord] = useState(false);
  const [now] = useState(() => Date.now());
  const trackRecord = useMemo(
    () =>
      charter && withRecord
        ? trackRecordOf({
            charter,
            versions: [...data.charterVersions.values()],
            records: [...data.deliveries.values()],
            recoveryCases: [...data.recoveryCases.values()],
            settings: workspace.settings,
            nowMs: now,
            days: 90,
            say: (message) => charterMessage(charter.locale, message),
          })
        : null,
    [charter, withRecord, data, workspace.settings, now],
  );
  // Every date in the PDF (and in its link) is a day of the owner's business calendar.
  const timeZone = workspace.settings.calendar.timeZone;
  const { link, pending } = usePdfLink(charter, workspace.settings.publicBaseUrl, deflateRaw, timeZone);
  const preview = usePdfPreview(charter, { trackRecord, link, hold: pending, timeZone });
  const [download, startDownload] = usePdfDownload(charter, { trackRecord, link, timeZone });
  if (!charter)
    return (
      <section className="page" aria-labelledby="preview-title">
        <h1 id="preview-title">{t('editor.notFound')}</h1>
        <a href={hrefOf({ name: 'charters' })}>{t('editor.back')}</a>
      </section>
    );
  const title = charter.title.trim() || t('charters.untitled');
  return (
    <section className="page page--wide" aria-labelledby="preview-title">
      <p>
        <a href={hrefOf({ name: 'editor', charterId: charter.id, step: 'service-level' })}>
          ← {t('preview.backToEditor')}
        </a>
      </p>
      <div className="page__header">
        <h1 id="preview-title">{title}</h1>
        <div className="toolbar">
          <button
            type="button"
            className="button button--primary"
            onClick={() => void startDownload()}
            disabled={download.busy || pending}
          >
            {t('preview.download')}
          </button>
        </div>
      </div>
      <CheckboxField
        label={t('preview.withRecord')}
        checked={withRecord}
        onChange={(e) => setWithRecord(e.target.checked)}
      />
      <div role="status" className="toolbar">
        {download.busy && (
          <>
            <progress aria-label={t('preview.preparing')} /> {t('preview.preparing')}
          </>
        )}
      </div>
      {download.error && (
        <p role="alert" className="field__error">
          {t('preview.failed', { reason: download.error })}
        </p>
      )}
      <PdfFrame
        url={preview.url}
        pages={preview.pages}
        fileName={pdfFilename(charter.owner.name, charter.version)}
        title={t('preview.frameTitle', { title })}
        updating={preview.updating}
        updatingLabel={t('preview.updating')}
        error={preview.error ? t('preview.failed', { reason: preview.error }) : null}
        emptyLabel={t('preview.empty')}
      />
    </section>
  );
}
