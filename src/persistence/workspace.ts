import { BACKUP_FORMAT, CURRENT_VERSION, entitySchemas } from '../domain/interchange/backup';
import type { Backup } from '../domain/interchange/backup';
import type { RestoreError } from '../domain/interchange/errors';
import { restore } from '../domain/interchange/restore';
import { defaultSettings } from '../domain/settings';
import type { Settings } from '../domain/settings';
import { COLLECTIONS, SETTINGS_ID, keyOf } from './db';
import type { Collection, Entities, Row, CharterDatabase } from './db';
import type { Journal } from './journal';
import { classifyStorageError } from './storage-errors';
import type { StorageFailure } from './storage-errors';
import type { ImportBackupResult } from './import-backup';

export type ItemRef = { collection: Collection; id: string };

export type SaveStatus =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  | { kind: 'failed'; reason: StorageFailure }
  | { kind: 'conflict'; items: ItemRef[] };

/** Whether the browser promised to keep this site's data (navigator.storage.persist). */
export type PersistState = 'unknown' | 'granted' | 'denied' | 'unsupported';

export type Data = { readonly [C in Collection]: ReadonlyMap<string, Entities[C]> };

export type WorkspaceState = {
  /** `damaged`: stored data failed validation; nothing is written until the user acts. */
  phase: 'loading' | 'ready' | 'damaged';
  data: Data;
  save: SaveStatus;
  persist: PersistState;
  loadErrors: RestoreError[];
  /** The stored data as read, kept so a damaged store can be downloaded untouched. */
  storedRaw: unknown;
};

export type WorkspaceOptions = {
  openDatabase: () => CharterDatabase;
  /** The current instant as ISO 8601. */
  now: () => string;
  /** Autosave delay after the last change (the product promises ≤ 350 ms). */
  delayMs?: number;
  /** Delays between automatic retries after a failed save. */
  retryDelaysMs?: readonly number[];
  storage?: Pick<StorageManager, 'persist' | 'persisted'> | undefined;
  /** BroadcastChannel name for telling other tabs about writes; null turns it off. */
  channelName?: string | null;
  /** Synchronous store for edits not yet saved when the page closes. */
  journal?: Journal | undefined;
};

type Dirty = { collection: Collection; id: string; gen: number };
type Written = { collection: Collection; id: string; rev: number; deleted: boolean };

class ConflictError extends Error {
  constructor(readonly items: ItemRef[]) {
    super('changed elsewhere');
  }
}

const emptyData = (): Data => ({
  charters: new Map(),
  charterVersions: new Map(),
  customers: new Map(),
  deals: new Map(),
  deliveries: new Map(),
  recoveryCases: new Map(),
  settings: new Map(),
});

const refKey = (collection: Collection, id: string) => `${collection}:${id}`;

/**
 * Everything the user has, held in memory and autosaved to IndexedDB: writes are debounced, flushed at
 * once when the page is hidden, kept in memory when storage fails (and all written by the next successful
 * save), and refused — with the user told — when another tab changed the same item first.
 */
export class Workspace {
  private state: WorkspaceState = {
    phase: 'loading',
    data: emptyData(),
    save: { kind: 'idle' },
    persist: 'unknown',
    loadErrors: [],
    storedRaw: null,
  };
  private readonly listeners = new Set<() => void>();
  private readonly dirty = new Map<string, Dirty>();
  private readonly revs = new Map<string, number>();
  private gen = 0;
  private closed = false;
  private db: CharterDatabase | null = null;
  private loadedFromDb = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private failures = 0;
  private chain: Promise<void> = Promise.resolve();
  private channel: BroadcastChannel | null = null;
  private readonly delayMs: number;
  private readonly retryDelaysMs: readonly number[];

