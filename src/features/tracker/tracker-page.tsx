import { useWorkspaceState } from '../../persistence/workspace-context';
import { useI18n } from '../../lib/i18n';

/** The promise tracker: delivery records against the charter's commitments. */
export function TrackerPage() {
  const { data } = useWorkspaceState();
  const { t } = useI18n();
  return (
    <section className="page" aria-labelledby="tracker-title">
      <h1 id="tracker-title">{t('tracker.title')}</h1>
      <p className="page__intro">{t('tracker.intro')}</p>
      {data.deliveries.size === 0 && <p className="empty">{t('tracker.empty')}</p>}
    </section>
  );
}
