import type { ReactNode } from 'react';
import { useFullLog } from '../persistence/workspace-context';
import { useI18n } from '../lib/i18n';

/**
 * A screen that needs every promise record (scores, histories, the tracker, settings' exports and imports)
 * waits here, with a progress line, while startup is still reading the rest of the log after Today.
 */
export function FullLogGate({ children }: { children: ReactNode }) {
  const log = useFullLog();
  const { t } = useI18n();
  if (log.complete) return children;
  return (
    <p className="page" role="status">
      {t('app.loadingLog', { loaded: log.loaded, total: log.total })}
    </p>
  );
}
