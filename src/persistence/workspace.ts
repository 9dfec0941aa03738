import { BACKUP_FORMAT, CURRENT_VERSION } from '../domain/interchange/backup';
import type { Backup } from '../domain/interchange/backup';
import type { RestoreError } from '../domain/interchange/errors';
import { defaultSettings } from '../domain/settings';
import type { Settings } from '../domain/settings';
import type { DeliveryRecord } from '../domain/tracker/tracker';
import { Autosaver, refKey } from './autosaver';
import type { SaveStatus } from './autosaver';
import { COLLECTIONS, SETTINGS_ID, keyOf } from './collections';
import type { Collection, Entities, ItemRef } from './collections';
import type { ImportBackupResult } from './import-backup';
import type { Journal } from './journal';
import { openLocalDatabase } from './pouch-db';
import type { LocalDatabase } from './pouch-db';
import { PouchStore } from './pouch-store';
import type { ExternalChange, SyncConflict } from './pouch-store';
import { classifyStorageError } from './storage-errors';
import { ConflictError } from './store';
import type { Snapshot, Store, Written } from './store';
import { restoreDeliveryRows, restoreOne, restoreSnapshot } from './stored-data';
import type { RestoredRow } from './stored-data';
import { sortRemoteWrites } from './tab-sync';

/** Whether the browser promised to keep this site's data (navigator.storage.persist). */
export type PersistState = 'unknown' | 'granted' | 'denied' | 'unsupported';

export type Data = { readonly [C in Collection]: ReadonlyMap<string, Entities[C]> };

/**
 * How much of the delivery log is in memory. Startup reads what Today needs first (every open record, the
 * recent ones, those a recovery case or a close-time journal names), then the rest in chunks: `loaded`
 * of `total` stored records read so far. Screens that need every record wait for `complete`.
 */
export type LogState = { complete: boolean; loaded: number; total: number };

export type WorkspaceState = {
  /** `damaged`: stored data failed validation; nothing is written until the user acts. */
  phase: 'loading' | 'ready' | 'damaged';
  data: Data;
  save: SaveStatus;
  persist: PersistState;
  loadErrors: RestoreError[];
  /** The stored data as read, kept so a damaged store can be downloaded untouched. */
  storedRaw: unknown;
  log: LogState;
  /**
   * Entities two devices changed at the same place differently (sync): both versions kept until the user
   * picks one with `resolveSyncConflict`; memory shows the first version meanwhile.
   */
  syncConflicts: SyncConflict[];
};

export type WorkspaceOptions = {
  /** The store to keep everything in (a new one after the engine closed the last). */
  openStore?: () => Store;
  /** Shorthand for `openStore` with the PouchDB store on this database (default: `openLocalDatabase()`). */
  openDatabase?: () => LocalDatabase;
  /**
   * Runs on the database each time the store is opened, before anything is read (the app: the one-time
   * move from Dexie). A rejection is a storage failure: the workspace works in memory and tries again.
   */
  prepareDatabase?: (db: LocalDatabase) => Promise<void>;
  /** The current instant as ISO 8601. */
  now: () => string;
  /** Autosave delay after the last change (the product promises ≤ 350 ms). */
  delayMs?: number;
  /** Delays between automatic retries after a failed save. */
  retryDelaysMs?: readonly number[];
  storage?: Partial<Pick<StorageManager, 'persist' | 'persisted' | 'estimate'>> | undefined;
  /**
   * Whether writes made elsewhere (other tabs, replication) are shown as they happen, through the store's
   * changes feed (default true). Off, the revision check still refuses a save over them.
   */
  liveUpdates?: boolean;
  /** Synchronous store for edits not yet saved when the page closes. */
  journal?: Journal | undefined;
  /** Resolves when the rest of the log may be read (the app: once Today is painted). Default: at once. */
  beforeRestOfLog?: () => Promise<void>;
  /** Records due within this many days before now are read with the first screen (default 3). */
  recentDays?: number;
  /** Records per step of the rest-of-log read (default 10,000: about a tenth of a second each on a phone). */
  logChunk?: number;
};

