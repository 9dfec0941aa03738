// Two devices' versions of one charter arriving by replication (written here as PouchDB branches with
// new_edits: false, as replication writes them): merged by domain/sync/merge.ts, or kept both for the user.
import { describe, expect, it } from 'vitest';
import type { Charter } from '../../../src/domain/charter/charter';
import { entityDoc } from '../../../src/persistence/pouch-docs';
import type { Workspace } from '../../../src/persistence/workspace';
import { charter, loadWorkspace, memory, readRow, seed, uniqueName, until, withDb } from './harness';

const withPromise = (c: Charter, promise: string): Charter => ({
  ...c,
  recovery: { ...c.recovery, promise },
});

/** Charter x at revision 1, and a workspace showing it with live updates. */
async function setup(): Promise<{ name: string; base: Charter; workspace: Workspace; rev1: string }> {
  const name = uniqueName('sync-conflicts');
  const base = charter('x', 'original');
  await seed(name, 'charters', [base]);
  const rev1 = await withDb(name, async (db) => (await db.get('charters:x'))._rev);
  const workspace = await loadWorkspace(name, { liveUpdates: true });
  return { name, base, workspace, rev1 };
}

/** Writes the versions of two devices made on top of `rev1` as sibling branches (what replication brings). */
function branches(name: string, rev1: string, a: Charter, b: Charter): Promise<void> {
  const parent = rev1.split('-')[1]!;
  return withDb(name, async (db) => {
    await db.bulkDocs(
      [
        { value: a, hash: 'aaaa' },
        { value: b, hash: 'bbbb' },
      ].map(({ value, hash }) => ({
        _id: 'charters:x',
        _rev: `2-${hash}`,
        _revisions: { start: 2, ids: [hash, parent] },
        ...entityDoc('charters', 'x', value),
      })),
      { new_edits: false },
    );
  });
}

