import type { Charter } from '../charter/charter';
import type { Commitment } from '../charter/commitment';
import { customerSchema, deliveryRecordSchema, namedCustomer } from '../tracker/tracker';
import type { Customer, Deal, DeliveryRecord } from '../tracker/tracker';
import type { BusinessCalendar } from '../tracker/business-calendar';
import type { Backup } from './backup';
import { describeIssue } from './errors';
import { sameData } from './merge';
import { parseCsvInstant, parseCsvNumber } from './csv-cells';
import { IMPORT_FIELDS, normalized, problem } from './csv-columns';
import type { ColumnMapping, CsvProblem, ImportField } from './csv-columns';
import type { CsvTable } from './csv-read';
import type { Message, MessageCode, MessageParams } from '../text/message';

// Import: the user maps CSV columns to record fields (guessed from the header, ko or en), picks the charter;
// commitments are matched by id or text, customers by id or name (unknown names may be created), deals by id
// or product. Every row is checked against the domain schema; problems name the row as a spreadsheet shows
// it (the header is row 1) and the column by its header text.

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
    mappingProblems.push(problem(null, null, 'csvProblem.chooseCommitment'));
  if (mapping.triggeredAt === null) mappingProblems.push(problem(null, null, 'csvProblem.chooseTriggeredAt'));
  if (mapping.dueAt === null) mappingProblems.push(problem(null, null, 'csvProblem.chooseDueAt'));
  const columns = IMPORT_FIELDS.map((f) => mapping[f]).filter((i): i is number => i !== null);
  if (new Set(columns).size !== columns.length)
    mappingProblems.push(problem(null, null, 'csvProblem.columnTwice'));
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
    const fail = (field: ImportField | null, code: MessageCode, params?: MessageParams) =>
      rowErrors.push(problem(row, field === null ? null : headerOf(field), code, params));
    const failWith = (field: ImportField | null, reason: Message) => fail(field, reason.code, reason.params);
    const cell = (field: ImportField): string => {
      const i = mapping[field];
      return i === null ? '' : (cells[i] ?? '');
    };
    const has = (field: ImportField) => cell(field).trim() !== '';
    const instant = (field: ImportField): string | null => {
      if (!has(field)) return null;
      const value = parseCsvInstant(cell(field), calendar);
      if (value === null) fail(field, 'csvProblem.notDateTime', { value: quoteValue(cell(field).trim()) });
      return value;
    };
    const required = (field: ImportField) => {
      if (!has(field)) fail(field, 'issue.missing');
    };

    // Record id: kept when given (updates the stored record), else a new one.
    const givenId = cell('id').trim();
    const existing = givenId === '' ? undefined : stored.get(givenId);
    if (givenId !== '') {
      const first = seenIds.get(givenId);
      if (first !== undefined) fail('id', 'csvProblem.repeatedId', { row: first });
      else seenIds.set(givenId, row);
      if (existing && existing.charterId !== charter.id)
        fail('id', 'csvProblem.otherCharter', { id: givenId });
    }

    // Commitment: by id, else by id or text in the commitment column.
    let commitment: Commitment | undefined;
    if (has('commitmentId')) {
      const id = cell('commitmentId').trim();
      commitment = commitmentsById.get(id);
      if (!commitment)
        fail('commitmentId', 'csvProblem.noCommitmentId', { charter: charter.title, id: quoteValue(id) });
    } else if (has('commitment')) {
      const text = cell('commitment').trim();
      const byText = commitmentsByText.get(normalized(text)) ?? [];
      commitment = commitmentsById.get(text) ?? (byText.length === 1 ? byText[0] : undefined);
      if (!commitment)
        if (byText.length > 1)
          fail('commitment', 'csvProblem.commitmentAmbiguous', {
            count: byText.length,
            text: quoteValue(text),
          });
        else
          fail('commitment', 'csvProblem.noCommitment', { charter: charter.title, text: quoteValue(text) });
    } else fail(mapping.commitment !== null ? 'commitment' : 'commitmentId', 'issue.missing');

    // Customer: by id, else by name (created when unknown and allowed), else none.
    let customerId: string | null = null;
    let newCustomer: Customer | undefined;
    if (has('customerId')) {
      const id = cell('customerId').trim();
      if (customersById.has(id)) customerId = id;
      else fail('customerId', 'csvProblem.noCustomerId', { id: quoteValue(id) });
    } else if (has('customer')) {
      const name = cell('customer').trim();
      const matches = customersByName.get(normalized(name)) ?? [];
      if (matches.length === 1) customerId = matches[0]!.id;
      else if (matches.length > 1)
        fail('customer', 'csvProblem.customerAmbiguous', { count: matches.length, name: quoteValue(name) });
      else if (!input.createCustomers)
        fail('customer', 'csvProblem.noCustomerNamed', { name: quoteValue(name) });
      else {
        newCustomer = created.get(normalized(name));
        if (!newCustomer) {
          const checked = customerSchema.safeParse(namedCustomer(input.newId(), name, now), {
            reportInput: true,
          });
          if (checked.success) newCustomer = checked.data;
          else for (const issue of checked.error.issues) failWith('customer', describeIssue(issue));
        }
        if (newCustomer) customerId = newCustomer.id;
      }
    }

    // Deal: by id, else by product (among the customer's deals when there is a customer).
    let dealId: string | null = null;
    if (has('dealId')) {
      const id = cell('dealId').trim();
      if (dealsById.has(id)) dealId = id;
      else fail('dealId', 'csvProblem.noDealId', { id: quoteValue(id) });
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
        fail('deal', 'csvProblem.dealAmbiguous', { count: matches.length, product: quoteValue(product) });
      else
        fail('deal', customerId === null ? 'csvProblem.noDeal' : 'csvProblem.noDealOfCustomer', {
          product: quoteValue(product),
        });
    }

    required('triggeredAt');
    required('dueAt');
    const triggeredAt = instant('triggeredAt');
    const dueAt = instant('dueAt');
    const doneAt = instant('doneAt');
    const renegotiatedAt = instant('renegotiatedAt');
    const newDueAt = instant('newDueAt');
    if (has('renegotiatedAt') !== has('newDueAt'))
      fail(has('renegotiatedAt') ? 'newDueAt' : 'renegotiatedAt', 'csvProblem.renegotiationPair');
    let actual: number | null = null;
    if (has('actual')) {
      actual = parseCsvNumber(cell('actual'));
      if (actual === null)
        fail('actual', 'csvProblem.notNumber', { value: quoteValue(cell('actual').trim()) });
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
          failWith(fields[0] ?? null, describeIssue(issue));
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