/**
 * Delivery records read per step of the rest of the log. Smaller steps keep each main-thread task short;
 * in Chromium steps of 4,000 took about 1.5 × as long in all as one read, steps of 10,000 about the same.
 */
const LOG_CHUNK = 10_000;
const DAY_MS = 86_400_000;

const emptyData = (): Data => ({
  charters: new Map(),
  charterVersions: new Map(),
  customers: new Map(),
  deals: new Map(),
  deliveries: new Map(),
  recoveryCases: new Map(),
  settings: new Map(),
});

type AnyMaps = Record<Collection, Map<string, unknown>>;

/**
 * Everything the user has, held in memory and autosaved through a `Store`: the wiring of the store
 * (store.ts), the autosaver (when to save), the tab sync (other tabs' writes and clashes) and the
 * close-time journal. Writes are debounced, flushed at once when the page is hidden, kept in memory when
 * storage fails (and all written by the next successful save), and refused — with the user told — when
 * another tab changed the same item first. Every stored value is read through `restore()`.
 */
export class Workspace {
  private state: WorkspaceState = {
    phase: 'loading',
    data: emptyData(),
    save: { kind: 'idle' },
    persist: 'unknown',
    loadErrors: [],
    storedRaw: null,
    log: { complete: false, loaded: 0, total: 0 },
    syncConflicts: [],
  };
  private readonly listeners = new Set<() => void>();
  /** The stored revision each item in memory was read or last saved at. */
  private readonly revs = new Map<string, number>();
  private closed = false;
  private store: Store | null = null;
  private loadedFromDb = false;
  private unsubscribe: (() => void) | null = null;
  /** Items others wrote, waiting to be applied (onRemoteWrite), and the run applying them. */
  private readonly remoteWaiting = new Map<string, ItemRef>();
  private remoteApplying: Promise<void> | null = null;
  private readonly autosaver: Autosaver;
  /** Delivery records changed in memory while the rest of the log is read; that read must not replace them. */
  private touched: Set<string> | null = null;
  /** Bumped by every whole read, so a rest-of-log read overtaken by one is dropped. */
  private logGeneration = 0;
  private resolveLog!: () => void;
  private readonly logCompleted = new Promise<void>((resolve) => (this.resolveLog = resolve));

  constructor(private readonly options: WorkspaceOptions) {
    this.autosaver = new Autosaver({
      delayMs: options.delayMs ?? 300,
      retryDelaysMs: options.retryDelaysMs ?? [2_000, 5_000, 10_000, 30_000],
      save: () => this.saveOnce(),
      status: () => this.state.save,
      setStatus: (save) => this.set({ save }),
    });
  }

  // --- subscription (for React's useSyncExternalStore) ---

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getState = (): WorkspaceState => this.state;

  private set(patch: Partial<WorkspaceState>) {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener();
  }

  private setSave(save: SaveStatus) {
    this.set({ save });
  }

  get settings(): Settings {
    return this.state.data.settings.get(SETTINGS_ID) ?? defaultSettings;
  }

  /** Resolves once every stored delivery record is in memory (or storage could not be read). */
  whenLogComplete(): Promise<void> {
    return this.logCompleted;
  }

  private completeLog(): LogState {
    this.resolveLog();
    const size = this.state.data.deliveries.size;
    return { complete: true, loaded: size, total: size };
  }

  // --- loading ---

  /**
   * Opens the store and reads everything through `restore()`: first what Today needs (the phase becomes
   * `ready`), then the rest of the log. Resolves when both are done. Never rejects.
   */
  async load(): Promise<void> {
    let store: Store;
    try {
      store = await this.openStore();
    } catch (error) {
      // Work in memory; the first save that gets through writes everything.
      this.set({ phase: 'ready', save: { kind: 'failed', reason: classifyStorageError(error) } });
      this.set({ log: this.completeLog() });
      this.autosaver.scheduleRetry();
      void this.checkPersisted();
      return;
    }
    let restOfLog = false;
    try {
      restOfLog = await this.readFirst(store);
    } catch (error) {
      this.set({ phase: 'ready', save: { kind: 'failed', reason: classifyStorageError(error) } });
      this.set({ log: this.completeLog() });
      this.autosaver.scheduleRetry();
    }
    // After reading settings, which remember whether persistence was already asked for.
    void this.checkPersisted();
    // A choice left open when the app last closed is offered again.
    if (store instanceof PouchStore) void this.offerOpenConflicts(store);
    if (restOfLog) await this.readRestOfLog(store, this.logGeneration);
  }

