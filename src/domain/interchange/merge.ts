import { backupSchema } from './backup';
import type { Backup } from './backup';
import { issuesToErrors } from './errors';
import type { RestoreError } from './errors';

/** `replace`: the file becomes the data; `merge`: the file's items join the data, the newer copy winning. */
export type ImportMode = 'replace' | 'merge';

/** The collections of a backup, settings counted as one item. */
export type ImportCollection =
  'charters' | 'charterVersions' | 'customers' | 'deals' | 'deliveries' | 'recoveryCases' | 'settings';

/** What an import does to one collection, item by item, compared with the data before it. */
export type ImportCounts = { added: number; updated: number; unchanged: number; removed: number };

export type ImportPlan =
  | {
      ok: true;
      /** The whole dataset after the import (what gets written). */
      backup: Backup;
      counts: Record<ImportCollection, ImportCounts>;
      /**
       * Published versions (same charter and number) whose text differs between the data and the file:
       * the data's copy is kept in a merge, because a published version never changes.
       */
      conflicts: number;
    }
  | { ok: false; errors: RestoreError[] };

type ListCollection = Exclude<ImportCollection, 'settings'>;
type Item<C extends ListCollection> = Backup[C][number];

const LIST_COLLECTIONS: readonly ListCollection[] = [
  'charters',
  'charterVersions',
  'customers',
  'deals',
  'deliveries',
  'recoveryCases',
];

/** True when `a` and `b` are the same JSON data: key order and keys holding `undefined` do not matter. */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => sameData(item, b[i]));
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left).filter((k) => left[k] !== undefined);
  if (keys.length !== Object.keys(right).filter((k) => right[k] !== undefined).length) return false;
  return keys.every((k) => Object.hasOwn(right, k) && sameData(left[k], right[k]));
}

/** The key an item is known by: its id, or `charterId@version` for a published version. */
function keyOf<C extends ListCollection>(collection: C, item: Item<C>): string {
  if (collection === 'charterVersions') {
    const v = item as Item<'charterVersions'>;
    return `${v.charterId}@${v.version}`;
  }
  return (item as { id: string }).id;
}

/** Whether the file's copy replaces the data's in a merge. */
function incomingWins<C extends ListCollection>(collection: C, current: Item<C>, incoming: Item<C>): boolean {
  // A published version is frozen; the caller counts a differing one as a conflict.
  if (collection === 'charterVersions') return false;
  const now = (current as { updatedAt?: string }).updatedAt;
  const next = (incoming as { updatedAt?: string }).updatedAt;
  // Items without a modification time (recovery cases) cannot be ordered: the file is what the user chose.
  if (now === undefined || next === undefined) return true;
  return Date.parse(next) > Date.parse(now);
}

function planCollection<C extends ListCollection>(
  collection: C,
  current: readonly Item<C>[],
  incoming: readonly Item<C>[],
  mode: ImportMode,
): { items: Item<C>[]; counts: ImportCounts; conflicts: number } {
  const counts: ImportCounts = { added: 0, updated: 0, unchanged: 0, removed: 0 };
  let conflicts = 0;
  const before = new Map(current.map((item) => [keyOf(collection, item), item]));
  const fromFile = new Map(incoming.map((item) => [keyOf(collection, item), item]));
  if (mode === 'replace') {
    for (const [key, item] of fromFile) {
      const old = before.get(key);
      if (old === undefined) counts.added++;
      else if (sameData(old, item)) counts.unchanged++;
      else counts.updated++;
    }
    for (const key of before.keys()) if (!fromFile.has(key)) counts.removed++;
    return { items: [...incoming], counts, conflicts };
  }
  const items = current.map((old) => {
    const item = fromFile.get(keyOf(collection, old));
    if (item === undefined || sameData(old, item)) {
      counts.unchanged++;
      return old;
    }
    if (collection === 'charterVersions') conflicts++;
    if (!incomingWins(collection, old, item)) {
      counts.unchanged++;
      return old;
    }
    counts.updated++;
    return item;
  });
  for (const [key, item] of fromFile)
    if (!before.has(key)) {
      counts.added++;
      items.push(item);
    }
  return { items, counts, conflicts };
}

/**
 * The dataset after importing `incoming` into `current` (`replace`: the file's items only; `merge`: the
 * union by id, an item taken from the file when its `updatedAt` is later — always, for items without one —
 * and a published version never overwritten), with per-collection counts against `current`, or the errors
 * when the result would not be a valid backup (too many items, for instance). Settings come from the file,
 * except `persistenceAsked`, which describes this browser and is kept.
 */
export function planImport(current: Backup, incoming: Backup, mode: ImportMode): ImportPlan {
  const result: Record<string, unknown> = {
    format: incoming.format,
    version: incoming.version,
    exportedAt: incoming.exportedAt,
  };
  const counts = {} as Record<ImportCollection, ImportCounts>;
  let conflicts = 0;
  for (const collection of LIST_COLLECTIONS) {
    const planned = planCollection(
      collection,
      current[collection] as readonly Item<typeof collection>[],
      incoming[collection] as readonly Item<typeof collection>[],
      mode,
    );
    result[collection] = planned.items;
    counts[collection] = planned.counts;
    conflicts += planned.conflicts;
  }
  const settings = { ...incoming.settings, persistenceAsked: current.settings.persistenceAsked };
  result.settings = settings;
  const same = sameData(settings, current.settings);
  counts.settings = { added: 0, updated: same ? 0 : 1, unchanged: same ? 1 : 0, removed: 0 };

  const parsed = backupSchema.safeParse(result, { reportInput: true });
  if (!parsed.success) return { ok: false, errors: issuesToErrors(parsed.error.issues) };
  return { ok: true, backup: parsed.data, counts, conflicts };
}
