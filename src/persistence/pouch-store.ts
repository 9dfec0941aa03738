import { CURRENT_VERSION } from '../domain/interchange/backup';
import { mergeThreeWay, sameJson } from '../domain/sync/merge';
import type { Json } from '../domain/sync/merge';
import type { Backup } from '../domain/interchange/backup';
import type { DeliveryRecord } from '../domain/tracker/tracker';
import { COLLECTIONS, isOpenRecord } from './collections';
import type { Collection, Entities, ItemRef, Row } from './collections';
import type { ImportBackupResult } from './import-backup';
import type { LocalDatabase } from './pouch-db';
import { docIdOf, entityDoc, generationOf, refOfDocId } from './pouch-docs';
import type { EntityDoc } from './pouch-docs';
import { ConflictError } from './store';
import type { Change, FirstRead, Snapshot, Store, StoredRows, Written } from './store';

/*
 * The `Store` on PouchDB (the local database of pouch-db.ts). Document layout — the rules sync relies on:
 *
 * - One document per entity. `_id` = `<collection>:<key>`, where key is `keyOf(collection, entity)`
 *   (a random id for charters, customers, deals, deliveries and recovery cases; `<charterId>@<version>`
 *   for a published charter version; `settings` for the settings). Records made on two devices never share
 *   an id, so appending to the log never conflicts.
 * - Body: `{ format: 'service-charter/doc', version: <schema version it was written with>, collection,
 *   value: <the entity>, open?: 1 }` (`open: 1` on delivery records still open, as in `rowOf`).
 * - A deletion is a PouchDB tombstone (`_deleted: true`), so it replicates like any other change.
 * - The seam's numeric `rev` of a row is the generation of the winning `_rev` (the number before the dash):
 *   it goes up by one on every write, as the Dexie rows' did. A commit is made on top of the generation the
 *   workspace read; the store also remembers the exact `_rev` it last read or wrote for each document, so
 *   a different branch of the same generation (brought by replication) is a conflict too, and a PouchDB
 *   409 (another tab wrote in between) becomes `ConflictError`.
 * - Schema versions: documents written with a version newer than this app's are never written to — the
 *   snapshot then reports that version and the workspace refuses the whole store (phase `damaged`, the
 *   path for newer-version data). Documents are written with `CURRENT_VERSION` only.
 * - `_local/first-read` (never replicated) lists the delivery records the first screen needs — every open
 *   record and every one due since a cut-off — with the update sequence it is complete up to; each start
 *   brings it up to date from the changes feed since then, so startup reads those records by id instead of
 *   the whole log.
 * - Charters stay one document: a concurrent edit of two devices is merged field by field (commitments by
 *   id) by the rules of domain/sync/merge.ts, against the common ancestor revision (kept: no compaction);
 *   `updatedAt`, which every edit stamps, takes the later instant. A clean merge is written on the winning
 *   branch and the other branch closed. A true conflict keeps both branches, each rewritten with
 *   everything else merged (so they differ only where both devices changed the same place), until the
 *   user keeps one (`resolveSyncConflict`). Every device makes the same writes on the same parents, and
 *   PouchDB's revision ids hash the content, so all of them meet on the same revisions.
 */

// --- the open conflicts ---

/**
 * `_local/open-conflicts` (never replicated) lists the documents whose versions the user has yet to choose
 * between, so the choice is offered again after a restart without scanning the whole log.
 */
export const OPEN_CONFLICTS_ID = '_local/open-conflicts';

// --- the first-read index ---

export const FIRST_READ_ID = '_local/first-read';
const DAY_MS = 86_400_000;
/** Records due this long before the first screen's `dueFrom` stay listed; older closed ones are dropped. */
const KEEP_DAYS = 30;
/** The list is pruned when its cut-off is this far behind. */
const PRUNE_DAYS = 60;

type FirstReadIndex = {
  seq: number | string;
  /** Closed records due before this instant are not listed. */
  cutoff: string;
  /** Record key → [dueAt, 1 when open else 0]. */
  records: Record<string, [string, 0 | 1]>;
};

const RANGE_END = '\ufff0';

