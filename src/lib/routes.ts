import { STEP_IDS } from '../domain/charter/steps';
import type { StepId } from '../domain/charter/steps';

/*
 * The app's screens and their addresses, both ways: `parseRoute` reads a location hash, `hrefOf` writes one.
 * Every link in the app is built by `hrefOf`, so a route is spelled in exactly one place; a test checks that
 * `parseRoute(hrefOf(route))` gives the route back for any route. The customer view (`#/s/<link>`) is not a
 * screen of the app: its address is the share link's format (domain/interchange/share-link.ts).
 */

export type Route =
  | { name: 'today'; log: boolean; item?: string; charterId?: string }
  | { name: 'charters'; choosing?: true }
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
  // The log sheet with a charter's commitments chosen ("Start logging promises" after publishing it).
  if (first === 'today' && second === 'log' && third && parts.length === 3)
    return { name: 'today', log: true, charterId: third };
  // A reminder opens its item: `#/today/item/<Today item key>`.
  if (first === 'today' && second === 'item' && third && parts.length === 3)
    return { name: 'today', log: false, item: third };
  if (first === 'charters' && parts.length === 1) return { name: 'charters' };
  // The charter list with its template picker open: where "write your charter" leads.
  if (first === 'templates' && parts.length === 1) return { name: 'charters', choosing: true };
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

const part = encodeURIComponent;

/** The location hash of `route`; `parseRoute(hrefOf(route))` is `route` again. */
export function hrefOf(route: Route): string {
  switch (route.name) {
    case 'today':
      if (route.item !== undefined) return `#/today/item/${part(route.item)}`;
      if (route.log && route.charterId !== undefined) return `#/today/log/${part(route.charterId)}`;
      return route.log ? '#/today/log' : '#/';
    case 'charters':
      return route.choosing ? '#/templates' : '#/charters';
    case 'editor':
      return `#/charters/${part(route.charterId)}/edit/${route.step}`;
    case 'preview':
      return `#/charters/${part(route.charterId)}/preview`;
    case 'share':
      return `#/charters/${part(route.charterId)}/share`;
    case 'customer':
      return `#/customers/${part(route.customerId)}`;
    case 'tracker':
    case 'customers':
    case 'scores':
    case 'settings':
      return `#/${route.name}`;
    case 'not-found':
      return '#/not-found';
  }
}
