import { defaultSyncStatus, nextSyncStatus } from '../domain/sync/status';
import type { SyncEvent, SyncStatus } from '../domain/sync/status';
import PouchDB from 'pouchdb-core';
import { defaultSyncSettings, readSyncSettings, writeSyncSettings } from './sync-settings';
import type { SyncSettings } from './sync-settings';

/*
 * Replication with the user's CouchDB server (deploy/ sets one up): live, two-way, retried forever.
 *
 * - Opt-in: nothing here runs, and the replication and HTTP plugins are not even loaded (dynamic import),
 *   until sync is turned on; the app works fully without it.
 * - Sign-in is CouchDB's `_session`: the server sets an HttpOnly cookie that the browser sends with every
 *   request (PouchDB's HTTP adapter uses `credentials: 'include'`). The password goes to the server once
 *   and is never stored; when the cookie expires the status says "Sign in again".
 * - The remote database is `userdb-<hex of the user name's UTF-8 bytes>`, as deploy/provision.mjs names it.
 * - Exactly one tab replicates: the one holding the Web Lock `charter-sync`; the others wait for the lock
 *   (and take over when that tab closes) and show the status it broadcasts.
 * - Retries back off from 1 s to at most 30 s; the browser's `online` event restarts at once.
 */

export const SYNC_LOCK = 'charter-sync';
const STATUS_CHANNEL = 'charter-sync-status';
const MAX_BACK_OFF_MS = 30_000;
/** Documents per replication batch (PouchDB's default is 100). */
export const REPLICATION_BATCH = 1_000;

/** The remote database of `user`: `userdb-` + the hex of the name's UTF-8 bytes. */
export function remoteDbName(user: string): string {
  const hex = [...new TextEncoder().encode(user)].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `userdb-${hex}`;
}

/** The next retry delay after `previous` ms: 1 s, then doubling, at most 30 s. */
export function nextBackOff(previous: number): number {
  return previous <= 0 ? 1000 : Math.min(previous * 2, MAX_BACK_OFF_MS);
}

export type SignInResult =
  { ok: true } | { ok: false; reason: 'wrong-password' | 'unreachable' | 'no-database' | 'server-error' };

type Fetch = typeof fetch;

/**
 * Signs in at `server` (POST /_session; the server sets the session cookie) and checks the user's
 * database is there and readable. Never throws: a refused password, an unreachable server, a missing
 * database and any other answer each have their reason.
 */
export async function signIn(
  server: string,
  user: string,
  password: string,
  fetchImpl: Fetch = fetch,
): Promise<SignInResult> {
  let response: Response;
  try {
    response = await fetchImpl(`${server}/_session`, {
      method: 'POST',
      credentials: 'include',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ name: user, password }),
    });
  } catch {
    return { ok: false, reason: 'unreachable' };
  }
  if (response.status === 401 || response.status === 403) return { ok: false, reason: 'wrong-password' };
  if (!response.ok) return { ok: false, reason: 'server-error' };
  try {
    const db = await fetchImpl(`${server}/${remoteDbName(user)}`, {
      credentials: 'include',
      headers: { accept: 'application/json' },
    });
    if (db.status === 404) return { ok: false, reason: 'no-database' };
    if (db.status === 401 || db.status === 403) return { ok: false, reason: 'wrong-password' };
    if (!db.ok) return { ok: false, reason: 'server-error' };
  } catch {
    return { ok: false, reason: 'unreachable' };
  }
  return { ok: true };
}

/** The events of a running replication that the status follows (a subset of PouchDB's Sync object). */
export type Replication = {
  on(event: 'active' | 'change', listener: () => void): unknown;
  on(event: 'paused' | 'error' | 'denied', listener: (error?: unknown) => void): unknown;
  cancel(): void;
};

/** Starts live two-way replication between `local` and the user's remote database. */
export type Connect = (local: LocalDatabase, settings: SyncSettings) => Promise<Replication>;

type Emitter = { on(event: string, listener: (error?: unknown) => void): unknown };
type PouchSync = Emitter & { push: Emitter; pull: Emitter; cancel(): void };
type PouchWithSync = PouchDB.Static & {
  sync(source: unknown, target: unknown, options: object): PouchSync;
};

/** The local database (pouch-db.ts opens it; any PouchDB database will do here). */
type LocalDatabase = PouchDB.Database;

let pluginsLoaded: Promise<PouchWithSync> | null = null;

/** PouchDB with the HTTP adapter and replication, loaded on first use only. */
function pouchWithSync(): Promise<PouchWithSync> {
  pluginsLoaded ??= Promise.all([import('pouchdb-adapter-http'), import('pouchdb-replication')]).then(
    ([http, replication]) => PouchDB.plugin(http.default).plugin(replication.default) as PouchWithSync,
  );
  return pluginsLoaded;
}

