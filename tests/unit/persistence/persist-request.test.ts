import { describe, expect, it, vi } from 'vitest';
import { defaultBusinessCalendar } from '../../../src/domain/tracker/business-calendar';
import { charter, loadWorkspace, readRow, seed, uniqueName, until, untilSave } from './harness';

/** A navigator.storage stand-in. */
function storageManager(persisted: boolean, grant: boolean) {
  return {
    persisted: vi.fn(() => Promise.resolve(persisted)),
    persist: vi.fn(() => Promise.resolve(grant)),
  };
}

describe('persistent storage request', () => {
  it('is unsupported without navigator.storage', async () => {
    const workspace = await loadWorkspace(uniqueName('persist-none'));

    expect(workspace.getState().persist).toBe('unsupported');
  });

  it('is granted when the browser already persists the data, and then never asked', async () => {
    const storage = storageManager(true, true);
    const workspace = await loadWorkspace(uniqueName('persist-granted'), { storage });
    await until(workspace, (s) => s.persist === 'granted');
    workspace.put('charters', charter('c1'));
    await workspace.flush();

    expect(storage.persist).not.toHaveBeenCalled();
  });

  it('is asked once, after the first save of real data, and remembered in settings', async () => {
    const name = uniqueName('persist-ask');
    const storage = storageManager(false, true);
    const workspace = await loadWorkspace(name, { storage });
    await until(workspace, (s) => s.persist === 'unknown');

    workspace.put('settings', { ...workspace.settings, language: 'ko' });
    await workspace.flush();

    expect(storage.persist).not.toHaveBeenCalled(); // settings alone are not worth asking for

    workspace.put('charters', charter('c1'));
    await workspace.flush();
    await until(workspace, (s) => s.persist === 'granted');
    await untilSave(workspace, 'saved', 1_000);

    expect(storage.persist).toHaveBeenCalledTimes(1);
    expect(workspace.settings.persistenceAsked).toBe(true);
    expect((await readRow(name, 'settings', 'settings'))?.value.persistenceAsked).toBe(true);

    workspace.put('charters', charter('c2'));
    await workspace.flush();

    expect(storage.persist).toHaveBeenCalledTimes(1);
  });

  it('is denied when the browser refuses', async () => {
    const storage = storageManager(false, false);
    const workspace = await loadWorkspace(uniqueName('persist-deny'), { storage });
    workspace.put('charters', charter('c1'));
    await workspace.flush();

    await until(workspace, (s) => s.persist === 'denied');
  });

  it('is unsupported when persisted() throws', async () => {
    const storage = {
      persisted: () => Promise.reject(new Error('no')),
      persist: () => Promise.resolve(true),
    };
    const workspace = await loadWorkspace(uniqueName('persist-throws'), { storage });

    await until(workspace, (s) => s.persist === 'unsupported');
  });

  it('is denied right after load when settings say it was asked before and the browser does not persist', async () => {
    const name = uniqueName('persist-asked-before');
    await seed(name, 'settings', [
      {
        language: 'ko',
        persistenceAsked: true,
        atRiskShare: 0.75,
        calendar: defaultBusinessCalendar,
        publicBaseUrl: '',
      },
    ]);
    const storage = storageManager(false, true);

    const workspace = await loadWorkspace(name, { storage });
    // A state still 'unknown' after 200 ms is reported by the expectation below.
    await until(workspace, (s) => s.persist !== 'unknown', 200).catch(() => undefined);

    expect(workspace.getState().persist).toBe('denied');
    expect(storage.persisted).toHaveBeenCalled();

    workspace.put('charters', charter('c1'));
    await workspace.flush();

    expect(storage.persist).not.toHaveBeenCalled(); // asked once, in an earlier session: not asked again
    expect(workspace.getState().persist).toBe('denied');
  });
});
