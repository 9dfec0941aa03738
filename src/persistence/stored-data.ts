import { BACKUP_FORMAT, CURRENT_VERSION, entitySchemas } from '../domain/interchange/backup';
import type { RestoreError } from '../domain/interchange/errors';
import { restore } from '../domain/interchange/restore';
import type { DeliveryRecord } from '../domain/tracker/tracker';
import { COLLECTIONS } from './collections';
import type { Collection, Entities, Row } from './collections';
import type { Snapshot } from './store';

/** A stored row and its entity as `restore()` gave it back. */
export type RestoredRow<T> = { row: Row<unknown>; entity: T };
export type RestoredRows = { [C in Collection]: RestoredRow<Entities[C]>[] };

export type RestoredSnapshot =
  | { ok: true; items: RestoredRows; migrated: boolean }
  /** `document` is the stored data as read, kept so a damaged store can be downloaded untouched. */
  | { ok: false; errors: RestoreError[]; document: unknown };

/** Stored rows read through `restore()` (migrated when an older schema wrote them), as a backup would be. */
export function restoreSnapshot(snapshot: Snapshot, exportedAt: string): RestoredSnapshot {
  const { rows } = snapshot;
  const document = {
    format: BACKUP_FORMAT,
    version: snapshot.schemaVersion,
    exportedAt,
    charters: rows.charters.map((r) => r.value),
    charterVersions: rows.charterVersions.map((r) => r.value),
    customers: rows.customers.map((r) => r.value),
    deals: rows.deals.map((r) => r.value),
    deliveries: rows.deliveries.map((r) => r.value),
    recoveryCases: rows.recoveryCases.map((r) => r.value),
    settings: rows.settings[0]?.value,
  };
  const result = restore(document);
  if (!result.ok) return { ok: false, errors: result.errors, document };
  const items = {} as Record<Collection, RestoredRow<unknown>[]>;
  for (const collection of COLLECTIONS) {
    const restored: readonly unknown[] =
      collection === 'settings'
        ? rows.settings[0]
          ? [result.backup.settings]
          : []
        : result.backup[collection];
    items[collection] = restored.map((entity, index) => ({ row: rows[collection][index]!, entity }));
  }
  return { ok: true, items: items as RestoredRows, migrated: result.migrated.length > 0 };
}

/**
 * Delivery rows written with the current schema, read through `restore()` as a backup holding only them
 * (the rest of the log, read after the first screen); null when any of them does not pass.
 */
export function restoreDeliveryRows(
  rows: readonly Row<DeliveryRecord>[],
  exportedAt: string,
): RestoredRow<DeliveryRecord>[] | null {
  const result = restore({
    format: BACKUP_FORMAT,
    version: CURRENT_VERSION,
    exportedAt,
    deliveries: rows.map((r) => r.value),
  });
  if (!result.ok) return null;
  return result.backup.deliveries.map((entity, index) => ({ row: rows[index]!, entity }));
}

/** One stored entity checked against its domain schema, or undefined when it does not pass. */
export function restoreOne(collection: Collection, value: unknown): unknown {
  const result = entitySchemas[collection].safeParse(value);
  return result.success ? result.data : undefined;
}
