import { CURRENT_VERSION } from '../domain/interchange/backup';
import type { Backup } from '../domain/interchange/backup';
import type { RestoreError } from '../domain/interchange/errors';
import { sameData } from '../domain/interchange/merge';
import { restore } from '../domain/interchange/restore';
import { COLLECTIONS, keyOf, rowOf } from './collections';
import type { Collection, Entities, Row } from './collections';
import type { CharterDatabase } from './db';
import { classifyStorageError } from './storage-errors';
import type { StorageFailure } from './storage-errors';

export type ImportBackupResult =
  | {
      ok: true;
      /** Rows added or changed (their revision went up), rows deleted, rows left as they were. */
      written: number;
      deleted: number;
      unchanged: number;
    }
  /** The dataset does not pass restore(); nothing was written. */
  | { ok: false; reason: 'invalid'; errors: RestoreError[] }
  /** The dataset, or the data already stored, comes from a newer app; nothing was written. */
  | { ok: false; reason: 'newer-version'; version: number }
  /** The transaction failed and was rolled back: the database is as it was. */
  | { ok: false; reason: 'storage'; failure: StorageFailure };

class NewerStoreError extends Error {
  constructor(readonly version: number) {
    super(`stored data has schema version ${version}`);
  }
}

/** Thrown by the `failAfterWrites` test hook: an ordinary exception that aborts the transaction. */
class InjectedFailure extends Error {}

/**
 * Makes the database hold exactly `plan` (the dataset `planImport` produced) in one read-write transaction
 * over every table: rows not in the plan are deleted, new or changed rows written with their revision
 * raised by one (so another tab's stale copy meets a conflict instead of overwriting), unchanged rows left
 * alone, and `meta.schemaVersion` set. All or nothing; never rejects. `failAfterWrites` (tests only) throws
 * inside the transaction after that many table writes.
 */
export async function importBackup(
  db: CharterDatabase,
  plan: Backup,
  options: { failAfterWrites?: number } = {},
): Promise<ImportBackupResult> {
  // Checked before the transaction: refused data never gets as far as a write.
  const version: unknown = (plan as { version?: unknown }).version;
  if (typeof version === 'number' && version > CURRENT_VERSION)
    return { ok: false, reason: 'newer-version', version };
  const checked = restore(plan);
  if (!checked.ok) return { ok: false, reason: 'invalid', errors: checked.errors };
  const backup = checked.backup;

  let writes = 0;
  const wrote = () => {
    writes += 1;
    if (options.failAfterWrites !== undefined && writes >= options.failAfterWrites)
      throw new InjectedFailure(`failing on purpose after ${writes} table write(s)`);
  };
  try {
    return await db.transaction('rw', [...COLLECTIONS.map((c) => db.rowsOf(c)), db.meta], async () => {
      // Rows written by a newer app would be downgraded (and that app's data lost): leave them alone.
      const stored = (await db.meta.get('schemaVersion'))?.value;
      if (typeof stored === 'number' && stored > CURRENT_VERSION) throw new NewerStoreError(stored);
      let written = 0;
      let deleted = 0;
      let unchanged = 0;
      for (const collection of COLLECTIONS) {
        const table = db.rowsOf(collection);
        const existing = new Map((await table.toArray()).map((row) => [row.id, row]));
        const entities = (
          collection === 'settings' ? [backup.settings] : backup[collection]
        ) as readonly Entities[Collection][];
        const puts: Row<Entities[Collection]>[] = [];
        const planned = new Set<string>();
        for (const value of entities) {
          const id = keyOf(collection, value);
          planned.add(id);
          const old = existing.get(id);
          if (old !== undefined && sameData(old.value, value)) {
            unchanged += 1;
            continue;
          }
          const rev = typeof old?.rev === 'number' ? old.rev : 0;
          puts.push(rowOf(collection, id, rev + 1, value));
        }
        const gone = [...existing.keys()].filter((id) => !planned.has(id));
        if (gone.length > 0) {
          await table.bulkDelete(gone);
          wrote();
        }
        if (puts.length > 0) {
          await table.bulkPut(puts);
          wrote();
        }
        written += puts.length;
        deleted += gone.length;
      }
      await db.meta.put({ key: 'schemaVersion', value: CURRENT_VERSION });
      wrote();
      return { ok: true as const, written, deleted, unchanged };
    });
  } catch (error) {
    if (error instanceof NewerStoreError)
      return { ok: false, reason: 'newer-version', version: error.version };
    return { ok: false, reason: 'storage', failure: classifyStorageError(error) };
  }
}
