import { describe, expect, it } from 'vitest';
import { defaultSyncStatus, nextSyncStatus, syncedAgo } from '../../../src/domain/sync/status';
import type { SyncEvent, SyncStatus } from '../../../src/domain/sync/status';

const run = (events: SyncEvent[], from: SyncStatus = defaultSyncStatus) =>
  events.reduce(nextSyncStatus, from);
const T1 = '2026-03-02T09:00:00.000Z';
const T2 = '2026-03-02T09:05:00.000Z';

describe('sync status', () => {
  it('goes syncing → synced with the time replication went idle', () => {
    expect(run([{ type: 'started' }])).toEqual({ kind: 'syncing', lastSyncedAt: null });
    expect(run([{ type: 'started' }, { type: 'active' }, { type: 'idle', at: T1 }])).toEqual({
      kind: 'synced',
      lastSyncedAt: T1,
    });
  });

  it('going offline keeps the last sync time; coming back resumes syncing, then synced again', () => {
    const offline = run([{ type: 'started' }, { type: 'idle', at: T1 }, { type: 'offline' }]);
    expect(offline).toEqual({ kind: 'offline', lastSyncedAt: T1 });
    expect(nextSyncStatus(offline, { type: 'online' })).toEqual({ kind: 'syncing', lastSyncedAt: T1 });
    expect(run([{ type: 'online' }, { type: 'idle', at: T2 }], offline)).toEqual({
      kind: 'synced',
      lastSyncedAt: T2,
    });
  });

  it('an unreachable server is told apart from no network, and "online" does not hide it', () => {
    const down = run([{ type: 'started' }, { type: 'idle', at: T1 }, { type: 'unreachable' }]);
    expect(down).toEqual({ kind: 'unreachable', lastSyncedAt: T1 });
    expect(nextSyncStatus(down, { type: 'online' })).toBe(down);
  });

  it('a refused session stays "sign in again" until a new sign-in, whatever the stopped replication emits', () => {
    const refused = run([{ type: 'started' }, { type: 'idle', at: T1 }, { type: 'unauthorized' }]);
    expect(refused).toEqual({ kind: 'needs-sign-in', lastSyncedAt: T1 });
    expect(run([{ type: 'active' }, { type: 'idle', at: T2 }, { type: 'online' }], refused)).toBe(refused);
    expect(nextSyncStatus(refused, { type: 'started' })).toEqual({ kind: 'syncing', lastSyncedAt: T1 });
  });

  it('signing out turns it off and forgets the time; events while off change nothing', () => {
    const off = run([{ type: 'started' }, { type: 'idle', at: T1 }, { type: 'stopped' }]);
    expect(off).toEqual(defaultSyncStatus);
    expect(run([{ type: 'active' }, { type: 'idle', at: T2 }, { type: 'failed' }], off)).toBe(off);
  });

  it('another server error is an error, cleared by the next idle', () => {
    const failed = run([{ type: 'started' }, { type: 'failed' }]);
    expect(failed.kind).toBe('error');
    expect(nextSyncStatus(failed, { type: 'idle', at: T2 }).kind).toBe('synced');
  });

  it('says how long ago: just now under a minute, then minutes, hours, days (floored)', () => {
    const at = '2026-03-02T09:00:00.000Z';
    const after = (ms: number) => new Date(Date.parse(at) + ms);
    expect(syncedAgo(at, after(59_999))).toEqual({ unit: 'just-now' });
    expect(syncedAgo(at, after(60_000))).toEqual({ unit: 'minutes', n: 1 });
    expect(syncedAgo(at, after(59 * 60_000 + 59_999))).toEqual({ unit: 'minutes', n: 59 });
    expect(syncedAgo(at, after(60 * 60_000))).toEqual({ unit: 'hours', n: 1 });
    expect(syncedAgo(at, after(49 * 3_600_000))).toEqual({ unit: 'days', n: 2 });
    // A clock set back a little never says "in the future".
    expect(syncedAgo(at, after(-5_000))).toEqual({ unit: 'just-now' });
  });
});