/** How long changes made by others are collected before they are handed over together (`subscribe`). */
export const REMOTE_BATCH_MS = 100;
/** Handed over at once when this many are waiting. */
export const REMOTE_BATCH_MAX = 2_000;

type StoredDoc = EntityDoc & { _id: string; _rev: string; _deleted?: boolean };

/** Whether `error` is PouchDB's 409. */
const isConflict = (error: unknown) => (error as { status?: unknown } | null)?.status === 409;
const isNotFound = (error: unknown) => (error as { status?: unknown } | null)?.status === 404;

export type PouchStoreOptions = {
  /** How full the origin's storage is; used to tell a full disk from another aborted write. */
  estimate?: () => Promise<StorageEstimate>;
};

/**
 * Changes to entities made outside this store object (other tabs, replication). `settled`: the change left
 * the entity without conflicting versions, so a conflict listed for it ends once the change is read.
 */
export type ExternalChange = ItemRef & { settled?: true };

/**
 * Two devices changed the same place of one entity differently (merge.ts, rule 5): both versions are kept
 * (PouchDB's winning revision and the conflicting one) until the user chooses. `paths` name the places.
 */
export type SyncConflict = {
  ref: ItemRef;
  paths: string[];
  /**
   * Each kept version: its revision and its value (the first is the one shown meanwhile); `here` when the
   * version holds an edit this store object wrote (this device's, as far as this session knows).
   */
  versions: { rev: string; value: unknown; here?: boolean }[];
};

/** Last-change instants: when both sides changed one, the later stands (merge.ts rule 5). */
const LATEST_WINS = ['updatedAt'];

export class PouchStore implements Store {
  private opened = false;
  private closed = false;
  /** The `_rev` this store last read or wrote for each document id. */
  private readonly seen = new Map<string, string>();
  /** Every `_rev` this store object wrote (edits made here), to tell this device's version of a conflict. */
  private readonly written = new Set<string>();
  private feeds: PouchDB.Core.Changes<object>[] = [];
  /** How many entities other than delivery records the last `readFirst` read (countDeliveries). */
  private otherEntities: number | null = null;

  constructor(
    readonly db: LocalDatabase,
    private readonly options: PouchStoreOptions = {},
  ) {
    db.on('closed' as never, () => {
      this.closed = true;
    });
  }

  async open(): Promise<void> {
    // PouchDB opens IndexedDB lazily: a first request tells whether it can.
    try {
      await this.db.info();
    } catch (error) {
      // No IndexedDB at all (some private modes): PouchDB meets a ReferenceError.
      if (typeof indexedDB === 'undefined' || error instanceof ReferenceError)
        throw Object.assign(new Error('IndexedDB is missing'), { name: 'MissingAPIError', inner: error });
      throw error;
    }
    this.opened = true;
  }

  isOpen(): boolean {
    return this.opened && !this.closed;
  }

  /** The row of a stored (not deleted) document, remembering its `_rev`. */
  private rowOfDoc(doc: StoredDoc): Row<unknown> {
    this.seen.set(doc._id, doc._rev);
    const ref = refOfDocId(doc._id)!;
    const row: Row<unknown> = { id: ref.id, rev: generationOf(doc._rev), value: doc.value };
    if (doc.open === 1) row.open = 1;
    return row;
  }

  private async readCollection(collection: Collection, versions: unknown[]): Promise<Row<unknown>[]> {
    const result = await this.db.allDocs({
      startkey: `${collection}:`,
      endkey: `${collection}:${RANGE_END}`,
      include_docs: true,
    });
    const rows: Row<unknown>[] = [];
    for (const r of result.rows) {
      const doc = r.doc as unknown as StoredDoc | undefined;
      if (!doc) continue;
      versions.push(doc.version);
      rows.push(this.rowOfDoc(doc));
    }
    return rows;
  }

  async readAll(): Promise<Snapshot> {
    const versions: unknown[] = [];
    const rows = {} as Record<Collection, Row<unknown>[]>;
    for (const collection of COLLECTIONS) rows[collection] = await this.readCollection(collection, versions);
    return { rows: rows as StoredRows, schemaVersion: schemaVersionOf(versions) };
  }