  private async openStore(): Promise<Store> {
    if (this.store?.isOpen()) return this.store;
    this.store = null;
    const { openStore, openDatabase, prepareDatabase } = this.options;
    let store: Store;
    if (openStore) {
      store = openStore();
      await store.open();
    } else {
      const db = (openDatabase ?? openLocalDatabase)();
      const pouchStore = new PouchStore(db, {
        estimate: this.options.storage?.estimate?.bind(this.options.storage),
      });
      await pouchStore.open();
      try {
        await prepareDatabase?.(db);
      } catch (error) {
        pouchStore.close();
        throw error;
      }
      store = pouchStore;
    }
    if (this.closed) {
      store.close();
      throw new Error('workspace closed');
    }
    this.store = store;
    this.unsubscribe?.();
    this.unsubscribe =
      this.options.liveUpdates === false
        ? null
        : store instanceof PouchStore
          ? store.subscribe(
              (items) => void this.onRemoteWrite(items),
              (ref, conflicts) => this.noteSyncConflicts(ref, conflicts),
            )
          : (store.subscribe?.((items) => void this.onRemoteWrite(items)) ?? null);
    return store;
  }

  /** Reads what Today needs; true when the rest of the log is still to be read. */
  private async readFirst(store: Store): Promise<boolean> {
    const journals = this.options.journal?.read() ?? [];
    const recordIds = journals.flatMap(({ entries }) =>
      entries.filter((e) => e.collection === 'deliveries').map((e) => e.id),
    );
    const nowMs = Date.parse(this.options.now());
    const dueFrom = new Date(nowMs - (this.options.recentDays ?? 3) * DAY_MS).toISOString();
    const snapshot = await store.readFirst({ dueFrom, recordIds });
    // Data of another schema version is migrated (or refused) as a whole, as it always was.
    if (snapshot.schemaVersion !== CURRENT_VERSION) {
      await this.readAll(store);
      return false;
    }
    this.touched = new Set();
    return this.apply(snapshot, false);
  }

  /** Reads every stored row through `restore()` into memory (unsaved edits win), in one go. */
  private async readAll(store: Store): Promise<void> {
    const snapshot = await store.readAll();
    this.logGeneration++;
    this.touched = null;
    this.apply(snapshot, true);
  }

  /** Puts a snapshot read through `restore()` into memory; false when it is damaged. */
  private apply(snapshot: Snapshot, whole: boolean): boolean {
    const result = restoreSnapshot(snapshot, this.options.now());
    if (!result.ok) {
      this.set({ phase: 'damaged', loadErrors: result.errors, storedRaw: result.document });
      this.set({ log: this.completeLog() });
      return false;
    }
    const data = { ...this.state.data } as AnyMaps;
    for (const collection of COLLECTIONS) {
      const map = new Map(data[collection]);
      for (const { row, entity } of result.items[collection]) {
        const key = refKey(collection, row.id);
        if (this.autosaver.has(key)) continue; // an edit made while storage was unreachable wins (rev check guards it)
        map.set(row.id, entity);
        this.revs.set(key, typeof row.rev === 'number' ? row.rev : 0);
        // Rows written by an older schema are rewritten in the current shape.
        if (result.migrated) this.markDirty(collection, row.id);
      }
      data[collection] = map;
    }
    this.loadedFromDb = true;
    const size = data.deliveries.size;
    this.set({ phase: 'ready', data: data as unknown as Data });
    this.set({ log: whole ? this.completeLog() : { complete: false, loaded: size, total: size } });
    this.replayJournals();
    this.set({ save: this.autosaver.size > 0 ? { kind: 'pending' } : this.state.save });
    if (this.autosaver.size > 0) this.autosaver.schedule();
    return true;
  }