/** The real connection: PouchDB's `sync` with `live` and `retry`, the remote never created by us. */
export const connectPouch: Connect = async (local, settings) => {
  const Pouch = await pouchWithSync();
  const remote = new Pouch(`${settings.server}/${remoteDbName(settings.user)}`, { skip_setup: true });
  const sync = Pouch.sync(local, remote, {
    live: true,
    retry: true,
    back_off_function: nextBackOff,
    // Each batch costs a revs_diff, a _bulk_get, a local write and a checkpoint on both sides: PouchDB's
    // 100 made a fresh device's first pull of 10,000 documents a hundred round trips of them.
    batch_size: REPLICATION_BATCH,
    // Batches of changes read ahead while one is written (with PouchDB's 10, 10,000 changes ahead).
    batches_limit: 2,
  }) as unknown as PouchSync;
  // The Sync object's own 'paused' carries no error even when a direction paused because a request
  // failed (server down): each direction's last error is kept here, recorded before the Sync object
  // hears of it, and cleared when that direction is active again.
  const failed: { push?: unknown; pull?: unknown } = {};
  for (const direction of ['push', 'pull'] as const) {
    sync[direction].on('paused', (error?: unknown) => {
      failed[direction] = error;
    });
    sync[direction].on('active', () => {
      failed[direction] = undefined;
    });
  }
  // PouchDB's Sync object is also a promise (of the end of replication, never for a live one): handed
  // out as it is, `await connect()` would wait forever. Only its events and cancel() leave here.
  return {
    on: (event: string, listener: (error?: unknown) => void) =>
      event === 'paused'
        ? sync.on('paused', () => listener(failed.pull ?? failed.push))
        : sync.on(event, listener),
    cancel: () => sync.cancel(),
  };
};

/** Which status event an error of the replication means. */
export function eventOfError(error: unknown, online: boolean): SyncEvent {
  const status = (error as { status?: unknown } | null)?.status;
  if (status === 401 || status === 403) return { type: 'unauthorized' };
  if (!online) return { type: 'offline' };
  if (typeof status !== 'number' || status === 0) return { type: 'unreachable' };
  return { type: 'failed' };
}

export type SyncEnvironment = {
  now: () => Date;
  isOnline: () => boolean;
  /** Subscribes to the browser's online/offline events; returns the unsubscribe. */
  onConnectivity: (listener: (online: boolean) => void) => () => void;
  /** Runs `task` while holding the exclusive lock `name` (navigator.locks); resolves when it is released. */
  withLock: (name: string, signal: AbortSignal, task: () => Promise<void>) => Promise<void>;
  /** A channel to the other tabs of this app (BroadcastChannel), or null. */
  channel: () => {
    post(message: unknown): void;
    listen(listener: (message: unknown) => void): void;
    close(): void;
  } | null;
  fetch: Fetch;
};

/** The browser's environment. */
export function browserEnvironment(): SyncEnvironment {
  return {
    now: () => new Date(),
    isOnline: () => navigator.onLine,
    onConnectivity: (listener) => {
      const online = () => listener(true);
      const offline = () => listener(false);
      window.addEventListener('online', online);
      window.addEventListener('offline', offline);
      return () => {
        window.removeEventListener('online', online);
        window.removeEventListener('offline', offline);
      };
    },
    withLock: async (name, signal, task) => {
      if (!('locks' in navigator)) return task();
      try {
        await navigator.locks.request(name, { signal }, task);
      } catch (error) {
        if (!signal.aborted) throw error;
      }
    },
    channel: () => {
      if (typeof BroadcastChannel === 'undefined') return null;
      const channel = new BroadcastChannel(STATUS_CHANNEL);
      return {
        post: (message) => channel.postMessage(message),
        listen: (listener) => channel.addEventListener('message', (event) => listener(event.data)),
        close: () => channel.close(),
      };
    },
    fetch: (...args) => fetch(...args),
  };
}

type Message = { type: 'status'; status: SyncStatus } | { type: 'settings' };

/**
 * Sync for one tab: reads the settings, replicates while it holds the lock, follows the leader's status
 * otherwise, and signs in and out. `subscribe`/`getStatus` fit React's useSyncExternalStore.
 */
export class SyncController {
  private status: SyncStatus = defaultSyncStatus;
  private settings: SyncSettings = defaultSyncSettings;
  private readonly listeners = new Set<() => void>();
  private replication: Replication | null = null;
  private lock: AbortController | null = null;
  private release: (() => void) | null = null;
  private leading = false;
  private unsubscribeConnectivity: (() => void) | null = null;
  private channel: ReturnType<SyncEnvironment['channel']> = null;
  private generation = 0;

  constructor(
    private readonly local: LocalDatabase,
    private readonly env: SyncEnvironment = browserEnvironment(),
    private readonly connect: Connect = connectPouch,
  ) {}

