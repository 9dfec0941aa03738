// Startup reads what Today needs first (open records, recent ones, those a recovery case or a close-time
// journal names), then the rest of the log; nothing may be lost or overwritten while the rest is pending.
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import type { DeliveryRecord, RecoveryCase } from '../../../src/domain/tracker/tracker';
import { CharterDatabase } from '../../../src/persistence/db';
import { storageJournal } from '../../../src/persistence/journal';
import type { Workspace } from '../../../src/persistence/workspace';
import { createRecord } from '../factories';
import {
  MemoryStorage,
  NOW,
  createWorkspace,
  dumpDb,
  loadWorkspace,
  memory,
  readRow,
  readRows,
  seed,
  uniqueName,
  until,
  seedRaw,
  stampVersion,
} from './harness';

/** A promise and the function that resolves it: the test decides when the rest of the log is read. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

const DAY = 86_400_000;
const at = (msBeforeNow: number) => new Date(Date.parse(NOW) - msBeforeNow).toISOString();

/** A record closed `daysAgo` days before NOW (due and done then). */
const closed = (id: string, daysAgo: number): DeliveryRecord =>
  createRecord({
    id,
    charterId: 'charter-a',
    commitmentId: 'commitment-a',
    triggeredAt: at(daysAgo * DAY + 3_600_000),
    dueAt: at(daysAgo * DAY),
    doneAt: at(daysAgo * DAY + 60_000),
    createdAt: at(daysAgo * DAY + 3_600_000),
    updatedAt: at(daysAgo * DAY + 60_000),
  });

/** A record still open, due `daysAgo` days before NOW (long overdue when that is large). */
const open = (id: string, daysAgo: number): DeliveryRecord => ({
  ...closed(id, daysAgo),
  doneAt: null,
  updatedAt: at(daysAgo * DAY + 3_600_000),
});

const recoveryFor = (id: string, recordId: string): RecoveryCase => ({
  id,
  recordId,
  openedAt: at(300 * DAY),
  steps: [],
  closedAt: null,
  outcome: null,
  notes: '',
});

/**
 * A store of 60 old closed records (old-00 … old-59), 3 closed in the last 3 days, 2 open ones (one long
 * overdue) and a recovery case about old-07.
 */
async function seedLog(name: string) {
  const old = Array.from({ length: 60 }, (_, i) => closed(`old-${String(i).padStart(2, '0')}`, 200 + i));
  const recent = [closed('recent-1', 1), closed('recent-2', 2), closed('recent-3', 2.5)];
  const opens = [open('open-1', 400), open('open-2', 2)];
  await seed(name, 'deliveries', [...old, ...recent, ...opens]);
  await seed(name, 'recoveryCases', [recoveryFor('case-1', 'old-07')]);
  return { old, recent, opens };
}

/** Loads a workspace whose rest-of-log read waits for `wait`; resolves once Today's part is in memory. */
async function loadFirstPart(name: string, wait: Promise<void>, options = {}) {
  const workspace = createWorkspace(name, { beforeRestOfLog: () => wait, ...options });
  const loaded = workspace.load();
  await until(workspace, (s) => s.phase === 'ready');
  return { workspace, loaded };
}

const ids = (workspace: Workspace) => [...workspace.getState().data.deliveries.keys()].sort();