  /**
   * Reads the delivery records the first read left out, chunk by chunk, each through `restore()`, and adds
   * them to memory in one step at the end. Records created, changed or deleted in memory meanwhile (here or
   * by another tab) keep their in-memory state. A chunk that does not pass sends the whole store through
   * the ordinary read (after pending edits are saved), which shows it as damaged.
   */
  private async readRestOfLog(store: Store, generation: number): Promise<void> {
    await this.options.beforeRestOfLog?.();
    const current = () => !this.closed && generation === this.logGeneration;
    const found: RestoredRow<DeliveryRecord>[] = [];
    const order: string[] = [];
    try {
      const total = await store.countDeliveries();
      // Nothing to show progress of when there is nothing to read (a new user's first start).
      if (current() && total > 0) this.set({ log: { complete: false, loaded: 0, total } });
      let loaded = 0;
      let after: string | null = null;
      for (;;) {
        if (!current()) return;
        const rows = await store.readDeliveries(after, this.options.logChunk ?? LOG_CHUNK);
        if (rows.length === 0) break;
        after = rows[rows.length - 1]!.id;
        loaded += rows.length;
        for (const row of rows) order.push(row.id);
        const known = this.state.data.deliveries;
        const fresh = rows.filter((r) => !known.has(r.id) && !this.touched?.has(refKey('deliveries', r.id)));
        const restored = restoreDeliveryRows(fresh, this.options.now());
        if (restored === null) {
          if (!current()) return;
          this.logGeneration++;
          void this.flush();
          await this.autosaver.enqueue(() => this.readAllOrFail());
          return;
        }
        found.push(...restored);
        if (current()) this.set({ log: { complete: false, loaded: Math.min(loaded, total), total } });
      }
    } catch (error) {
      if (!current()) return;
      // The next save attempt reads everything again (saveOnce), which completes the log.
      this.loadedFromDb = false;
      this.onFailure(error);
      return;
    }
    if (!current()) return;
    // In stored (id) order, as a whole read gives them; records new in memory since come last.
    const memory = this.state.data.deliveries;
    const read = new Map(found.map((f) => [f.row.id, f]));
    const map = new Map<string, DeliveryRecord>();
    for (const id of order) {
      const kept = memory.get(id);
      if (kept !== undefined) {
        map.set(id, kept);
        continue;
      }
      const key = refKey('deliveries', id);
      const restored = read.get(id);
      if (!restored || this.touched?.has(key) || this.autosaver.has(key)) continue;
      map.set(id, restored.entity);
      this.revs.set(key, typeof restored.row.rev === 'number' ? restored.row.rev : 0);
    }
    for (const [id, record] of memory) if (!map.has(id)) map.set(id, record);
    this.touched = null;
    // Nothing new and the same order: the same map, so nothing computed from it is computed again.
    const memoryIds = [...memory.keys()];
    const same = map.size === memory.size && [...map.keys()].every((id, i) => id === memoryIds[i]);
    if (!same) this.state = { ...this.state, data: { ...this.state.data, deliveries: map } };
    this.set({ log: this.completeLog() });
  }

  private async readAllOrFail(): Promise<void> {
    try {
      await this.readAll(await this.openStore());
    } catch (error) {
      this.onFailure(error);
    }
  }

  /** Applies the unsaved edits of pages that closed before their save finished. */
  private replayJournals() {
    const journals = this.options.journal?.read() ?? [];
    for (const { entries, remove } of journals) {
      for (const entry of entries) {
        const key = refKey(entry.collection, entry.id);
        const stored = this.state.data[entry.collection].get(entry.id) ?? null;
        // Already saved after all (the closing page's write finished): nothing to replay.
        if (JSON.stringify(stored) === JSON.stringify(entry.value)) continue;
        // The edit was made on top of `baseRev`; if storage moved on since, the save reports a conflict.
        this.revs.set(key, entry.baseRev);
        if (entry.value === null) this.remove(entry.collection, entry.id);
        else this.put(entry.collection, entry.value as Entities[Collection]);
      }
      remove();
    }
  }

