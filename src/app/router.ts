import { useSyncExternalStore } from 'react';
import { STEP_IDS } from '../domain/charter/steps';
import type { StepId } from '../domain/charter/steps';

export type Route =
  | { name: 'today'; log: boolean; item?: string }
  | { name: 'charters' }
  | { name: 'editor'; charterId: string; step: StepId }
  | { name: 'preview'; charterId: string }
  | { name: 'share'; charterId: string }
  | { name: 'tracker' }
  | { name: 'customers' }
  | { name: 'customer'; customerId: string }
  | { name: 'scores' }
  | { name: 'settings' }
  | { name: 'not-found' };

/** The screen a location hash names (`#/charters/abc/preview` → preview of charter abc). */
export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeSafe);
  const [first, second, third] = parts;
  if (parts.length === 0) return { name: 'today', log: false };
  if (first === 'today' && parts.length === 1) return { name: 'today', log: false };
  if (first === 'today' && second === 'log' && parts.length === 2) return { name: 'today', log: true };
  // A reminder opens its item: `#/today/item/<Today item key>`.
  if (first === 'today' && second === 'item' && third && parts.length === 3)
    return { name: 'today', log: false, item: third };
  if (first === 'charters' && parts.length === 1) return { name: 'charters' };
  if (first === 'charters' && second && parts.length === 2)
    return { name: 'editor', charterId: second, step: 'service-level' };
  if (first === 'charters' && second && third === 'edit' && parts.length === 4) {
    const step = STEP_IDS.find((id) => id === parts[3]);
    return step ? { name: 'editor', charterId: second, step } : { name: 'not-found' };
  }
  if (first === 'charters' && second && third === 'preview' && parts.length === 3)
    return { name: 'preview', charterId: second };
  if (first === 'charters' && second && third === 'share' && parts.length === 3)
    return { name: 'share', charterId: second };
  if (first === 'customers' && parts.length === 1) return { name: 'customers' };
  if (first === 'customers' && second && parts.length === 2) return { name: 'customer', customerId: second };
  if (parts.length === 1 && (first === 'tracker' || first === 'scores' || first === 'settings'))
    return { name: first };
  return { name: 'not-found' };
}

function decodeSafe(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

const subscribe = (listener: () => void) => {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
};

/** The current location hash, updated on navigation. */
export function useHash(): string {
  return useSyncExternalStore(subscribe, () => window.location.hash);
}

export function navigate(hash: string): void {
  window.location.hash = hash;
}
