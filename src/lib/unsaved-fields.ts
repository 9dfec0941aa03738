import { useSyncExternalStore } from 'react';

// How many fields of the form on screen hold a value that could not be stored (the editor reports it),
// so that the app bar never says "Saved" while a change is being held back. A module of its own, free of
// form libraries, because the app bar is part of the first page load.
let count = 0;
const listeners = new Set<() => void>();

export function setUnsavedFieldCount(next: number): void {
  if (next === count) return;
  count = next;
  for (const listener of listeners) listener();
}

export function useUnsavedFieldCount(): number {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => count,
  );
}
