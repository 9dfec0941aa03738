import { afterEach, describe, expect, it } from 'vitest';
import { openLocalDatabase } from '../../../src/persistence/pouch-db';
import type { LocalDatabase } from '../../../src/persistence/pouch-db';
import {
  SyncController,
  eventOfError,
  nextBackOff,
  remoteDbName,
  signIn,
} from '../../../src/persistence/sync';
import type { Replication, SyncEnvironment } from '../../../src/persistence/sync';
import {
  SYNC_SETTINGS_ID,
  defaultSyncSettings,
  readSyncSettings,
  restoreSyncSettings,
  writeSyncSettings,
} from '../../../src/persistence/sync-settings';
import type { SyncSettings } from '../../../src/persistence/sync-settings';

// PouchDB's IndexedDB adapter reads navigator.userAgent when it creates a database; Node 20 has no navigator.
if (typeof navigator === 'undefined')
  Object.defineProperty(globalThis, 'navigator', { value: { userAgent: 'node' }, configurable: true });

// The replication module without a server: PouchDB's Sync object is replaced by a fake that emits the
// same events, the browser's lock, channel and online flag by in-memory ones shared by "tabs".

class FakeReplication implements Replication {
  cancelled = false;
  private readonly handlers = new Map<string, ((error?: unknown) => void)[]>();
  on(event: string, listener: (error?: unknown) => void) {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), listener]);
    return this;
  }
  emit(event: string, error?: unknown) {
    if (this.cancelled) return;
    for (const listener of this.handlers.get(event) ?? []) listener(error);
  }
  cancel() {
    this.cancelled = true;
  }
}

