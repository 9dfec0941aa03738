import { syncedAgo } from '../domain/sync/status';
import type { SyncStatus } from '../domain/sync/status';
import type { MessageKey } from '../i18n/messages';
import { useI18n } from '../lib/i18n';
import { hrefOf } from '../lib/routes';
import { useNow } from '../lib/use-now';
import { useSyncStatus } from '../persistence/sync-context';

const label: Record<Exclude<SyncStatus['kind'], 'off' | 'synced'>, MessageKey> = {
  syncing: 'syncStatus.syncing',
  offline: 'syncStatus.offline',
  unreachable: 'syncStatus.unreachable',
  'needs-sign-in': 'syncStatus.needsSignIn',
  error: 'syncStatus.error',
};

/** The app bar's sync line ("Synced · just now"); nothing while sync is off. "Sign in again" links to Settings. */
export function SyncStatusLine() {
  const status = useSyncStatus();
  const { t } = useI18n();
  const now = useNow(30_000);
  if (status.kind === 'off') return null;
  let text: string;
  if (status.kind === 'synced' && status.lastSyncedAt) {
    const ago = syncedAgo(status.lastSyncedAt, new Date(now));
    const when =
      ago.unit === 'just-now'
        ? t('syncStatus.justNow')
        : t(`syncStatus.${ago.unit}Ago` as const, { n: ago.n });
    text = t('syncStatus.synced', { when });
  } else {
    text = t(label[status.kind === 'synced' ? 'syncing' : status.kind]);
  }
  return (
    <p className={`sync-status sync-status--${status.kind}`} role="status" aria-live="polite">
      {status.kind === 'needs-sign-in' ? <a href={hrefOf({ name: 'settings' })}>{text}</a> : text}
    </p>
  );
}
