// Shared helpers for the persistence tests: every test gets its own IndexedDB database (fake-indexeddb,
// loaded by tests/unit/setup-node.ts), inspects it through a second connection, and closes what it opened.
import Dexie from 'dexie';
import type { DBCore, DBCoreMutateRequest, DBCoreMutateResponse } from 'dexie';
import { afterEach, beforeEach, vi } from 'vitest';
import { defaultCharter } from '../../../src/domain/charter/charter';
import type { Charter } from '../../../src/domain/charter/charter';
import { CURRENT_VERSION } from '../../../src/domain/interchange/backup';
import { COLLECTIONS, keyOf, rowOf } from '../../../src/persistence/collections';
import type { Collection, Entities, Row } from '../../../src/persistence/collections';
import { CharterDatabase } from '../../../src/persistence/db';
import { Workspace } from '../../../src/persistence/workspace';
import type { SaveStatus } from '../../../src/persistence/autosaver';
import type { WorkspaceOptions, WorkspaceState } from '../../../src/persistence/workspace';
import { T } from '../factories';

/** The clock every workspace in these tests reads. */
export const NOW = '2026-04-01T12:00:00.000Z';
export const now = (): string => NOW;

let sequence = 0;

/** A database (or channel) name no other test uses. */
export function uniqueName(label: string): string {
  sequence += 1;
  return `persistence-${label}-${sequence}-${Math.random().toString(36).slice(2, 8)}`;
}

/** A valid draft charter with `id` (ids match /^[A-Za-z0-9_-]+$/) and `title`. */
export function charter(id: string, title = ''): Charter {
  return defaultCharter({ id, now: T.created, locale: 'ko', title });
}

/**
 * Puts setTimeout, clearTimeout and performance.now() of the tests in the calling file on a fake clock that
 * `elapse` moves; IndexedDB (fake-indexeddb, on setImmediate) still runs for real, so a save started by a
 * timer completes while the clock stands still.
 */
export function runOnFakeClock(): void {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });
}

/**
 * Moves the fake clock `ms` ahead, running the timers due meanwhile (autosave, retries), then waits for the
 * saves they started to finish.
 */
export async function elapse(workspace: Workspace, ms: number): Promise<void> {
  await vi.advanceTimersByTimeAsync(ms);
  await workspace.whenIdle();
}

// --- things to close after each test ---

const toClose: { close(): void }[] = [];

/** Closes `thing` after the current test. */
export function closeLater<T extends { close(): void }>(thing: T): T {
  toClose.push(thing);
  return thing;
}

afterEach(() => {
  for (const thing of toClose.splice(0)) thing.close();
});

// --- workspaces ---

/** A workspace on database `name` (no BroadcastChannel unless `channelName` is given), closed after the test. */
export function createWorkspace(name: string, options: Partial<WorkspaceOptions> = {}): Workspace {
  return closeLater(
    new Workspace({ openDatabase: () => new CharterDatabase(name), now, channelName: null, ...options }),
  );
}

/** `createWorkspace` followed by `load()`. */
export async function loadWorkspace(
  name: string,
  options: Partial<WorkspaceOptions> = {},
): Promise<Workspace> {
  const workspace = createWorkspace(name, options);
  await workspace.load();
  return workspace;
}

/**
 * Resolves with the milliseconds waited once `predicate` holds for the workspace's state (checked now and
 * on every change); rejects after `timeoutMs` with the last state.
 */
export function until(
  workspace: Workspace,
  predicate: (state: WorkspaceState) => boolean,
  timeoutMs = 1_000,
): Promise<number> {
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const check = () => {
      if (!predicate(workspace.getState())) return false;
      clearTimeout(timer);
      unsubscribe();
      resolve(performance.now() - start);
      return true;
    };
    const timer = setTimeout(() => {
      unsubscribe();
      reject(
        new Error(
          `state not reached in ${timeoutMs} ms; save is ${JSON.stringify(workspace.getState().save)}`,
        ),
      );
    }, timeoutMs);
    const unsubscribe = workspace.subscribe(() => void check());
    check();
  });
}

/** Waits until the save status has `kind`. */
export const untilSave = (workspace: Workspace, kind: SaveStatus['kind'], timeoutMs = 1_000) =>
  until(workspace, (s) => s.save.kind === kind, timeoutMs);

/** Every save status kind the workspace goes through from now on, consecutive repeats collapsed. */
export function recordSaveKinds(workspace: Workspace): SaveStatus['kind'][] {
  const kinds: SaveStatus['kind'][] = [];
  workspace.subscribe(() => {
    const kind = workspace.getState().save.kind;
    if (kinds.at(-1) !== kind) kinds.push(kind);
  });
  return kinds;
}