/** A browser shared by tabs: one lock manager, one broadcast channel, one online flag. */
function fakeBrowser() {
  const queue: { resolve: () => void; signal: AbortSignal }[] = [];
  let held = false;
  const channels = new Set<(message: unknown) => void>();
  const connectivity = new Set<(online: boolean) => void>();
  const browser = {
    online: true,
    now: new Date('2026-03-02T09:00:00.000Z'),
    setOnline(online: boolean) {
      browser.online = online;
      for (const listener of connectivity) listener(online);
    },
    env(fetchImpl: typeof fetch = () => Promise.reject(new TypeError('no server'))): SyncEnvironment {
      return {
        now: () => browser.now,
        isOnline: () => browser.online,
        onConnectivity: (listener) => {
          connectivity.add(listener);
          return () => connectivity.delete(listener);
        },
        withLock: async (_name, signal, task) => {
          if (held) {
            await new Promise<void>((resolve) => queue.push({ resolve, signal }));
            if (signal.aborted) return;
          }
          held = true;
          try {
            await task();
          } finally {
            held = false;
            let next = queue.shift();
            while (next?.signal.aborted) {
              next.resolve();
              next = queue.shift();
            }
            next?.resolve();
          }
        },
        channel: () => {
          let own: ((message: unknown) => void) | null = null;
          return {
            post: (message) => {
              for (const listener of channels) if (listener !== own) listener(structuredClone(message));
            },
            listen: (listener) => {
              own = listener;
              channels.add(listener);
            },
            close: () => {
              if (own) channels.delete(own);
            },
          };
        },
        fetch: fetchImpl,
      };
    },
  };
  return browser;
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
async function settle() {
  for (let i = 0; i < 10; i++) await tick();
}

let counter = 0;
const opened: LocalDatabase[] = [];
function database(): LocalDatabase {
  const db = openLocalDatabase(`sync-test-${Date.now()}-${counter++}`);
  opened.push(db);
  return db;
}

afterEach(async () => {
  for (const db of opened.splice(0)) await db.destroy().catch(() => undefined);
});

const enabled: SyncSettings = {
  ...defaultSyncSettings,
  enabled: true,
  server: 'http://sync.test',
  user: 'alice',
};

function json(status: number, body: unknown = {}) {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

describe('signIn', () => {
  it('tells a wrong password, an unreachable server, a missing database and success apart', async () => {
    const calls: string[] = [];
    const server =
      (session: number, db: number): typeof fetch =>
      async (input, init) => {
        calls.push(`${init?.method ?? 'GET'} ${String(input)}`);
        return String(input).endsWith('/_session') ? json(session) : json(db);
      };
    expect(await signIn('http://s', 'alice', 'x', server(401, 200))).toEqual({
      ok: false,
      reason: 'wrong-password',
    });
    expect(
      await signIn('http://s', 'alice', 'x', () => Promise.reject(new TypeError('Failed to fetch'))),
    ).toEqual({
      ok: false,
      reason: 'unreachable',
    });
    expect(await signIn('http://s', 'alice', 'x', server(200, 404))).toEqual({
      ok: false,
      reason: 'no-database',
    });
    expect(await signIn('http://s', 'alice', 'x', server(500, 200))).toEqual({
      ok: false,
      reason: 'server-error',
    });
    calls.length = 0;
    expect(await signIn('http://s', 'alice', 'x', server(200, 200))).toEqual({ ok: true });
    expect(calls).toEqual(['POST http://s/_session', 'GET http://s/userdb-616c696365']);
  });

  it('names the remote database as deploy/provision.mjs does (hex of the UTF-8 bytes)', () => {
    expect(remoteDbName('alice')).toBe('userdb-616c696365');
    expect(remoteDbName('김')).toBe('userdb-eab980');
  });
});

describe('sync settings', () => {
  it('are stored in _local/sync-settings without the password, and read back through restore', async () => {
    const db = database();
    const browser = fakeBrowser();
    const connects: SyncSettings[] = [];
    const controller = new SyncController(
      db,
      browser.env(async (input) => (String(input).endsWith('/_session') ? json(200) : json(200))),
      async (_local, settings) => {
        connects.push(settings);
        return new FakeReplication();
      },
    );
    await controller.load();
    expect(await controller.signIn('http://sync.test', 'alice', 'hunter2-secret')).toEqual({ ok: true });
    await settle();
    const stored = await db.get(SYNC_SETTINGS_ID);
    expect(JSON.stringify(stored)).not.toContain('hunter2-secret');
    expect((await readSyncSettings(db)).settings).toEqual(enabled);
    expect(connects).toEqual([enabled]);
    controller.dispose();
  });

  it('a newer version is refused and never overwritten; junk gives the defaults', async () => {
    expect(restoreSyncSettings({ ...enabled, version: 2 })).toEqual({
      settings: defaultSyncSettings,
      newer: true,
    });
    expect(restoreSyncSettings({ format: 'x' })).toEqual({ settings: defaultSyncSettings, newer: false });
    const db = database();
    await db.put({ _id: SYNC_SETTINGS_ID, ...enabled, version: 2 });
    await expect(writeSyncSettings(db, enabled)).rejects.toThrow(/newer version/);
    expect(((await db.get(SYNC_SETTINGS_ID)) as unknown as { version: number }).version).toBe(2);
  });
});

describe('SyncController', () => {
  it('follows the replication: syncing, synced with the time, offline, back online (restarted), sign in again', async () => {
    const db = database();
    await writeSyncSettings(db, enabled);
    const browser = fakeBrowser();
    const replications: FakeReplication[] = [];
    const controller = new SyncController(db, browser.env(), async () => {
      const replication = new FakeReplication();
      replications.push(replication);
      return replication;
    });
    await controller.load();
    await settle();
    expect(controller.getStatus()).toEqual({ kind: 'syncing', lastSyncedAt: null });
    replications[0]!.emit('active');
    replications[0]!.emit('paused');
    expect(controller.getStatus()).toEqual({ kind: 'synced', lastSyncedAt: '2026-03-02T09:00:00.000Z' });

    browser.setOnline(false);
    replications[0]!.emit('paused', new TypeError('Failed to fetch'));
    expect(controller.getStatus()).toEqual({ kind: 'offline', lastSyncedAt: '2026-03-02T09:00:00.000Z' });
    // A direction pausing without an error while the browser is offline is still offline, not synced.
    browser.now = new Date('2026-03-02T09:10:00.000Z');
    replications[0]!.emit('paused');
    expect(controller.getStatus()).toEqual({ kind: 'offline', lastSyncedAt: '2026-03-02T09:00:00.000Z' });

    browser.now = new Date('2026-03-02T09:30:00.000Z');
    browser.setOnline(true);
    await settle();
    // Back online: the old replication (waiting out its back-off) is replaced by a new one at once.
    expect(replications).toHaveLength(2);
    expect(replications[0]!.cancelled).toBe(true);
    expect(controller.getStatus().kind).toBe('syncing');
    replications[1]!.emit('paused');
    expect(controller.getStatus()).toEqual({ kind: 'synced', lastSyncedAt: '2026-03-02T09:30:00.000Z' });

    // The server is down while the browser is online.
    replications[1]!.emit('paused', new TypeError('Failed to fetch'));
    expect(controller.getStatus().kind).toBe('unreachable');

    // The session expired.
    replications[1]!.emit('error', { status: 401, name: 'unauthorized' });
    expect(controller.getStatus()).toEqual({
      kind: 'needs-sign-in',
      lastSyncedAt: '2026-03-02T09:30:00.000Z',
    });
    controller.dispose();
  });

  it('exactly one tab replicates; the other shows its status and takes over when it closes', async () => {
    const db = database();
    await writeSyncSettings(db, enabled);
    const browser = fakeBrowser();
    const connects: string[] = [];
    const replications: FakeReplication[] = [];
    const tab = (name: string) =>
      new SyncController(db, browser.env(), async () => {
        connects.push(name);
        const replication = new FakeReplication();
        replications.push(replication);
        return replication;
      });
    const a = tab('a');
    const b = tab('b');
    await a.load();
    await b.load();
    await settle();
    expect(connects).toEqual(['a']);
    replications[0]!.emit('paused');
    expect(b.getStatus()).toEqual({ kind: 'synced', lastSyncedAt: '2026-03-02T09:00:00.000Z' });

    a.dispose();
    await settle();
    expect(replications[0]!.cancelled).toBe(true);
    expect(connects).toEqual(['a', 'b']);
    b.dispose();
  });

  it('signing out stops replication, keeps the address and name, and says off', async () => {
    const db = database();
    await writeSyncSettings(db, enabled);
    const browser = fakeBrowser();
    const replications: FakeReplication[] = [];
    const requests: string[] = [];
    const controller = new SyncController(
      db,
      browser.env(async (input, init) => {
        requests.push(`${init?.method} ${String(input)}`);
        return json(200);
      }),
      async () => {
        const replication = new FakeReplication();
        replications.push(replication);
        return replication;
      },
    );
    await controller.load();
    await settle();
    await controller.signOut({ keepLocal: true });
    expect(replications[0]!.cancelled).toBe(true);
    expect(controller.getStatus()).toEqual({ kind: 'off', lastSyncedAt: null });
    expect(requests).toEqual(['DELETE http://sync.test/_session']);
    expect((await readSyncSettings(db)).settings).toEqual({ ...enabled, enabled: false });
  });

  it('signing out without keeping the local copy deletes the local database', async () => {
    const db = database();
    await writeSyncSettings(db, enabled);
    await db.put({ _id: 'charters:c1', format: 'service-charter/doc', version: 5 });
    const browser = fakeBrowser();
    const controller = new SyncController(
      db,
      browser.env(async () => json(200)),
      async () => new FakeReplication(),
    );
    await controller.load();
    await settle();
    await controller.signOut({ keepLocal: false });
    const reopened = database();
    expect((await reopened.allDocs()).rows).toEqual([]);
    expect((await readSyncSettings(reopened)).settings).toEqual(defaultSyncSettings);
  });
});

describe('retry and errors', () => {
  it('backs off 1 s, doubling, at most 30 s', () => {
    const delays = [0];
    for (let i = 0; i < 7; i++) delays.push(nextBackOff(delays.at(-1)!));
    expect(delays).toEqual([0, 1000, 2000, 4000, 8000, 16000, 30000, 30000]);
  });

  it('maps errors: 401/403 → sign in, no network → offline, no answer → unreachable, other → failed', () => {
    expect(eventOfError({ status: 401 }, true)).toEqual({ type: 'unauthorized' });
    expect(eventOfError({ status: 403 }, false)).toEqual({ type: 'unauthorized' });
    expect(eventOfError(new TypeError('Failed to fetch'), false)).toEqual({ type: 'offline' });
    expect(eventOfError(new TypeError('Failed to fetch'), true)).toEqual({ type: 'unreachable' });
    expect(eventOfError({ status: 500 }, true)).toEqual({ type: 'failed' });
  });
});
