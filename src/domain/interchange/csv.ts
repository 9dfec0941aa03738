import Papa from 'papaparse';
import type { Charter } from '../charter/charter';
import type { Commitment } from '../charter/commitment';
import { instantSchema } from '../common';
import type { Bilingual, Locale } from '../common';
import { instantOfWallClock, wallClockOf } from '../tracker/business-calendar';
import type { BusinessCalendar } from '../tracker/business-calendar';
import { calendarDateOfDay, DAY_MS, daysFromCivil, MINUTE_MS, parseInstant } from '../tracker/civil-time';
import { recordStatus } from '../tracker/status';
import type { RecordStatus } from '../tracker/status';
import { customerSchema, deliveryRecordSchema, namedCustomer } from '../tracker/tracker';
import type { Customer, Deal, DeliveryRecord } from '../tracker/tracker';
import type { Backup } from './backup';
import { describeIssue } from './errors';
import { sameData } from './merge';

// Delivery records as CSV, for spreadsheets (Excel, Numbers, Google Sheets) in both directions.
//
// Export: UTF-8 with a byte-order mark (Excel otherwise reads Korean as mojibake), CRLF line ends, RFC 4180
// quoting, a header row in the chosen language, instants in the business calendar's local time with their
// offset (`2026-03-03T14:05:00.000+09:00`: readable, exact, and not reformatted by Excel).
//
// Formula injection: a cell starting with `=`, `+`, `-`, `@`, tab or CR is run as a formula by spreadsheets,
// so it is written with a leading `'`. To keep the mapping reversible, a value that already starts with
// `'`s followed by one of those characters gets one more `'`; import removes exactly one.
//
// Import: the user maps CSV columns to record fields (guessed from the header, ko or en), picks the charter;
// commitments are matched by id or text, customers by id or name (unknown names may be created), deals by id
// or product. Every row is checked against the domain schema; problems name the row as a spreadsheet shows
// it (the header is row 1) and the column by its header text.