  /**
   * Makes storage hold exactly `plan` (from planImport) in one transaction, then reloads memory from it.
   * All or nothing: on any failure storage is as it was and the reason is returned. Never rejects.
   * The plan must have been made from the whole log (`log.complete`).
   */
  async importPlan(plan: Backup): Promise<ImportBackupResult> {
    await this.flush();
    let store: Store;
    try {
      store = await this.openStore();
    } catch (error) {
      return { ok: false, reason: 'storage', failure: classifyStorageError(error) };
    }
    const result = await store.importPlan(plan);
    if (result.ok) await this.reload();
    return result;
  }

  /**
   * Saves pending edits, then re-reads everything from the store through `restore()` — for after an
   * import wrote to it behind the workspace's back. Items no longer stored leave memory; edits still unsaved
   * stay and win as usual. On a storage failure memory is left as it was. Never rejects.
   */
  reload(): Promise<void> {
    void this.flush();
    return this.autosaver.enqueue(() => this.reloadOnce());
  }

  private async reloadOnce(): Promise<void> {
    if (this.closed) return;
    const before = new Map(this.revs);
    // readAll sets the revision of every row it finds; a saved item left without one is no longer stored.
    for (const key of [...this.revs.keys()]) if (!this.autosaver.has(key)) this.revs.delete(key);
    try {
      await this.readAll(await this.openStore());
    } catch (error) {
      // Memory was not touched: keep showing it, with the revisions it was read at.
      for (const [key, rev] of before) if (!this.revs.has(key)) this.revs.set(key, rev);
      this.onFailure(error);
      return;
    }
    if (this.state.phase !== 'ready') {
      for (const [key, rev] of before) if (!this.revs.has(key)) this.revs.set(key, rev);
      return;
    }
    const data = { ...this.state.data } as AnyMaps;
    for (const collection of COLLECTIONS) {
      const gone = [...data[collection].keys()].filter((id) => {
        const key = refKey(collection, id);
        return !this.autosaver.has(key) && !this.revs.has(key);
      });
      if (gone.length === 0) continue;
      const map = new Map(data[collection]);
      for (const id of gone) map.delete(id);
      data[collection] = map;
    }
    this.set({ data: data as unknown as Data, loadErrors: [], storedRaw: null });
  }

  // --- editing ---

  /** Stores `entity` in memory now and on disk within the autosave delay. */
  put<C extends Collection>(collection: C, entity: Entities[C]): void {
    if (this.state.phase === 'damaged') return;
    const id = keyOf(collection, entity);
    const map = new Map(this.state.data[collection]).set(id, entity);
    this.state = { ...this.state, data: { ...this.state.data, [collection]: map } };
    this.markDirty(collection, id);
  }

  /** Removes an item in memory now and on disk within the autosave delay. */
  remove(collection: Collection, id: string): void {
    if (this.state.phase === 'damaged' || !this.state.data[collection].has(id)) return;
    const map = new Map(this.state.data[collection] as Map<string, unknown>);
    map.delete(id);
    this.state = { ...this.state, data: { ...this.state.data, [collection]: map } };
    this.markDirty(collection, id);
  }

  private markDirty(collection: Collection, id: string) {
    if (collection === 'deliveries') this.touched?.add(refKey(collection, id));
    const before = this.state;
    this.autosaver.mark(collection, id);
    if (this.state === before) this.set({});
  }

  // --- saving ---

  /** Writes every pending change now. Resolves when done (successfully or not); never rejects. */
  flush(): Promise<void> {
    return this.autosaver.flush();
  }

  /** Same as flush, for a "Try again" button. */
  retry(): Promise<void> {
    return this.autosaver.retry();
  }

  /** Resolves once the changes others made, handed over so far, are applied to memory. */
  async whenRemoteWritesApplied(): Promise<void> {
    while (this.remoteApplying) await this.remoteApplying;
  }

  /** Resolves when the saves and reloads already started or queued are done (starts none). */
  whenIdle(): Promise<void> {
    return this.autosaver.enqueue(() => Promise.resolve());
  }

