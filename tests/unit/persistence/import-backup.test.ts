import { describe, expect, it } from 'vitest';
import { CURRENT_VERSION } from '../../../src/domain/interchange/backup';
import type { Backup } from '../../../src/domain/interchange/backup';
import { planImport } from '../../../src/domain/interchange/merge';
import type { ImportMode } from '../../../src/domain/interchange/merge';
import { restore } from '../../../src/domain/interchange/restore';
import { COLLECTIONS, SETTINGS_ID, keyOf } from '../../../src/persistence/collections';
import type { Collection, Entities } from '../../../src/persistence/collections';
import { importBackup } from '../../../src/persistence/import-backup';
import { createBackup, createCustomer } from '../factories';
import {
  NOW,
  dumpDb,
  loadWorkspace,
  memory,
  readRow,
  readRows,
  seed,
  uniqueName,
  stampVersion,
  storedVersions,
  untilSave,
  withDb,
} from './harness';

type ListCollection = Exclude<Collection, 'settings'>;
const LIST_COLLECTIONS = COLLECTIONS.filter((c): c is ListCollection => c !== 'settings');
const LATER = '2026-04-01T00:00:00.000Z';

/** `backup` as restore() gives it back (settings with every default filled in), as stored data would be. */
function restored(backup: unknown): Backup {
  const result = restore(backup);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.backup;
}

/** Stores every item of `backup` as a row with revision `rev`, as a workspace that saved it `rev` times would. */
async function seedBackup(name: string, backup: Backup, rev = 3): Promise<void> {
  for (const collection of LIST_COLLECTIONS)
    await seed(
      name,
      collection,
      backup[collection] as unknown as readonly Entities[typeof collection][],
      rev,
    );
  await seed(name, 'settings', [backup.settings], rev);
}

/** Every entity of `backup` in `collection`, keyed the way it is stored. */
function keyed<C extends ListCollection>(backup: Backup, collection: C): Record<string, Entities[C]> {
  const list = backup[collection] as unknown as readonly Entities[C][];
  return Object.fromEntries(list.map((entity) => [keyOf(collection, entity), entity]));
}

/**
 * The stored data, and a file that changes it: the first charter edited later, the draft charter gone, a
 * new customer, the first delivery record gone (the recovery case names the second), English settings.
 */
function scenario(): { current: Backup; incoming: Backup } {
  const current = restored(createBackup());
  const incoming = structuredClone(current);
  incoming.charters[0] = { ...incoming.charters[0]!, title: '가져온 제목', updatedAt: LATER };
  incoming.charters.pop();
  incoming.customers.push(createCustomer({ id: 'new-customer', name: '새 고객 😀' }));
  incoming.deliveries.shift();
  incoming.settings = { ...incoming.settings, language: 'en' };
  return { current, incoming };
}

function plannedBackup(current: Backup, incoming: Backup, mode: ImportMode): Backup {
  const plan = planImport(current, incoming, mode);
  if (!plan.ok) throw new Error(JSON.stringify(plan.errors));
  return plan.backup;
}

