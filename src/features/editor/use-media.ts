import { useSyncExternalStore } from 'react';

/** Whether the CSS media `query` matches now, following changes (rotation, a resized window). */
export function useMedia(query: string): boolean {
  return useSyncExternalStore(
    (listener) => {
      if (typeof window.matchMedia !== 'function') return () => undefined;
      const list = window.matchMedia(query);
      list.addEventListener('change', listener);
      return () => list.removeEventListener('change', listener);
    },
    // Without matchMedia (jsdom in unit tests) the layout is the wide one.
    () => (typeof window.matchMedia === 'function' ? window.matchMedia(query).matches : true),
  );
}

/** From 1024 px the live PDF fits beside the form; below it is a tab of its own. */
export const WIDE = '(min-width: 1024px)';
