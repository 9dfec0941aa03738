import { useEffect } from 'react';
import { CustomerView } from '../features/share/customer-view';
import { I18nProvider, browserLocale, useI18n } from '../lib/i18n';
import { useHash } from './router';
import { icons } from './shell-icons';
import { shareTextOf } from '../domain/interchange/share-address';

/**
 * The app as a customer opening a share link sees it: no workspace, no database, nothing stored. The
 * interface speaks the browser's language; the charter keeps its own.
 */
export function CustomerApp() {
  const locale = browserLocale(navigator.languages);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  return (
    <I18nProvider locale={locale}>
      <CustomerShell />
    </I18nProvider>
  );
}

function CustomerShell() {
  const { t } = useI18n();
  const hash = useHash();
  const payload = shareTextOf(hash) ?? '';
  return (
    <>
      {/* The customer's view has no tabs: the app bar names the app on every screen size. */}
      <header className="appbar">
        <span className="appbar__brand">
          {icons.brand}
          <span className="appbar__brand-name boot-name">{t('app.name')}</span>
        </span>
      </header>
      <main id="main" tabIndex={-1}>
        <CustomerView key={payload} payload={payload} />
      </main>
    </>
  );
}
