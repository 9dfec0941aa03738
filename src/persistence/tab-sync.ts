import { COLLECTIONS } from './collections';
import type { ItemRef } from './collections';
import type { Written } from './store';

/**
 * Tabs of the app on the same device tell each other what they saved (BroadcastChannel), so each can show
 * the other's edits at once and warn about a clash before the next save would meet the revision check.
 */
export class TabSync {
  private readonly channel: BroadcastChannel | null = null;

  /** `name` null turns it off (as does a browser without BroadcastChannel). */
  constructor(name: string | null, onWritten: (items: ItemRef[]) => void) {
    if (typeof BroadcastChannel === 'undefined' || name === null) return;
    this.channel = new BroadcastChannel(name);
    this.channel.onmessage = (event: MessageEvent<unknown>) => {
      const items = writtenItems(event.data);
      if (items) onWritten(items);
    };
  }

  /** Tells the other tabs what this one just saved. */
  announce(written: readonly Written[]): void {
    this.channel?.postMessage({ type: 'written', items: written });
  }

  close(): void {
    this.channel?.close();
  }
}

/** The items of another tab's "written" message, or null when the message is not one. */
export function writtenItems(message: unknown): ItemRef[] | null {
  if (typeof message !== 'object' || message === null || (message as { type?: unknown }).type !== 'written')
    return null;
  const items = (message as { items?: unknown }).items;
  if (!Array.isArray(items)) return null;
  return items
    .filter(
      (i): i is ItemRef =>
        typeof i === 'object' &&
        i !== null &&
        COLLECTIONS.includes((i as ItemRef).collection) &&
        typeof (i as ItemRef).id === 'string',
    )
    .map(({ collection, id }) => ({ collection, id }));
}

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