  private async saveOnce(): Promise<void> {
    if (this.closed || this.state.phase !== 'ready' || this.state.save.kind === 'conflict') return;
    let store: Store;
    try {
      store = await this.openStore();
      if (!this.loadedFromDb) await this.readAll(store);
    } catch (error) {
      this.onFailure(error);
      return;
    }
    // Storage that came back damaged (or from a newer app) is never written to.
    if (this.closed || (this.state.phase as WorkspaceState['phase']) !== 'ready') return;
    if (this.autosaver.size === 0) {
      if (this.state.save.kind === 'failed') this.setSave({ kind: 'saved', at: this.options.now() });
      return;
    }
    const batch = this.autosaver.pending();
    this.setSave({ kind: 'saving' });
    let written;
    try {
      written = await store.commit(
        batch.map(({ collection, id }) => ({
          collection,
          id,
          baseRev: this.revs.get(refKey(collection, id)) ?? 0,
          value: this.state.data[collection].get(id),
        })),
      );
    } catch (error) {
      // Written before another tab's write was met: those items are saved (the rest is the conflict).
      if (error instanceof ConflictError && error.written.length > 0)
        this.recordWritten(batch, error.written);
      this.onFailure(error);
      return;
    }
    this.recordWritten(batch, written);
    this.setSave(this.autosaver.size > 0 ? { kind: 'pending' } : { kind: 'saved', at: this.options.now() });
    if (this.autosaver.size > 0) this.autosaver.schedule();
    else this.options.journal?.clear();
    void this.askPersistence();
  }

  private recordWritten(batch: ReturnType<Autosaver['pending']>, written: readonly Written[]) {
    for (const w of written) {
      const key = refKey(w.collection, w.id);
      if (w.deleted) this.revs.delete(key);
      else this.revs.set(key, w.rev);
    }
    const done = new Set(written.map((w) => refKey(w.collection, w.id)));
    this.autosaver.saved(batch.filter((d) => done.has(refKey(d.collection, d.id))));
  }

  private onFailure(error: unknown) {
    if (error instanceof ConflictError) {
      this.setSave({ kind: 'conflict', items: error.items });
      return;
    }
    if (this.store && !this.store.isOpen()) this.store = null;
    this.setSave({ kind: 'failed', reason: classifyStorageError(error) });
    this.autosaver.failed();
  }

  // --- two tabs ---

  /** Settles a conflict: keep this tab's edits (overwrite) or take what the other tab stored. */
  async resolveConflict(choice: 'mine' | 'theirs'): Promise<void> {
    const save = this.state.save;
    if (save.kind !== 'conflict') return;
    let rows;
    try {
      rows = await (await this.openStore()).get(save.items);
    } catch (error) {
      this.onFailure(error);
      return;
    }
    const data = { ...this.state.data } as AnyMaps;
    save.items.forEach((item, index) => {
      const key = refKey(item.collection, item.id);
      const row = rows[index];
      if (choice === 'mine') {
        this.revs.set(key, row?.rev ?? 0);
        return;
      }
      const map = new Map(data[item.collection]);
      const theirs = row ? restoreOne(item.collection, row.value) : undefined;
      if (row && theirs === undefined) {
        // The other tab's row does not pass validation: keep this tab's version rather than show bad data.
        this.revs.set(key, row.rev);
        return;
      }
      if (row) {
        map.set(item.id, theirs);
        this.revs.set(key, row.rev);
      } else {
        map.delete(item.id);
        this.revs.delete(key);
      }
      data[item.collection] = map;
      this.autosaver.forget(key);
    });
    this.set({
      data: data as unknown as Data,
      save: this.autosaver.size > 0 ? { kind: 'pending' } : { kind: 'saved', at: this.options.now() },
    });
    await this.flush();
  }

  /**
   * Another tab (or replication) wrote `items`. One batch is applied at a time: what arrives meanwhile
   * waits and is applied next, all together (each item once), so a first sync's thousands of documents
   * make a few reads and state updates, not one each.
   */
  private onRemoteWrite(items: ExternalChange[]): Promise<void> {
    for (const item of items) this.remoteWaiting.set(refKey(item.collection, item.id), item);
    if (this.remoteApplying) return this.remoteApplying;
    const run = async () => {
      await Promise.resolve(); // `remoteApplying` is set before this run can end
      try {
        while (this.remoteWaiting.size > 0) {
          const batch = [...this.remoteWaiting.values()];
          this.remoteWaiting.clear();
          await this.applyRemoteWrites(batch);
        }
      } finally {
        this.remoteApplying = null;
      }
    };
    this.remoteApplying = run();
    return this.remoteApplying;
  }