  async readFirst(first: FirstRead): Promise<Snapshot> {
    const versions: unknown[] = [];
    const rows = {} as Record<Collection, Row<unknown>[]>;
    for (const collection of COLLECTIONS)
      if (collection !== 'deliveries') rows[collection] = await this.readCollection(collection, versions);
    this.otherEntities = Object.values(rows).reduce((n, r) => n + r.length, 0);
    const index = await this.firstReadIndex(first.dueFrom);
    const wanted = new Set<string>();
    for (const [key, [dueAt, open]] of Object.entries(index.records))
      if (open === 1 || dueAt >= first.dueFrom) wanted.add(key);
    for (const key of first.recordIds) wanted.add(key);
    for (const row of rows.recoveryCases as Row<Entities['recoveryCases']>[])
      if (typeof row.value?.recordId === 'string') wanted.add(row.value.recordId);
    const found = await this.getDocs([...wanted].map((id) => docIdOf('deliveries', id)));
    rows.deliveries = [];
    for (const doc of found)
      if (doc) {
        versions.push(doc.version);
        rows.deliveries.push(this.rowOfDoc(doc));
      }
    return { rows: rows as StoredRows, schemaVersion: schemaVersionOf(versions) };
  }

  /** The first-read index, brought up to date from the changes feed (and saved when it moved). */
  private async firstReadIndex(dueFrom: string): Promise<FirstReadIndex> {
    let stored: (FirstReadIndex & { _rev?: string }) | null = null;
    try {
      stored = (await this.db.get(FIRST_READ_ID)) as unknown as FirstReadIndex & { _rev: string };
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
    const fresh = (): FirstReadIndex => ({
      seq: 0,
      cutoff: new Date(Date.parse(dueFrom) - KEEP_DAYS * DAY_MS).toISOString(),
      records: {},
    });
    // A clock moved back before the cut-off: the list may lack records, so it is built again.
    let index: FirstReadIndex =
      stored && typeof stored.cutoff === 'string' && stored.cutoff <= dueFrom
        ? { seq: stored.seq, cutoff: stored.cutoff, records: { ...stored.records } }
        : fresh();
    const moved = await updateFirstReadIndex(this.db, index);
    if (Date.parse(dueFrom) - Date.parse(index.cutoff) > PRUNE_DAYS * DAY_MS) {
      const cutoff = new Date(Date.parse(dueFrom) - KEEP_DAYS * DAY_MS).toISOString();
      const records: FirstReadIndex['records'] = {};
      for (const [key, entry] of Object.entries(index.records))
        if (entry[1] === 1 || entry[0] >= cutoff) records[key] = entry;
      index = { ...index, cutoff, records };
    }
    if (moved || index.cutoff !== stored?.cutoff) {
      try {
        await this.db.put({ _id: FIRST_READ_ID, ...(stored?._rev ? { _rev: stored._rev } : {}), ...index });
      } catch {
        // Another tab wrote it first, or storage is full: it is a cache, the next start catches up again.
      }
    }
    return index;
  }

  /**
   * The number of delivery records: the database's document count less the other entities the last
   * `readFirst` read. Counting the records themselves would read every one of them (the adapter loads
   * whole documents even for an allDocs without them), as long as reading the log itself. The count is
   * PouchDB's bookkeeping, which another tab's writes or a replicated non-entity document can put a little
   * off: it only says how far the rest-of-log read has come.
   */
  async countDeliveries(): Promise<number> {
    if (this.otherEntities !== null) {
      const { doc_count: stored } = await this.db.info();
      return Math.max(0, stored - this.otherEntities);
    }
    const result = await this.db.allDocs({ startkey: 'deliveries:', endkey: `deliveries:${RANGE_END}` });
    return result.rows.length;
  }

  async readDeliveries(after: string | null, limit: number): Promise<Row<DeliveryRecord>[]> {
    const result = await this.db.allDocs({
      // `\u0000` sorts right after the id itself: the next id on.
      startkey: after === null ? 'deliveries:' : `deliveries:${after}\u0000`,
      endkey: `deliveries:${RANGE_END}`,
      limit,
      include_docs: true,
    });
    return result.rows.flatMap((r) =>
      r.doc ? [this.rowOfDoc(r.doc as unknown as StoredDoc) as Row<DeliveryRecord>] : [],
    );
  }

  /** The stored (not deleted) documents `ids`, in order. */
  private async getDocs(ids: readonly string[]): Promise<(StoredDoc | undefined)[]> {
    if (ids.length === 0) return [];
    const result = await this.db.allDocs({ keys: [...ids], include_docs: true });
    return result.rows.map((r) => {
      const doc = (r as { doc?: unknown }).doc as StoredDoc | null | undefined;
      return doc && !doc._deleted ? doc : undefined;
    });
  }

  async get(refs: readonly ItemRef[]): Promise<(Row<unknown> | undefined)[]> {
    const docs = await this.getDocs(refs.map((r) => docIdOf(r.collection, r.id)));
    return docs.map((doc) => (doc ? this.rowOfDoc(doc) : undefined));
  }

  async commit(changes: readonly Change[]): Promise<Written[]> {
    const ids = changes.map((c) => docIdOf(c.collection, c.id));
    const current = await this.db.allDocs({ keys: ids });
    const conflicts: ItemRef[] = [];
    const docs: object[] = [];
    const writing: Change[] = [];
    const out: Written[] = [];
    changes.forEach((change, i) => {
      const row = current.rows[i] as { value?: { rev: string; deleted?: boolean } };
      const live = row.value && !row.value.deleted ? row.value.rev : null;
      const storedGeneration = live ? generationOf(live) : 0;
      const seen = this.seen.get(ids[i]!);
      const otherBranch =
        live !== null && seen !== undefined && generationOf(seen) === storedGeneration && seen !== live;
      if (storedGeneration !== change.baseRev || otherBranch) {
        conflicts.push({ collection: change.collection, id: change.id });
        return;
      }
      if (change.value === undefined) {
        // Nothing stored to delete: done already.
        if (live === null)
          out.push({ collection: change.collection, id: change.id, rev: change.baseRev + 1, deleted: true });
        else {
          docs.push({ _id: ids[i], _rev: live, _deleted: true });
          writing.push(change);
        }
        return;
      }
      // Over a tombstone the new document continues the deleted branch (PouchDB allows a put without _rev).
      docs.push({
        _id: ids[i],
        ...(live ? { _rev: live } : {}),
        ...entityDoc(change.collection, change.id, change.value),
      });
      writing.push(change);
    });
    if (conflicts.length > 0) throw new ConflictError(conflicts);
    let results: (PouchDB.Core.Response | PouchDB.Core.Error)[];
    try {
      results = docs.length > 0 ? await this.db.bulkDocs(docs as PouchDB.Core.PutDocument<object>[]) : [];
    } catch (error) {
      throw await this.explained(error);
    }
    const raced: ItemRef[] = [];
    let failure: unknown = null;
    results.forEach((result, i) => {
      const change = writing[i]!;
      if ('ok' in result && result.ok) {
        this.seen.set(result.id, result.rev);
        this.written.add(result.rev);
        out.push({
          collection: change.collection,
          id: change.id,
          rev: generationOf(result.rev),
          deleted: change.value === undefined,
        });
      } else if (isConflict(result)) raced.push({ collection: change.collection, id: change.id });
      else failure ??= result;
    });
    if (failure !== null) throw await this.explained(failure);
    // Another tab wrote between the check and the write: the rest is written, these are the conflict.
    if (raced.length > 0) throw new ConflictError(raced, out);
    return out;
  }

  /**
   * The error to report for a failed write. IndexedDB reports a full disk as the transaction's error, which
   * PouchDB replaces with "transaction was aborted"; when storage is (nearly) full that is what it was.
   */
  private async explained(error: unknown): Promise<unknown> {
    const message = (error as { message?: unknown } | null)?.message;
    if (message !== 'transaction was aborted' || !(await this.storageFull())) return error;
    return Object.assign(new Error('storage full'), {
      name: 'AbortError',
      inner: new DOMException('The quota has been exceeded.', 'QuotaExceededError'),
    });
  }

  /** Whether the origin's storage is (nearly) full; false when the browser does not say. */
  private async storageFull(): Promise<boolean> {
    try {
      const { usage, quota } = (await this.options.estimate?.()) ?? {};
      return usage !== undefined && quota !== undefined && usage >= quota * 0.9;
    } catch {
      return false;
    }
  }

  async importPlan(plan: Backup): Promise<ImportBackupResult> {
    // Loaded when used: importing is rare and its merge code stays out of the first page load.
    const { importBackup } = await import('./import-backup');
    const result = await importBackup(this.db, plan);
    this.seen.clear();
    // An aborted transaction with storage full was the quota (see `explained`).
    if (
      !result.ok &&
      result.reason === 'storage' &&
      result.failure === 'unknown' &&
      (await this.storageFull())
    )
      return { ok: false, reason: 'storage', failure: 'quota' };
    return result;
  }

  /**
   * Calls `onChange` with the entities changed by others — other tabs on this device and replication —
   * as they are written (PouchDB's live changes feed); this store's own writes are left out. Changes are
   * collected for `REMOTE_BATCH_MS` after the first one (or until `REMOTE_BATCH_MAX` are waiting) and
   * handed over together, each entity once: a first sync brings thousands, and one call per document
   * (each a read and a render) made it crawl. Returns a function that stops it.
   */
  subscribe(
    onChange: (items: ExternalChange[]) => void,
    onConflicts?: (ref: ItemRef, conflicts: SyncConflict[]) => void,
  ): () => void {
    const waiting = new Map<string, ExternalChange>();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const handOver = () => {
      clearTimeout(timer);
      timer = undefined;
      // A closed store's reader is gone (the workspace reads through the store it opens next).
      if (this.closed) waiting.clear();
      if (waiting.size === 0) return;
      const items = [...waiting.values()];
      waiting.clear();
      onChange(items);
    };
    const feed = this.db.changes({ live: true, since: 'now', include_docs: true, conflicts: true });
    feed.on('change', (change) => {
      const ref = refOfDocId(change.id);
      if (!ref) return;
      const conflicted = ((change.doc as { _conflicts?: string[] } | undefined)?._conflicts ?? []).length > 0;
      if (conflicted)
        void this.settleConflicts(change.id).then(
          (left) => onConflicts?.(ref, left),
          () => undefined,
        );
      const rev = change.changes[0]?.rev;
      if (!conflicted && rev !== undefined && this.seen.get(change.id) === rev) {
        // Settled, and this revision is what the reader already has: any conflict listed for it ends now.
        onConflicts?.(ref, []);
        return;
      }
      // A change without conflicts (settled here or on another device) ends a listed conflict only with the
      // read of the settled value: the choice must not go while the screen still shows a version that lost.
      waiting.set(change.id, conflicted ? ref : { ...ref, settled: true as const });
      if (waiting.size >= REMOTE_BATCH_MAX) handOver();
      else timer ??= setTimeout(handOver, REMOTE_BATCH_MS);
    });
    feed.on('error', () => {
      // The database closed; the workspace opens a new store (and feed) when it next needs one.
    });
    this.feeds.push(feed);
    return () => {
      clearTimeout(timer);
      waiting.clear();
      feed.cancel();
      this.feeds = this.feeds.filter((f) => f !== feed);
    };
  }

  /**
   * Merges the conflicting versions of document `docId` (replication brought two branches) by the rules of
   * domain/sync/merge.ts against their common ancestor: a clean merge is written on the winning branch and
   * the other branch closed; what remains is returned as SyncConflicts (both versions kept).
   */
  async settleConflicts(docId: string): Promise<SyncConflict[]> {
    const ref = refOfDocId(docId);
    if (!ref) return [];
    type Leaf = StoredDoc & { _revisions?: { start: number; ids: string[] }; _conflicts?: string[] };
    const winner = (await this.db.get(docId, { revs: true, conflicts: true })) as unknown as Leaf;
    const left: SyncConflict[] = [];
    for (const rev of [...(winner._conflicts ?? [])].sort()) {
      const other = (await this.db.get(docId, { rev, revs: true })) as unknown as Leaf;
      if (
        (typeof winner.version === 'number' && winner.version > CURRENT_VERSION) ||
        (typeof other.version === 'number' && other.version > CURRENT_VERSION)
      )
        continue; // a newer app's document: never rewritten here
      const history = (d: Leaf) =>
        (d._revisions?.ids ?? []).map((id, i) => `${(d._revisions?.start ?? 0) - i}-${id}`);
      const ours = new Set(history(winner));
      const ancestor = history(other).find((r) => ours.has(r));
      let base: Json | undefined;
      if (ancestor) {
        try {
          base = ((await this.db.get(docId, { rev: ancestor })) as unknown as StoredDoc).value as Json;
        } catch {
          base = undefined; // compacted away: only what both sides agree on merges
        }
      }
      const merged = mergeThreeWay(base, winner.value as Json, other.value as Json, {
        latest: LATEST_WINS,
      });
      if (!merged.ok) {
        // Both versions stay, each with everything else merged (merge.ts): the same writes on every device
        // (PouchDB's revision ids are hashes of the content), so they meet on the same two versions.
        const kept = await this.keepBoth(docId, ref, winner, other, merged.ours, merged.theirs);
        const here = (d: Leaf) => history(d).some((r) => this.written.has(r));
        left.push({
          ref,
          paths: merged.conflicts,
          versions: [
            { rev: kept.winner, value: merged.ours, ...(here(winner) ? { here: true } : {}) },
            { rev: kept.other, value: merged.theirs, ...(here(other) ? { here: true } : {}) },
          ],
        });
        continue;
      }
      const results = await this.db.bulkDocs([
        { _id: docId, _rev: winner._rev, ...entityDoc(ref.collection, ref.id, merged.value) },
        { _id: docId, _rev: other._rev, _deleted: true },
      ] as PouchDB.Core.PutDocument<object>[]);
      const written = results[0];
      if (written && 'ok' in written && written.ok) {
        winner._rev = written.rev;
        winner.value = merged.value;
      }
    }
    await this.noteOpenConflict(docId, left.length > 0);
    return left;
  }

  /** The conflicts listed in `_local/open-conflicts`, looked at again (settled ones leave the list). */
  async openConflicts(): Promise<SyncConflict[]> {
    const found: SyncConflict[] = [];
    for (const docId of (await this.readOpenConflicts()).ids) {
      try {
        found.push(...(await this.settleConflicts(docId)));
      } catch {
        await this.noteOpenConflict(docId, false); // gone (or unreadable): nothing to offer
      }
    }
    return found;
  }

  private async readOpenConflicts(): Promise<{ ids: string[]; _rev?: string }> {
    try {
      const stored = (await this.db.get(OPEN_CONFLICTS_ID)) as { _rev: string; ids?: unknown };
      const ids = Array.isArray(stored.ids) ? stored.ids.filter((id) => typeof id === 'string') : [];
      return { ids, _rev: stored._rev };
    } catch {
      return { ids: [] }; // none yet, or unreadable: the changes feed still finds new conflicts
    }
  }

  /** Adds `docId` to the open-conflicts list, or takes it off; a lost race with another tab is retried. */
  private async noteOpenConflict(docId: string, open: boolean): Promise<void> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const stored = await this.readOpenConflicts();
      if (stored.ids.includes(docId) === open) return;
      const ids = open ? [...stored.ids, docId].sort() : stored.ids.filter((id) => id !== docId);
      try {
        await this.db.put({ _id: OPEN_CONFLICTS_ID, ...(stored._rev ? { _rev: stored._rev } : {}), ids });
        return;
      } catch (error) {
        if (!isConflict(error)) return; // storage full or closed: the list is a convenience
      }
    }
  }

  /**
   * Writes `ours` on the winning branch and `theirs` on the other, where they differ from what is there;
   * returns the two branches' revisions after.
   */
  private async keepBoth(
    docId: string,
    ref: ItemRef,
    winner: StoredDoc,
    other: StoredDoc,
    ours: Json,
    theirs: Json,
  ): Promise<{ winner: string; other: string }> {
    const revs = { winner: winner._rev, other: other._rev };
    const writes: PouchDB.Core.PutDocument<object>[] = [];
    const sides = [
      ['winner', winner, ours],
      ['other', other, theirs],
    ] as const;
    for (const [, doc, value] of sides)
      if (!sameJson(doc.value as Json, value))
        writes.push({ _id: docId, _rev: doc._rev, ...entityDoc(ref.collection, ref.id, value) });
    if (writes.length === 0) return revs;
    const results = await this.db.bulkDocs(writes);
    let i = 0;
    for (const [side, doc, value] of sides) {
      if (sameJson(doc.value as Json, value)) continue;
      const result = results[i++];
      if (result && 'ok' in result && result.ok) revs[side] = result.rev;
    }
    return revs;
  }

  /** Every entity document with conflicting versions left after merging (a scan of the whole database). */
  async conflicts(): Promise<SyncConflict[]> {
    const found: SyncConflict[] = [];
    for (const collection of COLLECTIONS) {
      const result = await this.db.allDocs({
        startkey: `${collection}:`,
        endkey: `${collection}:${RANGE_END}`,
        include_docs: true,
        conflicts: true,
      });
      for (const row of result.rows)
        if (((row.doc as { _conflicts?: string[] } | undefined)?._conflicts ?? []).length > 0)
          found.push(...(await this.settleConflicts(row.id)));
    }
    return found;
  }

  /**
   * Settles a SyncConflict: `keep` (one of its versions' revisions) becomes the value, written on the
   * winning branch; every other branch is closed. Returns the entity's row as now stored.
   */
  async resolveSyncConflict(ref: ItemRef, keep: string): Promise<Row<unknown> | undefined> {
    const docId = docIdOf(ref.collection, ref.id);
    const winner = (await this.db.get(docId, { conflicts: true })) as unknown as StoredDoc & {
      _conflicts?: string[];
    };
    const chosen = (await this.db.get(docId, { rev: keep })) as unknown as StoredDoc;
    await this.db.bulkDocs([
      { _id: docId, _rev: winner._rev, ...entityDoc(ref.collection, ref.id, chosen.value) },
      ...(winner._conflicts ?? []).map((rev) => ({ _id: docId, _rev: rev, _deleted: true })),
    ] as PouchDB.Core.PutDocument<object>[]);
    await this.noteOpenConflict(docId, false);
    return (await this.get([ref]))[0];
  }

  close(): void {
    for (const feed of this.feeds) feed.cancel();
    this.feeds = [];
    this.closed = true;
    void this.db.close().catch(() => undefined);
  }
}

