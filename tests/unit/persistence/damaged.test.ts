import { defaultBusinessCalendar } from '../../../src/domain/tracker/business-calendar';
import { describe, expect, it } from 'vitest';
import { CURRENT_VERSION } from '../../../src/domain/interchange/backup';
import { openLocalDatabase } from '../../../src/persistence/pouch-db';
import type { Workspace } from '../../../src/persistence/workspace';
import { createCustomer } from '../factories';
import {
  charter,
  dumpDb,
  elapse,
  loadWorkspace,
  seed,
  seedRaw,
  stampVersion,
  storedVersions,
  uniqueName,
  runOnFakeClock,
} from './harness';

runOnFakeClock();

/**
 * A workspace on `name` whose storage is unreachable at load() (openDatabase throws MissingAPIError) and
 * comes back once `availability.up` is set. Automatic retries are far off: the test calls retry().
 */
async function loadWhileStorageIsDown(name: string, availability: { up: boolean }): Promise<Workspace> {
  const workspace = await loadWorkspace(name, {
    openDatabase: () => {
      if (!availability.up)
        throw Object.assign(new Error('IndexedDB is missing'), { name: 'MissingAPIError' });
      return openLocalDatabase(name);
    },
    retryDelaysMs: [60_000],
  });
  expect(workspace.getState()).toMatchObject({
    phase: 'ready',
    save: { kind: 'failed', reason: 'unavailable' },
  });
  return workspace;
}

describe('a damaged store', () => {
  it('loads as damaged with the failing path, keeps the raw data, and writes nothing at all', async () => {
    const name = uniqueName('damaged');
    await seed(name, 'charters', [{ ...charter('broken', 'bad version'), version: -1 }]);
    await seed(name, 'customers', [createCustomer({ id: 'customer-a' })]);
    const before = await dumpDb(name);

    const workspace = await loadWorkspace(name);

    expect(workspace.getState().phase).toBe('damaged');
    expect(workspace.getState().loadErrors.map((e) => e.path)).toContain('charters[0].version');
    expect(workspace.getState().storedRaw).toMatchObject({
      charters: [{ id: 'broken', version: -1 }],
      customers: [{ id: 'customer-a' }],
    });

    workspace.put('charters', charter('broken', 'repaired?'));
    workspace.put('charters', charter('c2', 'new'));
    workspace.put('settings', {
      language: 'en',
      persistenceAsked: true,
      atRiskShare: 0.5,
      calendar: defaultBusinessCalendar,
      publicBaseUrl: '',
    });
    workspace.remove('customers', 'customer-a');
    await workspace.flush();
    await workspace.retry();
    await elapse(workspace, 350); // past the autosave delay

    expect(await dumpDb(name)).toBe(before);
    expect(workspace.getState().phase).toBe('damaged');
    expect(workspace.getState().data.charters.size).toBe(0);
    expect(workspace.getState().save.kind).toBe('idle');
  });

  it('reports a bad settings row by its path', async () => {
    const name = uniqueName('damaged-settings');
    await seed(name, 'settings', [
      {
        language: 'fr' as never,
        persistenceAsked: false,
        atRiskShare: 2,
        calendar: defaultBusinessCalendar,
        publicBaseUrl: '',
      },
    ]);

    const workspace = await loadWorkspace(name);

    expect(workspace.getState().phase).toBe('damaged');
    expect(workspace.getState().loadErrors.map((e) => e.path)).toEqual(
      expect.arrayContaining(['settings.language', 'settings.atRiskShare']),
    );
  });

  it('a store written by a newer schema version is refused (damaged), not guessed at or overwritten', async () => {
    const name = uniqueName('newer');
    await seed(name, 'charters', [charter('c1')]);
    await stampVersion(name, CURRENT_VERSION + 1);
    const before = await dumpDb(name);

    const workspace = await loadWorkspace(name);

    expect(workspace.getState().phase).toBe('damaged');
    expect(workspace.getState().loadErrors.map((e) => e.path)).toEqual(['version']);

    workspace.put('charters', charter('c2'));
    await workspace.flush();

    expect(await dumpDb(name)).toBe(before);
  });

  it('rows with a duplicated id inside a value are reported, not merged', async () => {
    const name = uniqueName('damaged-dup');
    // Two rows whose values claim the same charter id.
    await seedRaw(name, 'charters', [
      { key: 'a', value: charter('same') },
      { key: 'b', value: charter('same') },
    ]);

    const workspace = await loadWorkspace(name);

    expect(workspace.getState().phase).toBe('damaged');
    expect(workspace.getState().loadErrors.map((e) => e.path)).toContain('charters[1].id');
  });
});

describe('a damaged store found only when storage comes back (load failed, edits made in memory)', () => {
  it('is never written: phase damaged, the database byte-identical, the edit not reported as saved', async () => {
    const name = uniqueName('damaged-on-retry');
    await seedRaw(name, 'charters', [{ key: 'bad', value: { ...charter('bad', 'broken'), version: -1 } }]);
    const before = await dumpDb(name);
    const availability = { up: false };
    const workspace = await loadWhileStorageIsDown(name, availability);

    workspace.put('charters', charter('c1', 'typed while storage was down'));
    availability.up = true;
    await workspace.retry();
    await elapse(workspace, 350); // past the autosave delay: no later save writes either

    expect(await dumpDb(name)).toBe(before);
    expect(workspace.getState().phase).toBe('damaged');
    expect(workspace.getState().loadErrors.map((e) => e.path)).toContain('charters[0].version');
    expect(workspace.getState().save.kind).not.toBe('saved');
  });

  it('from a newer app (documents of a schema version above ours) is never written, and their version stays', async () => {
    const name = uniqueName('newer-on-retry');
    await seed(name, 'charters', [charter('stored', 'from the newer app')]);
    await stampVersion(name, CURRENT_VERSION + 1);
    const before = await dumpDb(name);
    const availability = { up: false };
    const workspace = await loadWhileStorageIsDown(name, availability);

    workspace.put('charters', charter('c1', 'typed while storage was down'));
    availability.up = true;
    await workspace.retry();
    await elapse(workspace, 350);

    expect(await dumpDb(name)).toBe(before);
    expect(await storedVersions(name)).toEqual([CURRENT_VERSION + 1]);
    expect(workspace.getState().phase).toBe('damaged');
    expect(workspace.getState().loadErrors.map((e) => e.path)).toEqual(['version']);
    expect(workspace.getState().save.kind).not.toBe('saved');
  });
});
