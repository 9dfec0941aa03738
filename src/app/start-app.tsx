import { StrictMode, startTransition, useEffect } from 'react';
import type { Root } from 'react-dom/client';
import { ensureMovedFromDexie, openLocalDatabase } from '../persistence/pouch-db';
import { Workspace } from '../persistence/workspace';
import { WorkspaceContext } from '../persistence/workspace-context';
import { storageJournal } from '../persistence/journal';
import { createId, nowIso } from '../lib/id';
import { App } from './app';

/**
 * Opens the workspace on this browser's local database and renders the app into `root`. Its own module,
 * loaded by the entry only when the page is not a customer's share-link view: the local database code
 * (PouchDB writes a probe key to localStorage as soon as it is imported) never runs in a customer's browser.
 */
export function startApp(root: Root): void {
  let committed = () => {};
  const firstCommit = new Promise<void>((resolve) => (committed = resolve));
  const workspace = new Workspace({
    openDatabase: () => openLocalDatabase(),
    // Once, on the first start of this version: the data of earlier versions (Dexie) is moved in first.
    prepareDatabase: (db) => ensureMovedFromDexie(db, nowIso()),
    now: nowIso,
    storage: navigator.storage,
    journal: openJournal(),
    // Today first: the rest of the promise log is read once Today is on screen.
    beforeRestOfLog: () => firstCommit.then(afterNextPaint),
  });
  workspace.attach(window);
  void workspace.load();
  // For the bench (tests/bench/field.mjs) and the browser's performance panel: when every record is in memory.
  void workspace.whenLogComplete().then(() => performance.mark('service-charter:log-complete'));

  // A transition: React renders the first screen in slices of a few milliseconds, so a tap or a frame is
  // never held up behind the whole first render (one long task on a slow phone).
  const render = () =>
    startTransition(() =>
      root.render(
        <StrictMode>
          <WorkspaceContext.Provider value={workspace}>
            <App />
            <OnCommit run={committed} />
          </WorkspaceContext.Provider>
        </StrictMode>,
      ),
    );
  // index.html has drawn the first screen (first-paint.ts): the app replaces it once what Today needs is read,
  // instead of with a loading line first (a few seconds at most, should the database never answer).
  let rendered = false;
  const renderOnce = () => {
    if (rendered) return;
    rendered = true;
    stop();
    clearTimeout(fallback);
    render();
  };
  const fallback = setTimeout(renderOnce, 3_000);
  const stop = workspace.subscribe(() => {
    if (workspace.getState().phase !== 'loading') renderOnce();
  });
  if (workspace.getState().phase !== 'loading') renderOnce();
}

/** Runs `run` once the first render (sliced, in a transition) is committed to the page. */
function OnCommit({ run }: { run: () => void }) {
  useEffect(run, [run]);
  return null;
}

/** After the next frame is painted; half a second at most (a hidden tab gets no frames). */
function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => {
    const fallback = setTimeout(resolve, 500);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(fallback);
        resolve();
      }, 0),
    );
  });
}

function openJournal() {
  try {
    return storageJournal(window.localStorage, createId());
  } catch {
    return undefined; // localStorage blocked: IndexedDB saves still run
  }
}
