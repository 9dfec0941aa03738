import type { Locale } from '../common';
import { message } from '../text/message';
import type { Message, MessageCode, MessageParams } from '../text/message';

// The columns of the records CSV, their header words in both languages (with the aliases import accepts),
// and how a problem with a file is described (as message codes: their wording is in the catalogues).

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

/**
 * Header text per column and language; what our own export writes. These words are part of the file format,
 * not interface text: the importer recognises a column by them in either language, whatever the interface
 * language, so files written by earlier versions must keep matching. Change one only together with an alias
 * for the old word.
 */
export const CSV_HEADERS: Record<CsvColumn, Record<Locale, string>> = {
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

/** Other header names people use for each field (besides both languages of CSV_HEADERS). */
export const ALIASES: Record<ImportField, readonly string[]> = {
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
export type CsvProblem = { row: number | null; column: string | null; message: Message };

/**
 * The problem with where it is: `row 7, column 'Due at': …` (csvProblem.atRowColumn), `row 7: …`,
 * `column 'Due at': …`, or the message alone when neither is known.
 */
export function describeCsvProblem(problem: CsvProblem): Message {
  const { row, column, message: what } = problem;
  if (row !== null && column !== null)
    return message('csvProblem.atRowColumn', { row, column, message: what });
  if (row !== null) return message('csvProblem.atRow', { row, message: what });
  if (column !== null) return message('csvProblem.atColumn', { column, message: what });
  return what;
}

/** A problem at `row` (spreadsheet numbering) and `column` (header text): the message `code` with `params`. */
export const problem = (
  row: number | null,
  column: string | null,
  code: MessageCode,
  params?: MessageParams,
): CsvProblem => ({ row, column, message: message(code, params) });

/** Names compared loosely: NFC, trimmed, runs of spaces as one, lower case. */
export const normalized = (text: string) => text.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
