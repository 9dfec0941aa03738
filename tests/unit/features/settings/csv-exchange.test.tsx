// The CSV screen in Settings over a real workspace (fake-indexeddb): the column mapping drives the preview,
// confirming writes the valid rows in one go, cancelling writes nothing, and export downloads the records.
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Locale } from '../../../../src/domain/common';
import type { DeliveryRecord } from '../../../../src/domain/tracker/tracker';
import { CsvExchange } from '../../../../src/features/settings/csv-exchange';
import { I18nProvider } from '../../../../src/lib/i18n';
import { WorkspaceContext } from '../../../../src/persistence/workspace-context';
import { createCharter, createCommitment, createCustomer, createRecord } from '../../factories';
import { openLocalDatabase } from '../../../../src/persistence/pouch-db';
import {
  dumpDb,
  fullStorage,
  injectWriteFailures,
  loadWorkspace,
  memory,
  readRows,
  seed,
  uniqueName,
} from '../../persistence/harness';
import type { FailureSwitch } from '../../persistence/harness';
import { captureDownloads } from '../../capture-downloads';

const charter = createCharter({
  id: 'charter-1',
  locale: 'en',
  title: 'Alex Park’s service charter',
  commitments: [
    createCommitment('within', { id: 'c-call', what: 'Return every call' }),
    createCommitment('amount', { id: 'c-bill', what: 'Bill no more than quoted' }),
  ],
});
const kim = createCustomer({ id: 'cu-kim', name: 'Kim Seoyeon' });

// "When" is not a header the app knows: the start column has to be chosen by hand.
const CSV = [
  'Record id,Promise,Client,Summary,When,Due at,Done at',
  ',Return every call,Kim Seoyeon,Call back about the quote,2026-03-03 14:05,2026-03-03 18:05,2026-03-03 15:10',
  ',Bill no more than quoted,Park Jihoon,Final invoice,2026-03-04 10:00,2026-03-10 11:00,',
  ',Return every call,Kim Seoyeon,Call about the test drive,2026-03-05 09:00,2026-03-05 13:00,someday',
].join('\r\n');

async function setup(locale: Locale = 'en', records: DeliveryRecord[] = [], failures?: FailureSwitch) {
  const name = uniqueName('csv-exchange');
  await seed(name, 'charters', [charter]);
  await seed(name, 'customers', [kim]);
  if (records.length > 0) await seed(name, 'deliveries', records);
  const workspace = await loadWorkspace(
    name,
    failures
      ? { openDatabase: () => injectWriteFailures(openLocalDatabase(name), failures), storage: fullStorage }
      : {},
  );
  render(
    <WorkspaceContext.Provider value={workspace}>
      <I18nProvider locale={locale}>
        <CsvExchange />
      </I18nProvider>
    </WorkspaceContext.Provider>,
  );
  return { name, workspace, user: userEvent.setup() };
}

async function chooseFile(user: ReturnType<typeof userEvent.setup>, label: string, text: string) {
  await user.upload(screen.getByLabelText(label), new File([text], 'records.csv', { type: 'text/csv' }));
}

const withoutIds = (records: readonly DeliveryRecord[]) =>
  records.map(({ id: _id, customerId: _c, createdAt: _a, updatedAt: _u, ...rest }) => rest);

afterEach(() => vi.restoreAllMocks());

