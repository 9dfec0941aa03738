import { defaultBusinessCalendar } from '../../../src/domain/tracker/business-calendar';
import { describe, expect, it } from 'vitest';
import { CURRENT_VERSION } from '../../../src/domain/interchange/backup';
import { openLocalDatabase } from '../../../src/persistence/pouch-db';
import type { WorkspaceOptions } from '../../../src/persistence/workspace';
import { T, createCustomer } from '../factories';
import {
  NOW,
  charter,
  elapse,
  injectWriteFailures,
  loadWorkspace,
  memory,
  readRow,
  readRows,
  seed,
  uniqueName,
  runOnFakeClock,
  storedVersions,
  fullStorage,
} from './harness';
import type { FailureSwitch, WriteFailure } from './harness';

runOnFakeClock();

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

/** The ways a full disk reaches the workspace. */
const quotaFailures: [string, NonNullable<WriteFailure>][] = [
  ['a write rejected with a QuotaExceededError DOMException', { kind: 'reject', error: quota }],
  [
    "a write rejected with PouchDB's indexed_db_went_bad naming QuotaExceededError",
    {
      kind: 'reject',
      error: () =>
        Object.assign(new Error('QuotaExceededError'), { name: 'indexed_db_went_bad', status: 500 }),
    },
  ],
  ['the transaction aborting (PouchDB: "transaction was aborted") with storage full', { kind: 'abort' }],
];

/** A workspace on `name` whose writes fail while `failureSwitch.failure` is set; storage reports itself full. */
function loadFailingWorkspace(
  name: string,
  failureSwitch: FailureSwitch,
  options: Partial<WorkspaceOptions> = {},
) {
  return loadWorkspace(name, {
    openDatabase: () => injectWriteFailures(openLocalDatabase(name), failureSwitch),
    storage: fullStorage,
    // Long by default so the test decides when the next save happens.
    retryDelaysMs: [60_000],
    ...options,
  });
}

describe.each(quotaFailures)('quota exceeded: %s', (_label, failure) => {
  it('reports failed/quota within 1 s, keeps every edit in memory, writes nothing, then retry() writes all', async () => {
    const name = uniqueName('quota');
    const original = charter('c0', 'stored');
    await seed(name, 'charters', [original]);
    const failureSwitch: FailureSwitch = { failure: null, writeAttempts: 0 };
    const workspace = await loadFailingWorkspace(name, failureSwitch);
    failureSwitch.failure = failure;

    workspace.put('charters', charter('c0', 'edited'));
    workspace.put('charters', charter('c1', 'new'));
    const changedAt = performance.now();
    await elapse(workspace, 300); // the autosave delay
    const waited = performance.now() - changedAt;

    expect(workspace.getState().save.kind).toBe('failed');
    expect(waited).toBeLessThanOrEqual(1_000);
    expect(workspace.getState().save).toEqual({ kind: 'failed', reason: 'quota' });
    expect(failureSwitch.writeAttempts).toBeGreaterThan(0);
    expect(memory(workspace, 'charters')).toEqual({ c0: charter('c0', 'edited'), c1: charter('c1', 'new') });
    expect(await readRows(name, 'charters')).toEqual([{ id: 'c0', rev: 1, value: original }]);

    // Edits made while storage is full: kept, and the banner stays up through the next failed autosave.
    const customer = createCustomer({ id: 'customer-a' });
    workspace.put('charters', charter('c2', 'during the failure'));
    workspace.put('customers', customer);

    expect(workspace.getState().save).toEqual({ kind: 'failed', reason: 'quota' });

    const attemptsBefore = failureSwitch.writeAttempts;
    await elapse(workspace, 400);

    expect(failureSwitch.writeAttempts).toBeGreaterThan(attemptsBefore);
    expect(workspace.getState().save).toEqual({ kind: 'failed', reason: 'quota' });
    expect(await readRows(name, 'charters')).toEqual([{ id: 'c0', rev: 1, value: original }]);
    expect(await readRows(name, 'customers')).toEqual([]);
    const backup = workspace.toBackup(T.exported);
    expect(backup.charters).toEqual(
      expect.arrayContaining([
        charter('c0', 'edited'),
        charter('c1', 'new'),
        charter('c2', 'during the failure'),
      ]),
    );
    expect(backup.customers).toEqual([customer]);

    failureSwitch.failure = null;
    await workspace.retry();

    expect(workspace.getState().save).toEqual({ kind: 'saved', at: NOW });
    expect(await readRows(name, 'charters')).toEqual([
      { id: 'c0', rev: 2, value: charter('c0', 'edited') },
      { id: 'c1', rev: 1, value: charter('c1', 'new') },
      { id: 'c2', rev: 1, value: charter('c2', 'during the failure') },
    ]);
    expect(await readRows(name, 'customers')).toEqual([{ id: 'customer-a', rev: 1, value: customer }]);
  });
});

