import {
  Suspense,
  createElement,
  lazy,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useSyncExternalStore,
} from 'react';
import type { ComponentType } from 'react';
import { TodayPage } from '../features/today/today-page';
import { useTodayItems } from '../features/today/use-today';
import { useWorkspace, useWorkspaceState } from '../persistence/workspace-context';
import type { SaveStatus } from '../persistence/autosaver';
import { ScreenBoundary } from '../components/screen-boundary';
import { I18nProvider, browserLocale, loadCatalogue, useI18n, whenMessagesComplete } from '../lib/i18n';
import { useNow } from '../lib/use-now';
import { useUnsavedFieldCount } from '../lib/unsaved-fields';
import type { MessageKey } from '../i18n/messages';
import { anyRunningTimer } from '../domain/tracker/reminders';
import type { TodayItem } from '../domain/tracker/today';
import { lazyScreen } from './lazy-screen';
import { navigate, useHash } from './router';
import { hrefOf, parseRoute } from '../lib/routes';
import type { Route } from '../lib/routes';
import { FullLogGate } from './full-log-gate';
import { UpdatePrompt } from './update-prompt';
import { useReminders } from './use-reminders';
import { icons } from './shell-icons';
import { SyncStatusLine } from './sync-status-line';
import { FIRST_PAINT_KEY, hintText } from './first-paint';

// Every screen but Today loads on demand, keeping the first page load small (see `npm run bench`); each
// can be loaded again after a failure (no connection, or an old deploy's file gone).
const screens = {
  charters: lazyScreen(() => import('../features/charters/charter-list').then((m) => m.CharterList)),
  editor: lazyScreen(() => import('../features/editor/charter-editor').then((m) => m.CharterEditor)),
  share: lazyScreen(() => import('../features/share/share-page').then((m) => m.SharePage)),
  preview: lazyScreen(() => import('../features/preview/preview-page').then((m) => m.PreviewPage)),
  tracker: lazyScreen(() => import('../features/tracker/tracker-page').then((m) => m.TrackerPage)),
  customers: lazyScreen(() => import('../features/customers/customers-page').then((m) => m.CustomersPage)),
  customer: lazyScreen(() => import('../features/customers/customer-page').then((m) => m.CustomerPage)),
  scores: lazyScreen(() => import('../features/scores/scores-page').then((m) => m.ScoresPage)),
  settings: lazyScreen(() => import('../features/settings/settings-page').then((m) => m.SettingsPage)),
};

// The storage banners are needed only when saving has failed or clashed, or the store is damaged: they
// load then (precached for offline use), keeping the first page load small.
// The notices wait for the whole catalogue, like every screen loaded on demand (lazy-screen.ts).
const notices = () => Promise.all([import('./storage-notices'), whenMessagesComplete()]).then(([m]) => m);
const StorageNotices = lazy(() => notices().then((m) => ({ default: m.StorageNotices })));
const DamagedStore = lazy(() => notices().then((m) => ({ default: m.DamagedStore })));
// The choice between two devices' versions, loaded the same way when replication brings one.
const SyncConflicts = lazy(() =>
  Promise.all([import('./sync-conflicts'), whenMessagesComplete()]).then(([m]) => ({
    default: m.SyncConflicts,
  })),
);

