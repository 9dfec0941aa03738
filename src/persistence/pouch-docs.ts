import { CURRENT_VERSION } from '../domain/interchange/backup';
import { COLLECTIONS, rowOf } from './collections';
import type { Collection, Entities, ItemRef } from './collections';

// The shape of the local database's entity documents; the rules are at the top of pouch-store.ts.

export const DOC_FORMAT = 'service-charter/doc';

/** Written once everything of the Dexie database of earlier versions is in this one (move-from-dexie.ts). */
export const MOVED_FROM_DEXIE_ID = '_local/moved-from-dexie';

/** The IndexedDB name of the Dexie database of earlier versions. */
export const DEXIE_DB_NAME = 'service-charter';

/** The `_local/moved-from-dexie` document: when, and how many of each collection moved (null: nothing to move). */
export const movedFromDexieDoc = (now: string, counts: Readonly<Record<string, number>> | null) => ({
  _id: MOVED_FROM_DEXIE_ID,
  format: 'service-charter/moved-from-dexie',
  version: 1,
  at: now,
  counts,
});

/** The body of an entity document. */
export type EntityDoc = {
  format: typeof DOC_FORMAT;
  version: unknown;
  collection: Collection;
  value: unknown;
  open?: 1;
};

/** The document id of an entity: `<collection>:<key>`. */
export const docIdOf = (collection: Collection, key: string): string => `${collection}:${key}`;

/** The entity an id names, or null for ids that are not entity documents. */
export function refOfDocId(docId: string): ItemRef | null {
  const colon = docId.indexOf(':');
  if (colon < 0) return null;
  const collection = docId.slice(0, colon) as Collection;
  if (!COLLECTIONS.includes(collection)) return null;
  return { collection, id: docId.slice(colon + 1) };
}

/** The generation of a PouchDB revision ("3-abc…" → 3). */
export const generationOf = (rev: string): number => Number.parseInt(rev, 10);

/** The body to store for `value` in `collection`. */
export function entityDoc(collection: Collection, key: string, value: unknown): EntityDoc {
  const row = rowOf(collection, key, 0, value as Entities[Collection]);
  return {
    format: DOC_FORMAT,
    version: CURRENT_VERSION,
    collection,
    value,
    ...(row.open ? { open: 1 as const } : {}),
  };
}
