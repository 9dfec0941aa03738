import { z } from 'zod';
import { issueParams } from '../domain/text/message';

/*
 * Where and as whom this browser syncs: the local document `_local/sync-settings` in the local database.
 * `_local` documents never replicate (each device has its own address and sign-in), and it lives outside
 * the Settings schema so turning sync on changes no schema version. No password is stored: the browser
 * keeps CouchDB's HttpOnly session cookie, which is all replication needs.
 */

type LocalDatabase = PouchDB.Database;

export const SYNC_SETTINGS_ID = '_local/sync-settings';
export const SYNC_SETTINGS_FORMAT = 'service-charter/sync-settings';
export const SYNC_SETTINGS_VERSION = 1;

/** A CouchDB server address: http(s)://host[:port][/path], no query, no credentials in it. */
export const serverAddressSchema = z
  .string()
  .trim()
  .max(300)
  .refine((v) => /^https?:\/\/[^\s/?#@]+(\/[^\s?#@]*)?$/.test(v), {
    params: issueParams('issue.webAddress'),
  })
  .transform((v) => v.replace(/\/+$/, ''));

export const syncUserSchema = z
  .string()
  .trim()
  .max(100)
  .refine((v) => v.length > 0, { params: issueParams('issue.required') });

export const syncSettingsSchema = z.object({
  format: z.literal(SYNC_SETTINGS_FORMAT),
  version: z.literal(SYNC_SETTINGS_VERSION),
  /** Whether this device replicates (false after signing out; the address and name stay for next time). */
  enabled: z.boolean(),
  server: z.union([z.literal(''), serverAddressSchema]),
  user: z.string().max(100),
});
export type SyncSettings = z.infer<typeof syncSettingsSchema>;
export const defaultSyncSettings: SyncSettings = {
  format: SYNC_SETTINGS_FORMAT,
  version: SYNC_SETTINGS_VERSION,
  enabled: false,
  server: '',
  user: '',
};

/**
 * The stored sync settings brought into the current shape: a missing document gives the defaults; a
 * newer version is refused (`newer`: sync stays off and the document is never overwritten); anything
 * else unreadable gives the defaults.
 */
export function restoreSyncSettings(stored: unknown): { settings: SyncSettings; newer: boolean } {
  if (stored && typeof stored === 'object') {
    const version = (stored as { version?: unknown }).version;
    if (typeof version === 'number' && version > SYNC_SETTINGS_VERSION) {
      return { settings: defaultSyncSettings, newer: true };
    }
    const parsed = syncSettingsSchema.safeParse(stored);
    if (parsed.success) return { settings: parsed.data, newer: false };
  }
  return { settings: defaultSyncSettings, newer: false };
}

/** Reads `_local/sync-settings` through `restoreSyncSettings`. */
export async function readSyncSettings(
  db: LocalDatabase,
): Promise<{ settings: SyncSettings; newer: boolean }> {
  try {
    return restoreSyncSettings(await db.get(SYNC_SETTINGS_ID));
  } catch (error) {
    if ((error as { status?: unknown }).status === 404) return restoreSyncSettings(undefined);
    throw error;
  }
}

/** Writes `settings` to `_local/sync-settings` (never over a newer version's document). */
export async function writeSyncSettings(db: LocalDatabase, settings: SyncSettings): Promise<void> {
  let rev: string | undefined;
  try {
    const current = await db.get(SYNC_SETTINGS_ID);
    if (restoreSyncSettings(current).newer)
      throw new Error('The sync settings were written by a newer version.');
    rev = current._rev;
  } catch (error) {
    if ((error as { status?: unknown }).status !== 404) throw error;
  }
  await db.put({
    _id: SYNC_SETTINGS_ID,
    ...(rev ? { _rev: rev } : {}),
    ...syncSettingsSchema.parse(settings),
  });
}
