import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { ensureMovedFromDexie, openLocalDatabase } from '../persistence/pouch-db';
import { Workspace } from '../persistence/workspace';
import { WorkspaceContext } from '../persistence/workspace-context';
import { storageJournal } from '../persistence/journal';
import { createId, nowIso } from '../lib/id';
import { browserLocale, loadCatalogue, loadFirstMessages } from '../lib/i18n';
import { App } from './app';
import '../components/tokens.css';
import './styles.css';
import { shareTextOf } from '../domain/interchange/share-address';

const root = createRoot(document.getElementById('root')!);

// The first screen's messages in the browser's language (a saved different choice loads its catalogue when
// the settings are read); the rest of the catalogue follows once Today has painted.
const locale = browserLocale(navigator.languages);
await loadFirstMessages(locale).catch(() => loadFirstMessages('en'));

// A customer opening a share link gets the read-only view, which never opens this browser's database.
if (shareTextOf(window.location.hash) !== null) {
  // The customer's view is all beyond the first screen: it waits for the whole catalogue.
  const catalogue = loadCatalogue(locale).catch(() => loadCatalogue('en'));
  void Promise.all([import('./customer-app'), catalogue]).then(([{ CustomerApp }]) =>
    root.render(
      <StrictMode>
        <CustomerApp />
      </StrictMode>,
    ),
  );
  window.addEventListener('hashchange', () => {
    if (shareTextOf(window.location.hash) === null) window.location.reload();
  });
} else startApp();

function startApp() {
  const workspace = new Workspace({
    openDatabase: () => openLocalDatabase(),
    // Once, on the first start of this version: the data of earlier versions (Dexie) is moved in first.
    prepareDatabase: (db) => ensureMovedFromDexie(db, nowIso()),
    now: nowIso,
    storage: navigator.storage,
    journal: openJournal(),
    // Today first: the rest of the promise log is read once Today has painted.
    beforeRestOfLog: afterNextPaint,
  });
  workspace.attach(window);
  void workspace.load();
  // For the bench (tests/bench/field.mjs) and the browser's performance panel: when every record is in memory.
  void workspace.whenLogComplete().then(() => performance.mark('service-charter:log-complete'));

  /** After the next frame is painted; half a second at most (a hidden tab gets no frames). */
  function afterNextPaint(): Promise<void> {
    return new Promise((resolve) => {
      const fallback = setTimeout(resolve, 500);
      requestAnimationFrame(() =>
        setTimeout(() => {
          clearTimeout(fallback);
          resolve();
        }, 0),
      );
    });
  }

  function openJournal() {
    try {
      return storageJournal(window.localStorage, createId());
    } catch {
      return undefined; // localStorage blocked: IndexedDB saves still run
    }
  }

  // A transition: React renders the first screen in slices of a few milliseconds, so a tap or a frame is
  // never held up behind the whole first render (one long task on a slow phone).
  startTransition(() =>
    root.render(
      <StrictMode>
        <WorkspaceContext.Provider value={workspace}>
          <App />
        </WorkspaceContext.Provider>
      </StrictMode>,
    ),
  );
}
