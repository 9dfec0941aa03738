// Bundled by tests/bench/pouch-seed.mjs and evaluated in the bench's page: the app's own local-database
// code (pouch-db.ts, pouch-docs.ts), so the bench seeds documents exactly as the app stores them, and the
// Dexie database of earlier versions (db.ts), to time the one-time move.
import { CharterDatabase } from '../../src/persistence/db';
import { openLocalDatabase } from '../../src/persistence/pouch-db';
import { docIdOf, entityDoc } from '../../src/persistence/pouch-docs';

declare global {
  interface Window {
    __benchPouch: {
      openLocalDatabase: typeof openLocalDatabase;
      docIdOf: typeof docIdOf;
      entityDoc: typeof entityDoc;
      CharterDatabase: typeof CharterDatabase;
    };
  }
}

window.__benchPouch = { openLocalDatabase, docIdOf, entityDoc, CharterDatabase };
