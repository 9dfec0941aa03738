import { describe, expect, it } from 'vitest';
import { charterSchema } from '../../../src/domain/charter/charter';
import { backupSchema } from '../../../src/domain/interchange/backup';
import type { Workspace } from '../../../src/persistence/workspace';
import {
  NOW,
  charter,
  loadWorkspace,
  memory,
  readRow,
  readRows,
  seed,
  uniqueName,
  until,
  untilSave,
} from './harness';

const X = { collection: 'charters', id: 'x' } as const;

/** Two tabs (workspaces) on one database, both loaded with charter x (rev 1). */
async function twoTabs(liveUpdates = false): Promise<{ name: string; a: Workspace; b: Workspace }> {
  const name = uniqueName('tabs');
  await seed(name, 'charters', [charter('x', 'original'), charter('y', 'original')]);
  // Autosave far off: each test flushes when it means to.
  const a = await loadWorkspace(name, { liveUpdates, delayMs: 60_000 });
  const b = await loadWorkspace(name, { liveUpdates, delayMs: 60_000 });
  return { name, a, b };
}

describe('two tabs, revision check only (no live updates)', () => {
  it("refuses the second tab's save of an item the first tab changed, and overwrites nothing", async () => {
    const { name, a, b } = await twoTabs();

    a.put('charters', charter('x', 'from A'));
    await a.flush();
    b.put('charters', charter('x', 'from B'));
    await b.flush();

    expect(a.getState().save.kind).toBe('saved');
    expect(b.getState().save).toEqual({ kind: 'conflict', items: [X] });
    expect(await readRow(name, 'charters', 'x')).toEqual({ id: 'x', rev: 2, value: charter('x', 'from A') });
    expect(memory(b, 'charters').x).toEqual(charter('x', 'from B'));
  });

  it('while in conflict, later saves write nothing (not even other items) until it is resolved', async () => {
    const { name, a, b } = await twoTabs();
    a.put('charters', charter('x', 'from A'));
    await a.flush();
    b.put('charters', charter('x', 'from B'));
    await b.flush();

    b.put('charters', charter('y', 'from B'));
    await b.flush();

    expect(b.getState().save.kind).toBe('conflict');
    expect(await readRow(name, 'charters', 'y')).toEqual({
      id: 'y',
      rev: 1,
      value: charter('y', 'original'),
    });
  });

  it("resolveConflict('mine') overwrites with this tab's version", async () => {
    const { name, a, b } = await twoTabs();
    a.put('charters', charter('x', 'from A'));
    await a.flush();
    b.put('charters', charter('x', 'from B'));
    await b.flush();

    await b.resolveConflict('mine');

    expect(b.getState().save).toEqual({ kind: 'saved', at: NOW });
    expect(await readRow(name, 'charters', 'x')).toEqual({ id: 'x', rev: 3, value: charter('x', 'from B') });
  });

  it("resolveConflict('theirs') takes the other tab's version and still saves this tab's other edits", async () => {
    const { name, a, b } = await twoTabs();
    a.put('charters', charter('x', 'from A'));
    await a.flush();
    b.put('charters', charter('x', 'from B'));
    b.put('charters', charter('y', 'from B'));
    await b.flush();

    expect(b.getState().save).toEqual({ kind: 'conflict', items: [X] });
    expect(await readRow(name, 'charters', 'y')).toEqual({
      id: 'y',
      rev: 1,
      value: charter('y', 'original'),
    });

    await b.resolveConflict('theirs');

    expect(b.getState().save).toEqual({ kind: 'saved', at: NOW });
    expect(memory(b, 'charters')).toEqual({ x: charter('x', 'from A'), y: charter('y', 'from B') });
    expect(await readRows(name, 'charters')).toEqual([
      { id: 'x', rev: 2, value: charter('x', 'from A') },
      { id: 'y', rev: 2, value: charter('y', 'from B') },
    ]);

    // B now edits on top of A's revision without a new conflict.
    b.put('charters', charter('x', 'B after taking A'));
    await b.flush();

    expect(b.getState().save.kind).toBe('saved');
    expect(await readRow(name, 'charters', 'x')).toEqual({
      id: 'x',
      rev: 3,
      value: charter('x', 'B after taking A'),
    });
  });

  it("resolveConflict('theirs') never takes an invalid stored row into memory", async () => {
    const { name, b } = await twoTabs();
    // Another tab (an older or buggy build) stored x in a shape that fails validation.
    await seed(name, 'charters', [{ ...charter('x', 'invalid from elsewhere'), version: -1 }], 2);
    b.put('charters', charter('x', 'from B'));
    await b.flush();

    expect(b.getState().save).toEqual({ kind: 'conflict', items: [X] });

    await b.resolveConflict('theirs');

    expect(memory(b, 'charters')).toEqual({ x: charter('x', 'from B'), y: charter('y', 'original') });
    for (const stored of b.getState().data.charters.values())
      expect(charterSchema.safeParse(stored).success).toBe(true);
    expect(JSON.stringify(b.getState())).not.toContain('invalid from elsewhere');
    expect(backupSchema.safeParse(b.toBackup(NOW)).success).toBe(true);
  });

  it('edits of different items from both tabs both land', async () => {
    const { name, a, b } = await twoTabs();

    a.put('charters', charter('x', 'from A'));
    b.put('charters', charter('y', 'from B'));
    b.put('charters', charter('z', 'new in B'));
    await Promise.all([a.flush(), b.flush()]);

    expect(a.getState().save.kind).toBe('saved');
    expect(b.getState().save.kind).toBe('saved');
    expect(await readRows(name, 'charters')).toEqual([
      { id: 'x', rev: 2, value: charter('x', 'from A') },
      { id: 'y', rev: 2, value: charter('y', 'from B') },
      { id: 'z', rev: 1, value: charter('z', 'new in B') },
    ]);
  });

  it('the same new id created in both tabs: the second save is a conflict', async () => {
    const { name, a, b } = await twoTabs();

    a.put('charters', charter('fresh', 'from A'));
    await a.flush();
    b.put('charters', charter('fresh', 'from B'));
    await b.flush();

    expect(b.getState().save).toEqual({ kind: 'conflict', items: [{ collection: 'charters', id: 'fresh' }] });
    expect(await readRow(name, 'charters', 'fresh')).toEqual({
      id: 'fresh',
      rev: 1,
      value: charter('fresh', 'from A'),
    });
  });

  it("an item deleted in one tab and edited in the other is a conflict; 'theirs' drops it", async () => {
    const { name, a, b } = await twoTabs();
    a.remove('charters', 'x');
    await a.flush();
    b.put('charters', charter('x', 'from B'));
    await b.flush();

    expect(b.getState().save).toEqual({ kind: 'conflict', items: [X] });
    expect(await readRow(name, 'charters', 'x')).toBeUndefined();

    await b.resolveConflict('theirs');

    expect(b.getState().data.charters.has('x')).toBe(false);
    expect(await readRow(name, 'charters', 'x')).toBeUndefined();
  });
});

