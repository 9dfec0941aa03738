import { CURRENT_VERSION, entitySchemas } from '../domain/interchange/backup';
import { COLLECTIONS } from './collections';
import type { Collection } from './collections';

/**
 * IndexedDB writes started while a page is closing are not guaranteed to finish, so unsaved edits are
 * also written synchronously to localStorage on `pagehide` and replayed by the next page load.
 */
export type JournalEntry = { collection: Collection; id: string; baseRev: number; value: unknown };

export type Journal = {
  /** Every journal left by a closed page, each with a function that removes it. */
  read(): { entries: JournalEntry[]; remove: () => void }[];
  write(entries: JournalEntry[]): void;
  clear(): void;
};

const FORMAT = 'service-charter/journal';

/** A journal in `storage` under keys `prefix + tabId`; each tab writes its own key. */
export function storageJournal(
  storage: Storage,
  tabId: string,
  prefix = 'service-charter:journal:',
): Journal {
  const ownKey = prefix + tabId;
  return {
    read() {
      const found: { entries: JournalEntry[]; remove: () => void }[] = [];
      for (let i = 0; i < storage.length; i++) {
        const key = storage.key(i);
        if (key === null || !key.startsWith(prefix) || key === ownKey) continue;
        found.push({ entries: parseJournal(storage.getItem(key)), remove: () => storage.removeItem(key) });
      }
      return found;
    },
    write(entries) {
      try {
        storage.setItem(ownKey, JSON.stringify({ format: FORMAT, version: CURRENT_VERSION, entries }));
      } catch {
        // localStorage full or blocked: the IndexedDB flush still runs.
      }
    },
    clear() {
      try {
        storage.removeItem(ownKey);
      } catch {
        // Nothing to do: a stale journal is re-checked against stored revisions when replayed.
      }
    },
  };
}

/** The valid entries of a journal's text; anything malformed or from another schema version is dropped. */
export function parseJournal(text: string | null): JournalEntry[] {
  if (text === null) return [];
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return [];
  }
  if (typeof data !== 'object' || data === null) return [];
  const { format, version, entries } = data as { format?: unknown; version?: unknown; entries?: unknown };
  if (format !== FORMAT || version !== CURRENT_VERSION || !Array.isArray(entries)) return [];
  const valid: JournalEntry[] = [];
  for (const entry of entries as unknown[]) {
    if (typeof entry !== 'object' || entry === null) continue;
    const { collection, id, baseRev, value } = entry as Record<string, unknown>;
    if (
      !COLLECTIONS.includes(collection as Collection) ||
      typeof id !== 'string' ||
      typeof baseRev !== 'number'
    )
      continue;
    if (value === null) {
      valid.push({ collection: collection as Collection, id, baseRev, value: null });
      continue;
    }
    const parsed = entitySchemas[collection as Collection].safeParse(value);
    if (parsed.success) valid.push({ collection: collection as Collection, id, baseRev, value: parsed.data });
  }
  return valid;
}
