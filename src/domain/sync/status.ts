import { z } from 'zod';

/*
 * What the status line says about sync with the user's CouchDB server, as a small state machine fed by
 * the replication's events (persistence/sync.ts translates PouchDB's) and the browser's online flag.
 *
 * - off: sync is not turned on.
 * - syncing: replication is moving documents (or connecting).
 * - synced: everything is exchanged; `at` = when replication last went idle without an error.
 * - offline: the browser says it has no network; replication resumes by itself when it returns.
 * - unreachable: the browser is online but the server does not answer (down, wrong address); retried.
 * - needs-sign-in: the server answered 401/403 to the session — only a new sign-in leaves this state
 *   (replication stops: retrying with a refused cookie cannot succeed).
 * - error: the server answered with another error, or refused a document (validate_doc_update); retried.
 * `lastSyncedAt` survives every state but off, so "offline" can still say when the data was last exchanged.
 */

export const syncStatusKinds = [
  'off',
  'syncing',
  'synced',
  'offline',
  'unreachable',
  'needs-sign-in',
  'error',
] as const;

export const syncStatusSchema = z.object({
  kind: z.enum(syncStatusKinds),
  lastSyncedAt: z.string().nullable(),
});
export type SyncStatus = z.infer<typeof syncStatusSchema>;
export const defaultSyncStatus: SyncStatus = { kind: 'off', lastSyncedAt: null };

export type SyncEvent =
  /** Sync was turned on (or signed in again): replication starts. */
  | { type: 'started' }
  /** Replication is transferring. */
  | { type: 'active' }
  /** Replication is idle with nothing left to exchange, at the instant `at` (ISO). */
  | { type: 'idle'; at: string }
  /** The browser went offline, or a request failed while it is offline. */
  | { type: 'offline' }
  /** The browser came back online. */
  | { type: 'online' }
  /** A request failed without an HTTP answer while the browser is online. */
  | { type: 'unreachable' }
  /** The server answered 401 or 403 to the session. */
  | { type: 'unauthorized' }
  /** The server answered another error, or refused a document. */
  | { type: 'failed' }
  /** Sync was turned off (signed out). */
  | { type: 'stopped' };

/** The status after `event`: the transition table at the top of this file. */
export function nextSyncStatus(status: SyncStatus, event: SyncEvent): SyncStatus {
  const last = status.lastSyncedAt;
  if (event.type === 'stopped') return defaultSyncStatus;
  if (event.type === 'started') return { kind: 'syncing', lastSyncedAt: last };
  // Events of a replication that is not running (off) or was refused (needs-sign-in) change nothing.
  if (status.kind === 'off' || status.kind === 'needs-sign-in') return status;
  switch (event.type) {
    case 'active':
      return { kind: 'syncing', lastSyncedAt: last };
    case 'idle':
      return { kind: 'synced', lastSyncedAt: event.at };
    case 'offline':
      return { kind: 'offline', lastSyncedAt: last };
    case 'online':
      return status.kind === 'offline' ? { kind: 'syncing', lastSyncedAt: last } : status;
    case 'unreachable':
      return { kind: 'unreachable', lastSyncedAt: last };
    case 'unauthorized':
      return { kind: 'needs-sign-in', lastSyncedAt: last };
    case 'failed':
      return { kind: 'error', lastSyncedAt: last };
  }
}

/** How long ago `at` was, for "Synced · …": 'just-now' under a minute, whole minutes under an hour, else hours, else days. */
export function syncedAgo(
  at: string,
  now: Date,
): { unit: 'just-now' } | { unit: 'minutes' | 'hours' | 'days'; n: number } {
  const ms = Math.max(0, now.getTime() - Date.parse(at));
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return { unit: 'just-now' };
  if (minutes < 60) return { unit: 'minutes', n: minutes };
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return { unit: 'hours', n: hours };
  return { unit: 'days', n: Math.floor(hours / 24) };
}
