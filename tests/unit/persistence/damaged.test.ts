import { describe, expect, it } from 'vitest';
import { CURRENT_VERSION } from '../../../src/domain/interchange/backup';
import { createCustomer } from '../factories';
import { charter, dumpDb, loadWorkspace, seed, sleep, uniqueName, withDb } from './harness';

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
    workspace.put('settings', { language: 'en', persistenceAsked: true, atRiskShare: 0.5 });
    workspace.remove('customers', 'customer-a');
    await workspace.flush();
    await workspace.retry();
    await sleep(350); // past the autosave delay

    expect(await dumpDb(name)).toBe(before);
    expect(workspace.getState().phase).toBe('damaged');
    expect(workspace.getState().data.charters.size).toBe(0);
    expect(workspace.getState().save.kind).toBe('idle');
  });

  it('reports a bad settings row by its path', async () => {
    const name = uniqueName('damaged-settings');
    await seed(name, 'settings', [{ language: 'fr' as never, persistenceAsked: false, atRiskShare: 2 }]);

    const workspace = await loadWorkspace(name);

    expect(workspace.getState().phase).toBe('damaged');
    expect(workspace.getState().loadErrors.map((e) => e.path)).toEqual(
      expect.arrayContaining(['settings.language', 'settings.atRiskShare']),
    );
  });

  it('a store written by a newer schema version is refused (damaged), not guessed at or overwritten', async () => {
    const name = uniqueName('newer');
    await seed(name, 'charters', [charter('c1')]);
    await withDb(name, (db) => db.meta.put({ key: 'schemaVersion', value: CURRENT_VERSION + 1 }));
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
    await withDb(name, async (db) => {
      await db.charters.bulkPut([
        { id: 'a', rev: 1, value: charter('same') },
        { id: 'b', rev: 1, value: charter('same') },
      ]);
    });

    const workspace = await loadWorkspace(name);

    expect(workspace.getState().phase).toBe('damaged');
    expect(workspace.getState().loadErrors.map((e) => e.path)).toContain('charters[1].id');
  });
});