  /** Re-reads `items` (written by others) where this tab has not changed them; the others are a conflict. */
  private async applyRemoteWrites(items: ExternalChange[]): Promise<void> {
    if (this.state.phase !== 'ready') return;
    const { conflict, reread } = sortRemoteWrites(
      items.map(({ collection, id }) => ({ collection, id })),
      (i) => this.autosaver.has(refKey(i.collection, i.id)),
      this.state.save.kind === 'conflict' ? this.state.save.items : [],
    );
    if (conflict) this.setSave({ kind: 'conflict', items: conflict });
    // Sync conflicts settled by these changes end together with the read of the settled values.
    const settled = new Set(items.filter((i) => i.settled).map((i) => refKey(i.collection, i.id)));
    const syncConflicts = () =>
      settled.size === 0
        ? this.state.syncConflicts
        : this.state.syncConflicts.filter((c) => !settled.has(refKey(c.ref.collection, c.ref.id)));
    if (reread.length === 0) {
      if (settled.size > 0) this.set({ syncConflicts: syncConflicts() });
      return;
    }
    // Re-read here: the rest-of-log read (if still running) must not put back an older copy.
    const marked = reread
      .filter(
        (r) => r.collection === 'deliveries' && this.touched && !this.touched.has(refKey(r.collection, r.id)),
      )
      .map((r) => refKey(r.collection, r.id));
    for (const key of marked) this.touched?.add(key);
    try {
      const rows = await (await this.openStore()).get(reread);
      // The other tab's row is validated like everything else before it is shown.
      const data = { ...this.state.data } as AnyMaps;
      // Each collection's map is copied once per batch (not once per item: thousands of items).
      const copied = new Set<Collection>();
      reread.forEach((ref, index) => {
        const key = refKey(ref.collection, ref.id);
        if (this.autosaver.has(key)) return;
        const row = rows[index];
        if (!copied.has(ref.collection)) {
          data[ref.collection] = new Map(data[ref.collection]);
          copied.add(ref.collection);
        }
        const map = data[ref.collection];
        if (!row) {
          map.delete(ref.id);
          this.revs.delete(key);
        } else {
          const checked = restoreOne(ref.collection, row.value);
          if (checked === undefined) return;
          map.set(ref.id, checked);
          this.revs.set(key, row.rev);
        }
      });
      this.set({ data: data as unknown as Data, syncConflicts: syncConflicts() });
    } catch {
      if (settled.size > 0) this.set({ syncConflicts: syncConflicts() });
      // Not re-read: the rest-of-log read may bring these (a stale copy still meets the revision check).
      for (const key of marked) this.touched?.delete(key);
      // The next save's revision check still catches any clash.
    }
  }

  // --- sync conflicts ---

  /** Records what the store could not merge of item `ref` (nothing: settled), replacing its earlier entries. */
  private noteSyncConflicts(ref: ItemRef, found: readonly SyncConflict[]) {
    const key = refKey(ref.collection, ref.id);
    const others = this.state.syncConflicts.filter((c) => refKey(c.ref.collection, c.ref.id) !== key);
    if (found.length === 0 && others.length === this.state.syncConflicts.length) return;
    this.set({ syncConflicts: [...others, ...found] });
  }

  private async offerOpenConflicts(store: PouchStore): Promise<void> {
    try {
      const byRef = new Map<string, SyncConflict[]>();
      for (const conflict of await store.openConflicts()) {
        const key = refKey(conflict.ref.collection, conflict.ref.id);
        byRef.set(key, [...(byRef.get(key) ?? []), conflict]);
      }
      for (const found of byRef.values()) this.noteSyncConflicts(found[0]!.ref, found);
    } catch {
      // Not offered now: the next change to the document brings the choice back.
    }
  }

  /** Looks through the whole store for conflicting versions (after a replication); merges what it can. */
  async checkSyncConflicts(): Promise<SyncConflict[]> {
    try {
      const store = await this.openStore();
      if (store instanceof PouchStore) this.set({ syncConflicts: await store.conflicts() });
    } catch (error) {
      this.onFailure(error);
    }
    return this.state.syncConflicts;
  }

