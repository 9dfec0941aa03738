import type { Collection, ItemRef } from './collections';
import type { StorageFailure } from './storage-errors';

export type SaveStatus =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  | { kind: 'failed'; reason: StorageFailure }
  | { kind: 'conflict'; items: ItemRef[] };

/** An item changed in memory and not yet saved; `gen` tells a later change of the same item from this one. */
export type Dirty = { collection: Collection; id: string; gen: number };

export type AutosaverOptions = {
  /** Delay after the last change before saving (the product promises ≤ 350 ms). */
  delayMs: number;
  /** Delays between automatic retries after a failed save (the last one repeats). */
  retryDelaysMs: readonly number[];
  /** One save attempt of everything dirty (Workspace.saveOnce); never rejects. */
  save: () => Promise<void>;
  /** The save status to show; the autosaver keeps it in step with what is pending. */
  status: () => SaveStatus;
  setStatus: (status: SaveStatus) => void;
};

export const refKey = (collection: Collection, id: string): string => `${collection}:${id}`;

/**
 * When to save, and what: the set of unsaved items, the debounce after the last change, the retries after a
 * failure, and one queue so that saves (and reloads) never overlap. It does not write anything itself.
 */
export class Autosaver {
  private readonly dirty = new Map<string, Dirty>();
  private gen = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private failures = 0;
  private chain: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(private readonly options: AutosaverOptions) {}

  /** Notes a change of an item and (re)starts the debounce; the "not saved" state shows it. */
  mark(collection: Collection, id: string): void {
    this.dirty.set(refKey(collection, id), { collection, id, gen: ++this.gen });
    const kind = this.options.status().kind;
    // A failure or a conflict stays on screen until it is settled; the change joins the next save.
    if (kind !== 'failed' && kind !== 'conflict') this.options.setStatus({ kind: 'pending' });
    this.schedule();
  }

  has(key: string): boolean {
    return this.dirty.has(key);
  }

  /** Forgets an unsaved change (the user took the other tab's version). */
  forget(key: string): void {
    this.dirty.delete(key);
  }

  get size(): number {
    return this.dirty.size;
  }

  /** The unsaved items, oldest change first. */
  pending(): Dirty[] {
    return [...this.dirty.values()];
  }

  /** After a successful write of `batch`: those not changed again since are saved. */
  saved(batch: readonly Dirty[]): void {
    for (const b of batch) {
      const key = refKey(b.collection, b.id);
      if (this.dirty.get(key)?.gen === b.gen) this.dirty.delete(key);
    }
    this.failures = 0;
  }

  /** After a failed write: try again later, backing off. */
  failed(): void {
    this.scheduleRetry();
    this.failures++;
  }

  /** Saves after `delay` unless something else changes first. */
  schedule(delay = this.options.delayMs): void {
    if (this.closed) return;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, delay);
  }

  scheduleRetry(): void {
    if (this.retryTimer !== null || this.closed) return;
    const delays = this.options.retryDelaysMs;
    const delay = delays[Math.min(this.failures, delays.length - 1)] ?? 5_000;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.flush();
    }, delay);
  }

  /** Saves now (after whatever save or reload is running). Resolves when done; never rejects. */
  flush(): Promise<void> {
    if (this.timer !== null) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    return this.enqueue(this.options.save);
  }

  /** Same as flush, with the back-off reset, for a "Try again" button. */
  retry(): Promise<void> {
    this.failures = 0;
    return this.flush();
  }

  /** Runs `task` after every save or reload queued before it; `task` must not reject. */
  enqueue(task: () => Promise<void>): Promise<void> {
    this.chain = this.chain.then(task);
    return this.chain;
  }

  close(): void {
    this.closed = true;
    if (this.timer !== null) clearTimeout(this.timer);
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    this.timer = this.retryTimer = null;
  }
}
