import { CURRENT_VERSION } from '../domain/interchange/backup';
import type { Backup } from '../domain/interchange/backup';
import type { RestoreError } from '../domain/interchange/errors';
import { sameData } from '../domain/interchange/merge';
import { restore } from '../domain/interchange/restore';
import { COLLECTIONS, keyOf } from './collections';
import type { Collection, Entities } from './collections';
import type { LocalDatabase } from './pouch-db';
import { docIdOf, entityDoc } from './pouch-docs';
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

/**
 * Makes the database hold exactly `plan` (the dataset `planImport` produced) in one PouchDB `bulkDocs` — one
 * IndexedDB transaction, so a storage failure leaves the database as it was: documents not in the plan are
 * deleted, new or changed ones written (their revision goes up, so another tab's stale copy meets a
 * conflict instead of overwriting), unchanged ones left alone. Refused when the plan or any stored document
 * comes from a newer app. Never rejects.
 */
export async function importBackup(db: LocalDatabase, plan: Backup): Promise<ImportBackupResult> {
  // Checked before writing: refused data never gets as far as a write.
  const version: unknown = (plan as { version?: unknown }).version;
  if (typeof version === 'number' && version > CURRENT_VERSION)
    return { ok: false, reason: 'newer-version', version };
  const checked = restore(plan);
  if (!checked.ok) return { ok: false, reason: 'invalid', errors: checked.errors };
  const backup = checked.backup;
  try {
    let written = 0;
    let deleted = 0;
    let unchanged = 0;
    const docs: object[] = [];
    for (const collection of COLLECTIONS) {
      const stored = await db.allDocs({
        startkey: `${collection}:`,
        endkey: `${collection}:\ufff0`,
        include_docs: true,
      });
      const existing = new Map<string, { _rev: string; version: unknown; value: unknown }>();
      for (const row of stored.rows) {
        const doc = row.doc as unknown as { _rev: string; version: unknown; value: unknown } | undefined;
        if (!doc) continue;
        // Documents written by a newer app would be downgraded (and that app's data lost): leave them alone.
        if (typeof doc.version === 'number' && doc.version > CURRENT_VERSION)
          return { ok: false, reason: 'newer-version', version: doc.version };
        existing.set(row.id, doc);
      }
      const entities = (
        collection === 'settings' ? [backup.settings] : backup[collection]
      ) as readonly Entities[Collection][];
      const planned = new Set<string>();
      for (const value of entities) {
        const key = keyOf(collection, value);
        const id = docIdOf(collection, key);
        planned.add(id);
        const old = existing.get(id);
        if (old !== undefined && old.version === CURRENT_VERSION && sameData(old.value, value)) {
          unchanged += 1;
          continue;
        }
        docs.push({ _id: id, ...(old ? { _rev: old._rev } : {}), ...entityDoc(collection, key, value) });
        written += 1;
      }
      for (const [id, old] of existing)
        if (!planned.has(id)) {
          docs.push({ _id: id, _rev: old._rev, _deleted: true });
          deleted += 1;
        }
    }
    const results = docs.length > 0 ? await db.bulkDocs(docs as PouchDB.Core.PutDocument<object>[]) : [];
    const failed = results.find((r) => !('ok' in r && r.ok));
    // Only another tab writing in between gets here (a storage failure rejects the whole write).
    if (failed) throw failed;
    return { ok: true as const, written, deleted, unchanged };
  } catch (error) {
    return { ok: false, reason: 'storage', failure: classifyStorageError(error) };
  }
}
