import type { ItemRef } from './collections';

// Writes made elsewhere (other tabs, replication) reach the workspace through the store's changes feed
// (PouchDB's feed sees other tabs' writes too); this sorts them against the edits not yet saved here.

/**
 * Another tab saved `written`: items this tab also has unsaved edits of clash — `conflict` is then the
 * conflict to show (those already shown, then the new ones, each once; null when nothing clashes); the
 * other items can simply be re-read.
 */
export function sortRemoteWrites(
  written: readonly ItemRef[],
  isDirty: (item: ItemRef) => boolean,
  alreadyInConflict: readonly ItemRef[],
): { conflict: ItemRef[] | null; reread: ItemRef[] } {
  const key = (i: ItemRef) => `${i.collection}:${i.id}`;
  const clashes = written.filter(isDirty);
  const known = new Set(alreadyInConflict.map(key));
  return {
    conflict:
      clashes.length === 0 ? null : [...alreadyInConflict, ...clashes.filter((c) => !known.has(key(c)))],
    reread: written.filter((i) => !isDirty(i)),
  };
}
