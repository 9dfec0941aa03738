import { CURRENT_VERSION } from '../domain/interchange/backup';
import type { Backup } from '../domain/interchange/backup';
import type { DeliveryRecord } from '../domain/tracker/tracker';
import { COLLECTIONS, rowOf } from './collections';
import type { Collection, Entities, ItemRef, Row } from './collections';
import type { CharterDatabase } from './db';
import type { ImportBackupResult } from './import-backup';
import { ConflictError } from './store';
import type { Change, FirstRead, Snapshot, Store, StoredRows, Written } from './store';

/** The `Store` on IndexedDB through Dexie: the only code (with import-backup.ts) that touches Dexie. */
export class DexieStore implements Store {
  constructor(private readonly db: CharterDatabase) {}

  async open(): Promise<void> {
    await this.db.open();
  }

  isOpen(): boolean {
    return this.db.isOpen();
  }

  private everyTable() {
    return [...COLLECTIONS.map((c) => this.db.rowsOf(c)), this.db.meta];
  }

  private async schemaVersion(): Promise<unknown> {
    return (await this.db.meta.get('schemaVersion'))?.value ?? CURRENT_VERSION;
  }

  readAll(): Promise<Snapshot> {
    const db = this.db;
    return db.transaction('r', this.everyTable(), async () => {
      const rows = {} as Record<Collection, Row<unknown>[]>;
      for (const collection of COLLECTIONS) rows[collection] = await db.rowsOf(collection).toArray();
      return { rows: rows as StoredRows, schemaVersion: await this.schemaVersion() };
    });
  }

  readFirst(first: FirstRead): Promise<Snapshot> {
    const db = this.db;
    return db.transaction('r', this.everyTable(), async () => {
      const rows = {} as Record<Collection, Row<unknown>[]>;
      for (const collection of COLLECTIONS)
        if (collection !== 'deliveries') rows[collection] = await db.rowsOf(collection).toArray();
      const deliveries = new Map<string, Row<DeliveryRecord>>();
      const add = (found: readonly (Row<DeliveryRecord> | undefined)[]) => {
        for (const row of found) if (row) deliveries.set(row.id, row);
      };
      add(await db.deliveries.where('open').equals(1).toArray());
      add(await db.deliveries.where('value.dueAt').aboveOrEqual(first.dueFrom).toArray());
      const wanted = new Set(first.recordIds);
      for (const row of rows.recoveryCases as Row<Entities['recoveryCases']>[])
        if (typeof row.value?.recordId === 'string') wanted.add(row.value.recordId);
      for (const id of deliveries.keys()) wanted.delete(id);
      add(await db.deliveries.bulkGet([...wanted]));
      rows.deliveries = [...deliveries.values()];
      return { rows: rows as StoredRows, schemaVersion: await this.schemaVersion() };
    });
  }

  countDeliveries(): Promise<number> {
    return this.db.deliveries.count();
  }

  readDeliveries(after: string | null, limit: number): Promise<Row<DeliveryRecord>[]> {
    const table = this.db.deliveries;
    return (after === null ? table.orderBy(':id') : table.where(':id').above(after)).limit(limit).toArray();
  }

  get(refs: readonly ItemRef[]): Promise<(Row<unknown> | undefined)[]> {
    return Promise.all(refs.map((r) => this.db.rowsOf(r.collection).get(r.id)));
  }

  commit(changes: readonly Change[]): Promise<Written[]> {
    const db = this.db;
    return db.transaction('rw', this.everyTable(), async () => {
      const stored = await Promise.all(changes.map((c) => db.rowsOf(c.collection).get(c.id)));
      const conflicts = changes.filter((c, i) => (stored[i]?.rev ?? 0) !== c.baseRev);
      if (conflicts.length > 0)
        throw new ConflictError(conflicts.map(({ collection, id }) => ({ collection, id })));
      const out: Written[] = [];
      for (const c of changes) {
        const rev = c.baseRev + 1;
        const table = db.rowsOf(c.collection);
        if (c.value === undefined) await table.delete(c.id);
        else await table.put(rowOf(c.collection, c.id, rev, c.value as Entities[Collection]) as Row<never>);
        out.push({ collection: c.collection, id: c.id, rev, deleted: c.value === undefined });
      }
      await db.meta.put({ key: 'schemaVersion', value: CURRENT_VERSION });
      return out;
    });
  }

  async importPlan(plan: Backup): Promise<ImportBackupResult> {
    // Loaded when used: importing is rare and its merge code stays out of the first page load.
    const { importBackup } = await import('./import-backup');
    return importBackup(this.db, plan);
  }

  close(): void {
    this.db.close();
  }
}
