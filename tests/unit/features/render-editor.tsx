// Renders editor screens over a real Workspace (fake-indexeddb) so tests see what the user sees and what
// is stored, the same way the app wires them (WorkspaceContext + I18nProvider).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { cleanup, render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { afterEach } from 'vitest';
import { defaultCharter } from '../../../src/domain/charter/charter';
import type { Charter, PublishedCharter } from '../../../src/domain/charter/charter';
import { defaultCommitment } from '../../../src/domain/charter/commitment';
import type { Commitment, CommitmentKind } from '../../../src/domain/charter/commitment';
import type { StepId } from '../../../src/domain/charter/steps';
import type { Locale } from '../../../src/domain/common';
import { restore } from '../../../src/domain/interchange/restore';
import { CharterEditor } from '../../../src/features/editor/charter-editor';
import { I18nProvider } from '../../../src/lib/i18n';
import { openLocalDatabase } from '../../../src/persistence/pouch-db';
import { Workspace } from '../../../src/persistence/workspace';
import { WorkspaceContext } from '../../../src/persistence/workspace-context';

// jsdom gives import.meta.url an http: address, so the folder is found from this file's directory.
const TEMPLATES_DIR = path.resolve(import.meta.dirname, '../../../templates');

let counter = 0;
const open: Workspace[] = [];

// Unmount first (so no form writes after close), then stop every workspace's timers and database.
afterEach(() => {
  cleanup();
  for (const ws of open.splice(0)) ws.close();
});

/** A template charter (`templates/<trade>.<locale>.json`) read through restore(), like the app does. */
export function templateCharter(trade: string, locale: Locale, overrides: Partial<Charter> = {}): Charter {
  const result = restore(
    JSON.parse(readFileSync(path.join(TEMPLATES_DIR, `${trade}.${locale}.json`), 'utf8')),
  );
  if (!result.ok) throw new Error(`template ${trade}.${locale} does not restore`);
  return { ...result.backup.charters[0]!, ...overrides };
}

/** An empty draft (version 1) in `locale`, as "Blank charter" creates it. */
export function blankCharter(locale: Locale, overrides: Partial<Charter> = {}): Charter {
  return {
    ...defaultCharter({ id: `blank-${locale}-${++counter}`, now: '2026-11-22T09:00:00.000Z', locale }),
    ...overrides,
  };
}

/** A new commitment of `kind` as the editor adds it (unconfirmed, 4 h / 2 h for "within"…), with `overrides`. */
export function newCommitment<K extends CommitmentKind>(
  kind: K,
  id: string,
  overrides: Partial<Extract<Commitment, { kind: K }>> = {},
): Extract<Commitment, { kind: K }> {
  return { ...(defaultCommitment(id, kind) as Extract<Commitment, { kind: K }>), ...overrides };
}

/**
 * A loaded workspace over its own fresh database holding `charters` and `versions`. Autosave is pushed far
 * out: these tests read the in-memory state, which every edit updates at once.
 */
export async function openWorkspace(
  charters: readonly Charter[] = [],
  versions: readonly PublishedCharter[] = [],
): Promise<Workspace> {
  const name = `features-${++counter}-${Math.random().toString(36).slice(2)}`;
  const ws = new Workspace({
    openDatabase: () => openLocalDatabase(name),
    now: () => new Date().toISOString(),
    liveUpdates: false,
    delayMs: 60_000,
    retryDelaysMs: [60_000],
  });
  open.push(ws);
  await ws.load();
  for (const charter of charters) ws.put('charters', charter);
  for (const version of versions) ws.put('charterVersions', version);
  return ws;
}

type User = ReturnType<typeof userEvent.setup>;

/**
 * Pastes `text` into `field` (one input event). Longer texts are pasted rather than typed: every keystroke
 * re-renders the whole editor, and typing is covered by the shorter texts.
 */
export async function pasteInto(user: User, field: HTMLElement, text: string): Promise<void> {
  await user.click(field);
  await user.paste(text);
}

/** Renders `ui` inside the workspace and interface-language providers. */
export function renderWithWorkspace(ws: Workspace, ui: ReactElement, locale: Locale = 'en') {
  return render(
    <WorkspaceContext.Provider value={ws}>
      <I18nProvider locale={locale}>{ui}</I18nProvider>
    </WorkspaceContext.Provider>,
  );
}

/**
 * The guided editor on `step` of `charter` (stored in a fresh workspace), in interface language `locale`.
 * `charterId` may name another (e.g. missing) charter. `stored()` is the charter as the workspace holds it.
 */
export async function renderEditor(options: {
  charter: Charter;
  step: StepId;
  locale?: Locale;
  versions?: readonly PublishedCharter[];
  charterId?: string;
}) {
  const { charter, step, locale = 'en', versions = [], charterId = charter.id } = options;
  const ws = await openWorkspace([charter], versions);
  const user = userEvent.setup({ delay: null });
  const view = renderWithWorkspace(ws, <CharterEditor charterId={charterId} step={step} />, locale);
  const stored = (): Charter => {
    const current = ws.getState().data.charters.get(charter.id);
    if (!current) throw new Error(`charter ${charter.id} is not in the workspace`);
    return current;
  };
  return { ws, user, view, stored };
}
