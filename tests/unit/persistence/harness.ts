// Shared helpers for the persistence tests: every test gets its own local database (PouchDB on
// fake-indexeddb, loaded by tests/unit/setup-node.ts), inspects it through a second PouchDB object, and
// closes what it opened.
import { afterEach, beforeEach, vi } from 'vitest';
import { defaultCharter } from '../../../src/domain/charter/charter';
import type { Charter } from '../../../src/domain/charter/charter';
import { CURRENT_VERSION } from '../../../src/domain/interchange/backup';
import { COLLECTIONS, keyOf } from '../../../src/persistence/collections';
import type { Collection, Entities, Row } from '../../../src/persistence/collections';
import { openLocalDatabase } from '../../../src/persistence/pouch-db';
import type { LocalDatabase } from '../../../src/persistence/pouch-db';
import { docIdOf, entityDoc, generationOf } from '../../../src/persistence/pouch-docs';
import { Workspace } from '../../../src/persistence/workspace';
import type { SaveStatus } from '../../../src/persistence/autosaver';
import type { WorkspaceOptions, WorkspaceState } from '../../../src/persistence/workspace';
import { T } from '../factories';

// PouchDB's IndexedDB adapter reads navigator.userAgent when it creates a database; Node 20 has no navigator.
if (typeof navigator === 'undefined')
  Object.defineProperty(globalThis, 'navigator', { value: { userAgent: 'node' }, configurable: true });

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
    restoreFakes = keepPouchOnRealTimers();
  });
  afterEach(() => {
    restoreFakes?.();
    vi.useRealTimers();
  });
}

const realSetTimeout = globalThis.setTimeout;
const realClearTimeout = globalThis.clearTimeout;

/**
 * PouchDB defers its own steps with setTimeout (a database is ready one timer after it is created): timers
 * set from PouchDB's code run on the real clock, so storage keeps working while the app's clock stands still.
 */
let restoreFakes: (() => void) | null = null;

