import Papa from 'papaparse';
import type { Charter } from '../charter/charter';
import { unguardFormula } from './csv-cells';
import { ALIASES, CSV_HEADERS, IMPORT_FIELDS, normalized, problem } from './csv-columns';
import type { ColumnMapping, CsvColumn, CsvProblem, ImportField } from './csv-columns';

// Reading a CSV file someone saved from a spreadsheet: the table (delimiter sniffed), and a first guess of
// which column holds which record field and which charter the rows belong to.

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
  if (body.trim() === '') return { ok: false, problems: [problem(null, null, 'csvProblem.emptyFile')] };
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
        .map((e) => problem(e.row === undefined ? null : e.row + 1, null, 'csvProblem.quoteNotClosed')),
    };
  const [header, ...data] = parsed.data;
  if (!header || header.every((cell) => cell.trim() === ''))
    return {
      ok: false,
      problems: [problem(1, null, 'csvProblem.emptyHeader')],
    };
  const rows = data
    .map((cells, i) => ({ row: i + 2, cells: cells.map(unguardFormula) }))
    .filter((r) => r.cells.some((cell) => cell.trim() !== ''));
  if (rows.length === 0)
    return {
      ok: false,
      problems: [problem(null, null, 'csvProblem.noRows')],
    };
  if (rows.length > MAX_CSV_ROWS)
    return {
      ok: false,
      problems: [problem(null, null, 'csvProblem.tooManyRows', { rows: rows.length, max: MAX_CSV_ROWS })],
    };
  return { ok: true, table: { header: header.map((h) => unguardFormula(h).trim()), rows, delimiter } };
}

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