describe("two tabs with live updates (PouchDB's changes feed)", () => {
  it("shows another tab's write of an item this tab has not edited, without reloading", async () => {
    const { name, a, b } = await twoTabs(true);

    a.put('charters', charter('x', 'from A'));
    a.remove('charters', 'y');
    await a.flush();
    await until(b, (s) => s.data.charters.get('x')?.title === 'from A' && !s.data.charters.has('y'));

    expect(memory(b, 'charters')).toEqual({ x: charter('x', 'from A') });
    expect(b.getState().save.kind).toBe('idle');

    // B's revision moved on too: its next edit saves on top of A's without a conflict.
    b.put('charters', charter('x', 'B on top of A'));
    await b.flush();

    expect(b.getState().save.kind).toBe('saved');
    expect(await readRow(name, 'charters', 'x')).toEqual({
      id: 'x',
      rev: 3,
      value: charter('x', 'B on top of A'),
    });
  });

  it('reports a conflict as soon as another tab writes an item this tab has unsaved edits to', async () => {
    const { name, a, b } = await twoTabs(true);
    b.put('charters', charter('x', 'from B, unsaved'));

    a.put('charters', charter('x', 'from A'));
    await a.flush();
    await untilSave(b, 'conflict');

    // Only the item refs, not the message's extra fields (rev, deleted).
    expect(b.getState().save).toStrictEqual({ kind: 'conflict', items: [X] });
    expect(memory(b, 'charters').x).toEqual(charter('x', 'from B, unsaved'));

    await b.flush();

    expect(await readRow(name, 'charters', 'x')).toEqual({ id: 'x', rev: 2, value: charter('x', 'from A') });

    await b.resolveConflict('theirs');

    expect(memory(b, 'charters').x).toEqual(charter('x', 'from A'));
    expect(b.getState().save.kind).toBe('saved');
  });

  it("ignores another tab's write that fails validation, and shows its valid ones", async () => {
    const { name, b } = await twoTabs(true);
    await seed(name, 'charters', [{ ...charter('x', 'invalid'), version: -1 }], 2);
    await seed(name, 'charters', [charter('y', 'valid from elsewhere')], 2);
    await until(b, (s) => s.data.charters.get('y')?.title === 'valid from elsewhere');

    expect(memory(b, 'charters')).toEqual({
      x: charter('x', 'original'),
      y: charter('y', 'valid from elsewhere'),
    });
    expect(b.getState().phase).toBe('ready');
  });

  it('lists an item once when two writes elsewhere clash with it, as a plain { collection, id }', async () => {
    const { name, b } = await twoTabs(true);
    b.put('charters', charter('x', 'from B, unsaved'));
    await seed(name, 'charters', [charter('x', 'written elsewhere')], 2);
    await seed(name, 'charters', [charter('x', 'written elsewhere again')], 3);
    // A third write, seen after both: once y shows, both clashes have been counted.
    await seed(name, 'charters', [charter('y', 'written elsewhere')], 2);
    await until(b, (s) => s.data.charters.get('y')?.title === 'written elsewhere');

    expect(b.getState().save).toStrictEqual({ kind: 'conflict', items: [X] });
  });
});
