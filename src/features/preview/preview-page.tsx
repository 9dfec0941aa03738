import { useWorkspaceState } from '../../persistence/workspace-context';
import { useI18n } from '../../lib/i18n';

/** Where the live PDF preview of a charter goes. */
export function PreviewPage({ charterId }: { charterId: string }) {
  const { data } = useWorkspaceState();
  const { t } = useI18n();
  const charter = data.charters.get(charterId);
  return (
    <section className="page" aria-labelledby="preview-title">
      <p>
        <a href="#/">← {t('editor.back')}</a>
      </p>
      <h1 id="preview-title">
        {charter ? charter.title.trim() || t('charters.untitled') : t('editor.notFound')}
      </h1>
      {charter && (
        <nav aria-label={t('editor.tabsLabel')} className="tabs">
          <a href={`#/charters/${charter.id}`}>{t('editor.tabEdit')}</a>
          <a href={`#/charters/${charter.id}/preview`} aria-current="page">
            {t('editor.tabPreview')}
          </a>
        </nav>
      )}
      <section aria-labelledby="preview-pdf" className="placeholder">
        <h2 id="preview-pdf">{t('editor.previewTitle')}</h2>
        <p>{t('editor.previewIntro')}</p>
      </section>
    </section>
  );
}
