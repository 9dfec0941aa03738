import Dexie from 'dexie';
import { COLLECTIONS, isOpenRecord } from './collections';
import type { Collection, Row } from './collections';
import { CharterDatabase, DEFAULT_DB_NAME } from './db';
import type { LocalDatabase } from './pouch-db';
import { DOC_FORMAT, docIdOf, movedFromDexieDoc } from './pouch-docs';

/*
 * The one-time move from the Dexie database of earlier versions into the PouchDB database. Loaded only on a
 * start where `_local/moved-from-dexie` is missing. Every row is copied as stored — value and the schema
 * version the Dexie database records — so the workspace reads it through restore() exactly as before
 * (migrating older data, or showing a damaged store as damaged). The Dexie database is only read, never
 * changed or deleted: it stays for one release as the way back. A failure leaves it as it was and throws
 * `MoveFromDexieError`; the next attempt (the workspace retries opening storage) starts again.
 */

/** The schema version the last Dexie build wrote when its `meta` had none recorded. */
const DEXIE_LAST_VERSION = 4;

export class MoveFromDexieError extends Error {
  override readonly name = 'MoveFromDexieError';
  constructor(
    message: string,
    readonly inner?: unknown,
  ) {
    super(message);
  }
}

export type MoveCounts = Record<Collection, number>;

export type MoveResult = { kind: 'nothing-to-move' } | { kind: 'moved'; counts: MoveCounts };

/**
 * Copies everything from the Dexie database `dexieName` into `db`, verifies it (every row present with the
 * same value, each collection's count), then writes `_local/moved-from-dexie`. Documents already in `db`
 * (written by an earlier, interrupted attempt, or since) are kept as they are. Throws MoveFromDexieError.
 */
export async function moveFromDexie(
  db: LocalDatabase,
  now: string,
  dexieName: string = DEFAULT_DB_NAME,
): Promise<MoveResult> {
  let exists: boolean;
  try {
    exists = await Dexie.exists(dexieName);
  } catch (error) {
    throw new MoveFromDexieError('could not look for the old database', error);
  }
  if (!exists) {
    await markMoved(db, now, null);
    return { kind: 'nothing-to-move' };
  }
  const old = new CharterDatabase(dexieName);
  let rows: Record<Collection, Row<unknown>[]>;
  let version: unknown;
  try {
    await old.open();
    ({ rows, version } = await old.transaction(
      'r',
      [...COLLECTIONS.map((c) => old.rowsOf(c)), old.meta],
      async () => {
        const read = {} as Record<Collection, Row<unknown>[]>;
        for (const collection of COLLECTIONS) read[collection] = await old.rowsOf(collection).toArray();
        return { rows: read, version: (await old.meta.get('schemaVersion'))?.value ?? DEXIE_LAST_VERSION };
      },
    ));
  } catch (error) {
    throw new MoveFromDexieError('could not read the old database', error);
  } finally {
    old.close();
  }

  const existing = new Set<string>();
  try {
    const ids = COLLECTIONS.flatMap((c) => rows[c].map((r) => docIdOf(c, r.id)));
    if (ids.length > 0) {
      const found = await db.allDocs({ keys: ids });
      for (const row of found.rows)
        if ('value' in row && row.value && !row.value.deleted) existing.add(row.id);
    }
    const docs = COLLECTIONS.flatMap((collection) =>
      rows[collection]
        .filter((r) => !existing.has(docIdOf(collection, r.id)))
        .map((r) => ({
          _id: docIdOf(collection, r.id),
          format: DOC_FORMAT,
          version,
          collection,
          value: r.value,
          ...(collection === 'deliveries' && isOpenRecord(r.value) ? { open: 1 } : {}),
        })),
    );
    if (docs.length > 0) {
      const written = await db.bulkDocs(docs);
      const failed = written.find((w) => !('ok' in w && w.ok));
      if (failed) throw failed;
    }
  } catch (error) {
    throw new MoveFromDexieError('could not write the moved data', error);
  }

  const counts = {} as MoveCounts;
  for (const collection of COLLECTIONS) {
    const stored = await db.allDocs({
      startkey: `${collection}:`,
      endkey: `${collection}:\ufff0`,
      include_docs: true,
    });
    const byId = new Map(stored.rows.map((r) => [r.id, r.doc as unknown as { value: unknown } | undefined]));
    for (const row of rows[collection]) {
      const id = docIdOf(collection, row.id);
      const doc = byId.get(id);
      if (!doc) throw new MoveFromDexieError(`${id} is missing after the move`);
      if (!existing.has(id) && JSON.stringify(doc.value) !== JSON.stringify(row.value))
        throw new MoveFromDexieError(`${id} differs after the move`);
    }
    if (stored.rows.length < rows[collection].length)
      throw new MoveFromDexieError(
        `${collection}: ${stored.rows.length} of ${rows[collection].length} moved`,
      );
    counts[collection] = rows[collection].length;
  }
  await markMoved(db, now, counts);
  return { kind: 'moved', counts };
}

async function markMoved(db: LocalDatabase, now: string, counts: MoveCounts | null): Promise<void> {
  try {
    await db.put(movedFromDexieDoc(now, counts));
  } catch (error) {
    throw new MoveFromDexieError('could not record the move', error);
  }
}
