import { describe, expect, it } from 'vitest';
import { CURRENT_VERSION } from '../../../src/domain/interchange/backup';
import { openLocalDatabase } from '../../../src/persistence/pouch-db';
import type { LocalDatabase } from '../../../src/persistence/pouch-db';
import type { WorkspaceOptions } from '../../../src/persistence/workspace';
import { T, createCustomer } from '../factories';
import {
  NOW,
  charter,
  unreachableDatabase,
  elapse,
  loadWorkspace,
  memory,
  readRow,
  readRows,
  seed,
  uniqueName,
  runOnFakeClock,
  storedVersions,
} from './harness';

runOnFakeClock();

/** Ways IndexedDB can be missing; each builds the database object `openDatabase` returns meanwhile. */
const outages: [string, (name: string) => LocalDatabase][] = [
  [
    'openDatabase() throws (no IndexedDB API at all)',
    () => {
      throw Object.assign(new Error('IndexedDB is missing'), { name: 'MissingAPIError' });
    },
  ],
  [
    'there is no indexedDB at all (PouchDB meets a ReferenceError)',
    () => unreachableDatabase(() => new ReferenceError('indexedDB is not defined')),
  ],
  [
    'indexedDB.open() throws SecurityError',
    () => unreachableDatabase(() => new DOMException('denied', 'SecurityError')),
  ],
  [
    'indexedDB.open() throws InvalidStateError',
    () => unreachableDatabase(() => new DOMException('private', 'InvalidStateError')),
  ],
];

/** A workspace on `name` that cannot reach IndexedDB until `availability.up` is set. */
function loadOfflineWorkspace(
  name: string,
  outage: (name: string) => LocalDatabase,
  availability: { up: boolean; opens: number },
  options: Partial<WorkspaceOptions> = {},
) {
  return loadWorkspace(name, {
    openDatabase: () => {
      availability.opens += 1;
      return availability.up ? openLocalDatabase(name) : outage(name);
    },
    retryDelaysMs: [60_000],
    ...options,
  });
}

describe.each(outages)('IndexedDB unavailable: %s', (_label, outage) => {
  it('works in memory with failed/unavailable, keeps every edit, and writes them all once it opens', async () => {
    const name = uniqueName('unavailable');
    const availability = { up: false, opens: 0 };
    const workspace = await loadOfflineWorkspace(name, outage, availability);

    expect(workspace.getState().phase).toBe('ready');
    expect(workspace.getState().save).toEqual({ kind: 'failed', reason: 'unavailable' });

    const customer = createCustomer({ id: 'customer-a' });
    workspace.put('charters', charter('c1', 'offline'));
    workspace.put('customers', customer);
    await elapse(workspace, 350); // the autosave runs, and fails again

    expect(availability.opens).toBeGreaterThanOrEqual(2);
    expect(workspace.getState().save).toEqual({ kind: 'failed', reason: 'unavailable' });
    expect(memory(workspace, 'charters')).toEqual({ c1: charter('c1', 'offline') });
    expect(workspace.toBackup(T.exported)).toMatchObject({
      charters: [charter('c1', 'offline')],
      customers: [customer],
    });

    availability.up = true;
    await workspace.retry();

    expect(workspace.getState().save).toEqual({ kind: 'saved', at: NOW });
    expect(await readRows(name, 'charters')).toEqual([{ id: 'c1', rev: 1, value: charter('c1', 'offline') }]);
    expect(await readRows(name, 'customers')).toEqual([{ id: 'customer-a', rev: 1, value: customer }]);
    expect(await storedVersions(name)).toEqual([CURRENT_VERSION, CURRENT_VERSION]);
  });
});

describe('when IndexedDB comes back', () => {
  const outage = () => unreachableDatabase(() => new ReferenceError('indexedDB is not defined'));

  it('the automatic retry opens it and writes everything', async () => {
    const name = uniqueName('unavailable-auto');
    const availability = { up: false, opens: 0 };
    const workspace = await loadOfflineWorkspace(name, outage, availability, { retryDelaysMs: [50] });
    workspace.put('charters', charter('c1'));
    await elapse(workspace, 300); // the autosave and the retries every 50 ms fail

    expect(workspace.getState().save.kind).toBe('failed');

    availability.up = true;
    await elapse(workspace, 50); // the next automatic retry, with nothing else asking for a save

    expect(workspace.getState().save).toEqual({ kind: 'saved', at: NOW });

    expect(await readRow(name, 'charters', 'c1')).toEqual({ id: 'c1', rev: 1, value: charter('c1') });
  });

  it('what was already stored is loaded alongside the edits made meanwhile', async () => {
    const name = uniqueName('unavailable-merge');
    await seed(name, 'charters', [charter('stored', 'from before')], 4);
    const availability = { up: false, opens: 0 };
    const workspace = await loadOfflineWorkspace(name, outage, availability);
    workspace.put('charters', charter('c1', 'offline'));

    expect(memory(workspace, 'charters')).toEqual({ c1: charter('c1', 'offline') });

    availability.up = true;
    await workspace.retry();

    expect(workspace.getState().save.kind).toBe('saved');
    expect(memory(workspace, 'charters')).toEqual({
      stored: charter('stored', 'from before'),
      c1: charter('c1', 'offline'),
    });
    expect(await readRows(name, 'charters')).toEqual([
      { id: 'c1', rev: 1, value: charter('c1', 'offline') },
      { id: 'stored', rev: 4, value: charter('stored', 'from before') },
    ]);
  });

  it('an item edited meanwhile that is also stored is a conflict, and the stored row is not overwritten', async () => {
    const name = uniqueName('unavailable-clash');
    await seed(name, 'charters', [charter('c1', 'stored')], 3);
    const availability = { up: false, opens: 0 };
    const workspace = await loadOfflineWorkspace(name, outage, availability);
    workspace.put('charters', charter('c1', 'offline edit'));

    availability.up = true;
    await workspace.retry();

    expect(workspace.getState().save).toEqual({
      kind: 'conflict',
      items: [{ collection: 'charters', id: 'c1' }],
    });
    expect(memory(workspace, 'charters')).toEqual({ c1: charter('c1', 'offline edit') });
    expect(await readRow(name, 'charters', 'c1')).toEqual({
      id: 'c1',
      rev: 3,
      value: charter('c1', 'stored'),
    });

    await workspace.resolveConflict('mine');

    expect(await readRow(name, 'charters', 'c1')).toEqual({
      id: 'c1',
      rev: 4,
      value: charter('c1', 'offline edit'),
    });
  });
});