describe('importBackup', () => {
  it('an import made to fail at its 1st, 2nd, 3rd … IndexedDB write leaves the database byte-identical', async () => {
    const name = uniqueName('import-rollback');
    const { current, incoming } = scenario();
    await seedBackup(name, current);
    const plan = plannedBackup(current, incoming, 'replace');
    const before = await dumpDb(name);

    // PouchDB writes the whole import in one IndexedDB transaction; a write failing inside it aborts it.
    const store = globalThis.IDBObjectStore.prototype;
    const put = store.put;
    let failAt = 1;
    try {
      for (; failAt < 50; failAt++) {
        let puts = 0;
        store.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
          puts += 1;
          if (puts === failAt) throw new DOMException('failing on purpose', 'UnknownError');
          return put.apply(this, args);
        };
        const result = await withDb(name, (db) => importBackup(db, plan));
        store.put = put;
        if (result.ok) break;
        expect(result).toEqual({ ok: false, reason: 'storage', failure: 'unknown' });
        expect(await dumpDb(name), `after failing at write ${failAt}`).toBe(before);
      }
    } finally {
      store.put = put;
    }
    // 3 written and 2 deleted documents, plus PouchDB's own bookkeeping writes: at least 5 ways to fail.
    expect(failAt - 1).toBeGreaterThanOrEqual(5);
    expect(await dumpDb(name)).not.toBe(before);
  });

  it('a successful import writes the whole plan, raising revisions only where something changed', async () => {
    const name = uniqueName('import-ok');
    const { current, incoming } = scenario();
    await seedBackup(name, current);
    const plan = plannedBackup(current, incoming, 'replace');

    const result = await withDb(name, (db) => importBackup(db, plan));

    const rows = (await Promise.all(COLLECTIONS.map((c) => readRows(name, c)))).flat().length;
    expect(result).toEqual({ ok: true, written: 3, deleted: 2, unchanged: rows - 3 });
    for (const collection of LIST_COLLECTIONS) {
      const stored = await readRows(name, collection);
      expect(Object.fromEntries(stored.map((r) => [r.id, r.value])), collection).toEqual(
        keyed(plan, collection),
      );
    }
    expect((await readRow(name, 'charters', plan.charters[0]!.id))?.rev).toBe(4);
    expect((await readRow(name, 'customers', 'new-customer'))?.rev).toBe(1);
    expect((await readRow(name, 'customers', plan.customers[0]!.id))?.rev).toBe(3);
    expect((await readRow(name, 'deals', plan.deals[0]!.id))?.rev).toBe(3);
    expect(await readRow(name, 'charters', current.charters[1]!.id)).toBeUndefined();
    expect(await readRow(name, 'deliveries', current.deliveries[0]!.id)).toBeUndefined();
    expect(await readRow(name, 'settings', SETTINGS_ID)).toEqual({
      id: SETTINGS_ID,
      rev: 4,
      value: plan.settings,
    });
    expect(new Set(await storedVersions(name))).toEqual(new Set([CURRENT_VERSION]));

    // The same import again finds nothing to write.
    expect(await withDb(name, (db) => importBackup(db, plan))).toEqual({
      ok: true,
      written: 0,
      deleted: 0,
      unchanged: rows,
    });
  });

  it('imports into an empty database (a new browser restoring a backup)', async () => {
    const name = uniqueName('import-empty');
    const backup = restored(createBackup());
    const result = await withDb(name, (db) => importBackup(db, backup));
    expect(result).toMatchObject({ ok: true, deleted: 0, unchanged: 0 });
    const workspace = await loadWorkspace(name);
    expect(workspace.toBackup(backup.exportedAt)).toEqual(backup);
  });

  it('refuses data from a newer app, or a store written by one, before any write', async () => {
    const name = uniqueName('import-newer');
    const { current, incoming } = scenario();
    await seedBackup(name, current);
    const before = await dumpDb(name);
    const newer = {
      ...plannedBackup(current, incoming, 'replace'),
      version: CURRENT_VERSION + 1,
    } as unknown as Backup;

    expect(await withDb(name, (db) => importBackup(db, newer))).toEqual({
      ok: false,
      reason: 'newer-version',
      version: CURRENT_VERSION + 1,
    });
    expect(await dumpDb(name)).toBe(before);

    // The whole path: a newer file never even becomes a plan.
    const file = JSON.stringify({ ...incoming, version: CURRENT_VERSION + 1 });
    expect(restore(file)).toMatchObject({ ok: false, errors: [{ path: 'version' }] });

    // A store a newer app already wrote to is left alone too (one document of a newer version is enough).
    await stampVersion(name, CURRENT_VERSION + 1, ['deals']);
    const stored = await dumpDb(name);
    expect(await withDb(name, (db) => importBackup(db, plannedBackup(current, incoming, 'replace')))).toEqual(
      {
        ok: false,
        reason: 'newer-version',
        version: CURRENT_VERSION + 1,
      },
    );
    expect(await dumpDb(name)).toBe(stored);
  });

  it('refuses a plan that does not pass restore(), with the path, before any write', async () => {
    const name = uniqueName('import-invalid');
    const { current } = scenario();
    await seedBackup(name, current);
    const before = await dumpDb(name);
    const broken = { ...current, deals: [{ ...current.deals[0]!, customerId: 'nobody' }] };

    const result = await withDb(name, (db) => importBackup(db, broken));

    expect(result).toMatchObject({ ok: false, reason: 'invalid', errors: [{ path: 'deals[0].customerId' }] });
    expect(await dumpDb(name)).toBe(before);
  });
});

