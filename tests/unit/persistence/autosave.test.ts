import { describe, expect, it, vi } from 'vitest';
import { CURRENT_VERSION } from '../../../src/domain/interchange/backup';
import { openLocalDatabase } from '../../../src/persistence/pouch-db';
import { createCustomer } from '../factories';
import {
  NOW,
  charter,
  loadWorkspace,
  readRow,
  readRows,
  recordSaveKinds,
  runOnFakeClock,
  seed,
  uniqueName,
  untilSave,
  storedVersions,
} from './harness';

// The product promises: every change is on disk within 350 ms of the last change (autosave delay 300 ms).
const PROMISE_MS = 350;

// Timers and performance.now() run on a fake clock that the tests advance; IndexedDB (fake-indexeddb on
// setImmediate, and PouchDB's own timers) still runs for real, so a save completes while the clock stands still.
runOnFakeClock();

/** Moves the fake clock `ms` ahead, running the timers due meanwhile. */
const advance = (ms: number) => vi.advanceTimersByTimeAsync(ms);

describe('autosave', () => {
  it('writes nothing before the delay, then everything within 350 ms of the change', async () => {
    const name = uniqueName('autosave');
    const workspace = await loadWorkspace(name);
    const customer = createCustomer({ id: 'customer-a' });

    const changedAt = performance.now();
    workspace.put('charters', charter('c1', 'First'));
    workspace.put('customers', customer);
    await advance(299);

    expect(await readRows(name, 'charters')).toEqual([]);
    expect(await readRows(name, 'customers')).toEqual([]);

    await advance(1);
    await untilSave(workspace, 'saved');
    const savedAfter = performance.now() - changedAt;

    expect(savedAfter).toBeLessThanOrEqual(PROMISE_MS);
    expect(await readRows(name, 'charters')).toEqual([{ id: 'c1', rev: 1, value: charter('c1', 'First') }]);
    expect(await readRows(name, 'customers')).toEqual([{ id: 'customer-a', rev: 1, value: customer }]);
  });

  it('coalesces rapid changes: the delay restarts, only the latest value is stored, one save, one rev', async () => {
    const name = uniqueName('coalesce');
    const workspace = await loadWorkspace(name);
    let saves = 0;
    workspace.subscribe(() => {
      if (workspace.getState().save.kind === 'saving') saves += 1;
    });

    workspace.put('charters', charter('c1', 'v1'));
    await advance(150);
    workspace.put('charters', charter('c1', 'v2'));
    await advance(200); // 350 ms after the first change: its timer would have fired by now

    expect(await readRows(name, 'charters')).toEqual([]);

    const lastChangeAt = performance.now();
    workspace.put('charters', charter('c1', 'v3'));
    await advance(300);
    await untilSave(workspace, 'saved');

    expect(performance.now() - lastChangeAt).toBeLessThanOrEqual(PROMISE_MS);
    expect(await readRows(name, 'charters')).toEqual([{ id: 'c1', rev: 1, value: charter('c1', 'v3') }]);
    expect(saves).toBe(1);

    workspace.put('charters', charter('c1', 'v4'));
    workspace.put('charters', charter('c1', 'v5'));
    await workspace.flush();

    expect(await readRow(name, 'charters', 'c1')).toEqual({ id: 'c1', rev: 2, value: charter('c1', 'v5') });
    expect(saves).toBe(2);
  });

  it('flush() writes at once, and the cancelled autosave does not write again', async () => {
    const name = uniqueName('flush');
    const workspace = await loadWorkspace(name);
    let saves = 0;
    workspace.subscribe(() => {
      if (workspace.getState().save.kind === 'saving') saves += 1;
    });

    const start = performance.now();
    workspace.put('charters', charter('c1', 'now'));
    await workspace.flush();

    expect(performance.now() - start).toBeLessThan(200);
    expect(await readRow(name, 'charters', 'c1')).toEqual({ id: 'c1', rev: 1, value: charter('c1', 'now') });
    expect(workspace.getState().save).toEqual({ kind: 'saved', at: NOW });

    await advance(PROMISE_MS);

    expect(saves).toBe(1);
    expect((await readRow(name, 'charters', 'c1'))?.rev).toBe(1);
  });

  it('flush() with nothing to save writes nothing', async () => {
    const name = uniqueName('flush-empty');
    const workspace = await loadWorkspace(name);

    await workspace.flush();

    expect(workspace.getState().save).toEqual({ kind: 'idle' });
    expect(await storedVersions(name)).toEqual([]);
  });

  it('reports pending → saving → saved, stamped with now()', async () => {
    const name = uniqueName('status');
    const workspace = await loadWorkspace(name);
    const kinds = recordSaveKinds(workspace);

    expect(workspace.getState().save).toEqual({ kind: 'idle' });

    workspace.put('charters', charter('c1'));

    expect(workspace.getState().save).toEqual({ kind: 'pending' });

    await advance(300);
    await untilSave(workspace, 'saved');

    expect(kinds).toEqual(['pending', 'saving', 'saved']);
    expect(workspace.getState().save).toEqual({ kind: 'saved', at: NOW });
  });

  it('writes the schema version into every document it saves', async () => {
    const name = uniqueName('meta');
    const workspace = await loadWorkspace(name);

    workspace.put('charters', charter('c1'));
    await workspace.flush();

    expect(await storedVersions(name)).toEqual([CURRENT_VERSION]);
  });

  it('autosaves a removal: the row is deleted', async () => {
    const name = uniqueName('remove');
    await seed(name, 'charters', [charter('c1'), charter('c2')]);
    const workspace = await loadWorkspace(name);

    workspace.remove('charters', 'c1');

    expect(workspace.getState().data.charters.has('c1')).toBe(false);

    await advance(300);
    await untilSave(workspace, 'saved');

    expect((await readRows(name, 'charters')).map((r) => r.id)).toEqual(['c2']);
  });

  it('an edit made while a save runs is saved by a follow-up save, without a conflict with itself', async () => {
    const name = uniqueName('during-save');
    const workspace = await loadWorkspace(name);

    workspace.put('charters', charter('c1', 'v1'));
    const first = workspace.flush();
    await untilSave(workspace, 'saving');
    workspace.put('charters', charter('c1', 'v2'));
    await first;
    await advance(300); // the follow-up autosave
    await untilSave(workspace, 'saved');

    expect(await readRow(name, 'charters', 'c1')).toEqual({ id: 'c1', rev: 2, value: charter('c1', 'v2') });
  });

  it('close() with a flush pending: the database is not opened again and nothing is written', async () => {
    const name = uniqueName('close-pending');
    let opens = 0;
    const workspace = await loadWorkspace(name, {
      openDatabase: () => {
        opens += 1;
        return openLocalDatabase(name);
      },
    });

    expect(opens).toBe(1);

    workspace.put('charters', charter('c1', 'typed just before closing'));
    const flushing = workspace.flush(); // queued: the save starts after close()
    workspace.close();
    await flushing;
    await advance(PROMISE_MS); // past the autosave delay too

    expect(opens).toBe(1);
    expect(await readRows(name, 'charters')).toEqual([]);
  });

  it('close() during a save, with another flush queued: no reopen, not even by the automatic retry', async () => {
    const name = uniqueName('close-during-save');
    let opens = 0;
    const workspace = await loadWorkspace(name, {
      openDatabase: () => {
        opens += 1;
        return openLocalDatabase(name);
      },
      retryDelaysMs: [20],
    });

    workspace.put('charters', charter('c1', 'v1'));
    const first = workspace.flush();
    await untilSave(workspace, 'saving');
    workspace.put('charters', charter('c1', 'v2'));
    const second = workspace.flush();
    workspace.close();
    await Promise.all([first, second]);
    await advance(100); // well past the 20 ms retry delay

    expect(opens).toBe(1);
  });
});