function keepPouchOnRealTimers(): () => void {
  const fakeSet = globalThis.setTimeout;
  const fakeClear = globalThis.clearTimeout;
  const real = new Set<unknown>();
  globalThis.setTimeout = ((handler: () => void, ms?: number, ...args: unknown[]) => {
    if (!new Error().stack?.includes('node_modules/pouchdb')) return fakeSet(handler, ms, ...args);
    const timer = realSetTimeout(handler, ms, ...args);
    real.add(timer);
    return timer;
  }) as typeof setTimeout;
  globalThis.clearTimeout = ((timer: Parameters<typeof clearTimeout>[0]) => {
    if (real.delete(timer)) realClearTimeout(timer);
    else fakeClear(timer);
  }) as typeof clearTimeout;
  // vi.useRealTimers() puts back what it replaced only when it finds its own fakes in place.
  return () => {
    globalThis.setTimeout = fakeSet;
    globalThis.clearTimeout = fakeClear;
  };
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

/** A workspace on database `name` (no live updates unless `liveUpdates` is set), closed after the test. */
export function createWorkspace(name: string, options: Partial<WorkspaceOptions> = {}): Workspace {
  return closeLater(
    new Workspace({ openDatabase: () => openLocalDatabase(name), now, liveUpdates: false, ...options }),
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

/** Runs `fn` on a second PouchDB object on database `name`, then closes it. */
export async function withDb<T>(name: string, fn: (db: LocalDatabase) => Promise<T>): Promise<T> {
  const db = openLocalDatabase(name);
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

type Doc = { _id: string; _rev: string; version: unknown; value: unknown; open?: 1 };

async function docsOf(db: LocalDatabase, collection: Collection): Promise<Doc[]> {
  const result = await db.allDocs({
    startkey: `${collection}:`,
    endkey: `${collection}:\ufff0`,
    include_docs: true,
  });
  return result.rows.map((r) => r.doc as unknown as Doc);
}

/** A stored document as the seam's row: revision = the generation of its `_rev`. */
const rowOfDoc = <T>(collection: Collection, doc: Doc): Row<T> => ({
  id: doc._id.slice(collection.length + 1),
  rev: generationOf(doc._rev),
  value: doc.value as T,
  ...(doc.open === 1 ? { open: 1 as const } : {}),
});

export const readRows = <C extends Collection>(name: string, collection: C): Promise<Row<Entities[C]>[]> =>
  withDb(name, async (db) => (await docsOf(db, collection)).map((d) => rowOfDoc<Entities[C]>(collection, d)));

export const readRow = async <C extends Collection>(
  name: string,
  collection: C,
  id: string,
): Promise<Row<Entities[C]> | undefined> => (await readRows(name, collection)).find((r) => r.id === id);

/** Every entity document (revisions and schema versions included) as JSON text, to compare byte for byte. */
export const dumpDb = (name: string): Promise<string> =>
  withDb(name, async (db) => {
    const collections: Record<string, unknown[]> = {};
    for (const collection of COLLECTIONS) collections[collection] = await docsOf(db, collection);
    return JSON.stringify(collections);
  });

/**
 * Writes `entities` straight into the database (what another tab saved): each document is written until
 * its revision is `rev` (at least once).
 */
export function seed<C extends Collection>(
  name: string,
  collection: C,
  entities: readonly Entities[C][],
  rev = 1,
): Promise<void> {
  return seedRaw(
    name,
    collection,
    entities.map((value) => ({ key: keyOf(collection, value), value })),
    rev,
  );
}

/** The live `_rev` of each of `ids` (undefined where none is stored or it is deleted). */
async function currentRevs(db: LocalDatabase, ids: readonly string[]): Promise<(string | undefined)[]> {
  const found = await db.allDocs({ keys: [...ids] });
  return found.rows.map((r) => {
    const value = (r as { value?: { rev: string; deleted?: boolean } }).value;
    return value && !value.deleted ? value.rev : undefined;
  });
}

/**
 * Writes documents straight into the database, values as given (not checked), under their own keys, each
 * written again until its revision is `rev` (at least once).
 */
export function seedRaw(
  name: string,
  collection: Collection,
  rows: readonly { key: string; value: unknown }[],
  rev = 1,
): Promise<void> {
  return withDb(name, async (db) => {
    const ids = rows.map((r) => docIdOf(collection, r.key));
    let revs = await currentRevs(db, ids);
    do {
      const written = await db.bulkDocs(
        rows.map(({ key, value }, i) => ({
          _id: ids[i]!,
          ...(revs[i] ? { _rev: revs[i] } : {}),
          ...entityDoc(collection, key, value),
        })),
      );
      revs = written.map((w) => {
        if (!('ok' in w)) throw new Error(`seed: ${JSON.stringify(w)}`);
        return w.rev;
      });
    } while (revs.some((r) => generationOf(r!) < rev));
  });
}

/** The schema version of every stored entity document, in collection then id order. */
export const storedVersions = (name: string): Promise<unknown[]> =>
  withDb(name, async (db) => {
    const versions: unknown[] = [];
    for (const collection of COLLECTIONS)
      for (const d of await docsOf(db, collection)) versions.push(d.version);
    return versions;
  });

/** Rewrites every stored document of `collections` as written with schema `version` (an older or newer app). */
export function stampVersion(
  name: string,
  version: unknown,
  collections: readonly Collection[] = COLLECTIONS,
): Promise<void> {
  return withDb(name, async (db) => {
    for (const collection of collections) {
      const docs = await docsOf(db, collection);
      if (docs.length > 0) await db.bulkDocs(docs.map((d) => ({ ...d, version })));
    }
  });
}

export { CURRENT_VERSION };

// --- failure injection ---

/** What a write does while the switch is on; null: writes work. */
export type WriteFailure =
  | null
  /** Every write is rejected with `error()`. */
  | { kind: 'reject'; error: () => unknown }
  /**
   * The write's IndexedDB transaction aborts, as a browser's does when the commit exceeds the quota: PouchDB
   * then reports "transaction was aborted" (the quota error itself is lost), and storage is (nearly) full.
   */
  | { kind: 'abort' };

export type FailureSwitch = { failure: WriteFailure; writeAttempts: number };

/** PouchDB's error for an aborted write transaction. */
export const abortedTransaction = () =>
  Object.assign(new Error('transaction was aborted'), { status: 500, name: 'unknown_error', error: true });

/** Makes the writes of `db` (bulkDocs, put) fail while `failureSwitch.failure` is set. */
export function injectWriteFailures(db: LocalDatabase, failureSwitch: FailureSwitch): LocalDatabase {
  const failing =
    <A extends unknown[], R>(write: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      failureSwitch.writeAttempts += 1;
      const failure = failureSwitch.failure;
      if (failure?.kind === 'reject') throw failure.error();
      if (failure?.kind === 'abort') throw abortedTransaction();
      return write(...args);
    };
  const bulkDocs = db.bulkDocs.bind(db) as (...args: unknown[]) => Promise<unknown>;
  const put = db.put.bind(db) as (...args: unknown[]) => Promise<unknown>;
  Object.assign(db, { bulkDocs: failing(bulkDocs), put: failing(put) });
  return db;
}

/** Storage as full as a browser reports it when a write exceeded the quota. */
export const fullStorage = { estimate: () => Promise.resolve({ usage: 1_000, quota: 1_000 }) };

/**
 * A local database object whose every request rejects with `error()` (IndexedDB missing, refused or
 * blocked: PouchDB opens it on the first request, and that request fails).
 */
export function unreachableDatabase(error: () => unknown): LocalDatabase {
  const reject = () => Promise.reject(error());
  return {
    info: reject,
    allDocs: reject,
    bulkDocs: reject,
    get: reject,
    put: reject,
    changes: () => ({ on: () => undefined, cancel: () => undefined }),
    on: () => undefined,
    close: () => Promise.resolve(),
  } as unknown as LocalDatabase;
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