describe('Workspace.reload after an import', () => {
  it('shows the imported data, drops what the import removed, and saves later edits without conflict', async () => {
    const name = uniqueName('import-reload');
    const { current, incoming } = scenario();
    await seedBackup(name, current);
    const workspace = await loadWorkspace(name);
    expect(memory(workspace, 'charters')).toEqual(keyed(current, 'charters'));

    const plan = plannedBackup(workspace.toBackup(NOW), incoming, 'replace');
    expect(await withDb(name, (db) => importBackup(db, plan))).toMatchObject({ ok: true });
    await workspace.reload();

    expect(workspace.getState().phase).toBe('ready');
    for (const collection of LIST_COLLECTIONS)
      expect(memory(workspace, collection), collection).toEqual(keyed(plan, collection));
    expect(workspace.settings).toEqual(plan.settings);

    // Revisions are in step with storage again: an edit saves cleanly on top of the imported row (rev 4).
    workspace.put('charters', { ...plan.charters[0]!, title: '가져온 뒤 수정' });
    await workspace.flush();
    expect(workspace.getState().save.kind).toBe('saved');
    expect(await readRow(name, 'charters', plan.charters[0]!.id)).toMatchObject({
      rev: 5,
      value: { title: '가져온 뒤 수정' },
    });
  });

  it('without reload, editing an item the import changed is a conflict, never a silent overwrite', async () => {
    const name = uniqueName('import-stale');
    const { current, incoming } = scenario();
    await seedBackup(name, current);
    const workspace = await loadWorkspace(name);
    const plan = plannedBackup(workspace.toBackup(NOW), incoming, 'replace');
    await withDb(name, (db) => importBackup(db, plan));

    workspace.put('charters', { ...current.charters[0]!, title: 'stale edit' });
    await workspace.flush();

    expect(workspace.getState().save).toEqual({
      kind: 'conflict',
      items: [{ collection: 'charters', id: current.charters[0]!.id }],
    });
    expect((await readRow(name, 'charters', current.charters[0]!.id))?.value.title).toBe('가져온 제목');
  });

  it('saves pending edits before re-reading, so none is lost', async () => {
    const name = uniqueName('import-pending');
    await seedBackup(name, restored(createBackup()));
    const workspace = await loadWorkspace(name, { delayMs: 60_000 });
    const customer = createCustomer({ id: 'typed-just-now' });
    workspace.put('customers', customer);

    await workspace.reload();

    expect(memory(workspace, 'customers')['typed-just-now']).toEqual(customer);
    expect((await readRow(name, 'customers', 'typed-just-now'))?.value).toEqual(customer);
    await untilSave(workspace, 'saved');
  });

  it('a merge import through the same path keeps local items and adds the file’s', async () => {
    const name = uniqueName('import-merge');
    const { current, incoming } = scenario();
    await seedBackup(name, current);
    const workspace = await loadWorkspace(name);
    const plan = planImport(workspace.toBackup(NOW), incoming, 'merge');
    if (!plan.ok) throw new Error('merge refused');
    expect(plan.counts.charters).toEqual({ added: 0, updated: 1, unchanged: 1, removed: 0 });
    expect(plan.counts.customers).toEqual({ added: 1, updated: 0, unchanged: 2, removed: 0 });

    await withDb(name, (db) => importBackup(db, plan.backup));
    await workspace.reload();

    expect(Object.keys(memory(workspace, 'charters'))).toHaveLength(2);
    expect(Object.keys(memory(workspace, 'customers'))).toHaveLength(3);
    expect(Object.keys(memory(workspace, 'deliveries'))).toHaveLength(current.deliveries.length);
  });
});