/**
 * The schema version of a set of documents: a version other than the current one if any document has it
 * (a newer one first), else the current version. Documents are only ever written with the current
 * version, so an older one can only come from an older app's replica (migrated as a whole by restore()).
 */
export function schemaVersionOf(versions: readonly unknown[]): unknown {
  let older: unknown = undefined;
  for (const version of versions) {
    if (version === CURRENT_VERSION) continue;
    if (typeof version !== 'number' || version > CURRENT_VERSION) return version;
    older ??= version;
  }
  return older ?? CURRENT_VERSION;
}

/**
 * Brings `index` (changed in place) up to date with the changes since `index.seq`; true when it moved.
 * Exported for the move from Dexie, which builds the index with the documents it writes.
 */
export async function updateFirstReadIndex(db: LocalDatabase, index: FirstReadIndex): Promise<boolean> {
  const changes = await db.changes({ since: index.seq, include_docs: true });
  for (const change of changes.results) {
    const ref = refOfDocId(change.id);
    if (ref?.collection !== 'deliveries') continue;
    const doc = change.doc as unknown as StoredDoc | undefined;
    const value = doc?.value as { dueAt?: unknown } | undefined;
    if (change.deleted || !doc || typeof value?.dueAt !== 'string') {
      delete index.records[ref.id];
      continue;
    }
    const open = isOpenRecord(value) ? 1 : 0;
    if (open === 1 || value.dueAt >= index.cutoff) index.records[ref.id] = [value.dueAt, open];
    else delete index.records[ref.id];
  }
  const moved = changes.results.length > 0 || changes.last_seq !== index.seq;
  index.seq = changes.last_seq;
  return moved;
}