describe('versions from two devices', () => {
  it('edits of different fields merge: every device shows both, one version stays', async () => {
    const { name, base, workspace, rev1 } = await setup();
    await branches(name, rev1, { ...base, title: 'title from A' }, withPromise(base, 'promise from B'));

    await until(
      workspace,
      (s) =>
        s.data.charters.get('x')?.recovery.promise === 'promise from B' &&
        s.data.charters.get('x')?.title === 'title from A',
      5_000,
    );

    expect(memory(workspace, 'charters').x).toEqual({
      ...withPromise(base, 'promise from B'),
      title: 'title from A',
    });
    expect(workspace.getState().syncConflicts).toEqual([]);
    expect(await readRow(name, 'charters', 'x')).toMatchObject({ rev: 3, value: { title: 'title from A' } });
    expect(
      await withDb(name, async (db) => (await db.get('charters:x', { conflicts: true }))._conflicts),
    ).toBeUndefined();
  });

  it('the same field changed differently: both versions kept and offered; choosing one settles it', async () => {
    const { name, base, workspace, rev1 } = await setup();
    await branches(name, rev1, { ...base, title: 'title from A' }, { ...base, title: 'title from B' });

    await until(workspace, (s) => s.syncConflicts.length === 1, 5_000);
    const [conflict] = workspace.getState().syncConflicts;
    expect(conflict!.ref).toEqual({ collection: 'charters', id: 'x' });
    expect(conflict!.paths).toEqual(['title']);
    expect(conflict!.versions.map((v) => (v.value as Charter).title).sort()).toEqual([
      'title from A',
      'title from B',
    ]);

    const fromA = conflict!.versions.find((v) => (v.value as Charter).title === 'title from A')!;
    await workspace.resolveSyncConflict(conflict!.ref, fromA.rev);

    expect(workspace.getState().syncConflicts).toEqual([]);
    expect(memory(workspace, 'charters').x?.title).toBe('title from A');
    expect((await readRow(name, 'charters', 'x'))?.value.title).toBe('title from A');
    expect(
      await withDb(name, async (db) => (await db.get('charters:x', { conflicts: true }))._conflicts),
    ).toBeUndefined();
    // And the next local edit saves on top without a conflict.
    workspace.put('charters', { ...memory(workspace, 'charters').x!, title: 'after', status: 'draft' });
    await workspace.flush();
    expect(workspace.getState().save.kind).toBe('saved');
  });

  it('settled on another device: the choice goes away only once this device shows the kept version', async () => {
    const { name, base, workspace, rev1 } = await setup();
    await branches(name, rev1, { ...base, title: 'title from A' }, { ...base, title: 'title from B' });
    await until(workspace, (s) => s.syncConflicts.length === 1, 5_000);
    const [conflict] = workspace.getState().syncConflicts;
    const kept = conflict!.versions.find((v) => (v.value as Charter).title === 'title from B')!;
    const closed = conflict!.versions.find((v) => v.rev !== kept.rev)!;
    // What memory shows in every state in which the choice is gone.
    const shownWithoutChoice: string[] = [];
    const unsubscribe = workspace.subscribe(() => {
      const state = workspace.getState();
      if (state.syncConflicts.length === 0) shownWithoutChoice.push(state.data.charters.get('x')!.title);
    });

    // The other device kept B's version: it wrote it on top of the winning branch and closed the other one,
    // and replication brings both writes here.
    await withDb(name, async (db) => {
      const winner = await db.get('charters:x', { conflicts: true });
      const other = winner._rev === kept.rev ? closed.rev : kept.rev;
      const [start, hash] = winner._rev.split('-') as [string, string];
      const [otherStart, otherHash] = other.split('-') as [string, string];
      const next = Number(start) + 1;
      await db.bulkDocs(
        [
          {
            _id: 'charters:x',
            _rev: `${next}-cccc`,
            _revisions: { start: next, ids: ['cccc', hash, rev1.split('-')[1]!] },
            ...entityDoc('charters', 'x', { ...base, title: 'title from B' }),
          },
          {
            _id: 'charters:x',
            _rev: `${Number(otherStart) + 1}-dddd`,
            _revisions: { start: Number(otherStart) + 1, ids: ['dddd', otherHash, rev1.split('-')[1]!] },
            _deleted: true,
          },
        ],
        { new_edits: false },
      );
    });

    await until(workspace, (s) => s.syncConflicts.length === 0, 5_000);
    unsubscribe();
    expect(shownWithoutChoice.length).toBeGreaterThan(0);
    expect(new Set(shownWithoutChoice)).toEqual(new Set(['title from B']));
    expect(memory(workspace, 'charters').x?.title).toBe('title from B');
  });

  it('a choice left open is offered again after a restart, and not once it is made', async () => {
    const { name, base, workspace, rev1 } = await setup();
    await branches(name, rev1, { ...base, title: 'title from A' }, { ...base, title: 'title from B' });
    await until(workspace, (s) => s.syncConflicts.length === 1, 5_000);
    const before = workspace.getState().syncConflicts;
    workspace.close();

    const restarted = await loadWorkspace(name, { liveUpdates: true });
    await until(restarted, (s) => s.syncConflicts.length === 1, 5_000);
    expect(restarted.getState().syncConflicts).toEqual(before);

    const fromB = before[0]!.versions.find((v) => (v.value as Charter).title === 'title from B')!;
    await restarted.resolveSyncConflict(before[0]!.ref, fromB.rev);
    restarted.close();

    const again = await loadWorkspace(name, { liveUpdates: true });
    expect(memory(again, 'charters').x?.title).toBe('title from B');
    await again.flush();
    expect(again.getState().syncConflicts).toEqual([]);
    expect(await withDb(name, async (db) => (await db.get('_local/open-conflicts')) as object)).toMatchObject(
      {
        ids: [],
      },
    );
  });

  it('real edits stamp updatedAt on both sides: the later stamp stands, the edits merge', async () => {
    const { name, base, workspace, rev1 } = await setup();
    const fromA = { ...base, title: 'title from A', updatedAt: '2026-03-02T10:00:00.000Z' };
    const fromB = { ...withPromise(base, 'promise from B'), updatedAt: '2026-03-02T09:00:00.000Z' };
    await branches(name, rev1, fromA, fromB);

    await until(
      workspace,
      (s) =>
        s.data.charters.get('x')?.recovery.promise === 'promise from B' &&
        s.data.charters.get('x')?.title === 'title from A',
      5_000,
    );
    expect(memory(workspace, 'charters').x).toEqual({
      ...fromB,
      title: 'title from A',
      updatedAt: fromA.updatedAt,
    });
    expect(workspace.getState().syncConflicts).toEqual([]);
  });

  it('a conflict keeps both versions, each with the edits elsewhere of both sides merged in', async () => {
    const { name, base, workspace, rev1 } = await setup();
    await branches(
      name,
      rev1,
      { ...base, title: 'title from A', updatedAt: '2026-03-02T10:00:00.000Z' },
      {
        ...withPromise(base, 'promise from B'),
        title: 'title from B',
        updatedAt: '2026-03-02T09:00:00.000Z',
      },
    );

    await until(workspace, (s) => s.syncConflicts.length === 1, 5_000);
    const [conflict] = workspace.getState().syncConflicts;
    expect(conflict!.paths).toEqual(['title']);
    const kept = conflict!.versions.map((v) => v.value as Charter);
    expect(kept.map((c) => c.title).sort()).toEqual(['title from A', 'title from B']);
    expect(kept.map((c) => c.recovery.promise)).toEqual(['promise from B', 'promise from B']);
    expect(kept.map((c) => c.updatedAt)).toEqual(['2026-03-02T10:00:00.000Z', '2026-03-02T10:00:00.000Z']);

    const fromB = conflict!.versions.find((v) => (v.value as Charter).title === 'title from B')!;
    await workspace.resolveSyncConflict(conflict!.ref, fromB.rev);
    expect(memory(workspace, 'charters').x).toMatchObject({
      title: 'title from B',
      recovery: { promise: 'promise from B' },
    });
    // Settled for good: the next scan finds nothing left.
    expect(await workspace.checkSyncConflicts()).toEqual([]);
  });
});
