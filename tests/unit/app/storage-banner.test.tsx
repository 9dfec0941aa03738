import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../src/app/app';
import { defaultCharter } from '../../../src/domain/charter/charter';
import { openLocalDatabase } from '../../../src/persistence/pouch-db';
import { Workspace } from '../../../src/persistence/workspace';
import { WorkspaceContext } from '../../../src/persistence/workspace-context';
import { injectWriteFailures, readRow } from '../persistence/harness';
import type { FailureSwitch, WriteFailure } from '../persistence/harness';
import { captureDownloads } from '../capture-downloads';

let dbCount = 0;
let workspace: Workspace | null = null;

const failures: FailureSwitch = { failure: null, writeAttempts: 0 };
const full: WriteFailure = { kind: 'reject', error: () => new DOMException('full', 'QuotaExceededError') };

/** A real (PouchDB on fake-indexeddb) database whose writes can be made to fail like a full disk. */
const quotaDatabase = (name: string) => injectWriteFailures(openLocalDatabase(name), failures);

function renderApp(ws: Workspace) {
  workspace = ws;
  return render(
    <WorkspaceContext.Provider value={ws}>
      <App />
    </WorkspaceContext.Provider>,
  );
}

beforeEach(() => {
  failures.failure = null;
  window.location.hash = '#/charters';
  Object.defineProperty(navigator, 'languages', { value: ['en-US'], configurable: true });
});
afterEach(() => {
  vi.restoreAllMocks();
  workspace?.close();
  workspace = null;
});

describe('storage failure banner', () => {
  it('shows "Not saved" within 1 s when the disk is full, keeps the edit, and saves everything once it can', async () => {
    const name = `banner-${++dbCount}`;
    const ws = new Workspace({
      openDatabase: () => quotaDatabase(name),
      now: () => new Date().toISOString(),
      liveUpdates: false,
      retryDelaysMs: [60_000],
    });
    await ws.load();
    ws.put(
      'charters',
      defaultCharter({ id: 'c1', now: '2026-11-22T09:00:00.000Z', locale: 'en', title: 'First' }),
    );
    await ws.flush();
    renderApp(ws);
    await act(() => new Promise((r) => setTimeout(r, 0)));
    failures.failure = full;

    window.location.hash = '#/charters/c1';
    // The editor screen loads on demand; with its react-aria fields that takes seconds in jsdom.
    const title = await screen.findByLabelText('Charter title', {}, { timeout: 15_000 });
    const user = userEvent.setup();
    await user.clear(title);
    await user.type(title, 'Kept in memory');

    // The banner must appear within 1 s of the last keystroke.
    const banner = await screen.findByRole('alert', {}, { timeout: 1_000 });
    expect(within(banner).getByText('Not saved')).toBeInTheDocument();
    expect(within(banner).getByText(/storage for this site is full/)).toBeInTheDocument();
    expect(within(banner).getByRole('button', { name: 'Export backup' })).toBeInTheDocument();
    expect(ws.getState().data.charters.get('c1')?.title).toBe('Kept in memory');
    expect(ws.toBackup('2026-11-22T10:00:00.000Z').charters[0]?.title).toBe('Kept in memory');

    failures.failure = null;
    await user.click(within(banner).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(screen.queryByRole('alert')).not.toBeInTheDocument());
    expect((await readRow(name, 'charters', 'c1'))?.value.title).toBe('Kept in memory');
  });

  it('tells the user when the browser gives no storage at all, and still lets them work', async () => {
    const ws = new Workspace({
      openDatabase: () => {
        throw Object.assign(new Error('IndexedDB API missing'), { name: 'MissingAPIError' });
      },
      now: () => new Date().toISOString(),
      liveUpdates: false,
      retryDelaysMs: [60_000],
    });
    await ws.load();
    renderApp(ws);
    const banner = await screen.findByRole('alert');
    expect(within(banner).getByText(/does not let the app store data/)).toBeInTheDocument();

    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'New charter' }));
    await user.click(screen.getByRole('button', { name: 'Blank charter' }));
    expect(ws.getState().data.charters.size).toBe(1);
    expect(await screen.findByLabelText('Charter title', {}, { timeout: 15_000 })).toBeInTheDocument();
  });

  it('offers a backup download of everything in memory', async () => {
    const ws = new Workspace({
      openDatabase: () => {
        throw Object.assign(new Error('blocked'), { name: 'SecurityError' });
      },
      now: () => new Date().toISOString(),
      liveUpdates: false,
      retryDelaysMs: [60_000],
    });
    await ws.load();
    ws.put(
      'charters',
      defaultCharter({ id: 'c9', now: '2026-11-22T09:00:00.000Z', locale: 'ko', title: '내 약속' }),
    );
    const { files } = captureDownloads();
    renderApp(ws);
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Export backup' }));
    expect(files).toHaveLength(1);
    const backup = JSON.parse(await files[0]!.text());
    expect(backup.format).toBe('service-charter/backup');
    expect(backup.charters.map((c: { title: string }) => c.title)).toEqual(['내 약속']);
  });
});
