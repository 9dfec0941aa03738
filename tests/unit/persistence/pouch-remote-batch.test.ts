import { describe, expect, it, vi } from 'vitest';
import type { ItemRef, Row } from '../../../src/persistence/collections';
import type { LocalDatabase } from '../../../src/persistence/pouch-db';
import { openLocalDatabase } from '../../../src/persistence/pouch-db';
import { PouchStore, REMOTE_BATCH_MAX, REMOTE_BATCH_MS } from '../../../src/persistence/pouch-store';
import type { SyncConflict } from '../../../src/persistence/pouch-store';
import type { WorkspaceState } from '../../../src/persistence/workspace';
import { createRecord } from '../factories';
import { loadWorkspace, runOnFakeClock, seed, uniqueName } from './harness';

// Changes written by others (replication, other tabs) reach the workspace in batches: the store collects
// the changes feed's events for REMOTE_BATCH_MS, and the workspace applies one batch at a time, keeping
// what arrives meanwhile for the next. A first sync of thousands of records is then a few reads and
// renders instead of one each.

runOnFakeClock();

type ChangeEvent = { id: string; changes: { rev: string }[]; doc?: object };

/** A database whose live changes feed the test drives by hand (nothing else of it is used here). */
function databaseWithFeed(): {
  db: LocalDatabase;
  emit: (change: ChangeEvent) => void;
  cancelled: () => boolean;
} {
  const listeners: ((change: ChangeEvent) => void)[] = [];
  let cancelled = false;
  const feed = {
    on(event: string, listener: (change: ChangeEvent) => void) {
      if (event === 'change') listeners.push(listener);
      return feed;
    },
    cancel() {
      cancelled = true;
    },
  };
  const db = {
    on: () => undefined,
    changes: () => feed,
    close: () => Promise.resolve(),
  } as unknown as LocalDatabase;
  return {
    db,
    emit: (change) => {
      for (const listener of listeners) listener(change);
    },
    cancelled: () => cancelled,
  };
}

const recordChange = (id: string, rev = '1-a'): ChangeEvent => ({
  id: `deliveries:${id}`,
  changes: [{ rev }],
  doc: { _id: `deliveries:${id}`, _rev: rev },
});

/** A record changed elsewhere, without conflicting versions left. */
const settled = (id: string) => ({ collection: 'deliveries', id, settled: true });

describe('PouchStore.subscribe hands over changes in batches', () => {
  it('500 changes in quick succession: nothing before the window ends, then one call holding all 500', async () => {
    const { db, emit } = databaseWithFeed();
    const store = new PouchStore(db);
    const calls: ItemRef[][] = [];
    store.subscribe((items) => calls.push(items));

    for (let i = 0; i < 500; i++) emit(recordChange(`r${i}`));
    await vi.advanceTimersByTimeAsync(REMOTE_BATCH_MS - 1);
    expect(calls).toEqual([]);

    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toHaveLength(500);
    expect(calls[0]![0]).toEqual(settled('r0'));
    expect(calls[0]![499]).toEqual(settled('r499'));
  });

  it('an entity changed twice within the window is handed over once', async () => {
    const { db, emit } = databaseWithFeed();
    const store = new PouchStore(db);
    const calls: ItemRef[][] = [];
    store.subscribe((items) => calls.push(items));

    emit(recordChange('a', '1-a'));
    emit(recordChange('b', '1-b'));
    emit(recordChange('a', '2-a'));
    await vi.advanceTimersByTimeAsync(REMOTE_BATCH_MS);

    expect(calls).toEqual([[settled('a'), settled('b')]]);
  });

  it('a change arriving after a hand-over goes into the next batch', async () => {
    const { db, emit } = databaseWithFeed();
    const store = new PouchStore(db);
    const calls: ItemRef[][] = [];
    store.subscribe((items) => calls.push(items));

    emit(recordChange('a'));
    await vi.advanceTimersByTimeAsync(REMOTE_BATCH_MS);
    emit(recordChange('b'));
    await vi.advanceTimersByTimeAsync(REMOTE_BATCH_MS);

    expect(calls).toEqual([[settled('a')], [settled('b')]]);
  });

  it(`hands over at once when ${REMOTE_BATCH_MAX} are waiting, the rest after the window`, async () => {
    const { db, emit } = databaseWithFeed();
    const store = new PouchStore(db);
    const sizes: number[] = [];
    store.subscribe((items) => sizes.push(items.length));

    for (let i = 0; i < REMOTE_BATCH_MAX + 500; i++) emit(recordChange(`r${i}`));
    expect(sizes).toEqual([REMOTE_BATCH_MAX]);

    await vi.advanceTimersByTimeAsync(REMOTE_BATCH_MS);
    expect(sizes).toEqual([REMOTE_BATCH_MAX, 500]);
  });

  it('a change without conflicts ends a listed conflict with its batch, not before; nothing after unsubscribing', async () => {
    const { db, emit, cancelled } = databaseWithFeed();
    const store = new PouchStore(db);
    const calls: ItemRef[][] = [];
    const reports: [ItemRef, SyncConflict[]][] = [];
    const stop = store.subscribe(
      (items) => calls.push(items),
      (ref, conflicts) => reports.push([ref, conflicts]),
    );

    emit(recordChange('a'));
    // Not reported on its own: the conflict ends when the batch (marked settled) is read.
    expect(reports).toEqual([]);

    stop();
    await vi.advanceTimersByTimeAsync(REMOTE_BATCH_MS);
    expect(calls).toEqual([]);
    expect(cancelled()).toBe(true);
  });

  it('nothing waiting is handed over once the store is closed', async () => {
    const { db, emit } = databaseWithFeed();
    const store = new PouchStore(db);
    const calls: ItemRef[][] = [];
    store.subscribe((items) => calls.push(items));

    emit(recordChange('a'));
    store.close();
    await vi.advanceTimersByTimeAsync(REMOTE_BATCH_MS);

    expect(calls).toEqual([]);
  });
});

