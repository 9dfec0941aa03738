// Delivery records as CSV: export format, the Excel-style Korean file a user writes by hand, exact per-row
// errors, and the round trip export → file bytes → parse → import for random records.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Locale } from '../../../../src/domain/common';
import type { RecordStatus } from '../../../../src/domain/tracker/status';
import { translate, translateMessage } from '../../../../src/lib/i18n';
import type { Charter } from '../../../../src/domain/charter/charter';
import {
  guardFormula,
  parseCsvInstant,
  parseCsvNumber,
  unguardFormula,
} from '../../../../src/domain/interchange/csv-cells';
import { CSV_COLUMNS, describeCsvProblem } from '../../../../src/domain/interchange/csv-columns';
import type { CsvProblem } from '../../../../src/domain/interchange/csv-columns';
import { applyRecordImport, planRecordImport } from '../../../../src/domain/interchange/csv-import-plan';
import type { RecordImportInput } from '../../../../src/domain/interchange/csv-import-plan';
import { guessMapping, parseCsv } from '../../../../src/domain/interchange/csv-read';
import type { CsvTable } from '../../../../src/domain/interchange/csv-read';
import { recordsToCsv } from '../../../../src/domain/interchange/csv-write';
import { defaultBusinessCalendar } from '../../../../src/domain/tracker/business-calendar';

const seoul = defaultBusinessCalendar;
const utc = { ...defaultBusinessCalendar, timeZone: 'UTC' };
import type { Customer, Deal, DeliveryRecord } from '../../../../src/domain/tracker/tracker';
import {
  createBackup,
  createCharter,
  createCommitment,
  createCustomer,
  createDeal,
  createRecord,
} from '../../factories';

const NOW = '2026-04-01T12:00:00.000Z';

/** A problem with where it is, as the interface shows it in `locale`. */
const said = (problem: CsvProblem, locale: Locale) => translateMessage(locale, describeCsvProblem(problem));
/** The status words the interface gives the file (the tracker's own). */
const statusIn = (locale: Locale) => (status: RecordStatus) => translate(locale, `tracker.status.${status}`);
const calendar = defaultBusinessCalendar; // UTC+9

function table(text: string): CsvTable {
  const parsed = parseCsv(text);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.table;
}

/** planRecordImport with the guessed mapping, ids `new-1`, `new-2`, … and new customers allowed. */
function plan(text: string, input: Partial<RecordImportInput> & { charter: Charter }) {
  const t = table(text);
  let n = 0;
  return planRecordImport({
    table: t,
    mapping: guessMapping(t.header),
    customers: [],
    deals: [],
    existing: [],
    calendar,
    createCustomers: true,
    now: NOW,
    newId: () => `new-${++n}`,
    ...input,
  });
}

