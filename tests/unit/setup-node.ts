import 'fake-indexeddb/auto';

// The interface catalogues load on demand in the app; tests use both from the start.
import { loadCatalogue } from '../../src/lib/i18n';
await Promise.all([loadCatalogue('en'), loadCatalogue('ko')]);