  /**
   * Settles a sync conflict by keeping the version with revision `keep` (one of `conflict.versions`): it
   * becomes the stored value and what memory shows; the other versions are closed. Never rejects.
   */
  async resolveSyncConflict(ref: ItemRef, keep: string): Promise<void> {
    const key = refKey(ref.collection, ref.id);
    try {
      const store = await this.openStore();
      if (!(store instanceof PouchStore)) return;
      const row = await store.resolveSyncConflict(ref, keep);
      const value = row ? restoreOne(ref.collection, row.value) : undefined;
      const map = new Map(this.state.data[ref.collection] as Map<string, unknown>);
      if (row && value !== undefined) {
        map.set(ref.id, value);
        this.revs.set(key, row.rev);
        this.autosaver.forget(key);
      }
      this.set({
        data: { ...this.state.data, [ref.collection]: map } as Data,
        syncConflicts: this.state.syncConflicts.filter((c) => refKey(c.ref.collection, c.ref.id) !== key),
      });
    } catch (error) {
      this.onFailure(error);
    }
  }

  // --- storage persistence ---

  private async checkPersisted() {
    const storage = this.options.storage;
    if (!storage?.persisted) {
      this.set({ persist: 'unsupported' });
      return;
    }
    try {
      this.set({
        persist: (await storage.persisted())
          ? 'granted'
          : this.settings.persistenceAsked
            ? 'denied'
            : 'unknown',
      });
    } catch {
      this.set({ persist: 'unsupported' });
    }
  }

  /** Asks once, after the first save of real data, for storage the browser will not evict. */
  private async askPersistence() {
    const storage = this.options.storage;
    if (!storage?.persist || this.settings.persistenceAsked || this.state.persist === 'granted') return;
    const { charters, customers, deliveries } = this.state.data;
    if (charters.size + customers.size + deliveries.size === 0) return;
    this.put('settings', { ...this.settings, persistenceAsked: true });
    try {
      this.set({ persist: (await storage.persist()) ? 'granted' : 'denied' });
    } catch {
      this.set({ persist: 'unsupported' });
    }
  }

  // --- page lifecycle ---

  /** Saves at once when the page is hidden or closed. Returns a function that detaches the listeners. */
  attach(target: Window): () => void {
    const onHide = () => {
      this.writeJournal();
      void this.flush();
    };
    const onVisibility = () => {
      if (target.document.visibilityState === 'hidden') onHide();
    };
    target.addEventListener('pagehide', onHide);
    target.document.addEventListener('visibilitychange', onVisibility);
    return () => {
      target.removeEventListener('pagehide', onHide);
      target.document.removeEventListener('visibilitychange', onVisibility);
    };
  }

  /** Writes the unsaved edits synchronously, for the next page load to replay if this save does not finish. */
  writeJournal(): void {
    if (!this.options.journal || this.autosaver.size === 0 || this.state.phase !== 'ready') return;
    this.options.journal.write(
      this.autosaver.pending().map(({ collection, id }) => ({
        collection,
        id,
        baseRev: this.revs.get(refKey(collection, id)) ?? 0,
        value: this.state.data[collection].get(id) ?? null,
      })),
    );
  }

  /** Stops timers and closes the store and channel (tests, teardown). */
  close(): void {
    this.closed = true;
    this.autosaver.close();
    this.unsubscribe?.();
    this.store?.close();
  }

  // --- export ---

  /** Everything in memory (saved or not) as a backup document stamped `exportedAt`. */
  toBackup(exportedAt: string): Backup {
    const { data } = this.state;
    return {
      format: BACKUP_FORMAT,
      version: CURRENT_VERSION,
      exportedAt,
      charters: [...data.charters.values()],
      charterVersions: [...data.charterVersions.values()],
      customers: [...data.customers.values()],
      deals: [...data.deals.values()],
      deliveries: [...data.deliveries.values()],
      recoveryCases: [...data.recoveryCases.values()],
      settings: this.settings,
    };
  }
}
