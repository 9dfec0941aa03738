import { createElement, lazy, useState } from 'react';
import type { ComponentType } from 'react';
import { whenMessagesComplete } from '../lib/i18n';

/**
 * A screen loaded on demand that can be loaded again and loaded ahead:
 * - `get()` is a component of stable identity that renders the screen once its module (and the whole
 *   interface catalogue: the first page load fetches only the first screen's messages) has arrived, and
 *   suspends until then (React.lazy);
 * - `preload()` fetches it ahead: a screen already loaded renders in the same pass as the navigation, so
 *   its first render (the Scores page computes every score) is never interrupted and thrown away by a
 *   timer's tick, as a Suspense retry can be;
 * - `reset()` after a failed import makes a fresh one ("Try again"; browsers retry a failed module fetch).
 */
export function lazyScreen<P extends object>(
  load: () => Promise<ComponentType<P>>,
): { get: () => ComponentType<P>; preload: () => void; reset: () => void } {
  let loaded: ComponentType<P> | null = null;
  const make = () => {
    let pending: Promise<ComponentType<P>> | null = null;
    const request = () =>
      (pending ??= Promise.all([load(), whenMessagesComplete()]).then(([component]) => (loaded = component)));
    const suspending = lazy(() => request().then((component) => ({ default: component })));
    function LazyScreen(props: P) {
      // Chosen once per mount, so a screen that mounted while loading is never swapped (and remounted).
      const [ready] = useState(() => loaded);
      return createElement(ready ?? suspending, props);
    }
    return { component: LazyScreen, request };
  };
  let current = make();
  return {
    get: () => current.component,
    preload: () => {
      current.request().catch(() => undefined); // a failure shows when the screen is opened
    },
    reset: () => {
      current = make();
    },
  };
}
