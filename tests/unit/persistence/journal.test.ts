import { describe, expect, it } from 'vitest';
import { CURRENT_VERSION } from '../../../src/domain/interchange/backup';
import { parseJournal, storageJournal } from '../../../src/persistence/journal';
import { createCustomer } from '../factories';
import {
  MemoryStorage,
  charter,
  loadWorkspace,
  memory,
  readRow,
  readRows,
  seed,
  uniqueName,
} from './harness';

const PREFIX = 'service-charter:journal:';
const FORMAT = 'service-charter/journal';

/** A workspace that never autosaves on its own, journaling to `storage` as tab `tabId`. */
const loadTab = (name: string, storage: MemoryStorage, tabId: string) =>
  loadWorkspace(name, { journal: storageJournal(storage, tabId), delayMs: 60_000 });

describe('the journal of unsaved edits', () => {
  it('is replayed by the next page: the edits show, save, and the old journal is removed', async () => {
    const name = uniqueName('journal');
    await seed(name, 'charters', [charter('gone', 'to be deleted')]);
    const storage = new MemoryStorage();
    const closing = await loadTab(name, storage, 'tab-1');
    const customer = createCustomer({ id: 'customer-a' });
    closing.put('charters', charter('c1', 'unsaved'));
    closing.put('customers', customer);
    closing.remove('charters', 'gone');
    closing.writeJournal();
    closing.close(); // the page closed before its save ran

    expect(storage.keys()).toEqual([`${PREFIX}tab-1`]);
    expect(await readRows(name, 'customers')).toEqual([]);

    const next = await loadTab(name, storage, 'tab-2');

    expect(memory(next, 'charters')).toEqual({ c1: charter('c1', 'unsaved') });
    expect(memory(next, 'customers')).toEqual({ 'customer-a': customer });
    expect(next.getState().save.kind).toBe('pending');
    expect(storage.keys()).toEqual([]);

    await next.flush();

    expect(next.getState().save.kind).toBe('saved');
    expect(await readRows(name, 'charters')).toEqual([{ id: 'c1', rev: 1, value: charter('c1', 'unsaved') }]);
    expect(await readRows(name, 'customers')).toEqual([{ id: 'customer-a', rev: 1, value: customer }]);
    expect(storage.keys()).toEqual([]);
  });

  it("is removed by this tab's own successful save, and a tab never replays its own journal", async () => {
    const name = uniqueName('journal-own');
    const storage = new MemoryStorage();
    const tab = await loadTab(name, storage, 'tab-1');
    tab.put('charters', charter('c1'));
    tab.writeJournal();

    expect(storage.keys()).toEqual([`${PREFIX}tab-1`]);

    const sameTab = await loadTab(uniqueName('other-db'), storage, 'tab-1');

    expect(sameTab.getState().data.charters.size).toBe(0);
    expect(storage.keys()).toEqual([`${PREFIX}tab-1`]);

    await tab.flush();

    expect(storage.keys()).toEqual([]);
  });

  it('writes nothing when there is nothing unsaved', async () => {
    const storage = new MemoryStorage();
    const tab = await loadTab(uniqueName('journal-empty'), storage, 'tab-1');

    tab.writeJournal();

    expect(storage.keys()).toEqual([]);
  });

  it('skips an entry whose edit was saved after all', async () => {
    const name = uniqueName('journal-saved');
    const storage = new MemoryStorage();
    const closing = await loadTab(name, storage, 'tab-1');
    closing.put('charters', charter('c1', 'saved in the end'));
    closing.writeJournal();
    const journalText = storage.getItem(`${PREFIX}tab-1`);
    await closing.flush(); // the save finished, but (say) the page closed before the journal was cleared
    storage.setItem(`${PREFIX}tab-1`, journalText ?? 'missing');
    closing.close();

    const next = await loadTab(name, storage, 'tab-2');

    expect(journalText).not.toBeNull();
    expect(next.getState().save.kind).toBe('idle');
    expect(memory(next, 'charters')).toEqual({ c1: charter('c1', 'saved in the end') });
    expect(storage.keys()).toEqual([]);
    expect(await readRow(name, 'charters', 'c1')).toEqual({
      id: 'c1',
      rev: 1,
      value: charter('c1', 'saved in the end'),
    });
  });

  it('ignores entries with invalid values and journals that are not JSON, without error', async () => {
    const name = uniqueName('journal-bad');
    const storage = new MemoryStorage();
    storage.setItem(`${PREFIX}broken`, '{"format": "service-charter/jour');
    storage.setItem(
      `${PREFIX}mixed`,
      JSON.stringify({
        format: FORMAT,
        version: CURRENT_VERSION,
        entries: [
          { collection: 'charters', id: 'bad', baseRev: 0, value: { ...charter('bad'), version: -1 } },
          { collection: 'charters', id: 'no-rev', value: charter('no-rev') },
          { collection: 'elsewhere', id: 'x', baseRev: 0, value: {} },
          'not an entry',
          { collection: 'charters', id: 'good', baseRev: 0, value: charter('good', 'kept') },
        ],
      }),
    );
    storage.setItem(
      `${PREFIX}future`,
      JSON.stringify({
        format: FORMAT,
        version: CURRENT_VERSION + 1,
        entries: [{ collection: 'charters', id: 'future', baseRev: 0, value: charter('future') }],
      }),
    );
    storage.setItem('unrelated-key', 'left alone');

    const workspace = await loadTab(name, storage, 'tab-2');

    expect(workspace.getState().phase).toBe('ready');
    expect(memory(workspace, 'charters')).toEqual({ good: charter('good', 'kept') });
    expect(storage.keys()).toEqual(['unrelated-key']);

    await workspace.flush();

    expect((await readRows(name, 'charters')).map((r) => r.id)).toEqual(['good']);
  });

  it('an entry made on a revision another tab has since saved over leads to a conflict, not an overwrite', async () => {
    const name = uniqueName('journal-stale');
    await seed(name, 'charters', [charter('x', 'original')]);
    const storage = new MemoryStorage();
    const closing = await loadTab(name, storage, 'tab-1');
    closing.put('charters', charter('x', 'unsaved edit on rev 1'));
    closing.writeJournal();
    closing.close();
    const otherTab = await loadWorkspace(name);
    otherTab.put('charters', charter('x', 'saved by another tab'));
    await otherTab.flush();

    const next = await loadTab(name, storage, 'tab-2');

    expect(memory(next, 'charters').x).toEqual(charter('x', 'unsaved edit on rev 1'));

    await next.flush();

    expect(next.getState().save).toEqual({ kind: 'conflict', items: [{ collection: 'charters', id: 'x' }] });
    expect(await readRow(name, 'charters', 'x')).toEqual({
      id: 'x',
      rev: 2,
      value: charter('x', 'saved by another tab'),
    });

    await next.resolveConflict('theirs');

    expect(memory(next, 'charters').x).toEqual(charter('x', 'saved by another tab'));
  });

  it('keeps working when storage.setItem throws (localStorage full)', async () => {
    const storage = new MemoryStorage();
    storage.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    const tab = await loadTab(uniqueName('journal-full'), storage, 'tab-1');
    tab.put('charters', charter('c1'));

    expect(() => tab.writeJournal()).not.toThrow();

    await tab.flush();

    expect(tab.getState().save.kind).toBe('saved');
  });
});

describe('parseJournal', () => {
  it.each([
    null,
    '',
    'not json',
    '[]',
    '42',
    'null',
    JSON.stringify({ format: FORMAT, version: CURRENT_VERSION }),
  ])('reads %j as no entries', (text) => {
    expect(parseJournal(text)).toEqual([]);
  });

  it('keeps deletions (value null) and valid values', () => {
    const text = JSON.stringify({
      format: FORMAT,
      version: CURRENT_VERSION,
      entries: [
        { collection: 'charters', id: 'gone', baseRev: 3, value: null },
        { collection: 'charters', id: 'c1', baseRev: 0, value: charter('c1') },
      ],
    });

    expect(parseJournal(text)).toEqual([
      { collection: 'charters', id: 'gone', baseRev: 3, value: null },
      { collection: 'charters', id: 'c1', baseRev: 0, value: charter('c1') },
    ]);
  });
});