describe('the first read', () => {
  it('holds the open records (however old), the recent ones and those recovery cases name; the rest follows, in stored order', async () => {
    const name = uniqueName('first-read');
    await seedLog(name);
    const rest = gate();

    const { workspace, loaded } = await loadFirstPart(name, rest.opened);

    expect(ids(workspace)).toEqual(['old-07', 'open-1', 'open-2', 'recent-1', 'recent-2', 'recent-3']);
    expect(workspace.getState().log).toEqual({ complete: false, loaded: 6, total: 6 });

    rest.open();
    await loaded;

    expect(workspace.getState().log).toEqual({ complete: true, loaded: 65, total: 65 });
    expect(workspace.getState().data.deliveries.size).toBe(65);
    // The same order as one whole read (the primary key's), so exports and lists do not change with it.
    const stored = await readRows(name, 'deliveries');
    expect([...workspace.getState().data.deliveries.keys()]).toEqual(stored.map((r) => r.id));
    expect(workspace.toBackup(NOW).deliveries).toEqual(stored.map((r) => r.value));
    await expect(workspace.whenLogComplete()).resolves.toBeUndefined();
  });

  it('with nothing stored, the rest of the log changes no data: one update, the log complete, the same maps', async () => {
    const name = uniqueName('first-read-empty');
    const rest = gate();
    const { workspace, loaded } = await loadFirstPart(name, rest.opened);
    const data = workspace.getState().data;
    const updates: unknown[] = [];
    workspace.subscribe(() => updates.push(workspace.getState().log));

    rest.open();
    await loaded;

    // A new user's first start: no "loading 0 of 0", and Today is not computed again for nothing.
    expect(updates).toEqual([{ complete: true, loaded: 0, total: 0 }]);
    expect(workspace.getState().data).toBe(data);
  });

  it('the records of the first read in stored order already: the rest of the log keeps the same map', async () => {
    const name = uniqueName('first-read-all-recent');
    await seed(name, 'deliveries', [closed('a-1', 1), closed('a-2', 1), open('a-3', 2)]);
    const rest = gate();
    const { workspace, loaded } = await loadFirstPart(name, rest.opened);
    const deliveries = workspace.getState().data.deliveries;
    expect([...deliveries.keys()]).toEqual(['a-1', 'a-2', 'a-3']);

    rest.open();
    await loaded;

    expect(workspace.getState().log).toEqual({ complete: true, loaded: 3, total: 3 });
    expect(workspace.getState().data.deliveries).toBe(deliveries);
  });

  it('reads in chunks and reports progress (loaded of total)', { timeout: 20_000 }, async () => {
    const name = uniqueName('first-read-progress');
    const many = Array.from({ length: 900 }, (_, i) => closed(`r-${String(i).padStart(5, '0')}`, 100));
    await seed(name, 'deliveries', many);
    const progress: number[] = [];
    const workspace = createWorkspace(name, { logChunk: 400 });
    workspace.subscribe(() => {
      const { log } = workspace.getState();
      if (!log.complete && progress.at(-1) !== log.loaded) progress.push(log.loaded);
    });
    await workspace.load();

    expect(progress).toEqual([0, 400, 800, 900]);
    expect(workspace.getState().log).toEqual({ complete: true, loaded: 900, total: 900 });
  });

  it('keeps every edit made while the rest is read: new, changed and deleted records stay as edited', async () => {
    const name = uniqueName('first-read-edits');
    const { opens, recent } = await seedLog(name);
    const rest = gate();
    const { workspace, loaded } = await loadFirstPart(name, rest.opened);

    const created = open('new-1', 0);
    workspace.put('deliveries', created);
    workspace.put('deliveries', { ...opens[0]!, doneAt: NOW, updatedAt: NOW });
    workspace.remove('deliveries', recent[0]!.id);
    await workspace.flush();
    rest.open();
    await loaded;

    const records = memory(workspace, 'deliveries');
    expect(Object.keys(records)).toHaveLength(65); // 65 stored + 1 new − 1 deleted
    expect(records['new-1']).toEqual(created);
    expect(records['open-1']?.doneAt).toBe(NOW);
    expect(records['recent-1']).toBeUndefined();
    expect(await readRow(name, 'deliveries', 'recent-1')).toBeUndefined();
    expect(await readRow(name, 'deliveries', 'open-1')).toMatchObject({ rev: 2, value: { doneAt: NOW } });
    // Closed now: the row no longer carries the open flag, the new open record does.
    expect(await readRow(name, 'deliveries', 'open-1')).not.toHaveProperty('open');
    expect(await readRow(name, 'deliveries', 'new-1')).toMatchObject({ rev: 1, open: 1 });
    expect(workspace.getState().save.kind).toBe('saved');
  });

  it('an unsaved edit of a record stays unsaved-and-newest when the rest of the log arrives', async () => {
    const name = uniqueName('first-read-dirty');
    await seedLog(name);
    const rest = gate();
    const { workspace, loaded } = await loadFirstPart(name, rest.opened, { delayMs: 60_000 });

    workspace.put('deliveries', { ...open('open-2', 2), notes: 'typed' });
    rest.open();
    await loaded;

    expect(memory(workspace, 'deliveries')['open-2']?.notes).toBe('typed');
    expect(workspace.getState().save.kind).toBe('pending');
    await workspace.flush();
    expect(await readRow(name, 'deliveries', 'open-2')).toMatchObject({ rev: 2, value: { notes: 'typed' } });
  });

  it('another tab’s save of an old record during the rest-of-log read is what memory ends with', async () => {
    const name = uniqueName('first-read-tabs');
    await seedLog(name);
    const rest = gate();
    const { workspace: a, loaded } = await loadFirstPart(name, rest.opened, { liveUpdates: true });
    const b = await loadWorkspace(name, { liveUpdates: true });

    b.put('deliveries', { ...closed('old-30', 230), notes: 'from B' });
    await b.flush();
    await until(a, (s) => s.data.deliveries.get('old-30')?.notes === 'from B');
    rest.open();
    await loaded;

    expect(memory(a, 'deliveries')['old-30']?.notes).toBe('from B');
    // And a later edit in A saves on top of B's revision, without a conflict.
    a.put('deliveries', { ...memory(a, 'deliveries')['old-30']!, notes: 'then A' });
    await a.flush();
    expect(a.getState().save.kind).toBe('saved');
    expect(await readRow(name, 'deliveries', 'old-30')).toMatchObject({ rev: 3, value: { notes: 'then A' } });
  });

  it('a journal naming an old record that was saved after all replays nothing (no false conflict)', async () => {
    const name = uniqueName('first-read-journal');
    await seedLog(name);
    const storage = new MemoryStorage();
    // The closing page's edit of old-40 did reach the database (rev 1 → 2) after its journal was written.
    const edited = { ...closed('old-40', 240), notes: 'edited before closing' };
    await seed(name, 'deliveries', [edited], 2);
    storageJournal(storage, 'closed-tab').write([
      { collection: 'deliveries', id: 'old-40', baseRev: 1, value: edited },
    ]);
    const rest = gate();
    const { workspace, loaded } = await loadFirstPart(name, rest.opened, {
      journal: storageJournal(storage, 'this-tab'),
    });

    expect(memory(workspace, 'deliveries')['old-40']).toEqual(edited);
    rest.open();
    await loaded;
    await workspace.flush();

    expect(workspace.getState().save.kind).not.toBe('conflict');
    expect(await readRow(name, 'deliveries', 'old-40')).toEqual({ id: 'old-40', rev: 2, value: edited });
    expect(storage.keys()).toEqual([]);
  });

  it('a damaged record in the rest of the log: edits made meanwhile are saved, then the store shows as damaged', async () => {
    const name = uniqueName('first-read-damaged');
    await seedLog(name);
    await seedRaw(name, 'deliveries', [
      { key: 'old-50', value: { ...closed('old-50', 250), summary: 42 as never } },
    ]);
    const rest = gate();
    const { workspace, loaded } = await loadFirstPart(name, rest.opened, { delayMs: 60_000 });

    workspace.put('deliveries', open('new-1', 0));
    rest.open();
    await loaded;
    await until(workspace, (s) => s.phase === 'damaged');

    expect(workspace.getState().loadErrors.map((e) => e.path)).toContain(
      `deliveries[${(await readRows(name, 'deliveries')).findIndex((r) => r.id === 'old-50')}].summary`,
    );
    expect(await readRow(name, 'deliveries', 'new-1')).toMatchObject({ rev: 1 });
    const before = await dumpDb(name);
    workspace.put('deliveries', open('new-2', 0));
    await workspace.flush();
    expect(await dumpDb(name)).toBe(before);
    expect(workspace.getState().log.complete).toBe(true);
  });

  it('data written by an older schema is read (and migrated) in one whole read, as before', async () => {
    const name = uniqueName('first-read-older');
    await seedLog(name);
    await stampVersion(name, 1);
    const rest = gate();
    const workspace = createWorkspace(name, { beforeRestOfLog: () => rest.opened });
    await workspace.load(); // never waits for the gate: there is no second part

    expect(workspace.getState().log.complete).toBe(true);
    expect(workspace.getState().data.deliveries.size).toBe(65);
  });
});

describe('the Dexie database (read once, by the move to PouchDB), version 2', () => {
  it('flags the open records of a version-1 database when it upgrades', async () => {
    const name = uniqueName('upgrade');
    const v1 = new Dexie(name);
    v1.version(1).stores({
      charters: 'id',
      charterVersions: 'id, value.charterId',
      customers: 'id',
      deals: 'id, value.customerId',
      deliveries: 'id, value.charterId, value.dueAt',
      recoveryCases: 'id, value.recordId',
      settings: 'id',
      meta: 'key',
    });
    await v1.table('deliveries').bulkPut([
      { id: 'a', rev: 1, value: open('a', 30) },
      { id: 'b', rev: 1, value: closed('b', 30) },
    ]);
    v1.close();

    const db = new CharterDatabase(name);
    try {
      await db.open();
      expect(db.verno).toBe(2);
      expect(await db.deliveries.where('open').equals(1).primaryKeys()).toEqual(['a']);
      expect(await db.deliveries.get('b')).not.toHaveProperty('open');
    } finally {
      db.close();
    }
  });
});
