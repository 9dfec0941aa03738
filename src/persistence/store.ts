import type { Backup } from '../domain/interchange/backup';
import type { DeliveryRecord } from '../domain/tracker/tracker';
import type { Collection, Entities, ItemRef, Row } from './collections';
import type { ImportBackupResult } from './import-backup';

/*
 * The seam between the workspace and the database engine. Everything the app keeps goes through a `Store`:
 * typed reads and writes of the collections as rows ({ id, rev, value }). The store never validates or
 * interprets values (the workspace reads every stored value through `restore()`); it keeps revisions
 * honest: `commit` refuses a write whose expected revision is not the stored one. The engine is in
 * pouch-store.ts (PouchDB, whose `_rev` generation is the row's revision; see the rules at its top).
 */

/** The rows of every collection as stored, with the schema version they were written with. */
export type StoredRows = { [C in Collection]: Row<Entities[C]>[] };
export type Snapshot = { rows: StoredRows; schemaVersion: unknown };

/** What the first screen needs of the delivery records (see `Store.readFirst`). */
export type FirstRead = {
  /** Records due at or after this instant (ISO 8601) are read too: the recent ones, for "most recent first". */
  dueFrom: string;
  /** Records to read whatever their state (for example the ones a close-time journal names). */
  recordIds: readonly string[];
};

/** One change to write: the new value (undefined: delete) on top of the revision it was made on. */
export type Change = { collection: Collection; id: string; baseRev: number; value: unknown };

/** What a commit wrote: the row's new revision, or that it was deleted. */
export type Written = { collection: Collection; id: string; rev: number; deleted: boolean };

/**
 * A commit met rows whose stored revision is not the one the change was made on. Nothing was written when
 * the check found it; when another tab wrote between the check and the write (PouchDB writes each document
 * on its own), `written` lists the changes that did get written.
 */
export class ConflictError extends Error {
  constructor(
    readonly items: ItemRef[],
    readonly written: readonly Written[] = [],
  ) {
    super('changed elsewhere');
  }
}

export interface Store {
  /** Opens the database; rejects when storage is unusable (private mode, blocked, quota at open). */
  open(): Promise<void>;
  /** False once the engine closed the connection (the workspace then opens a new store). */
  isOpen(): boolean;
  /** Every row of every collection, in one consistent read. */
  readAll(): Promise<Snapshot>;
  /**
   * Every row of every collection except the delivery log, of which only the records Today needs: the open
   * ones, those due since `first.dueFrom`, those the recovery cases refer to and `first.recordIds`.
   * One consistent read; the rest of the log is read afterwards with `readDeliveries`.
   */
  readFirst(first: FirstRead): Promise<Snapshot>;
  /** How many delivery records are stored. */
  countDeliveries(): Promise<number>;
  /** Up to `limit` delivery rows in id order after id `after` (null: from the first). */
  readDeliveries(after: string | null, limit: number): Promise<Row<DeliveryRecord>[]>;
  /** The stored rows of `refs`, in order (undefined where there is none). */
  get(refs: readonly ItemRef[]): Promise<(Row<unknown> | undefined)[]>;
  /**
   * Writes `changes` and the current schema version in one transaction, each row's revision raised by one;
   * throws `ConflictError` (writing nothing) when a stored revision differs from a change's `baseRev`.
   */
  commit(changes: readonly Change[]): Promise<Written[]>;
  /** Makes the store hold exactly `plan` (import-backup.ts), all or nothing. Never rejects. */
  importPlan(plan: Backup): Promise<ImportBackupResult>;
  /**
   * Calls `onChange` with items others wrote (other tabs, replication) as they are written; returns a
   * function that stops it. Optional: an engine without a changes feed leaves it out.
   */
  subscribe?(onChange: (items: ItemRef[]) => void): () => void;
  close(): void;
}
