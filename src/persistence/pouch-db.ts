import PouchDB from 'pouchdb-core';
import IndexeddbAdapter from 'pouchdb-adapter-indexeddb';
import { DEXIE_DB_NAME, MOVED_FROM_DEXIE_ID, movedFromDexieDoc } from './pouch-docs';

/*
 * The local database: PouchDB 9 on IndexedDB (the `indexeddb` adapter), name `service-charter-pouch`.
 * `openLocalDatabase()` returns the PouchDB instance; the store (pouch-store.ts) is its only reader and
 * writer, and the replication module (sync.ts) passes it to `PouchDB.replicate`/`sync` — the replication
 * and http plugins are loaded there, only when sync is turned on, so they stay out of the first page load.
 * The document layout is described at the top of pouch-store.ts. `ensureMovedFromDexie` moves the data of
 * earlier versions (a Dexie database) in once, before the first read.
 */

export const POUCH_DB_NAME = 'service-charter-pouch';

export type LocalDatabase = PouchDB.Database;

let pluginAdded = false;

/** The PouchDB constructor with the IndexedDB adapter (for plugins such as replication to extend). */
export function localPouch(): PouchDB.Static {
  if (!pluginAdded) {
    PouchDB.plugin(IndexeddbAdapter);
    pluginAdded = true;
  }
  return PouchDB;
}

/**
 * The local database `name` (default `service-charter-pouch`). Nothing is opened until the first call on
 * it. No automatic compaction: the bodies of earlier revisions are what a three-way merge compares against.
 */
export function openLocalDatabase(name: string = POUCH_DB_NAME): LocalDatabase {
  const Pouch = localPouch();
  return new Pouch(name, { adapter: 'indexeddb', auto_compaction: false });
}

/**
 * Moves the data of earlier versions (the Dexie database) into `db` unless `_local/moved-from-dexie` says
 * it was done; the mover (and Dexie) load only then. Rejects with MoveFromDexieError when it fails.
 * Where the browser lists its databases and the old one is not there (every new user), the mark is written
 * without loading Dexie (~100 KB, 100–180 ms of a phone's first start).
 */
export async function ensureMovedFromDexie(
  db: LocalDatabase,
  now: string,
  dexieName: string = DEXIE_DB_NAME,
): Promise<void> {
  try {
    await db.get(MOVED_FROM_DEXIE_ID);
    return;
  } catch (error) {
    if ((error as { status?: unknown } | null)?.status !== 404) throw error;
  }
  if (!(await mayExist(dexieName))) {
    try {
      await db.put(movedFromDexieDoc(now, null));
    } catch (error) {
      // Another tab wrote the mark meanwhile.
      if ((error as { status?: unknown } | null)?.status !== 409) throw error;
    }
    return;
  }
  const { moveFromDexie } = await import('./move-from-dexie');
  await moveFromDexie(db, now, dexieName);
}

/** False only when the browser lists its IndexedDB databases and `name` is not among them. */
async function mayExist(name: string): Promise<boolean> {
  if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function') return true;
  try {
    return (await indexedDB.databases()).some((d) => d.name === name);
  } catch {
    return true;
  }
}