/** The in-memory entities of `collection` as a plain object keyed by storage key. */
export function memory<C extends Collection>(
  workspace: Workspace,
  collection: C,
): Record<string, Entities[C]> {
  return Object.fromEntries(workspace.getState().data[collection]) as Record<string, Entities[C]>;
}

// --- looking at (and writing) the database directly ---

/** Runs `fn` on a fresh connection to database `name`, then closes it. */
export async function withDb<T>(name: string, fn: (db: CharterDatabase) => Promise<T>): Promise<T> {
  const db = new CharterDatabase(name);
  try {
    await db.open();
    return await fn(db);
  } finally {
    db.close();
  }
}

export const readRows = <C extends Collection>(name: string, collection: C): Promise<Row<Entities[C]>[]> =>
  withDb(name, (db) => db.rowsOf(collection).toArray());

export const readRow = <C extends Collection>(
  name: string,
  collection: C,
  id: string,
): Promise<Row<Entities[C]> | undefined> => withDb(name, (db) => db.rowsOf(collection).get(id));

/** Everything in the database (every table, meta included) as JSON text, to compare byte for byte. */
export const dumpDb = (name: string): Promise<string> =>
  withDb(name, async (db) => {
    const tables: Record<string, unknown[]> = {};
    for (const collection of COLLECTIONS) tables[collection] = await db.rowsOf(collection).toArray();
    tables.meta = await db.meta.toArray();
    return JSON.stringify(tables);
  });

/** Writes `entities` straight into the database as rows with revision `rev` (what another tab saved). */
export function seed<C extends Collection>(
  name: string,
  collection: C,
  entities: readonly Entities[C][],
  rev = 1,
): Promise<void> {
  return withDb(name, async (db) => {
    await db
      .rowsOf(collection)
      .bulkPut(entities.map((value) => rowOf(collection, keyOf(collection, value), rev, value)));
    await db.meta.put({ key: 'schemaVersion', value: CURRENT_VERSION });
  });
}

// --- failure injection ---

/** What a write does while the switch is on; null: writes work. */
export type WriteFailure =
  | null
  /** Every write request is rejected with `error()` (Dexie passes it through `mapError`). */
  | { kind: 'reject'; error: () => unknown }
  /**
   * Writes succeed, then the transaction aborts with `error()` as `transaction.error`, as a browser does
   * when the commit exceeds the quota (Dexie reports `AbortError` with the DOM error as `inner`).
   */
  | { kind: 'abort'; error: () => DOMException };

export type FailureSwitch = { failure: WriteFailure; writeAttempts: number };

/**
 * Adds a DBCore middleware to `db` that fails writes while `failureSwitch.failure` is set. Only the last
 * write of a transaction (the workspace always ends with `meta`) aborts in the `abort` mode.
 */
export function injectWriteFailures(db: CharterDatabase, failureSwitch: FailureSwitch): CharterDatabase {
  db.use({
    stack: 'dbcore',
    name: 'inject-write-failures',
    create: (down: DBCore): DBCore => ({
      ...down,
      table: (tableName) => {
        const table = down.table(tableName);
        return {
          ...table,
          mutate: async (request: DBCoreMutateRequest): Promise<DBCoreMutateResponse> => {
            failureSwitch.writeAttempts += 1;
            const failure = failureSwitch.failure;
            if (failure?.kind === 'reject') throw failure.error();
            const response = await table.mutate(request);
            if (failure?.kind === 'abort' && tableName === 'meta') {
              const transaction = request.trans as unknown as IDBTransaction;
              Object.defineProperty(transaction, 'error', { value: failure.error(), configurable: true });
              transaction.abort();
            }
            return response;
          },
        };
      },
    }),
  });
  return db;
}

/**
 * Builds a Dexie database while `Dexie.dependencies.indexedDB` is `factory` (undefined: no IndexedDB at all,
 * as in some private modes); Dexie reads the dependency when the database object is constructed.
 */
export function databaseWithIndexedDb(name: string, factory: IDBFactory | undefined): CharterDatabase {
  const dependencies = Dexie.dependencies as { indexedDB: IDBFactory | undefined };
  const saved = dependencies.indexedDB;
  dependencies.indexedDB = factory;
  try {
    return new CharterDatabase(name);
  } finally {
    dependencies.indexedDB = saved;
  }
}

// --- localStorage stand-in for the journal ---

/** An in-memory `Storage` (localStorage) that keeps insertion order. */
export class MemoryStorage implements Storage {
  [name: string]: unknown;
  private readonly items = new Map<string, string>();

  get length(): number {
    return this.items.size;
  }
  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, String(value));
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
  clear(): void {
    this.items.clear();
  }
  keys(): string[] {
    return [...this.items.keys()];
  }
}
