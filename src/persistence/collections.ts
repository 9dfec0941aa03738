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
 * row notice each other through it (a write expects the revision it last saw). A delivery record still
 * open (no `doneAt`, no `actual`) also carries `open: 1`, which an index lists so the first screen can read
 * the open promises without reading the whole log; closed records have no `open` key at all.
 */
export type Row<T> = { id: string; rev: number; value: T; open?: 1 };

/** One item of one collection. */
export type ItemRef = { collection: Collection; id: string };

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

/** Whether a stored delivery record is still open: the same test as Today's (domain/tracker/today.ts). */
export function isOpenRecord(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const { doneAt, actual } = value as { doneAt?: unknown; actual?: unknown };
  return doneAt === null && (actual === null || actual === undefined);
}

/** The row to store for `value` at revision `rev`, with the open flag on open delivery records. */
export function rowOf<C extends Collection>(
  collection: C,
  id: string,
  rev: number,
  value: Entities[C],
): Row<Entities[C]> {
  return collection === 'deliveries' && isOpenRecord(value)
    ? { id, rev, value, open: 1 }
    : { id, rev, value };
}