describe('CSV import', () => {
  it('the mapping drives the preview; confirming writes only the valid rows, in one go', async () => {
    const { name, workspace, user } = await setup();
    await chooseFile(user, 'CSV file to import', CSV);

    // The guess: everything but the start column.
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'choose the column that holds the time it started',
    );
    expect(screen.getByLabelText<HTMLSelectElement>('Commitment (text or id)').value).toBe('1');
    expect(screen.getByLabelText<HTMLSelectElement>('Customer name').value).toBe('2');
    expect(screen.getByLabelText<HTMLSelectElement>('Started at').value).toBe('');
    expect(screen.getByLabelText<HTMLSelectElement>('Charter the records belong to').value).toBe('charter-1');
    expect(screen.queryByRole('button', { name: /Import/ })).toBeNull();

    await user.selectOptions(screen.getByLabelText('Started at'), 'Column 5: When');
    expect(screen.getByText('Rows in the file: 3')).toBeInTheDocument();
    expect(screen.getByText('New records: 2')).toBeInTheDocument();
    expect(screen.getByText('Rows with errors: 1')).toBeInTheDocument();
    expect(screen.getByText('New customers: 1')).toBeInTheDocument();
    expect(
      screen.getByText(
        `row 4, column 'Done at': not a date and time: "someday" (write 2026-11-22 14:05 or 2026-11-22T14:05:00+09:00)`,
      ),
    ).toBeInTheDocument();
    // Nothing is stored while the preview is shown.
    expect(await readRows(name, 'deliveries')).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Import the 2 valid rows' }));
    expect(await screen.findByText('Imported: 2 records written, 1 customers created.')).toBeInTheDocument();

    const customers = (await readRows(name, 'customers')).map((r) => r.value);
    expect(customers.map((c) => c.name).sort()).toEqual(['Kim Seoyeon', 'Park Jihoon']);
    const park = customers.find((c) => c.name === 'Park Jihoon')!;
    const stored = (await readRows(name, 'deliveries')).map((r) => r.value);
    stored.sort((a, b) => a.triggeredAt.localeCompare(b.triggeredAt));
    expect(stored.map((r) => r.customerId)).toEqual(['cu-kim', park.id]);
    expect(withoutIds(stored)).toEqual([
      {
        charterId: 'charter-1',
        commitmentId: 'c-call',
        dealId: null,
        summary: 'Call back about the quote',
        triggeredAt: '2026-03-03T05:05:00.000Z',
        dueAt: '2026-03-03T09:05:00.000Z',
        doneAt: '2026-03-03T06:10:00.000Z',
        actual: null,
        renegotiation: null,
        notes: '',
      },
      {
        charterId: 'charter-1',
        commitmentId: 'c-bill',
        dealId: null,
        summary: 'Final invoice',
        triggeredAt: '2026-03-04T01:00:00.000Z',
        dueAt: '2026-03-10T02:00:00.000Z',
        doneAt: null,
        actual: null,
        renegotiation: null,
        notes: '',
      },
    ]);
    expect(Object.keys(memory(workspace, 'deliveries'))).toHaveLength(2);
  });

  it('changing a mapping changes the counts; with no errors every row is imported', async () => {
    const { name, user } = await setup();
    await chooseFile(user, 'CSV file to import', CSV);
    await user.selectOptions(await screen.findByLabelText('Started at'), 'Column 5: When');
    expect(screen.getByText('Rows with errors: 1')).toBeInTheDocument();

    await user.selectOptions(screen.getByLabelText('Done at'), 'Not used');
    expect(screen.getByText('New records: 3')).toBeInTheDocument();
    expect(screen.getByText('Rows with errors: 0')).toBeInTheDocument();

    // Without permission to create customers, the unknown name becomes an error instead.
    await user.click(screen.getByLabelText('Create customers whose names are not in the app yet'));
    expect(screen.getByText('New records: 2')).toBeInTheDocument();
    expect(screen.getByText('New customers: 0')).toBeInTheDocument();
    expect(
      screen.getByText(
        `row 3, column 'Client': no customer is named "Park Jihoon" (allow new customers to create one)`,
      ),
    ).toBeInTheDocument();
    await user.click(screen.getByLabelText('Create customers whose names are not in the app yet'));

    await user.click(screen.getByRole('button', { name: 'Import 3 records' }));
    expect(await screen.findByText('Imported: 3 records written, 1 customers created.')).toBeInTheDocument();
    const stored = (await readRows(name, 'deliveries')).map((r) => r.value);
    expect(stored.map((r) => r.doneAt)).toEqual([null, null, null]);
    expect(stored.map((r) => r.summary).sort()).toEqual([
      'Call about the test drive',
      'Call back about the quote',
      'Final invoice',
    ]);
  });

  it('cancel writes nothing', async () => {
    const existing = createRecord({ id: 'r-1', charterId: 'charter-1', commitmentId: 'c-call' });
    const { name, workspace, user } = await setup('en', [existing]);
    const before = await dumpDb(name);
    await chooseFile(user, 'CSV file to import', CSV);
    await user.selectOptions(await screen.findByLabelText('Started at'), 'Column 5: When');
    expect(screen.getByText('New records: 2')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.getByRole('status')).toHaveTextContent('Import cancelled. Nothing was written.');
    expect(screen.queryByText('New records: 2')).toBeNull();
    await workspace.flush();
    expect(await dumpDb(name)).toBe(before);
    expect(Object.keys(memory(workspace, 'deliveries'))).toEqual(['r-1']);
  });

  it('a storage failure during the import writes nothing and says so', async () => {
    const failures: FailureSwitch = { failure: null, writeAttempts: 0 };
    const { name, workspace, user } = await setup('en', [], failures);
    const before = await dumpDb(name);
    await chooseFile(user, 'CSV file to import', CSV);
    await user.selectOptions(await screen.findByLabelText('Started at'), 'Column 5: When');
    // The browser aborts the transaction at commit, as it does when the disk is full.
    failures.failure = { kind: 'abort' };
    await user.click(screen.getByRole('button', { name: 'Import the 2 valid rows' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Nothing was imported: Your browser’s storage for this site is full.',
    );
    expect(failures.writeAttempts).toBeGreaterThan(0);
    expect(await dumpDb(name)).toBe(before);
    expect(Object.keys(memory(workspace, 'deliveries'))).toEqual([]);
  });

  it('an unreadable file is refused in Korean, naming the row, and nothing is written', async () => {
    const { name, user } = await setup('ko');
    const before = await dumpDb(name);
    await chooseFile(user, '가져올 CSV 파일', '약속,기한\r\n"부재중 전화,2026-03-03 14:05\r\n');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('이 파일은 가져올 수 없습니다. 아무것도 저장하지 않았습니다.');
    expect(alert).toHaveTextContent(
      '2행: 따옴표로 묶인 칸이 제대로 닫히지 않았습니다(" 가 빠졌거나 잘못된 자리에 있습니다)',
    );
    expect(await dumpDb(name)).toBe(before);
  });
});

describe('CSV export', () => {
  it('downloads UTF-8 with a BOM and the header in the interface language', async () => {
    const record = createRecord({
      id: 'r-1',
      charterId: 'charter-1',
      commitmentId: 'c-call',
      customerId: 'cu-kim',
    });
    const { user } = await setup('ko', [record]);
    const { files, click } = captureDownloads();
    await user.click(screen.getByRole('button', { name: 'CSV로 내보내기' }));
    expect(click).toHaveBeenCalledOnce();
    expect(files).toHaveLength(1);
    const bytes = new Uint8Array(await files[0]!.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text.split('\r\n')[0]).toMatch(/^기록 ID,헌장,약속,고객,거래 상품,요약,시작 시각,기한,/);
    expect(text.split('\r\n')[1]).toMatch(/^r-1,Alex Park’s service charter,Return every call,Kim Seoyeon,,/);
  });
});