/** Columns of an exported file, in order. `charter` and `status` are written for people and never read back. */
export const CSV_COLUMNS = [
  'id',
  'charter',
  'commitment',
  'customer',
  'deal',
  'summary',
  'triggeredAt',
  'dueAt',
  'doneAt',
  'actual',
  'renegotiatedAt',
  'newDueAt',
  'status',
  'notes',
  'commitmentId',
  'customerId',
  'dealId',
  'createdAt',
  'updatedAt',
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

/** Record fields an imported column can fill. */
export const IMPORT_FIELDS = [
  'id',
  'commitment',
  'commitmentId',
  'customer',
  'customerId',
  'deal',
  'dealId',
  'summary',
  'triggeredAt',
  'dueAt',
  'doneAt',
  'actual',
  'renegotiatedAt',
  'newDueAt',
  'notes',
  'createdAt',
  'updatedAt',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Which CSV column (0-based index) fills each field; null: not used. */
export type ColumnMapping = Record<ImportField, number | null>;

/** Header text per column and language; what our own export writes. */
export const CSV_HEADERS: Record<CsvColumn, Bilingual> = {
  id: { en: 'Record id', ko: '기록 ID' },
  charter: { en: 'Charter', ko: '헌장' },
  commitment: { en: 'Commitment', ko: '약속' },
  customer: { en: 'Customer', ko: '고객' },
  deal: { en: 'Deal product', ko: '거래 상품' },
  summary: { en: 'Summary', ko: '요약' },
  triggeredAt: { en: 'Triggered at', ko: '시작 시각' },
  dueAt: { en: 'Due at', ko: '기한' },
  doneAt: { en: 'Done at', ko: '완료 시각' },
  actual: { en: 'Actual', ko: '실제 값' },
  renegotiatedAt: { en: 'Renegotiated at', ko: '재협의 시각' },
  newDueAt: { en: 'New due at', ko: '새 기한' },
  status: { en: 'Status', ko: '상태' },
  notes: { en: 'Notes', ko: '메모' },
  commitmentId: { en: 'Commitment id', ko: '약속 ID' },
  customerId: { en: 'Customer id', ko: '고객 ID' },
  dealId: { en: 'Deal id', ko: '거래 ID' },
  createdAt: { en: 'Created at', ko: '만든 시각' },
  updatedAt: { en: 'Updated at', ko: '수정 시각' },
};

/** Status words in the file, as the tracker shows them. */
export const CSV_STATUS: Record<RecordStatus, Bilingual> = {
  open: { en: 'Open', ko: '진행 중' },
  'at-risk': { en: 'At risk', ko: '위험' },
  overdue: { en: 'Overdue', ko: '기한 지남' },
  kept: { en: 'Kept', ko: '지킴' },
  'over-delivered': { en: 'Over-delivered', ko: '초과 이행' },
  missed: { en: 'Missed', ko: '못 지킴' },
};

/** Other header names people use for each field (besides both languages of CSV_HEADERS). */
const ALIASES: Record<ImportField, readonly string[]> = {
  id: ['id', 'record', '기록', '기록 번호', '기록id'],
  commitment: ['promise', 'commitment text', '약속 내용', '약속 항목'],
  commitmentId: ['promise id'],
  customer: ['customer name', 'client', 'name', '고객 이름', '고객명', '이름'],
  customerId: ['client id'],
  deal: ['deal', 'product', '거래', '상품', '제품', '상품명'],
  dealId: [],
  summary: ['what', 'description', '내용', '약속 요약'],
  triggeredAt: [
    'triggered',
    'trigger',
    'made',
    'made at',
    'start',
    'started at',
    '약속한 때',
    '발생 시각',
    '시작',
  ],
  dueAt: ['due', 'deadline', 'due date', '마감', '마감 시각', '기한 시각'],
  doneAt: ['done', 'completed', 'completed at', '완료', '처리 시각'],
  actual: ['actual amount', 'amount', '실제', '실제 금액', '금액'],
  renegotiatedAt: ['renegotiated', '재협의'],
  newDueAt: ['new due', '변경된 기한', '새 마감'],
  notes: ['note', 'memo', 'comments', '비고', '메모란'],
  createdAt: ['created', '생성 시각'],
  updatedAt: ['updated', 'modified', '수정'],
};

/** One thing wrong with a file or a row: the row as a spreadsheet numbers it (header = 1), the column's header. */
export type CsvProblem = { row: number | null; column: string | null; message: Bilingual };

/** `row 7, column 'Due at': message` / `7행, '기한' 열: message`, or less when row or column is unknown. */
export function describeCsvProblem(problem: CsvProblem, locale: Locale): string {
  const { row, column, message } = problem;
  if (locale === 'ko') {
    const where = [row === null ? null : `${row}행`, column === null ? null : `'${column}' 열`]
      .filter(Boolean)
      .join(', ');
    return where ? `${where}: ${message.ko}` : message.ko;
  }
  const where = [row === null ? null : `row ${row}`, column === null ? null : `column '${column}'`]
    .filter(Boolean)
    .join(', ');
  return where ? `${where}: ${message.en}` : message.en;
}

// --- cells ---

const FORMULA_START = /^'*[=+\-@\t\r]/;

/** The cell text for `value`: a leading `'` when a spreadsheet would run it as a formula (see module notes). */
export function guardFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** Undoes `guardFormula` exactly: one leading `'` is removed when `'`s are followed by a formula character. */
export function unguardFormula(cell: string): string {
  return /^'+[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

/** One field of a comma-separated line: guarded, and quoted (quotes doubled) when RFC 4180 requires it. */
function encodeCell(value: string): string {
  const guarded = guardFormula(value);
  // Leading or trailing spaces are quoted too, so no reader trims them away.
  return /[",\r\n]|^\s|\s$/.test(guarded) ? `"${guarded.replaceAll('"', '""')}"` : guarded;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `ms` as ISO 8601 in the calendar's local time, with milliseconds and the offset: `…T14:05:00.000+09:00`. */
export function formatLocalInstant(ms: number, calendar: BusinessCalendar): string {
  const local = wallClockOf(ms, calendar);
  const offsetMinutes = Math.round((local - ms) / MINUTE_MS);
  const day = Math.floor(local / DAY_MS);
  let rest = local - day * DAY_MS;
  const hours = Math.floor(rest / 3_600_000);
  rest -= hours * 3_600_000;
  const minutes = Math.floor(rest / 60_000);
  rest -= minutes * 60_000;
  const seconds = Math.floor(rest / 1000);
  const millis = rest - seconds * 1000;
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${calendarDateOfDay(day)}T${pad(hours)}:${pad(minutes)}:${pad(seconds)}.${pad(millis, 3)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

const LOCAL_DATE_TIME =
  /^(\d{4})[-./](\d{1,2})[-./](\d{1,2})\.?(?:T|\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/;

/**
 * The instant (canonical `toISOString` form) written as `text`: ISO 8601 with `Z` or an offset, or a local
 * date and time `YYYY-MM-DD HH:mm[:ss[.sss]]` (also with `T`, `/` or `.`) in the calendar's time zone;
 * null when it is neither or names an impossible date.
 */
export function parseCsvInstant(text: string, calendar: BusinessCalendar): string | null {
  const t = text.trim();
  if (instantSchema.safeParse(t).success) {
    const ms = parseInstant(t);
    return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
  }
  const m = LOCAL_DATE_TIME.exec(t);
  if (!m) return null;
  const [year, month, day, hour, minute, second = 0, frac = ''] = [
    Number(m[1]),
    Number(m[2]),
    Number(m[3]),
    Number(m[4]),
    Number(m[5]),
    m[6] === undefined ? 0 : Number(m[6]),
    m[7] ?? '',
  ] as const;
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return null;
  const dayNumber = daysFromCivil(year, month, day);
  // 31 April and the like: the day number names another date.
  if (calendarDateOfDay(dayNumber) !== `${pad(year, 4)}-${pad(month)}-${pad(day)}`) return null;
  const millis = frac === '' ? 0 : Number(frac.padEnd(3, '0'));
  const ms = instantOfWallClock(
    dayNumber * DAY_MS + ((hour * 60 + minute) * 60 + second) * 1000 + millis,
    calendar,
  );
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}

/**
 * The number written as `text`: digits with an optional fraction and exponent (`2980000`, `1.5e3`), or with
 * thousands commas (`2,980,000`), optionally with `₩`/`$` before or `원` after; null when it is not one.
 */
export function parseCsvNumber(text: string): number | null {
  const t = text
    .trim()
    .replace(/^[₩$]\s*/, '')
    .replace(/\s*원$/, '');
  if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t)) return Number(t);
  if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) return Number(t.replaceAll(',', ''));
  return null;
}

// --- export ---

export type RecordsCsvInput = {
  records: readonly DeliveryRecord[];
  charters: readonly Charter[];
  customers: readonly Customer[];
  deals: readonly Deal[];
  /** Language of the header row and the status words. */
  locale: Locale;
  /** The instant statuses are evaluated at (ISO 8601). */
  now: string;
  atRiskShare: number;
  calendar: BusinessCalendar;
};

/**
 * The CSV text of `records`: BOM, a header row in `locale`, one CRLF-terminated line per record with the
 * columns of CSV_COLUMNS (names looked up by id; status = recordStatus at `now`; instants in the calendar's
 * local time with offset), every cell guarded against formulas and quoted per RFC 4180.
 */
export function recordsToCsv(input: RecordsCsvInput): string {
  const { locale, calendar } = input;
  const charters = new Map(input.charters.map((c) => [c.id, c]));
  const customers = new Map(input.customers.map((c) => [c.id, c]));
  const deals = new Map(input.deals.map((d) => [d.id, d]));
  const nowMs = parseInstant(input.now);
  const instant = (iso: string | null) =>
    iso === null ? '' : formatLocalInstant(parseInstant(iso), calendar);
  const lines = [CSV_COLUMNS.map((c) => encodeCell(CSV_HEADERS[c][locale])).join(',')];
  for (const record of input.records) {
    const charter = charters.get(record.charterId);
    const commitment = charter?.commitments.find((c) => c.id === record.commitmentId);
    const status = commitment
      ? recordStatus(record, commitment, nowMs, { atRiskShare: input.atRiskShare, calendar }).status
      : null;
    const cells: Record<CsvColumn, string> = {
      id: record.id,
      charter: charter?.title ?? '',
      commitment: commitment?.what ?? '',
      customer: record.customerId === null ? '' : (customers.get(record.customerId)?.name ?? ''),
      deal: record.dealId === null ? '' : (deals.get(record.dealId)?.product ?? ''),
      summary: record.summary,
      triggeredAt: instant(record.triggeredAt),
      dueAt: instant(record.dueAt),
      doneAt: instant(record.doneAt),
      actual: record.actual === null ? '' : String(record.actual),
      renegotiatedAt: instant(record.renegotiation?.at ?? null),
      newDueAt: instant(record.renegotiation?.newDueAt ?? null),
      status: status === null ? '' : CSV_STATUS[status][locale],
      notes: record.notes,
      commitmentId: record.commitmentId,
      customerId: record.customerId ?? '',
      dealId: record.dealId ?? '',
      createdAt: instant(record.createdAt),
      updatedAt: instant(record.updatedAt),
    };
    lines.push(CSV_COLUMNS.map((c) => encodeCell(cells[c])).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** `service-charter-records-2026-11-22.csv` for an export made at `iso`. */
export function recordsCsvFilename(iso: string): string {
  return `service-charter-records-${iso.slice(0, 10)}.csv`;
}

// --- parsing ---

export type CsvDelimiter = ',' | ';' | '\t';

/** A parsed file: header cells, and the data rows with their spreadsheet row numbers (header = row 1). */
export type CsvTable = {
  header: string[];
  rows: { row: number; cells: string[] }[];
  delimiter: CsvDelimiter;
};

export type ParseCsvResult = { ok: true; table: CsvTable } | { ok: false; problems: CsvProblem[] };

/** The delimiter and line end of the first record, read outside quotes: the most frequent of `,` `;` tab. */
function sniff(text: string): { delimiter: CsvDelimiter; newline: '\r\n' | '\n' | '\r' } {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  let newline: '\r\n' | '\n' | '\r' = '\r\n';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === ',' || ch === ';' || ch === '\t')) counts[ch]++;
    else if (!quoted && (ch === '\n' || ch === '\r')) {
      newline = ch === '\r' ? (text[i + 1] === '\n' ? '\r\n' : '\r') : '\n';
      break;
    }
  }
  const delimiter = (['\t', ';', ','] as const).reduce(
    (best, d) => (counts[d] > counts[best] ? d : best),
    ',',
  );
  return { delimiter: delimiter as CsvDelimiter, newline };
}

const problem = (row: number | null, column: string | null, en: string, ko: string): CsvProblem => ({
  row,
  column,
  message: { en, ko },
});

/** Far more rows than anyone keeps in one file; guards the page against a wrong, huge file. */
export const MAX_CSV_ROWS = 100_000;

/**
 * The table in CSV `text` (a leading BOM dropped; `,`, `;` or tab, whichever the header line uses most;
 * quoted cells may hold delimiters, quotes and line breaks), each cell with its formula guard undone, and
 * rows of empty cells skipped; or the problems that make the file unreadable (a quote never closed, no
 * header, no data rows, too many rows).
 */
export function parseCsv(text: string): ParseCsvResult {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (body.trim() === '')
    return { ok: false, problems: [problem(null, null, 'the file is empty', '파일이 비어 있습니다')] };
  const { delimiter, newline } = sniff(body);
  const parsed = Papa.parse<string[]>(body, {
    delimiter,
    newline,
    quoteChar: '"',
    escapeChar: '"',
    header: false,
    dynamicTyping: false,
    skipEmptyLines: false,
  });
  const quoteErrors = parsed.errors.filter((e) => e.type === 'Quotes');
  if (quoteErrors.length > 0)
    return {
      ok: false,
      problems: quoteErrors
        .slice(0, 10)
        .map((e) =>
          problem(
            e.row === undefined ? null : e.row + 1,
            null,
            'a quoted cell is not closed properly (a " is missing or misplaced)',
            '따옴표로 묶인 칸이 제대로 닫히지 않았습니다(" 가 빠졌거나 잘못된 자리에 있습니다)',
          ),
        ),
    };
  const [header, ...data] = parsed.data;
  if (!header || header.every((cell) => cell.trim() === ''))
    return {
      ok: false,
      problems: [problem(1, null, 'the header row is empty', '머리글 행이 비어 있습니다')],
    };
  const rows = data
    .map((cells, i) => ({ row: i + 2, cells: cells.map(unguardFormula) }))
    .filter((r) => r.cells.some((cell) => cell.trim() !== ''));
  if (rows.length === 0)
    return {
      ok: false,
      problems: [
        problem(null, null, 'the file has a header but no rows', '머리글만 있고 데이터 행이 없습니다'),
      ],
    };
  if (rows.length > MAX_CSV_ROWS)
    return {
      ok: false,
      problems: [
        problem(
          null,
          null,
          `the file has ${rows.length} rows; at most ${MAX_CSV_ROWS} can be imported at once`,
          `행이 ${rows.length}개입니다. 한 번에 ${MAX_CSV_ROWS}개까지 가져올 수 있습니다`,
        ),
      ],
    };
  return { ok: true, table: { header: header.map((h) => unguardFormula(h).trim()), rows, delimiter } };
}

// --- mapping ---

/** Names compared loosely: NFC, trimmed, runs of spaces as one, lower case. */
const normalized = (text: string) => text.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();

/** Header text compared loosely: NFKC, lower case, without spaces, `_`, `-`, `.` or brackets. */
const headerKey = (text: string) =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\-.()[\]]/g, '');

const FIELD_KEYS: readonly [ImportField, Set<string>][] = IMPORT_FIELDS.map((field) => {
  const names = [...ALIASES[field]];
  if (field in CSV_HEADERS) {
    const header = CSV_HEADERS[field as CsvColumn];
    names.push(header.en, header.ko);
  }
  return [field, new Set(names.map(headerKey))];
});

/** The mapping read from `header`: each field gets the first column whose name is one of its known names. */
export function guessMapping(header: readonly string[]): ColumnMapping {
  const mapping = Object.fromEntries(IMPORT_FIELDS.map((f) => [f, null])) as ColumnMapping;
  const used = new Set<number>();
  for (const [field, keys] of FIELD_KEYS) {
    const index = header.findIndex((h, i) => !used.has(i) && keys.has(headerKey(h)));
    if (index >= 0) {
      mapping[field] = index;
      used.add(index);
    }
  }
  return mapping;
}

/**
 * The charter a file's rows name in a charter column (our export's `Charter` / `헌장`), when every row that
 * names one names the same charter title and exactly one charter has that title; otherwise null.
 */
export function guessCharterId(
  table: CsvTable,
  charters: readonly Pick<Charter, 'id' | 'title'>[],
): string | null {
  const keys = new Set([headerKey(CSV_HEADERS.charter.en), headerKey(CSV_HEADERS.charter.ko)]);
  const column = table.header.findIndex((h) => keys.has(headerKey(h)));
  if (column < 0) return null;
  const titles = new Set(table.rows.map((r) => normalized(r.cells[column] ?? '')).filter((t) => t !== ''));
  if (titles.size !== 1) return null;
  const [title] = titles;
  const matches = charters.filter((c) => normalized(c.title) === title);
  return matches.length === 1 ? matches[0]!.id : null;
}

// --- import plan ---

export type RecordImportInput = {
  table: CsvTable;
  mapping: ColumnMapping;
  /** The charter every imported record belongs to. */
  charter: Charter;
  customers: readonly Customer[];
  deals: readonly Deal[];
  /** Every delivery record stored now (of all charters). */
  existing: readonly DeliveryRecord[];
  calendar: BusinessCalendar;
  /** Create customers for names not found (else such rows are errors). */
  createCustomers: boolean;
  /** The instant stamped on new items (ISO 8601). */
  now: string;
  /** A fresh id for new records and customers. */
  newId: () => string;
};

export type RecordImportCounts = {
  /** Data rows in the file. */
  rows: number;
  /** Valid rows that add a record. */
  added: number;
  /** Valid rows whose id names a stored record, with different content. */
  updated: number;
  /** Valid rows identical to the stored record they name. */
  unchanged: number;
  /** Rows with at least one problem (never imported). */
  invalid: number;
  /** Customers created for names not found in valid rows. */
  newCustomers: number;
};

export type RecordImportPlan = {
  /** Records to write (added and updated rows), in file order. */
  records: DeliveryRecord[];
  newCustomers: Customer[];
  counts: RecordImportCounts;
  /** Problems with the mapping itself: while there are any, nothing can be imported. */
  mappingProblems: CsvProblem[];
  /** Every row problem, in row order. */
  errors: CsvProblem[];
};

/** Map of normalized key → items having it. */
function index<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

const quoteValue = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}…` : text);

/** Which import field each path of a DeliveryRecord issue belongs to. */
function fieldOfIssue(path: readonly PropertyKey[]): ImportField[] {
  const [head, sub] = path;
  switch (head) {
    case 'renegotiation':
      return sub === 'newDueAt' ? ['newDueAt'] : ['renegotiatedAt'];
    case 'commitmentId':
      return ['commitmentId', 'commitment'];
    case 'customerId':
      return ['customerId', 'customer'];
    case 'dealId':
      return ['dealId', 'deal'];
    case 'charterId':
      return [];
    default:
      return IMPORT_FIELDS.includes(head as ImportField) ? [head as ImportField] : [];
  }
}

/**
 * What importing `table` with `mapping` into `charter` would do: each row turned into a delivery record
 * (commitment by id or by its text among the charter's commitments; customer by id or by name, created when
 * unknown and allowed; deal by id or by product; instants by `parseCsvInstant` in the calendar's offset;
 * missing created/updated times from the stored record or `now`), checked against `deliveryRecordSchema`,
 * with every problem by row and column, and counts of added, updated, unchanged and invalid rows. Rows with
 * problems are left out of `records`; nothing is left out silently.
 */
export function planRecordImport(input: RecordImportInput): RecordImportPlan {
  const { table, mapping, charter, calendar, now } = input;
  const counts: RecordImportCounts = {
    rows: table.rows.length,
    added: 0,
    updated: 0,
    unchanged: 0,
    invalid: 0,
    newCustomers: 0,
  };
  const headerOf = (field: ImportField): string | null => {
    const i = mapping[field];
    return i === null ? null : (table.header[i] ?? `#${i + 1}`);
  };

  const mappingProblems: CsvProblem[] = [];
  if (mapping.commitment === null && mapping.commitmentId === null)
    mappingProblems.push(
      problem(
        null,
        null,
        'choose the column that holds the commitment (its text or its id)',
        '약속(내용 또는 ID)이 들어 있는 열을 고르세요',
      ),
    );
  if (mapping.triggeredAt === null)
    mappingProblems.push(
      problem(
        null,
        null,
        'choose the column that holds the time it started',
        '시작 시각이 들어 있는 열을 고르세요',
      ),
    );
  if (mapping.dueAt === null)
    mappingProblems.push(
      problem(null, null, 'choose the column that holds the due time', '기한이 들어 있는 열을 고르세요'),
    );
  const columns = IMPORT_FIELDS.map((f) => mapping[f]).filter((i): i is number => i !== null);
  if (new Set(columns).size !== columns.length)
    mappingProblems.push(
      problem(null, null, 'one column is chosen for two fields', '한 열이 두 항목에 함께 선택되어 있습니다'),
    );
  if (mappingProblems.length > 0)
    return { records: [], newCustomers: [], counts: { ...counts, invalid: 0 }, mappingProblems, errors: [] };

  const commitmentsById = new Map(charter.commitments.map((c) => [c.id, c]));
  const commitmentsByText = index(charter.commitments, (c) => normalized(c.what));
  const customersById = new Map(input.customers.map((c) => [c.id, c]));
  const customersByName = index(input.customers, (c) => normalized(c.name));
  const dealsById = new Map(input.deals.map((d) => [d.id, d]));
  const dealsByProduct = index(input.deals, (d) => normalized(d.product));
  const stored = new Map(input.existing.map((r) => [r.id, r]));
  const created = new Map<string, Customer>();
  const seenIds = new Map<string, number>();

  const records: DeliveryRecord[] = [];
  const newCustomers: Customer[] = [];
  const errors: CsvProblem[] = [];

  for (const { row, cells } of table.rows) {
    const rowErrors: CsvProblem[] = [];
    const fail = (field: ImportField | null, en: string, ko: string) =>
      rowErrors.push(problem(row, field === null ? null : headerOf(field), en, ko));
    const cell = (field: ImportField): string => {
      const i = mapping[field];
      return i === null ? '' : (cells[i] ?? '');
    };
    const has = (field: ImportField) => cell(field).trim() !== '';
    const instant = (field: ImportField): string | null => {
      if (!has(field)) return null;
      const value = parseCsvInstant(cell(field), calendar);
      if (value === null)
        fail(
          field,
          `not a date and time: "${quoteValue(cell(field).trim())}" (write 2026-11-22 14:05 or 2026-11-22T14:05:00+09:00)`,
          `날짜와 시각이 아닙니다: "${quoteValue(cell(field).trim())}"(2026-11-22 14:05 또는 2026-11-22T14:05:00+09:00 형식으로 적으세요)`,
        );
      return value;
    };
    const required = (field: ImportField) => {
      if (!has(field)) fail(field, 'is missing', '값이 없습니다');
    };

    // Record id: kept when given (updates the stored record), else a new one.
    const givenId = cell('id').trim();
    const existing = givenId === '' ? undefined : stored.get(givenId);
    if (givenId !== '') {
      const first = seenIds.get(givenId);
      if (first !== undefined)
        fail('id', `repeats the record id of row ${first}`, `${first}행과 기록 ID가 같습니다`);
      else seenIds.set(givenId, row);
      if (existing && existing.charterId !== charter.id)
        fail(
          'id',
          `record "${givenId}" belongs to another charter; remove the id to import it as a new record`,
          `기록 "${givenId}"은 다른 헌장의 기록입니다. 새 기록으로 가져오려면 ID를 지우세요`,
        );
    }

    // Commitment: by id, else by id or text in the commitment column.
    let commitment: Commitment | undefined;
    if (has('commitmentId')) {
      const id = cell('commitmentId').trim();
      commitment = commitmentsById.get(id);
      if (!commitment)
        fail(
          'commitmentId',
          `the charter "${charter.title}" has no commitment with id "${quoteValue(id)}"`,
          `헌장 "${charter.title}"에 ID가 "${quoteValue(id)}"인 약속이 없습니다`,
        );
    } else if (has('commitment')) {
      const text = cell('commitment').trim();
      const byText = commitmentsByText.get(normalized(text)) ?? [];
      commitment = commitmentsById.get(text) ?? (byText.length === 1 ? byText[0] : undefined);
      if (!commitment)
        if (byText.length > 1)
          fail(
            'commitment',
            `${byText.length} commitments of the charter read "${quoteValue(text)}"; add a commitment id column`,
            `헌장에 "${quoteValue(text)}" 약속이 ${byText.length}개 있습니다. 약속 ID 열을 추가하세요`,
          );
        else
          fail(
            'commitment',
            `the charter "${charter.title}" has no commitment "${quoteValue(text)}"`,
            `헌장 "${charter.title}"에 "${quoteValue(text)}" 약속이 없습니다`,
          );
    } else fail(mapping.commitment !== null ? 'commitment' : 'commitmentId', 'is missing', '값이 없습니다');

    // Customer: by id, else by name (created when unknown and allowed), else none.
    let customerId: string | null = null;
    let newCustomer: Customer | undefined;
    if (has('customerId')) {
      const id = cell('customerId').trim();
      if (customersById.has(id)) customerId = id;
      else
        fail(
          'customerId',
          `no customer has the id "${quoteValue(id)}"`,
          `ID가 "${quoteValue(id)}"인 고객이 없습니다`,
        );
    } else if (has('customer')) {
      const name = cell('customer').trim();
      const matches = customersByName.get(normalized(name)) ?? [];
      if (matches.length === 1) customerId = matches[0]!.id;
      else if (matches.length > 1)
        fail(
          'customer',
          `${matches.length} customers are named "${quoteValue(name)}"; add a customer id column`,
          `이름이 "${quoteValue(name)}"인 고객이 ${matches.length}명입니다. 고객 ID 열을 추가하세요`,
        );
      else if (!input.createCustomers)
        fail(
          'customer',
          `no customer is named "${quoteValue(name)}" (allow new customers to create one)`,
          `이름이 "${quoteValue(name)}"인 고객이 없습니다(새 고객 만들기를 허용하면 만들어집니다)`,
        );
      else {
        newCustomer = created.get(normalized(name));
        if (!newCustomer) {
          const checked = customerSchema.safeParse(namedCustomer(input.newId(), name, now), {
            reportInput: true,
          });
          if (checked.success) newCustomer = checked.data;
          else
            for (const issue of checked.error.issues)
              fail('customer', describeIssue(issue).en, describeIssue(issue).ko);
        }
        if (newCustomer) customerId = newCustomer.id;
      }
    }

    // Deal: by id, else by product (among the customer's deals when there is a customer).
    let dealId: string | null = null;
    if (has('dealId')) {
      const id = cell('dealId').trim();
      if (dealsById.has(id)) dealId = id;
      else
        fail(
          'dealId',
          `no deal has the id "${quoteValue(id)}"`,
          `ID가 "${quoteValue(id)}"인 거래가 없습니다`,
        );
    } else if (has('deal')) {
      const product = cell('deal').trim();
      let matches = (dealsByProduct.get(normalized(product)) ?? []).filter(
        (d) => customerId === null || d.customerId === customerId,
      );
      if (matches.length > 1) {
        const ofCharter = matches.filter((d) => d.charterId === charter.id);
        if (ofCharter.length > 0) matches = ofCharter;
      }
      if (matches.length === 1) dealId = matches[0]!.id;
      else if (matches.length > 1)
        fail(
          'deal',
          `${matches.length} deals are for "${quoteValue(product)}"; add a deal id column`,
          `"${quoteValue(product)}" 거래가 ${matches.length}개입니다. 거래 ID 열을 추가하세요`,
        );
      else
        fail(
          'deal',
          `no deal${customerId === null ? '' : ' of this customer'} is for "${quoteValue(product)}"`,
          `${customerId === null ? '' : '이 고객의 '}"${quoteValue(product)}" 거래가 없습니다`,
        );
    }

    required('triggeredAt');
    required('dueAt');
    const triggeredAt = instant('triggeredAt');
    const dueAt = instant('dueAt');
    const doneAt = instant('doneAt');
    const renegotiatedAt = instant('renegotiatedAt');
    const newDueAt = instant('newDueAt');
    if (has('renegotiatedAt') !== has('newDueAt'))
      fail(
        has('renegotiatedAt') ? 'newDueAt' : 'renegotiatedAt',
        'is needed too: a renegotiation has both the time it was agreed and the new due time',
        '값도 있어야 합니다: 재협의에는 합의한 시각과 새 기한이 모두 필요합니다',
      );
    let actual: number | null = null;
    if (has('actual')) {
      actual = parseCsvNumber(cell('actual'));
      if (actual === null)
        fail(
          'actual',
          `not a number: "${quoteValue(cell('actual').trim())}"`,
          `숫자가 아닙니다: "${quoteValue(cell('actual').trim())}"`,
        );
    }
    const createdAt = instant('createdAt');
    const updatedAt = instant('updatedAt');

    if (rowErrors.length === 0) {
      const candidate = {
        id: givenId === '' ? input.newId() : givenId,
        charterId: charter.id,
        commitmentId: commitment!.id,
        customerId,
        dealId,
        summary: cell('summary'),
        triggeredAt,
        dueAt,
        doneAt,
        actual,
        renegotiation: renegotiatedAt !== null && newDueAt !== null ? { at: renegotiatedAt, newDueAt } : null,
        notes: cell('notes'),
        createdAt: createdAt ?? existing?.createdAt ?? now,
        updatedAt: updatedAt ?? now,
      };
      const checked = deliveryRecordSchema.safeParse(candidate, { reportInput: true });
      if (!checked.success)
        for (const issue of checked.error.issues) {
          const fields = fieldOfIssue(issue.path).filter((f) => mapping[f] !== null);
          const message = describeIssue(issue);
          fail(fields[0] ?? null, message.en, message.ko);
        }
      else {
        const record = checked.data;
        if (
          existing &&
          sameData(existing, {
            ...record,
            createdAt: createdAt ?? existing.createdAt,
            updatedAt: updatedAt ?? existing.updatedAt,
          })
        )
          counts.unchanged++;
        else {
          if (existing) counts.updated++;
          else counts.added++;
          records.push(record);
        }
        if (newCustomer && !created.has(normalized(newCustomer.name))) {
          created.set(normalized(newCustomer.name), newCustomer);
          newCustomers.push(newCustomer);
        }
      }
    }
    if (rowErrors.length > 0) {
      counts.invalid++;
      errors.push(...rowErrors);
    }
  }
  counts.newCustomers = newCustomers.length;
  return { records, newCustomers, counts, mappingProblems, errors };
}

/**
 * The dataset after the valid rows of `plan` are imported into `current`: its records replace stored ones
 * with the same id or are added, its new customers are added; everything else stays as it is.
 */
export function applyRecordImport(current: Backup, plan: RecordImportPlan): Backup {
  const incoming = new Map(plan.records.map((r) => [r.id, r]));
  const deliveries = current.deliveries.map((r) => incoming.get(r.id) ?? r);
  const storedIds = new Set(current.deliveries.map((r) => r.id));
  for (const record of plan.records) if (!storedIds.has(record.id)) deliveries.push(record);
  return { ...current, customers: [...current.customers, ...plan.newCustomers], deliveries };
}