  constructor(private readonly options: WorkspaceOptions) {
    this.delayMs = options.delayMs ?? 300;
    this.retryDelaysMs = options.retryDelaysMs ?? [2_000, 5_000, 10_000, 30_000];
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

  // --- loading ---

  /** Opens the database and reads everything through `restore()`. Never rejects. */
  async load(): Promise<void> {
    if (typeof BroadcastChannel !== 'undefined' && this.options.channelName !== null) {
      this.channel = new BroadcastChannel(this.options.channelName ?? 'service-charter');
      this.channel.onmessage = (event: MessageEvent<unknown>) => void this.onRemoteWrite(event.data);
    }
    let db: CharterDatabase;
    try {
      db = await this.openDb();
    } catch (error) {
      // Work in memory; the first save that gets through writes everything.
      this.set({ phase: 'ready', save: { kind: 'failed', reason: classifyStorageError(error) } });
      this.scheduleRetry();
      void this.checkPersisted();
      return;
    }
    try {
      await this.readAll(db);
    } catch (error) {
      this.set({ phase: 'ready', save: { kind: 'failed', reason: classifyStorageError(error) } });
      this.scheduleRetry();
    }
    // After reading settings, which remember whether persistence was already asked for.
    void this.checkPersisted();
  }

  private async openDb(): Promise<CharterDatabase> {
    if (this.db?.isOpen()) return this.db;
    this.db = null;
    const db = this.options.openDatabase();
    await db.open();
    this.db = db;
    return db;
  }

  private async readAll(db: CharterDatabase): Promise<void> {
    const rows = {} as { [C in Collection]: Row<Entities[C]>[] };
    let schemaVersion: unknown = CURRENT_VERSION;
    await db.transaction('r', [...COLLECTIONS.map((c) => db.rowsOf(c)), db.meta], async () => {
      for (const collection of COLLECTIONS) {
        (rows as Record<Collection, Row<unknown>[]>)[collection] = await db.rowsOf(collection).toArray();
      }
      schemaVersion = (await db.meta.get('schemaVersion'))?.value ?? CURRENT_VERSION;
    });
    const document = {
      format: BACKUP_FORMAT,
      version: schemaVersion,
      exportedAt: this.options.now(),
      charters: rows.charters.map((r) => r.value),
      charterVersions: rows.charterVersions.map((r) => r.value),
      customers: rows.customers.map((r) => r.value),
      deals: rows.deals.map((r) => r.value),
      deliveries: rows.deliveries.map((r) => r.value),
      recoveryCases: rows.recoveryCases.map((r) => r.value),
      settings: rows.settings[0]?.value,
    };
    const result = restore(document);
    if (!result.ok) {
      this.set({ phase: 'damaged', loadErrors: result.errors, storedRaw: document });
      return;
    }
    const data = { ...this.state.data } as { [C in Collection]: Map<string, Entities[C]> };
    for (const collection of COLLECTIONS) {
      const restored: readonly unknown[] =
        collection === 'settings'
          ? rows.settings[0]
            ? [result.backup.settings]
            : []
          : result.backup[collection];
      const map = new Map(data[collection] as Map<string, unknown>);
      restored.forEach((entity, index) => {
        const row = rows[collection][index]!;
        const key = refKey(collection, row.id);
        if (this.dirty.has(key)) return; // an edit made while storage was unreachable wins (rev check guards it)
        map.set(row.id, entity);
        this.revs.set(key, typeof row.rev === 'number' ? row.rev : 0);
        // Rows written by an older schema are rewritten in the current shape.
        if (result.migrated.length > 0) this.markDirty(collection, row.id);
      });
      (data as Record<Collection, Map<string, unknown>>)[collection] = map;
    }
    this.loadedFromDb = true;
    this.set({ phase: 'ready', data });
    this.replayJournals();
    this.set({ save: this.dirty.size > 0 ? { kind: 'pending' } : this.state.save });
    if (this.dirty.size > 0) this.schedule();
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
   */
  async importPlan(plan: Backup): Promise<ImportBackupResult> {
    await this.flush();
    let db: CharterDatabase;
    try {
      db = await this.openDb();
    } catch (error) {
      return { ok: false, reason: 'storage', failure: classifyStorageError(error) };
    }
    // Loaded when used: importing is rare and its merge code stays out of the first page load.
    const { importBackup } = await import('./import-backup');
    const result = await importBackup(db, plan);
    if (result.ok) await this.reload();
    return result;
  }

  /**
   * Saves pending edits, then re-reads everything from the database through `restore()` — for after an
   * import wrote to it behind the workspace's back. Items no longer stored leave memory; edits still unsaved
   * stay and win as usual. On a storage failure memory is left as it was. Never rejects.
   */
  reload(): Promise<void> {
    void this.flush();
    this.chain = this.chain.then(() => this.reloadOnce());
    return this.chain;
  }

  private async reloadOnce(): Promise<void> {
    if (this.closed) return;
    const before = new Map(this.revs);
    // readAll sets the revision of every row it finds; a saved item left without one is no longer stored.
    for (const key of [...this.revs.keys()]) if (!this.dirty.has(key)) this.revs.delete(key);
    try {
      await this.readAll(await this.openDb());
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
    const data = { ...this.state.data } as Record<Collection, Map<string, unknown>>;
    for (const collection of COLLECTIONS) {
      const gone = [...data[collection].keys()].filter((id) => {
        const key = refKey(collection, id);
        return !this.dirty.has(key) && !this.revs.has(key);
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
    this.dirty.set(refKey(collection, id), { collection, id, gen: ++this.gen });
    const keep = this.state.save.kind === 'failed' || this.state.save.kind === 'conflict';
    this.set(keep ? {} : { save: { kind: 'pending' } });
    this.schedule();
  }

  private schedule(delay = this.delayMs) {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, delay);
  }

  private scheduleRetry() {
    if (this.retryTimer !== null) return;
    const delays = this.retryDelaysMs;
    const delay = delays[Math.min(this.failures, delays.length - 1)] ?? 5_000;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.flush();
    }, delay);
  }

  // --- saving ---

  /** Writes every pending change now. Resolves when done (successfully or not); never rejects. */
  flush(): Promise<void> {
    if (this.timer !== null) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    this.chain = this.chain.then(() => this.saveOnce());
    return this.chain;
  }

  /** Same as flush, for a "Try again" button. */
  retry(): Promise<void> {
    this.failures = 0;
    return this.flush();
  }

  private async saveOnce(): Promise<void> {
    if (this.closed || this.state.phase !== 'ready' || this.state.save.kind === 'conflict') return;
    let db: CharterDatabase;
    try {
      db = await this.openDb();
      if (!this.loadedFromDb) await this.readAll(db);
    } catch (error) {
      this.onFailure(error);
      return;
    }
    // Storage that came back damaged (or from a newer app) is never written to.
    if (this.closed || (this.state.phase as WorkspaceState['phase']) !== 'ready') return;
    if (this.dirty.size === 0) {
      if (this.state.save.kind === 'failed') this.setSave({ kind: 'saved', at: this.options.now() });
      return;
    }
    const batch = [...this.dirty.values()];
    this.setSave({ kind: 'saving' });
    let written: Written[];
    try {
      written = await db.transaction('rw', [...COLLECTIONS.map((c) => db.rowsOf(c)), db.meta], async () => {
        const stored = await Promise.all(batch.map((b) => db.rowsOf(b.collection).get(b.id)));
        const conflicts = batch.filter(
          (b, i) => (stored[i]?.rev ?? 0) !== (this.revs.get(refKey(b.collection, b.id)) ?? 0),
        );
        if (conflicts.length > 0)
          throw new ConflictError(conflicts.map(({ collection, id }) => ({ collection, id })));
        const out: Written[] = [];
        for (const b of batch) {
          const value = this.state.data[b.collection].get(b.id);
          const rev = (this.revs.get(refKey(b.collection, b.id)) ?? 0) + 1;
          if (value === undefined) await db.rowsOf(b.collection).delete(b.id);
          else await db.rowsOf(b.collection).put({ id: b.id, rev, value } as Row<never>);
          out.push({ collection: b.collection, id: b.id, rev, deleted: value === undefined });
        }
        await db.meta.put({ key: 'schemaVersion', value: CURRENT_VERSION });
        return out;
      });
    } catch (error) {
      this.onFailure(error);
      return;
    }
    for (const w of written) {
      const key = refKey(w.collection, w.id);
      if (w.deleted) this.revs.delete(key);
      else this.revs.set(key, w.rev);
    }
    for (const b of batch) {
      const key = refKey(b.collection, b.id);
      if (this.dirty.get(key)?.gen === b.gen) this.dirty.delete(key);
    }
    this.failures = 0;
    this.channel?.postMessage({ type: 'written', items: written });
    this.setSave(this.dirty.size > 0 ? { kind: 'pending' } : { kind: 'saved', at: this.options.now() });
    if (this.dirty.size > 0) this.schedule();
    else this.options.journal?.clear();
    void this.askPersistence();
  }

  private onFailure(error: unknown) {
    if (error instanceof ConflictError) {
      this.setSave({ kind: 'conflict', items: error.items });
      return;
    }
    if (this.db && !this.db.isOpen()) this.db = null;
    this.setSave({ kind: 'failed', reason: classifyStorageError(error) });
    this.scheduleRetry();
    this.failures++;
  }

  // --- two tabs ---

  /** Settles a conflict: keep this tab's edits (overwrite) or take what the other tab stored. */
  async resolveConflict(choice: 'mine' | 'theirs'): Promise<void> {
    const save = this.state.save;
    if (save.kind !== 'conflict') return;
    let db: CharterDatabase;
    try {
      db = await this.openDb();
    } catch (error) {
      this.onFailure(error);
      return;
    }
    const rows = await Promise.all(save.items.map((i) => db.rowsOf(i.collection).get(i.id)));
    const data = { ...this.state.data } as Record<Collection, Map<string, unknown>>;
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
      this.dirty.delete(key);
    });
    this.set({
      data: data as unknown as Data,
      save: this.dirty.size > 0 ? { kind: 'pending' } : { kind: 'saved', at: this.options.now() },
    });
    await this.flush();
  }

  private async onRemoteWrite(message: unknown): Promise<void> {
    if (typeof message !== 'object' || message === null || (message as { type?: unknown }).type !== 'written')
      return;
    const items = (message as { items?: unknown }).items;
    if (!Array.isArray(items) || this.state.phase !== 'ready') return;
    const refs = items.filter(
      (i): i is ItemRef =>
        typeof i === 'object' &&
        i !== null &&
        COLLECTIONS.includes((i as ItemRef).collection) &&
        typeof (i as ItemRef).id === 'string',
    );
    const clashes = refs
      .filter((r) => this.dirty.has(refKey(r.collection, r.id)))
      .map(({ collection, id }) => ({ collection, id }));
    if (clashes.length > 0) {
      const previous = this.state.save.kind === 'conflict' ? this.state.save.items : [];
      const known = new Set(previous.map((p) => refKey(p.collection, p.id)));
      this.setSave({
        kind: 'conflict',
        items: [...previous, ...clashes.filter((c) => !known.has(refKey(c.collection, c.id)))],
      });
    }
    const others = refs.filter((r) => !this.dirty.has(refKey(r.collection, r.id)));
    if (others.length === 0) return;
    try {
      const db = await this.openDb();
      const rows = await Promise.all(others.map((r) => db.rowsOf(r.collection).get(r.id)));
      // The other tab's row is validated like everything else before it is shown.
      const data = { ...this.state.data } as Record<Collection, Map<string, unknown>>;
      others.forEach((ref, index) => {
        const key = refKey(ref.collection, ref.id);
        if (this.dirty.has(key)) return;
        const row = rows[index];
        const map = new Map(data[ref.collection]);
        if (!row) {
          map.delete(ref.id);
          this.revs.delete(key);
        } else {
          const checked = restoreOne(ref.collection, row.value);
          if (checked === undefined) return;
          map.set(ref.id, checked);
          this.revs.set(key, row.rev);
        }
        data[ref.collection] = map;
      });
      this.set({ data: data as unknown as Data });
    } catch {
      // The next save's revision check still catches any clash.
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
    if (!this.options.journal || this.dirty.size === 0 || this.state.phase !== 'ready') return;
    this.options.journal.write(
      [...this.dirty.values()].map(({ collection, id }) => ({
        collection,
        id,
        baseRev: this.revs.get(refKey(collection, id)) ?? 0,
        value: this.state.data[collection].get(id) ?? null,
      })),
    );
  }

  /** Stops timers and closes the database and channel (tests, teardown). */
  close(): void {
    this.closed = true;
    if (this.timer !== null) clearTimeout(this.timer);
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    this.timer = this.retryTimer = null;
    this.channel?.close();
    this.db?.close();
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

/** One stored entity checked against its domain schema, or undefined when it does not pass. */
function restoreOne(collection: Collection, value: unknown): unknown {
  const result = entitySchemas[collection].safeParse(value);
  return result.success ? result.data : undefined;
}
