import { Suspense, lazy, useEffect, useRef } from 'react';
import { CharterList } from '../features/charters/charter-list';
import { useWorkspace, useWorkspaceState } from '../persistence/workspace-context';
import type { SaveStatus } from '../persistence/workspace';
import { I18nProvider, browserLocale, useI18n } from '../lib/i18n';
import type { MessageKey } from '../i18n/messages';
import { navigate, parseRoute, useHash } from './router';
import type { Route } from './router';
import { DamagedStore, StorageNotices } from './storage-notices';

// Every screen but the list loads on demand, keeping the first page load small (see `npm run bench`).
const CharterEditor = lazy(() =>
  import('../features/editor/charter-editor').then((m) => ({ default: m.CharterEditor })),
);
const SharePage = lazy(() => import('../features/share/share-page').then((m) => ({ default: m.SharePage })));
const PreviewPage = lazy(() =>
  import('../features/preview/preview-page').then((m) => ({ default: m.PreviewPage })),
);
const TrackerPage = lazy(() =>
  import('../features/tracker/tracker-page').then((m) => ({ default: m.TrackerPage })),
);
const CustomersPage = lazy(() =>
  import('../features/customers/customers-page').then((m) => ({ default: m.CustomersPage })),
);
const CustomerPage = lazy(() =>
  import('../features/customers/customer-page').then((m) => ({ default: m.CustomerPage })),
);
const ScoresPage = lazy(() =>
  import('../features/scores/scores-page').then((m) => ({ default: m.ScoresPage })),
);
const SettingsPage = lazy(() =>
  import('../features/settings/settings-page').then((m) => ({ default: m.SettingsPage })),
);

/** The app with its interface language: the user's choice, else the browser's. */
export function App() {
  const workspace = useWorkspace();
  useWorkspaceState();
  const locale = workspace.settings.language ?? browserLocale(navigator.languages);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  return (
    <I18nProvider locale={locale}>
      <Shell />
    </I18nProvider>
  );
}

const saveLabel: Record<SaveStatus['kind'], MessageKey> = {
  idle: 'save.idle',
  pending: 'save.pending',
  saving: 'save.saving',
  saved: 'save.saved',
  failed: 'save.failed',
  conflict: 'save.failed',
};

const navItems = [
  { href: '#/', key: 'nav.charters', match: ['charters', 'editor', 'preview', 'share'] },
  { href: '#/tracker', key: 'nav.tracker', match: ['tracker'] },
  { href: '#/customers', key: 'nav.customers', match: ['customers', 'customer'] },
  { href: '#/scores', key: 'nav.scores', match: ['scores'] },
  { href: '#/settings', key: 'nav.settings', match: ['settings'] },
] as const satisfies readonly { href: string; key: MessageKey; match: readonly Route['name'][] }[];

function Shell() {
  const workspace = useWorkspace();
  const { phase, save } = useWorkspaceState();
  const { t, locale } = useI18n();
  const route = parseRoute(useHash());
  const main = useRef<HTMLElement>(null);
  const firstRender = useRef(true);
  const routeKey =
    'charterId' in route
      ? `${route.name}/${route.charterId}/${'step' in route ? route.step : ''}`
      : route.name;

  // After navigation, move focus to the new page so screen readers announce it.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    main.current?.focus();
  }, [routeKey]);

  const switchLanguage = (value: string) =>
    workspace.put('settings', { ...workspace.settings, language: value === 'ko' ? 'ko' : 'en' });

  return (
    <>
      <a className="skip-link" href="#main" onClick={(e) => (e.preventDefault(), main.current?.focus())}>
        {t('app.skipToContent')}
      </a>
      <header className="topbar">
        <a className="brand" href="#/">
          {t('app.name')}
        </a>
        <nav aria-label={t('nav.label')}>
          <ul className="nav">
            {navItems.map((item) => (
              <li key={item.href}>
                <a
                  href={item.href}
                  aria-current={(item.match as readonly string[]).includes(route.name) ? 'page' : undefined}
                >
                  {t(item.key)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <div className="topbar__tools">
          <p className={`save-status save-status--${save.kind}`} role="status" aria-live="polite">
            {t(saveLabel[save.kind])}
          </p>
          <label className="language-switch">
            <span className="visually-hidden">{t('language.label')}</span>
            <select
              value={locale}
              onChange={(e) => switchLanguage(e.target.value)}
              aria-label={t('language.label')}
            >
              <option value="ko" lang="ko">
                {t('language.ko')}
              </option>
              <option value="en" lang="en">
                {t('language.en')}
              </option>
            </select>
          </label>
        </div>
      </header>
      <StorageNotices />
      <main id="main" ref={main} tabIndex={-1}>
        {phase === 'loading' ? (
          <p className="page" role="status">
            {t('app.loading')}
          </p>
        ) : phase === 'damaged' ? (
          <DamagedStore />
        ) : (
          <Suspense
            fallback={
              <p className="page" role="status">
                {t('app.loadingScreen')}
              </p>
            }
          >
            <Screen route={route} />
          </Suspense>
        )}
      </main>
    </>
  );
}

function Screen({ route }: { route: Route }) {
  const { t } = useI18n();
  switch (route.name) {
    case 'charters':
      return <CharterList onOpen={(id) => navigate(`#/charters/${id}`)} />;
    case 'editor':
      return <CharterEditor charterId={route.charterId} step={route.step} />;
    case 'preview':
      return <PreviewPage charterId={route.charterId} />;
    case 'share':
      return <SharePage charterId={route.charterId} />;
    case 'tracker':
      return <TrackerPage />;
    case 'customers':
      return <CustomersPage />;
    case 'customer':
      return <CustomerPage customerId={route.customerId} />;
    case 'scores':
      return <ScoresPage />;
    case 'settings':
      return <SettingsPage />;
    case 'not-found':
      return (
        <section className="page" aria-labelledby="nf-title">
          <h1 id="nf-title">{t('notFound.title')}</h1>
          <a href="#/">{t('notFound.back')}</a>
        </section>
      );
  }
}
