import { describe, expect, it } from 'vitest';
import { CURRENT_VERSION } from '../../../src/domain/interchange/backup';
import type { Backup } from '../../../src/domain/interchange/backup';
import { defaultSettings } from '../../../src/domain/settings';
import { COLLECTIONS, SETTINGS_ID, keyOf } from '../../../src/persistence/collections';
import type { Collection, Entities } from '../../../src/persistence/collections';
import type { Workspace } from '../../../src/persistence/workspace';
import { T, createBackup } from '../factories';
import {
  charter,
  createWorkspace,
  loadWorkspace,
  memory,
  readRow,
  readRows,
  seed,
  uniqueName,
  storedVersions,
} from './harness';

type ListCollection = Exclude<Collection, 'settings'>;
const LIST_COLLECTIONS = COLLECTIONS.filter((c): c is ListCollection => c !== 'settings');

/** Every entity of `backup`, keyed the way it is stored. */
function keyed<C extends ListCollection>(backup: Backup, collection: C): Record<string, Entities[C]> {
  const list = backup[collection] as unknown as readonly Entities[C][];
  return Object.fromEntries(list.map((entity) => [keyOf(collection, entity), entity]));
}

/** Puts every entity of `backup` (settings included) into `workspace`. */
function putAll(workspace: Workspace, backup: Backup) {
  for (const collection of LIST_COLLECTIONS)
    for (const entity of backup[collection] as readonly Entities[typeof collection][])
      workspace.put(collection, entity);
  workspace.put('settings', backup.settings);
}

describe('reload', () => {
  it('a new workspace on the same database loads back every collection identically', async () => {
    const name = uniqueName('reload');
    const backup = createBackup();
    const first = await loadWorkspace(name);
    putAll(first, backup);
    await first.flush();
    first.close();

    const second = await loadWorkspace(name);

    expect(second.getState().phase).toBe('ready');
    expect(second.getState().loadErrors).toEqual([]);
    expect(second.getState().save).toEqual({ kind: 'idle' });
    for (const collection of LIST_COLLECTIONS)
      expect(memory(second, collection), collection).toEqual(keyed(backup, collection));
    expect(memory(second, 'settings')).toEqual({ [SETTINGS_ID]: backup.settings });
    expect(second.settings).toEqual(backup.settings);

    const exported = second.toBackup(T.exported);
    for (const collection of LIST_COLLECTIONS)
      expect(keyed(exported, collection), collection).toEqual(keyed(backup, collection));
    expect(exported.settings).toEqual(backup.settings);
  });

  it('stores each entity as a row { id, rev, value } under its key (open records flagged open: 1), each document with the schema version', async () => {
    const name = uniqueName('rows');
    const backup = createBackup();
    const workspace = await loadWorkspace(name);
    putAll(workspace, backup);
    await workspace.flush();

    for (const collection of LIST_COLLECTIONS) {
      const rows = await readRows(name, collection);
      expect(rows, collection).toHaveLength(backup[collection].length);
      for (const row of rows) {
        // The flag the first read finds open promises by: on open delivery records only.
        const open =
          collection === 'deliveries' &&
          (row.value as { doneAt: unknown }).doneAt === null &&
          (row.value as { actual: unknown }).actual === null;
        expect(Object.keys(row).sort(), collection).toEqual(
          open ? ['id', 'open', 'rev', 'value'] : ['id', 'rev', 'value'],
        );
        if (open) expect((row as { open?: unknown }).open).toBe(1);
        expect(row.rev).toBe(1);
        expect(row.value).toEqual(keyed(backup, collection)[row.id]);
      }
    }
    const version = backup.charterVersions[0]!;
    expect(
      (await readRow(name, 'charterVersions', `${version.charterId}@${version.version}`))?.value,
    ).toEqual(version);
    expect(await readRows(name, 'settings')).toEqual([{ id: SETTINGS_ID, rev: 1, value: backup.settings }]);
    expect(new Set(await storedVersions(name))).toEqual(new Set([CURRENT_VERSION]));
  });

  it('an empty database loads as an empty, ready workspace with default settings', async () => {
    const workspace = await loadWorkspace(uniqueName('empty'));

    expect(workspace.getState()).toMatchObject({ phase: 'ready', save: { kind: 'idle' }, loadErrors: [] });
    for (const collection of COLLECTIONS) expect(workspace.getState().data[collection].size).toBe(0);
    expect(workspace.settings).toEqual(defaultSettings);
  });

  it('is loading until load() finishes', async () => {
    const workspace = createWorkspace(uniqueName('loading'));

    expect(workspace.getState().phase).toBe('loading');

    const loading = workspace.load();

    expect(workspace.getState().phase).toBe('loading');

    await loading;

    expect(workspace.getState().phase).toBe('ready');
  });

  it('keeps revisions across reloads: the reloaded workspace saves on top of them without a conflict', async () => {
    const name = uniqueName('revs');
    const first = await loadWorkspace(name);
    first.put('charters', charter('c1', 'one'));
    await first.flush();
    first.put('charters', charter('c1', 'two'));
    await first.flush();
    first.close();

    const second = await loadWorkspace(name);
    second.put('charters', charter('c1', 'three'));
    await second.flush();

    expect(second.getState().save.kind).toBe('saved');
    expect(await readRow(name, 'charters', 'c1')).toEqual({
      id: 'c1',
      rev: 3,
      value: charter('c1', 'three'),
    });
  });

  it('reads stored rows through restore(): unknown fields are dropped', async () => {
    const name = uniqueName('through-restore');
    await seed(name, 'charters', [{ ...charter('c1', 'kept'), extra: 'not in the schema' } as never]);

    const workspace = await loadWorkspace(name);

    expect(workspace.getState().phase).toBe('ready');
    expect(memory(workspace, 'charters')).toEqual({ c1: charter('c1', 'kept') });
  });

  it('a change made while loading is kept over the stored row and saved', async () => {
    const name = uniqueName('put-while-loading');
    const workspace = createWorkspace(name);
    const loading = workspace.load();
    workspace.put('charters', charter('new', 'typed during load'));
    await loading;

    expect(memory(workspace, 'charters')).toEqual({ new: charter('new', 'typed during load') });

    await workspace.flush();

    expect((await readRow(name, 'charters', 'new'))?.value).toEqual(charter('new', 'typed during load'));
  });
});
