import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { browserLocale, loadCatalogue, loadFirstMessages } from '../lib/i18n';
import '../components/tokens.css';
import './styles.css';
import { shareTextOf } from '../domain/interchange/share-address';

const root = createRoot(document.getElementById('root')!);
const customerView = shareTextOf(window.location.hash) !== null;

// The app (with the local database) loads alongside the first messages, and only for the app: a customer
// opening a share link never opens this browser's database — PouchDB writes a probe key to localStorage as
// soon as it is imported.
const app = customerView ? null : import('./start-app');

// The first screen's messages in the browser's language (a saved different choice loads its catalogue when
// the settings are read); the rest of the catalogue follows once Today has painted.
const locale = browserLocale(navigator.languages);
await loadFirstMessages(locale).catch(() => loadFirstMessages('en'));

// A customer opening a share link gets the read-only view, which never opens this browser's database.
if (customerView) {
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
} else (await app!).startApp(root);