/** The app with its interface language: the user's choice, else the browser's. */
export function App() {
  const workspace = useWorkspace();
  useWorkspaceState();
  const locale = workspace.settings.language ?? browserLocale(navigator.languages);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  // Charters, messages and calendar files may be in the other language: fetch it once the app is idle.
  useEffect(() => {
    const other = locale === 'ko' ? 'en' : 'ko';
    const timer = setTimeout(
      () => whenIdle(() => void loadCatalogue(other).catch(() => undefined)),
      SETTLE_MS,
    );
    return () => clearTimeout(timer);
  }, [locale]);
  return (
    <I18nProvider locale={locale} timeZone={workspace.settings.calendar.timeZone}>
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

// The five destinations: a bottom tab bar under 768 px, the row of links in the app bar above. Settings
// is in the app bar's tools on every size, so the tab bar keeps to five tabs.
const navItems = [
  {
    href: hrefOf({ name: 'today', log: false }),
    key: 'nav.today',
    tab: 'nav.today',
    icon: 'today',
    match: ['today'],
  },
  {
    href: hrefOf({ name: 'tracker' }),
    key: 'nav.tracker',
    tab: 'nav.trackerTab',
    icon: 'tracker',
    match: ['tracker'],
  },
  {
    href: hrefOf({ name: 'customers' }),
    key: 'nav.customers',
    tab: 'nav.customers',
    icon: 'customers',
    match: ['customers', 'customer'],
  },
  {
    href: hrefOf({ name: 'scores' }),
    key: 'nav.scores',
    tab: 'nav.scores',
    icon: 'scores',
    match: ['scores'],
  },
  {
    href: hrefOf({ name: 'charters' }),
    key: 'nav.charters',
    tab: 'nav.charters',
    icon: 'charters',
    match: ['charters', 'editor', 'preview', 'share'],
  },
] as const satisfies readonly {
  href: string;
  key: MessageKey;
  tab: MessageKey;
  icon: keyof typeof icons;
  match: readonly Route['name'][];
}[];

/** The app bar's title for `route`: the section it belongs to. */
function sectionTitle(route: Route): MessageKey {
  if (route.name === 'settings') return 'nav.settings';
  if (route.name === 'not-found') return 'app.name';
  return navItems.find((item) => (item.match as readonly string[]).includes(route.name))?.key ?? 'app.name';
}

const subscribeOnline = (listener: () => void) => {
  window.addEventListener('online', listener);
  window.addEventListener('offline', listener);
  return () => {
    window.removeEventListener('online', listener);
    window.removeEventListener('offline', listener);
  };
};

/** Whether the browser believes it is online, updated as the connection comes and goes. */
function useOnline(): boolean {
  return useSyncExternalStore(subscribeOnline, () => navigator.onLine);
}

function Shell() {
  const workspace = useWorkspace();
  const { phase, save, data, syncConflicts } = useWorkspaceState();
  // A value the editor could not store is not saved, whatever the autosaver last wrote.
  const unsaved = useUnsavedFieldCount();
  const i18n = useI18n();
  const { t, locale } = i18n;
  const online = useOnline();
  // Today's items drive the nav count, the badge and the reminders; a running timer needs the second.
  const timerRunning = useMemo(() => anyRunningTimer(data.deliveries.values()), [data.deliveries]);
  const now = useNow(timerRunning ? 1_000 : 30_000);
  const items = useTodayItems(data, workspace.settings, phase === 'ready' ? now : 0);
  const todo = phase === 'ready' ? items.length : 0;
  useReminders({
    items: phase === 'ready' ? items : [],
    nowMs: now,
    calendar: workspace.settings.calendar,
    i18n,
  });
  // Once the whole log is in memory and the start has settled (SETTLE_MS after the page began loading), the
  // data screens of the tab bar load ahead in idle time: opening one then renders it at once, and its first
  // render is never interrupted and thrown away (lazy-screen.ts). Not sooner: evaluating their code would
  // hold up the first taps on Today. A long log that completes after that loads them at once. A tab
  // touched, hovered or focused before then loads its screen at once (preloadTab).
  useEffect(() => {
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    void workspace.whenLogComplete().then(() => {
      timer = setTimeout(
        () => {
          for (const name of ['scores', 'tracker', 'customers'] as const)
            whenIdle(() => {
              if (!cancelled) screens[name].preload();
            });
        },
        Math.max(0, SETTLE_MS - performance.now()),
      );
    });
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [workspace]);
  // What the next start's first paint (index.html) draws before the app arrives: this language, and
  // Today's start for a new user or a loading line under Today's heading.
  const hasCharter = phase === 'ready' && [...data.charters.values()].some((c) => c.commitments.length > 0);
  useEffect(() => {
    if (phase !== 'ready') return;
    try {
      localStorage.setItem(FIRST_PAINT_KEY, hintText({ locale, charter: hasCharter }));
    } catch {
      // Storage blocked: the first paint falls back to the browser's language and a new user's start.
    }
  }, [phase, locale, hasCharter]);
  const route = parseRoute(useHash());
  const main = useRef<HTMLElement>(null);
  const firstRender = useRef(true);
  const routeKey =
    'charterId' in route
      ? `${route.name}/${route.charterId}/${'step' in route ? route.step : ''}`
      : route.name;

  // After navigation the new screen opens at its top: the page kept the last screen's scroll position, so
  // a tab opened its screen half-way down. Before any screen's own effects run (Today scrolls to an item).
  useLayoutEffect(() => {
    if (!firstRender.current) window.scrollTo(0, 0);
  }, [routeKey]);
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
      <header className="appbar">
        <a className="appbar__brand" href={hrefOf({ name: 'today', log: false })}>
          {icons.brand}
          <span className="appbar__brand-name">{t('app.name')}</span>
        </a>
        {/* On phones the bar names the section (the tab bar below shows where else to go). */}
        <p className="appbar__title" aria-hidden="true">
          {t(sectionTitle(route))}
        </p>
        <nav className="tabbar" aria-label={t('nav.label')}>
          <ul className="tabbar__list">
            {navItems.map((item) => (
              <li key={item.href}>
                <a
                  className="tabbar__link"
                  href={item.href}
                  onPointerDown={() => preloadTab(item.match[0])}
                  onMouseEnter={() => preloadTab(item.match[0])}
                  onFocus={() => preloadTab(item.match[0])}
                  aria-current={(item.match as readonly string[]).includes(route.name) ? 'page' : undefined}
                >
                  {icons[item.icon]}
                  <span className="tabbar__label tabbar__label--short">{t(item.tab)}</span>
                  <span className="tabbar__label tabbar__label--long">{t(item.key)}</span>
                  {item.key === 'nav.today' && todo > 0 && (
                    <span className="nav__count" aria-label={t('today.count', { n: todo })}>
                      {todo}
                    </span>
                  )}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <div className="appbar__tools">
          <p
            className={`save-status save-status--${unsaved > 0 ? 'failed' : save.kind}`}
            role="status"
            aria-live="polite"
          >
            {t(unsaved > 0 ? 'save.failed' : saveLabel[save.kind])}
          </p>
          <SyncStatusLine />
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
          <a
            className="appbar__settings"
            href={hrefOf({ name: 'settings' })}
            aria-current={route.name === 'settings' ? 'page' : undefined}
          >
            {icons.settings}
            <span className="appbar__settings-label">{t('nav.settings')}</span>
          </a>
        </div>
      </header>
      <UpdatePrompt flush={() => workspace.flush()} />
      {!online && (
        <p className="offline-banner" role="status">
          {t('offline.offline')}
        </p>
      )}
      {(save.kind === 'failed' || save.kind === 'conflict') && (
        <Suspense fallback={null}>
          <StorageNotices />
        </Suspense>
      )}
      {syncConflicts.length > 0 && (
        <Suspense fallback={null}>
          <SyncConflicts />
        </Suspense>
      )}
      <main id="main" ref={main} tabIndex={-1}>
        {phase === 'loading' ? (
          <p className="page" role="status">
            {t('app.loading')}
          </p>
        ) : phase === 'damaged' ? (
          <Suspense fallback={null}>
            <DamagedStore />
          </Suspense>
        ) : (
          <Suspense
            fallback={
              <p className="page" role="status">
                {t('app.loadingScreen')}
              </p>
            }
          >
            <ScreenBoundary
              key={routeKey}
              labels={{
                title: t('offline.failedTitle'),
                chunk: t('offline.failedChunk'),
                other: t('offline.failedOther'),
                retry: t('offline.retry'),
                reload: t('offline.reloadApp'),
              }}
              onRetry={() => {
                if (route.name in screens) screens[route.name as keyof typeof screens].reset();
              }}
            >
              <Screen route={route} today={{ items, nowMs: now }} />
            </ScreenBoundary>
          </Suspense>
        )}
      </main>
    </>
  );
}

/** The lazily loaded screen `key` with `props`. */
function Lazy<P extends object>({ screen, props }: { screen: { get: () => ComponentType<P> }; props: P }) {
  // The component is made once per screen (or per retry) in lazyScreen, never during render.
  const element = createElement(screen.get(), props);
  // Every screen but the charter list reads the whole promise log, which startup reads after Today.
  return screen === screens.charters ? element : <FullLogGate>{element}</FullLogGate>;
}

function Screen({ route, today }: { route: Route; today: { items: TodayItem[]; nowMs: number } }) {
  const { t } = useI18n();
  switch (route.name) {
    case 'today':
      return (
        <TodayPage
          items={today.items}
          nowMs={today.nowMs}
          logOpen={route.log}
          logCharterId={route.charterId}
          focusKey={route.item}
          onLogOpenChange={(open) => navigate(hrefOf({ name: 'today', log: open }))}
        />
      );
    case 'charters':
      return (
        <Lazy
          screen={screens.charters}
          props={{
            choosing: route.choosing === true,
            onOpen: (id: string) =>
              navigate(hrefOf({ name: 'editor', charterId: id, step: 'service-level' })),
          }}
        />
      );
    case 'editor':
      return <Lazy screen={screens.editor} props={{ charterId: route.charterId, step: route.step }} />;
    case 'preview':
      return <Lazy screen={screens.preview} props={{ charterId: route.charterId }} />;
    case 'share':
      return <Lazy screen={screens.share} props={{ charterId: route.charterId }} />;
    case 'tracker':
      return <Lazy screen={screens.tracker} props={{}} />;
    case 'customers':
      return <Lazy screen={screens.customers} props={{}} />;
    case 'customer':
      return <Lazy screen={screens.customer} props={{ customerId: route.customerId }} />;
    case 'scores':
      return <Lazy screen={screens.scores} props={{}} />;
    case 'settings':
      return <Lazy screen={screens.settings} props={{}} />;
    case 'not-found':
      return (
        <section className="page" aria-labelledby="nf-title">
          <h1 id="nf-title">{t('notFound.title')}</h1>
          <a href={hrefOf({ name: 'today', log: false })}>{t('notFound.back')}</a>
        </section>
      );
  }
}

/** How long after the page began loading (at the earliest) the tab bar's screens start loading ahead. */
const SETTLE_MS = 5_000;

/** Loads the screen a tab leads to (if it is loaded on demand), on the first sign the user is going there. */
function preloadTab(name: Route['name']): void {
  if (name in screens) screens[name as keyof typeof screens].preload();
}

/** Runs `task` when the browser is idle (within two seconds), or soon where idle callbacks do not exist. */
function whenIdle(task: () => void): void {
  if ('requestIdleCallback' in window) requestIdleCallback(task, { timeout: 2_000 });
  else setTimeout(task, 200);
}
