// The one-time move from the Dexie database of earlier versions into PouchDB, on a frozen Dexie fixture
// (tests/fixtures/dexie-v2-database.json) loaded into fake-indexeddb.
import { readFileSync } from 'node:fs';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { restore } from '../../../src/domain/interchange/restore';
import { COLLECTIONS } from '../../../src/persistence/collections';
import type { Collection, Row } from '../../../src/persistence/collections';
import { CharterDatabase } from '../../../src/persistence/db';
import { moveFromDexie } from '../../../src/persistence/move-from-dexie';
import { ensureMovedFromDexie, openLocalDatabase } from '../../../src/persistence/pouch-db';
import { MOVED_FROM_DEXIE_ID } from '../../../src/persistence/pouch-docs';
import { NOW, injectWriteFailures, loadWorkspace, memory, readRows, uniqueName, withDb } from './harness';
import type { FailureSwitch } from './harness';

type Fixture = { tables: Record<Collection | 'meta', Record<string, unknown>[]> };
const fixture = JSON.parse(
  readFileSync(new URL('../../fixtures/dexie-v2-database.json', import.meta.url), 'utf8'),
) as Fixture;
const backupV4 = JSON.parse(readFileSync(new URL('../../fixtures/backup-v4.json', import.meta.url), 'utf8'));

/** A Dexie database `name` holding the frozen fixture, as the last Dexie build left it. */
async function dexieFixture(name: string): Promise<void> {
  const db = new CharterDatabase(name);
  try {
    await db.open();
    for (const [table, rows] of Object.entries(fixture.tables)) await db.table(table).bulkPut(rows);
  } finally {
    db.close();
  }
}

/** Every table of Dexie database `name` as JSON text, to compare byte for byte. */
async function dumpDexie(name: string): Promise<string> {
  const db = new CharterDatabase(name);
  try {
    await db.open();
    const tables: Record<string, unknown[]> = {};
    for (const table of [...COLLECTIONS, 'meta']) tables[table] = await db.table(table).toArray();
    return JSON.stringify(tables);
  } finally {
    db.close();
  }
}

const movedMark = (name: string) =>
  withDb(name, (db) => db.get(MOVED_FROM_DEXIE_ID).catch((error: { status?: number }) => error.status));

