import { lazy } from 'react';
import type { ComponentType, LazyExoticComponent } from 'react';
import { whenMessagesComplete } from '../lib/i18n';

/**
 * A screen loaded on demand that can be loaded again: React.lazy remembers a failed import for good, so
 * after "Try again" a fresh lazy component is made (browsers retry a failed module fetch). It also waits
 * for the whole interface catalogue: the first page load fetches only the first screen's messages.
 */
export function lazyScreen<P extends object>(
  load: () => Promise<ComponentType<P>>,
): { get: () => LazyExoticComponent<ComponentType<P>>; reset: () => void } {
  const make = () =>
    lazy(() => Promise.all([load(), whenMessagesComplete()]).then(([component]) => ({ default: component })));
  let current = make();
  return {
    get: () => current,
    reset: () => {
      current = make();
    },
  };
}