describe('after a quota failure', () => {
  const failure: WriteFailure = { kind: 'reject', error: quota };

  it('the next edit, once there is room, writes every pending edit (no retry() needed)', async () => {
    const name = uniqueName('quota-next-put');
    const failureSwitch: FailureSwitch = { failure, writeAttempts: 0 };
    const workspace = await loadFailingWorkspace(name, failureSwitch);

    workspace.put('charters', charter('c1', 'first'));
    await elapse(workspace, 300);
    expect(workspace.getState().save.kind).toBe('failed');
    workspace.put('charters', charter('c2', 'second'));
    await elapse(workspace, 350);

    expect(workspace.getState().save).toEqual({ kind: 'failed', reason: 'quota' });

    failureSwitch.failure = null;
    workspace.put('charters', charter('c3', 'third'));
    await elapse(workspace, 300);

    expect(workspace.getState().save.kind).toBe('saved');

    expect(await readRows(name, 'charters')).toEqual([
      { id: 'c1', rev: 1, value: charter('c1', 'first') },
      { id: 'c2', rev: 1, value: charter('c2', 'second') },
      { id: 'c3', rev: 1, value: charter('c3', 'third') },
    ]);
  });

  it('retries automatically after retryDelaysMs and writes everything once there is room', async () => {
    const name = uniqueName('quota-auto-retry');
    const failureSwitch: FailureSwitch = { failure, writeAttempts: 0 };
    const workspace = await loadFailingWorkspace(name, failureSwitch, { retryDelaysMs: [50] });

    workspace.put('charters', charter('c1', 'first'));
    workspace.put('settings', {
      language: 'en',
      persistenceAsked: true,
      atRiskShare: 0.5,
      calendar: defaultBusinessCalendar,
      publicBaseUrl: '',
    });
    await elapse(workspace, 300);
    expect(workspace.getState().save.kind).toBe('failed');
    const attempts = failureSwitch.writeAttempts;
    await elapse(workspace, 200);

    expect(failureSwitch.writeAttempts).toBeGreaterThan(attempts); // it kept trying
    expect(workspace.getState().save.kind).toBe('failed');

    failureSwitch.failure = null;
    await elapse(workspace, 50); // the next automatic retry

    expect(workspace.getState().save.kind).toBe('saved');

    expect(await readRow(name, 'charters', 'c1')).toEqual({
      id: 'c1',
      rev: 1,
      value: charter('c1', 'first'),
    });
    expect((await readRow(name, 'settings', 'settings'))?.value).toEqual({
      language: 'en',
      persistenceAsked: true,
      atRiskShare: 0.5,
      calendar: defaultBusinessCalendar,
      publicBaseUrl: '',
    });
    expect(new Set(await storedVersions(name))).toEqual(new Set([CURRENT_VERSION]));
  });

  it('the first automatic retry comes after retryDelaysMs[0] (50 ms), not the second delay (1 s)', async () => {
    const name = uniqueName('quota-first-delay');
    const failureSwitch: FailureSwitch = { failure, writeAttempts: 0 };
    const workspace = await loadFailingWorkspace(name, failureSwitch, {
      retryDelaysMs: [50, 1_000],
      delayMs: 60_000, // no autosave: only the automatic retry can write
    });

    workspace.put('charters', charter('c1', 'first'));
    await workspace.flush();

    expect(workspace.getState().save).toEqual({ kind: 'failed', reason: 'quota' });

    failureSwitch.failure = null;
    await elapse(workspace, 49);

    expect(workspace.getState().save.kind).toBe('failed'); // not yet

    await elapse(workspace, 1);

    expect(workspace.getState().save.kind).toBe('saved'); // at 50 ms, not the second delay (1 s)
    expect(await readRow(name, 'charters', 'c1')).toEqual({
      id: 'c1',
      rev: 1,
      value: charter('c1', 'first'),
    });
  });

  it('a failed save changes no revision: edits of a stored item save on top of it, without a conflict', async () => {
    const name = uniqueName('quota-revs');
    const failureSwitch: FailureSwitch = { failure: null, writeAttempts: 0 };
    const workspace = await loadFailingWorkspace(name, failureSwitch);
    workspace.put('charters', charter('c1', 'v1'));
    await workspace.flush();

    failureSwitch.failure = failure;
    workspace.put('charters', charter('c1', 'v2'));
    await workspace.flush();
    workspace.put('charters', charter('c1', 'v3'));
    await workspace.flush();

    expect(workspace.getState().save).toEqual({ kind: 'failed', reason: 'quota' });

    failureSwitch.failure = null;
    await workspace.retry();

    expect(workspace.getState().save.kind).toBe('saved');
    expect(await readRow(name, 'charters', 'c1')).toEqual({ id: 'c1', rev: 2, value: charter('c1', 'v3') });
  });

  it('a failure other than quota is reported as unknown', async () => {
    const name = uniqueName('unknown-failure');
    const failureSwitch: FailureSwitch = {
      failure: { kind: 'reject', error: () => new Error('disk on fire') },
      writeAttempts: 0,
    };
    const workspace = await loadFailingWorkspace(name, failureSwitch);

    workspace.put('charters', charter('c1'));
    await workspace.flush();

    expect(workspace.getState().save).toEqual({ kind: 'failed', reason: 'unknown' });
    expect(memory(workspace, 'charters')).toEqual({ c1: charter('c1') });
  });

  it('an aborted write while storage has room is reported as unknown, not as a full disk', async () => {
    const name = uniqueName('aborted-with-room');
    const failureSwitch: FailureSwitch = { failure: { kind: 'abort' }, writeAttempts: 0 };
    const workspace = await loadFailingWorkspace(name, failureSwitch, {
      storage: { estimate: () => Promise.resolve({ usage: 10, quota: 1_000 }) },
    });

    workspace.put('charters', charter('c1'));
    await workspace.flush();

    expect(workspace.getState().save).toEqual({ kind: 'failed', reason: 'unknown' });
  });
});