describe('the move from Dexie', () => {
  it('copies every row (counts and contents verified), marks it done and leaves the Dexie database as it was', async () => {
    const dexieName = uniqueName('dexie');
    const name = uniqueName('pouch');
    await dexieFixture(dexieName);
    const before = await dumpDexie(dexieName);

    const result = await withDb(name, (db) => moveFromDexie(db, NOW, dexieName));

    expect(result).toEqual({
      kind: 'moved',
      counts: {
        charters: 2,
        charterVersions: 1,
        customers: 2,
        deals: 3,
        deliveries: 5,
        recoveryCases: 1,
        settings: 1,
      },
    });
    for (const collection of COLLECTIONS) {
      const moved = await readRows(name, collection);
      const old = (fixture.tables[collection] as Row<unknown>[]).toSorted((a, b) => (a.id < b.id ? -1 : 1));
      expect(
        moved.map((r) => [r.id, r.value, r.open]),
        collection,
      ).toEqual(old.map((r) => [r.id, r.value, r.open]));
    }
    expect(await movedMark(name)).toMatchObject({ at: NOW, counts: { deliveries: 5 } });
    expect(await dumpDexie(dexieName)).toBe(before);
  });

  it('the app then starts with everything the old version had, read through restore()', async () => {
    const dexieName = uniqueName('dexie');
    const name = uniqueName('pouch');
    await dexieFixture(dexieName);

    const workspace = await loadWorkspace(name, {
      prepareDatabase: (db) => ensureMovedFromDexie(db, NOW, dexieName),
    });

    expect(workspace.getState().phase).toBe('ready');
    // Idle, or saving the rows an older schema wrote in the current shape: never failed.
    expect(['idle', 'pending', 'saving', 'saved']).toContain(workspace.getState().save.kind);
    const restored = restore(backupV4);
    if (!restored.ok) throw new Error('fixture does not restore');
    const byId = <T extends { id: string }>(list: readonly T[]) =>
      Object.fromEntries(list.map((e) => [e.id, e]));
    expect(memory(workspace, 'charters')).toEqual(byId(restored.backup.charters));
    expect(memory(workspace, 'deliveries')).toEqual(byId(restored.backup.deliveries));
    expect(workspace.settings).toEqual(restored.backup.settings);
  });

  it('runs once: a later start finds the mark and copies nothing again (a deleted item stays deleted)', async () => {
    const dexieName = uniqueName('dexie');
    const name = uniqueName('pouch');
    await dexieFixture(dexieName);
    const prepareDatabase = (db: Parameters<typeof ensureMovedFromDexie>[0]) =>
      ensureMovedFromDexie(db, NOW, dexieName);
    const first = await loadWorkspace(name, { prepareDatabase });
    const charterId = Object.keys(memory(first, 'charters'))[0]!;
    first.remove('charters', charterId);
    await first.flush();
    first.close();

    const second = await loadWorkspace(name, { prepareDatabase });

    expect(Object.keys(memory(second, 'charters'))).not.toContain(charterId);
    expect(Object.keys(memory(second, 'charters'))).toHaveLength(1);
  });

  it('a failed move leaves the Dexie database untouched, says so, keeps edits in memory, and succeeds on retry', async () => {
    const dexieName = uniqueName('dexie');
    const name = uniqueName('pouch');
    await dexieFixture(dexieName);
    const before = await dumpDexie(dexieName);
    const failures: FailureSwitch = {
      failure: { kind: 'reject', error: () => new Error('disk trouble') },
      writeAttempts: 0,
    };

    const workspace = await loadWorkspace(name, {
      openDatabase: () => injectWriteFailures(openLocalDatabase(name), failures),
      prepareDatabase: (db) => ensureMovedFromDexie(db, NOW, dexieName),
      retryDelaysMs: [60_000],
    });

    expect(workspace.getState()).toMatchObject({
      phase: 'ready',
      save: { kind: 'failed', reason: 'moving' },
    });
    expect(await dumpDexie(dexieName)).toBe(before);
    expect(await movedMark(name)).toBe(404);
    expect(await readRows(name, 'charters')).toEqual([]);

    workspace.put('customers', { ...backupV4.customers[0], id: 'typed-meanwhile' });
    failures.failure = null;
    await workspace.retry();

    expect(workspace.getState().save.kind).toBe('saved');
    expect(Object.keys(memory(workspace, 'charters'))).toHaveLength(2);
    expect(Object.keys(memory(workspace, 'customers'))).toContain('typed-meanwhile');
    expect((await readRows(name, 'customers')).map((r) => r.id)).toContain('typed-meanwhile');
    expect(await movedMark(name)).toMatchObject({ at: NOW });
    expect(await dumpDexie(dexieName)).toBe(before);
  });

  it('with no Dexie database at all there is nothing to move, and it is marked done', async () => {
    const name = uniqueName('pouch');
    const dexieName = uniqueName('never-created');

    expect(await withDb(name, (db) => moveFromDexie(db, NOW, dexieName))).toEqual({
      kind: 'nothing-to-move',
    });
    expect(await movedMark(name)).toMatchObject({ at: NOW, counts: null });
    expect(await Dexie.exists(dexieName)).toBe(false);
  });

  it('a new user’s first start marks it done from the browser’s list of databases, creating no old one', async () => {
    const name = uniqueName('pouch');
    const dexieName = uniqueName('never-created');
    await withDb(name, (db) => ensureMovedFromDexie(db, NOW, dexieName));
    expect(await movedMark(name)).toMatchObject({ at: NOW, counts: null });
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(dexieName);
    // Where the browser cannot list databases, the mover looks for itself and comes to the same.
    const listing = indexedDB.databases;
    const other = uniqueName('pouch');
    try {
      Object.defineProperty(indexedDB, 'databases', { value: undefined, configurable: true });
      await withDb(other, (db) => ensureMovedFromDexie(db, NOW, dexieName));
    } finally {
      Object.defineProperty(indexedDB, 'databases', { value: listing, configurable: true });
    }
    expect(await movedMark(other)).toMatchObject({ at: NOW, counts: null });
  });
});
