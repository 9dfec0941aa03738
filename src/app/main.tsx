import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { browserLocale, loadCatalogue, loadFirstMessages } from '../lib/i18n';
import '../components/tokens.css';
import './styles.css';
import { shareTextOf } from '../domain/interchange/share-address';

const rootElement = document.getElementById('root')!;
const customerView = shareTextOf(window.location.hash) !== null;

// The app (with the local database) loads alongside the first messages, and only for the app: a customer
// opening a share link never opens this browser's database — PouchDB writes a probe key to localStorage as
// soon as it is imported.
const app = customerView ? null : loadApp();

// The first screen's messages in the browser's language (a saved different choice loads its catalogue when
// the settings are read); the rest of the catalogue follows once Today has painted.
const locale = browserLocale(navigator.languages);
await loadFirstMessages(locale).catch(() => loadFirstMessages('en'));

// A customer opening a share link gets the read-only view, which never opens this browser's database.
if (customerView) {
  // The customer's view is all beyond the first screen: it waits for the whole catalogue.
  const catalogue = loadCatalogue(locale).catch(() => loadCatalogue('en'));
  void Promise.all([import('./customer-app'), catalogue]).then(([{ CustomerApp }]) =>
    createRoot(rootElement).render(
      <StrictMode>
        <CustomerApp />
      </StrictMode>,
    ),
  );
  window.addEventListener('hashchange', () => {
    if (shareTextOf(window.location.hash) === null) window.location.reload();
  });
} else (await app!).startApp(createRoot(rootElement));

/**
 * The app's code, run in three tasks rather than one: the validation library (with the domain's common
 * schemas), then the stored data's schemas (building them is most of the work), then the rest of the app;
 * the app starts (React's root, the workspace) in a fourth. Run at once, it was one task of about 200 ms
 * on a phone (Chrome's 4× CPU slowdown), during which a tap on the first screen got no answer. The files are
 * fetched together, ahead (index.html's start script); only running them is spread out.
 */
async function loadApp() {
  await import('../domain/common');
  await nextTask();
  await import('../persistence/stored-data');
  await nextTask();
  const app = await import('./start-app');
  await nextTask();
  return app;
}

/** Resolves in a task of its own, after whatever the browser has waiting (input, a frame). */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
