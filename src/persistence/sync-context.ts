import { useSyncExternalStore } from 'react';
import type { SyncStatus } from '../domain/sync/status';
import { openLocalDatabase } from './pouch-db';
import { SyncController } from './sync';
import type { SyncSettings } from './sync-settings';

// One SyncController per tab, made on first use. It opens its own PouchDB object on the local database
// (PouchDB objects of one name share the changes feed, so the store sees what replication writes).

let controller: SyncController | null = null;

/** This tab's sync controller (created and loaded on first call). */
export function syncController(): SyncController {
  if (!controller) {
    controller = new SyncController(openLocalDatabase());
    // A local database that cannot be opened already shows the storage banner; sync simply stays off.
    controller.load().catch(() => undefined);
  }
  return controller;
}

/** The sync status; re-renders when it changes. */
export function useSyncStatus(): SyncStatus {
  const sync = syncController();
  return useSyncExternalStore(sync.subscribe, sync.getStatus);
}

/** The stored sync settings (address, user name, on/off); re-renders when they change. */
export function useSyncSettings(): SyncSettings {
  const sync = syncController();
  return useSyncExternalStore(sync.subscribe, sync.getSettings);
}
