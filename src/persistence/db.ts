import Dexie from 'dexie';
import type { Table } from 'dexie';
import type { Charter, PublishedCharter } from '../domain/charter/charter';
import type { Customer, Deal, DeliveryRecord, RecoveryCase } from '../domain/tracker/tracker';
import type { Settings } from '../domain/settings';
import { isOpenRecord } from './collections';
import type { Collection, Entities, Row } from './collections';
import { DEXIE_DB_NAME } from './pouch-docs';

export const DEFAULT_DB_NAME = DEXIE_DB_NAME;

/**
 * The IndexedDB database (Dexie). `meta.schemaVersion` is the domain schema version the rows were written
 * with. Only the store (dexie-store.ts, import-backup.ts) uses it; the rest of the app talks to `Store`.
 */
export class CharterDatabase extends Dexie {
  charters!: Table<Row<Charter>, string>;
  charterVersions!: Table<Row<PublishedCharter>, string>;
  customers!: Table<Row<Customer>, string>;
  deals!: Table<Row<Deal>, string>;
  deliveries!: Table<Row<DeliveryRecord>, string>;
  recoveryCases!: Table<Row<RecoveryCase>, string>;
  settings!: Table<Row<Settings>, string>;
  meta!: Table<{ key: string; value: unknown }, string>;

  constructor(name: string = DEFAULT_DB_NAME) {
    super(name);
    this.version(1).stores({
      charters: 'id',
      charterVersions: 'id, value.charterId',
      customers: 'id',
      deals: 'id, value.customerId',
      deliveries: 'id, value.charterId, value.dueAt',
      recoveryCases: 'id, value.recordId',
      settings: 'id',
      meta: 'key',
    });
    // Version 2: open delivery records carry `open: 1`, indexed, so startup reads the open promises (and the
    // recent ones through `value.dueAt`) first and the rest of the log after Today is on screen.
    this.version(2)
      .stores({ deliveries: 'id, value.charterId, value.dueAt, open' })
      .upgrade((tx) =>
        tx
          .table('deliveries')
          .toCollection()
          .modify((row: Row<unknown>) => {
            if (isOpenRecord(row.value)) row.open = 1;
          }),
      );
  }

  rowsOf<C extends Collection>(collection: C): Table<Row<Entities[C]>, string> {
    return this[collection] as unknown as Table<Row<Entities[C]>, string>;
  }
}
