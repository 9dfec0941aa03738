import { useWorkspaceState } from '../../persistence/workspace-context';
import { useI18n } from '../../lib/i18n';

/** Promise-versus-delivery scores. */
export function ScoresPage() {
  const { data } = useWorkspaceState();
  const { t } = useI18n();
  return (
    <section className="page" aria-labelledby="scores-title">
      <h1 id="scores-title">{t('scores.title')}</h1>
      <p className="page__intro">{t('scores.intro')}</p>
      {data.deliveries.size === 0 && <p className="empty">{t('scores.empty')}</p>}
    </section>
  );
}