describe('formula guard', () => {
  it('prefixes a quote exactly when a spreadsheet would run the cell, and import undoes exactly that', () => {
    expect(guardFormula('=1+2')).toBe("'=1+2");
    expect(guardFormula('-5')).toBe("'-5");
    expect(guardFormula('+82 10')).toBe("'+82 10");
    expect(guardFormula('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(guardFormula('\tx')).toBe("'\tx");
    expect(guardFormula('\rx')).toBe("'\rx");
    expect(guardFormula("'=x")).toBe("''=x");
    expect(guardFormula("'plain")).toBe("'plain");
    expect(guardFormula('a=b')).toBe('a=b');
    expect(unguardFormula("'=1+2")).toBe('=1+2');
    expect(unguardFormula("''=x")).toBe("'=x");
    expect(unguardFormula("'plain")).toBe("'plain");
  });

  it('round-trips any text', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom("'", '=', '-', '+', '@', '\t', '\r', 'a', '가') }),
        (s) => {
          expect(unguardFormula(guardFormula(s))).toBe(s);
          expect(/^[=+\-@\t\r]/.test(guardFormula(s))).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('reading values', () => {
  it('reads ISO instants and local date-times in the calendar offset', () => {
    expect(parseCsvInstant('2026-03-03 14:05', seoul)).toBe('2026-03-03T05:05:00.000Z');
    expect(parseCsvInstant('2026/3/3 9:05:30', seoul)).toBe('2026-03-03T00:05:30.000Z');
    expect(parseCsvInstant('2026-03-03T14:05:00.000+09:00', utc)).toBe('2026-03-03T05:05:00.000Z');
    expect(parseCsvInstant('2026-03-03T05:05:00Z', seoul)).toBe('2026-03-03T05:05:00.000Z');
    expect(parseCsvInstant('2026-03-01 00:30', seoul)).toBe('2026-02-28T15:30:00.000Z');
    expect(parseCsvInstant('2026-02-30 10:00', seoul)).toBeNull();
    expect(parseCsvInstant('2026-03-03', seoul)).toBeNull();
    expect(parseCsvInstant('tomorrow', seoul)).toBeNull();
    expect(parseCsvInstant('2026-03-03 24:00', seoul)).toBeNull();
  });

  it('reads numbers with thousands commas and currency signs', () => {
    expect(parseCsvNumber('2980000')).toBe(2_980_000);
    expect(parseCsvNumber('2,980,000')).toBe(2_980_000);
    expect(parseCsvNumber('₩3,000,000')).toBe(3_000_000);
    expect(parseCsvNumber('2,980,000원')).toBe(2_980_000);
    expect(parseCsvNumber('1.5e3')).toBe(1500);
    expect(parseCsvNumber('12,34')).toBeNull();
    expect(parseCsvNumber('lots')).toBeNull();
  });
});

describe('export', () => {
  it('writes a BOM, a Korean header, CRLF lines, quoted and guarded cells, local times and the status', () => {
    const charter = createCharter({ title: '김민준의 서비스 헌장' });
    const within = charter.commitments[0]!;
    const customer = createCustomer({ name: '이서연' });
    const deal = createDeal({ customerId: customer.id, product: '아이오닉 6' });
    const record = createRecord({
      id: 'r1',
      charterId: charter.id,
      commitmentId: within.id,
      customerId: customer.id,
      dealId: deal.id,
      summary: '견적, "할인" 문의',
      notes: '=HYPERLINK("http://evil")\n둘째 줄',
    });
    const csv = recordsToCsv({
      records: [record],
      charters: [charter],
      customers: [customer],
      deals: [deal],
      locale: 'ko',
      statusWord: statusIn('ko'),
      now: NOW,
      atRiskShare: 0.75,
      calendar,
    });
    expect(csv.startsWith('\uFEFF기록 ID,헌장,약속,고객,거래 상품,요약,시작 시각,기한,완료 시각,')).toBe(
      true,
    );
    const lines = csv.slice(1).split('\r\n');
    expect(lines).toHaveLength(3); // header, one record (with a quoted line break inside), trailing ''
    expect(lines[2]).toBe('');
    expect(
      lines[1]!.startsWith(
        'r1,김민준의 서비스 헌장,부재중 전화에 회신합니다,이서연,아이오닉 6,"견적, ""할인"" 문의",2026-03-03T14:05:00.000+09:00,',
      ),
    ).toBe(true);
    const cells = table(csv).rows[0]!.cells;
    expect(cells).toEqual([
      'r1',
      '김민준의 서비스 헌장',
      '부재중 전화에 회신합니다',
      '이서연',
      '아이오닉 6',
      '견적, "할인" 문의',
      '2026-03-03T14:05:00.000+09:00',
      '2026-03-03T18:05:00.000+09:00',
      '2026-03-03T15:10:00.000+09:00',
      '',
      '',
      '',
      // Triggered 14:05, done 15:10: 65 minutes, past the 1-hour internal target, within the 4 hours promised.
      '지킴',
      '=HYPERLINK("http://evil")\n둘째 줄',
      within.id,
      customer.id,
      deal.id,
      '2026-03-03T14:05:00.000+09:00',
      '2026-03-03T15:10:00.000+09:00',
    ]);
    // In the file itself the formula is defused and the cell quoted (it holds a quote and a line break).
    expect(csv).toContain('"\'=HYPERLINK(""http://evil"")\n둘째 줄"');
  });

  it('writes an English header and English status words', () => {
    const charter = createCharter();
    const csv = recordsToCsv({
      records: [
        createRecord({ charterId: charter.id, commitmentId: charter.commitments[0]!.id, doneAt: null }),
      ],
      charters: [charter],
      customers: [],
      deals: [],
      locale: 'en',
      statusWord: statusIn('en'),
      now: '2026-03-03T06:00:00.000Z', // 55 minutes into a 4-business-hour window
      atRiskShare: 0.75,
      calendar,
    });
    const t = table(csv);
    expect(t.header).toEqual([
      'Record id',
      'Charter',
      'Commitment',
      'Customer',
      'Deal product',
      'Summary',
      'Triggered at',
      'Due at',
      'Done at',
      'Actual',
      'Renegotiated at',
      'New due at',
      'Status',
      'Notes',
      'Commitment id',
      'Customer id',
      'Deal id',
      'Created at',
      'Updated at',
    ]);
    expect(t.header).toHaveLength(CSV_COLUMNS.length);
    expect(t.rows[0]!.cells[12]).toBe('Open');
  });
});

describe('import of a hand-written Korean file (Excel: BOM, semicolons, local times)', () => {
  const charter = createCharter({ id: 'charter-ko' });
  const [within, , , amount] = charter.commitments;
  const kim = createCustomer({ id: 'cust-kim', name: '김영희' });
  const text =
    '\uFEFF기록 ID;약속;고객;요약;시작 시각;기한;완료 시각;실제 값;메모\r\n' +
    ';부재중 전화에 회신합니다;김영희;"견적 문의; 회신 요청";2026-03-03 14:05;2026-03-03 18:05;2026-03-03 15:10;;"첫 줄\r\n둘째 줄"\r\n' +
    ';청구 금액은 견적 금액을 넘지 않습니다;박민수;견적 대비 청구;2026-03-04 10:00;2026-03-10 11:00;;"2,980,000";\'=SUM(A1)\r\n' +
    ';;;;;;;;\r\n';

  it('parses with the semicolon and maps every Korean header', () => {
    const t = table(text);
    expect(t.delimiter).toBe(';');
    expect(t.rows.map((r) => r.row)).toEqual([2, 3]); // the empty row 4 is skipped
    const mapping = guessMapping(t.header);
    expect(mapping).toEqual({
      id: 0,
      commitment: 1,
      commitmentId: null,
      customer: 2,
      customerId: null,
      deal: null,
      dealId: null,
      summary: 3,
      triggeredAt: 4,
      dueAt: 5,
      doneAt: 6,
      actual: 7,
      renegotiatedAt: null,
      newDueAt: null,
      notes: 8,
      createdAt: null,
      updatedAt: null,
    });
  });

  it('imports the expected records and creates the unknown customer', () => {
    const result = plan(text, { charter, customers: [kim] });
    expect(result.mappingProblems).toEqual([]);
    expect(result.errors).toEqual([]);
    expect(result.counts).toEqual({
      rows: 2,
      added: 2,
      updated: 0,
      unchanged: 0,
      invalid: 0,
      newCustomers: 1,
    });
    expect(result.newCustomers).toEqual([
      {
        id: 'new-2',
        name: '박민수',
        company: '',
        phone: '',
        email: '',
        notes: '',
        archived: false,
        createdAt: NOW,
        updatedAt: NOW,
      },
    ]);
    expect(result.records).toEqual<DeliveryRecord[]>([
      {
        id: 'new-1',
        charterId: 'charter-ko',
        commitmentId: within!.id,
        customerId: 'cust-kim',
        dealId: null,
        summary: '견적 문의; 회신 요청',
        triggeredAt: '2026-03-03T05:05:00.000Z',
        dueAt: '2026-03-03T09:05:00.000Z',
        doneAt: '2026-03-03T06:10:00.000Z',
        actual: null,
        renegotiation: null,
        notes: '첫 줄\r\n둘째 줄',
        createdAt: NOW,
        updatedAt: NOW,
      },
      {
        id: 'new-3',
        charterId: 'charter-ko',
        commitmentId: amount!.id,
        customerId: 'new-2',
        dealId: null,
        summary: '견적 대비 청구',
        triggeredAt: '2026-03-04T01:00:00.000Z',
        dueAt: '2026-03-10T02:00:00.000Z',
        doneAt: null,
        actual: 2_980_000,
        renegotiation: null,
        notes: '=SUM(A1)',
        createdAt: NOW,
        updatedAt: NOW,
      },
    ]);
  });

  it('without permission to create customers, the unknown name is a row error', () => {
    const result = plan(text, { charter, customers: [kim], createCustomers: false });
    expect(result.counts).toMatchObject({ added: 1, invalid: 1, newCustomers: 0 });
    expect(result.errors.map((e) => said(e, 'ko'))).toEqual([
      '3행, \'고객\' 열: 이름이 "박민수"인 고객이 없습니다(새 고객 만들기를 허용하면 만들어집니다)',
    ]);
  });
});

describe('per-row errors', () => {
  const charter = createCharter({
    id: 'charter-en',
    locale: 'en',
    title: 'My charter',
    commitments: [
      createCommitment('within', { id: 'c-call', what: 'Return every call' }),
      createCommitment('amount', { id: 'c-bill', what: 'Bill no more than quoted' }),
    ],
  });
  const long = 'x'.repeat(301);
  const text = [
    'Record id,Commitment,Summary,Triggered at,Due at,Actual',
    'r-1,Return every call,ok,2026-03-03 14:05,2026-03-03 18:05,',
    'r-2,Return every call,bad due,2026-03-03 14:05,tomorrow,',
    'r-3,Fly to the moon,no such commitment,2026-03-03 14:05,2026-03-03 18:05,',
    'r-4,Bill no more than quoted,two problems,,2026-03-03 18:05,lots',
    'r-1,Return every call,same id,2026-03-03 14:05,2026-03-03 18:05,',
    `r-6,Return every call,${long},2026-03-03 14:05,2026-03-03 18:05,`,
    'r-7,Return every call,impossible date,2026-02-30 10:00,2026-03-03 18:05,',
    'r 8,c-call,bad id,2026-03-03 14:05,2026-03-03 18:05,-5',
  ].join('\n');

  it('names the row and column of every problem, in English and Korean', () => {
    const result = plan(text, { charter });
    expect(result.counts).toEqual({
      rows: 8,
      added: 1,
      updated: 0,
      unchanged: 0,
      invalid: 7,
      newCustomers: 0,
    });
    expect(result.records.map((r) => r.id)).toEqual(['r-1']);
    expect(result.errors.map((e) => said(e, 'en'))).toEqual([
      `row 3, column 'Due at': not a date and time: "tomorrow" (write 2026-11-22 14:05 or 2026-11-22T14:05:00+09:00)`,
      `row 4, column 'Commitment': the charter "My charter" has no commitment "Fly to the moon"`,
      `row 5, column 'Triggered at': is missing`,
      `row 5, column 'Actual': not a number: "lots"`,
      `row 6, column 'Record id': repeats the record id of row 2`,
      `row 7, column 'Summary': must be at most 300 characters`,
      `row 8, column 'Triggered at': not a date and time: "2026-02-30 10:00" (write 2026-11-22 14:05 or 2026-11-22T14:05:00+09:00)`,
      `row 9, column 'Record id': contains characters that are not allowed`,
      `row 9, column 'Actual': must be at least 0`,
    ]);
    expect(said(result.errors[0]!, 'ko')).toBe(
      `3행, 'Due at' 열: 날짜와 시각이 아닙니다: "tomorrow"(2026-11-22 14:05 또는 2026-11-22T14:05:00+09:00 형식으로 적으세요)`,
    );
    expect(said(result.errors[2]!, 'ko')).toBe(`5행, 'Triggered at' 열: 값이 없습니다`);
  });

  it('a mapping without commitment, start or due column is refused before any row is read', () => {
    const mapping = { ...guessMapping(table(text).header), commitment: null, dueAt: null };
    const result = plan(text, { charter, mapping });
    expect(result.records).toEqual([]);
    expect(result.mappingProblems.map((p) => said(p, 'en'))).toEqual([
      'choose the column that holds the commitment (its text or its id)',
      'choose the column that holds the due time',
    ]);
  });

  it('refuses files it cannot read, naming the row', () => {
    expect(parseCsv('\uFEFF')).toEqual({
      ok: false,
      problems: [{ row: null, column: null, message: { code: 'csvProblem.emptyFile' } }],
    });
    const broken = parseCsv('a,b\r\n1,2\r\n"3,4\r\n');
    expect(broken.ok).toBe(false);
    if (!broken.ok)
      expect(said(broken.problems[0]!, 'en')).toBe(
        'row 3: a quoted cell is not closed properly (a " is missing or misplaced)',
      );
    const headerOnly = parseCsv('Record id,Summary\r\n');
    expect(headerOnly.ok).toBe(false);
  });
});

describe('updates by id', () => {
  it('a re-imported export changes nothing; an edited row updates its record', () => {
    const backup = createBackup();
    const charter = backup.charters[0]!;
    const records = backup.deliveries.filter((r) => r.charterId === charter.id);
    const input = {
      charters: backup.charters,
      customers: backup.customers,
      deals: backup.deals,
      locale: 'ko' as const,
      statusWord: statusIn('ko'),
      now: NOW,
      atRiskShare: 0.75,
      calendar,
    };
    const csv = recordsToCsv({ ...input, records });
    const base = {
      charter,
      customers: backup.customers,
      deals: backup.deals,
      existing: backup.deliveries,
    };
    const same = plan(csv, base);
    expect(same.counts).toEqual({
      rows: records.length,
      added: 0,
      updated: 0,
      unchanged: records.length,
      invalid: 0,
      newCustomers: 0,
    });
    const edited = recordsToCsv({ ...input, records: [{ ...records[0]!, summary: '수정한 요약' }] });
    const update = plan(edited, base);
    expect(update.counts).toMatchObject({ added: 0, updated: 1, unchanged: 0 });
    const next = applyRecordImport(backup, update);
    expect(next.deliveries).toHaveLength(backup.deliveries.length);
    expect(next.deliveries.find((r) => r.id === records[0]!.id)!.summary).toBe('수정한 요약');
  });
});

// --- round trip ---

const SPECIAL = [
  '=',
  '-',
  '+',
  '@',
  "'",
  '"',
  ',',
  ';',
  '\t',
  '\r',
  '\n',
  '\r\n',
  ' ',
  '김',
  '서비스',
  '😀',
  '👩‍👩‍👧',
  'é',
];
/** Text mixing formula starters, quotes, delimiters, line breaks, Korean and emoji (no lone surrogates: files are UTF-8). */
const text = (maxUnits: number) =>
  fc
    .array(fc.oneof(fc.constantFrom(...SPECIAL), fc.string({ unit: 'grapheme', maxLength: 4 })), {
      maxLength: 24,
    })
    .map((parts) => parts.join(''))
    .filter((s) => s.length <= maxUnits);
const instant = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T23:59:59Z'), noInvalidDate: true })
  .map((d) => d.toISOString());

describe('round trip', () => {
  const charter = createCharter({ id: 'charter-rt' });
  const customers: Customer[] = [
    createCustomer({ id: 'cu-1', name: '=김서연' }),
    createCustomer({ id: 'cu-2', name: 'Kim, "Jay"' }),
    createCustomer({ id: 'cu-3', name: '김서연' }),
  ];
  const deals: Deal[] = [createDeal({ id: 'de-1', customerId: 'cu-1', product: '-아이오닉 6' })];
  const record: fc.Arbitrary<DeliveryRecord> = fc.record({
    id: fc.stringMatching(/^[A-Za-z0-9_-]{1,24}$/),
    charterId: fc.constant(charter.id),
    commitmentId: fc.constantFrom(...charter.commitments.map((c) => c.id)),
    customerId: fc.option(fc.constantFrom('cu-1', 'cu-2', 'cu-3'), { nil: null }),
    dealId: fc.option(fc.constant('de-1'), { nil: null }),
    summary: text(300),
    triggeredAt: instant,
    dueAt: instant,
    doneAt: fc.option(instant, { nil: null }),
    actual: fc.option(fc.double({ min: 0, max: 1e15, noNaN: true }), { nil: null }),
    renegotiation: fc.option(fc.record({ at: instant, newDueAt: instant }), { nil: null }),
    notes: text(4000),
    createdAt: instant,
    updatedAt: instant,
  });

  it('export → UTF-8 file → parse → import gives identical records (ko and en headers)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(record, { selector: (r) => r.id, minLength: 1, maxLength: 6 }),
        fc.constantFrom('ko' as const, 'en' as const),
        (records, locale) => {
          const csv = recordsToCsv({
            records,
            charters: [charter],
            customers,
            deals,
            locale,
            statusWord: statusIn(locale),
            now: NOW,
            atRiskShare: 0.75,
            calendar,
          });
          // What a download and an upload do to the text: UTF-8 bytes and back (the decoder drops the BOM).
          const file = new TextDecoder().decode(new TextEncoder().encode(csv));
          const result = plan(file, { charter, customers, deals });
          expect(result.errors).toEqual([]);
          expect(result.counts.added).toBe(records.length);
          expect(result.records).toEqual(records);
        },
      ),
      { numRuns: 300 },
    );
  });
});
