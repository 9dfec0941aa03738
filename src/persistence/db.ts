import Dexie from 'dexie';
import type { Table } from 'dexie';
import type { Charter, PublishedCharter } from '../domain/charter/charter';
import type { Customer, Deal, DeliveryRecord, RecoveryCase } from '../domain/tracker/tracker';
import type { Settings } from '../domain/settings';

/** What each stored collection holds. */
export type Entities = {
  charters: Charter;
  charterVersions: PublishedCharter;
  customers: Customer;
  deals: Deal;
  deliveries: DeliveryRecord;
  recoveryCases: RecoveryCase;
  settings: Settings;
};
export type Collection = keyof Entities;

export const COLLECTIONS: readonly Collection[] = [
  'charters',
  'charterVersions',
  'customers',
  'deals',
  'deliveries',
  'recoveryCases',
  'settings',
];

/**
 * A stored row: the entity plus a revision that goes up by one on every write. Two tabs editing the same
 * row notice each other through it (a write expects the revision it last saw).
 */
export type Row<T> = { id: string; rev: number; value: T };

export const SETTINGS_ID = 'settings';

/** The storage key of an entity in its collection. */
export function keyOf<C extends Collection>(collection: C, entity: Entities[C]): string {
  if (collection === 'settings') return SETTINGS_ID;
  if (collection === 'charterVersions') {
    const v = entity as PublishedCharter;
    return `${v.charterId}@${v.version}`;
  }
  return (entity as { id: string }).id;
}

export const DEFAULT_DB_NAME = 'service-charter';

/** The IndexedDB database. `meta.schemaVersion` is the domain schema version the rows were written with. */
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
  }

  rowsOf<C extends Collection>(collection: C): Table<Row<Entities[C]>, string> {
    return this[collection] as unknown as Table<Row<Entities[C]>, string>;
  }
}