/** A deferred promise the test settles. */
function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

/**
 * A PouchStore on database `name` whose changes feed is the test's `deliver` (what the real feed would
 * hand over) and whose reads of single entities wait for `gate` when one is set.
 */
class ControlledStore extends PouchStore {
  deliver: (items: ItemRef[]) => void = () => undefined;
  gate: Promise<void> | null = null;
  readonly reads: ItemRef[][] = [];

  override subscribe(onChange: (items: ItemRef[]) => void): () => void {
    this.deliver = onChange;
    return () => undefined;
  }

  override async get(refs: readonly ItemRef[]): Promise<(Row<unknown> | undefined)[]> {
    this.reads.push([...refs]);
    if (this.gate) await this.gate;
    return super.get(refs);
  }
}

/** Every distinct `data.deliveries` the workspace's state held, in order. */
function deliveriesUpdates(states: WorkspaceState[]): number[] {
  const sizes: number[] = [];
  let last: unknown = null;
  for (const state of states)
    if (state.data.deliveries !== last) {
      last = state.data.deliveries;
      sizes.push(state.data.deliveries.size);
    }
  return sizes;
}

async function workspaceOnControlledStore() {
  const name = uniqueName('remote-batch');
  // The workspace closes the store (and its database) after the test.
  const store = new ControlledStore(openLocalDatabase(name));
  const workspace = await loadWorkspace(name, { openStore: () => store, liveUpdates: true });
  const states: WorkspaceState[] = [];
  workspace.subscribe(() => states.push(workspace.getState()));
  return { name, store, workspace, states };
}

const RECORDS = Array.from({ length: 500 }, (_, i) =>
  createRecord({ id: `r${String(i).padStart(3, '0')}`, charterId: 'c', commitmentId: 'k' }),
);
const records = (from: number, to: number) => RECORDS.slice(from, to);
const refs = (from: number, to: number): ItemRef[] =>
  records(from, to).map((r) => ({ collection: 'deliveries', id: r.id }));

describe('the workspace applies batches of changes made by others', () => {
  it('500 records brought by replication: one read, one state update holding all 500', async () => {
    const { name, store, workspace, states } = await workspaceOnControlledStore();
    await seed(name, 'deliveries', records(0, 500));

    store.deliver(refs(0, 500));
    await workspace.whenRemoteWritesApplied();

    expect(store.reads).toHaveLength(1);
    expect(deliveriesUpdates(states)).toEqual([500]);
    expect(workspace.getState().data.deliveries.get('r499')).toEqual(RECORDS[499]);
  });

  it('changes arriving while a batch is read are not lost: applied next, together', async () => {
    const { name, store, workspace, states } = await workspaceOnControlledStore();
    await seed(name, 'deliveries', records(0, 3));
    const gate = deferred();
    store.gate = gate.promise;

    store.deliver(refs(0, 1));
    await vi.advanceTimersByTimeAsync(0);
    // r001 and r002 arrive while r000 is being read.
    store.deliver(refs(1, 2));
    store.deliver(refs(2, 3));
    store.gate = null;
    gate.resolve();
    await workspace.whenRemoteWritesApplied();

    expect(store.reads).toEqual([refs(0, 1), refs(1, 3)]);
    expect(deliveriesUpdates(states)).toEqual([1, 3]);
    expect([...workspace.getState().data.deliveries.keys()].sort()).toEqual(['r000', 'r001', 'r002']);
  });

  it('a stored record that fails validation stays out; the valid ones of the batch come in', async () => {
    const { name, store, workspace } = await workspaceOnControlledStore();
    await seed(name, 'deliveries', [...records(0, 2), { ...records(2, 3)[0]!, dueAt: 'not a date' }]);

    store.deliver(refs(0, 3));
    await workspace.whenRemoteWritesApplied();

    expect([...workspace.getState().data.deliveries.keys()].sort()).toEqual(['r000', 'r001']);
  });
});