  getStatus = (): SyncStatus => this.status;
  getSettings = (): SyncSettings => this.settings;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private emit(status: SyncStatus) {
    if (status === this.status) return;
    this.status = status;
    if (this.leading) this.channel?.post({ type: 'status', status } satisfies Message);
    for (const listener of this.listeners) listener();
  }

  private dispatch(event: SyncEvent) {
    this.emit(nextSyncStatus(this.status, event));
  }

  /** Reads the stored settings and, when sync is on, starts (or waits for the lock). */
  async load(): Promise<void> {
    this.channel ??= this.env.channel();
    this.channel?.listen((message) => void this.onMessage(message as Message));
    this.settings = (await readSyncSettings(this.local)).settings;
    for (const listener of this.listeners) listener();
    if (this.settings.enabled) this.start();
  }

  private async onMessage(message: Message) {
    if (message.type === 'status' && !this.leading && this.settings.enabled) this.emit(message.status);
    if (message.type === 'settings') {
      const wasEnabled = this.settings.enabled;
      this.settings = (await readSyncSettings(this.local)).settings;
      if (this.settings.enabled && !wasEnabled) this.start();
      if (!this.settings.enabled && wasEnabled) this.stop();
      for (const listener of this.listeners) listener();
    }
  }

  private start() {
    if (this.lock) return;
    this.dispatch({ type: 'started' });
    const lock = new AbortController();
    this.lock = lock;
    void this.env.withLock(SYNC_LOCK, lock.signal, async () => {
      if (lock.signal.aborted) return;
      this.leading = true;
      this.channel?.post({ type: 'status', status: this.status } satisfies Message);
      this.unsubscribeConnectivity = this.env.onConnectivity((online) => {
        this.dispatch({ type: online ? 'online' : 'offline' });
        // Back online: start over at once instead of waiting out the back-off.
        if (online) void this.replicate();
      });
      if (!this.env.isOnline()) this.dispatch({ type: 'offline' });
      await this.replicate();
      await new Promise<void>((resolve) => {
        this.release = resolve;
        if (lock.signal.aborted) resolve();
      });
      this.leading = false;
    });
  }

  private async replicate() {
    const generation = ++this.generation;
    this.replication?.cancel();
    this.replication = null;
    let replication: Replication;
    try {
      replication = await this.connect(this.local, this.settings);
    } catch {
      if (generation === this.generation) this.dispatch({ type: 'failed' });
      return;
    }
    if (generation !== this.generation || !this.lock) {
      replication.cancel();
      return;
    }
    this.replication = replication;
    const current = () => generation === this.generation;
    replication.on('active', () => current() && this.dispatch({ type: 'active' }));
    replication.on('paused', (error) => {
      if (!current()) return;
      // A direction can pause without an error just as the connection drops (the other one's failure not
      // heard yet): while the browser is offline that is not "synced".
      const online = this.env.isOnline();
      this.dispatch(
        error
          ? eventOfError(error, online)
          : online
            ? { type: 'idle', at: this.env.now().toISOString() }
            : { type: 'offline' },
      );
    });
    replication.on('denied', () => current() && this.dispatch({ type: 'failed' }));
    replication.on('error', (error) => current() && this.dispatch(eventOfError(error, this.env.isOnline())));
  }

  private stop() {
    this.generation++;
    this.replication?.cancel();
    this.replication = null;
    this.unsubscribeConnectivity?.();
    this.unsubscribeConnectivity = null;
    this.lock?.abort();
    this.lock = null;
    this.release?.();
    this.release = null;
    this.dispatch({ type: 'stopped' });
  }

  /** Signs in and, when the server accepts, stores the address and name and starts replicating. */
  async signIn(server: string, user: string, password: string): Promise<SignInResult> {
    const result = await signIn(server, user, password, this.env.fetch);
    if (!result.ok) return result;
    this.stop();
    this.settings = { ...defaultSyncSettings, enabled: true, server, user };
    await writeSyncSettings(this.local, this.settings);
    this.channel?.post({ type: 'settings' } satisfies Message);
    this.start();
    return result;
  }

  /**
   * Stops replicating and ends the server session. With `keepLocal` false the local database is
   * destroyed as well (the caller reloads the app, which then starts empty).
   */
  async signOut({ keepLocal }: { keepLocal: boolean }): Promise<void> {
    const { server } = this.settings;
    this.stop();
    this.settings = { ...this.settings, enabled: false };
    try {
      await this.env.fetch(`${server}/_session`, { method: 'DELETE', credentials: 'include' });
    } catch {
      // Offline: the cookie simply expires; nothing replicates any more either way.
    }
    if (keepLocal) await writeSyncSettings(this.local, this.settings);
    this.channel?.post({ type: 'settings' } satisfies Message);
    if (!keepLocal) await this.local.destroy();
  }

  /** Stops everything this tab runs (the app is closing). */
  dispose(): void {
    this.stop();
    this.channel?.close();
    this.channel = null;
  }
}
