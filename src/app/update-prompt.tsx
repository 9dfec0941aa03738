import { useEffect, useState } from 'react';
import { useI18n } from '../lib/i18n';

type UpdateSW = (reloadPage?: boolean) => Promise<void>;

let registration: Promise<UpdateSW | null> | null = null;

/**
 * Registers the service worker once (after the page has loaded: its code is not part of the first load) and
 * calls `onNeedRefresh` when a new version is waiting.
 */
function registerOnce(onNeedRefresh: () => void): Promise<UpdateSW | null> {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return Promise.resolve(null);
  // Once the page has loaded and gone idle: installing precaches every chunk and font (a few MB), which
  // would otherwise compete with what the first screen still fetches.
  registration ??= afterLoadAndIdle()
    .then(() => import('virtual:pwa-register'))
    .then(({ registerSW }) => registerSW({ immediate: true, onNeedRefresh }));
  return registration;
}

function afterLoadAndIdle(): Promise<void> {
  return new Promise((resolve) => {
    const idle = () =>
      'requestIdleCallback' in window
        ? requestIdleCallback(() => resolve(), { timeout: 3_000 })
        : setTimeout(resolve, 1_000);
    if (document.readyState === 'complete') idle();
    else window.addEventListener('load', idle, { once: true });
  });
}

/**
 * "A new version is ready — reload": the waiting version takes over only when the user says so, and only
 * after every unsaved edit has been written (`flush`).
 */
export function UpdatePrompt({ flush }: { flush: () => Promise<void> }) {
  const { t } = useI18n();
  const [ready, setReady] = useState(false);
  const [update, setUpdate] = useState<UpdateSW | null>(null);
  useEffect(() => {
    void registerOnce(() => setReady(true)).then((fn) => setUpdate(() => fn));
  }, []);
  if (!ready || !update) return null;
  return (
    <div className="update-banner" role="status">
      <span>{t('offline.updateReady')}</span>
      <button
        type="button"
        className="button button--primary"
        onClick={() => void flush().finally(() => void update(true))}
      >
        {t('offline.reload')}
      </button>
    </div>
  );
}
