import { message } from '../text/message';
import type { Message } from '../text/message';
import { BACKUP_FORMAT, CHARTER_FORMAT, CURRENT_VERSION, backupSchema } from './backup';
import type { Backup } from './backup';
import { formatPath, issuesToErrors } from './errors';
import type { RestoreError } from './errors';
import { migrations as releasedMigrations, runMigrations } from './migrations';
import type { JsonObject, Migration } from './migrations';

export type RestoreResult =
  { ok: true; backup: Backup; migrated: string[] } | { ok: false; errors: RestoreError[] };

/** Deeper than any real document (rich-text lists nest a few levels); guards the validator's stack. */
const MAX_DEPTH = 64;
const MAX_TEXT_BYTES = 200 * 1024 * 1024;

const fail = (path: string, reason: Message): RestoreResult => ({
  ok: false,
  errors: [{ path, message: reason }],
});

function isPlainObject(value: unknown): value is JsonObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Far more values than the largest backup allowed holds; stops a shared-reference graph from exploding. */
const MAX_VALUES = 60_000_000;

/**
 * The first place where `value` is not plain JSON data or nests too deeply, or null when it is fine.
 * A reference cycle shows up as nesting too deeply.
 */
function findShapeProblem(value: unknown): RestoreError | null {
  const stack: { value: unknown; path: PropertyKey[] }[] = [{ value, path: [] }];
  let visited = 0;
  while (stack.length > 0) {
    if (++visited > MAX_VALUES) return { path: '', message: message('restore.tooManyValues') };
    const { value: current, path } = stack.pop()!;
    // undefined is an absent key (JSON.stringify drops it); the schema decides whether it may be absent.
    if (
      current === null ||
      current === undefined ||
      typeof current === 'string' ||
      typeof current === 'boolean'
    )
      continue;
    if (typeof current === 'number') {
      if (!Number.isFinite(current)) return { path: formatPath(path), message: message('restore.notFinite') };
      continue;
    }
    if (typeof current !== 'object')
      return { path: formatPath(path), message: message('restore.notJsonData') };
    if (path.length > MAX_DEPTH)
      return {
        path: formatPath(path.slice(0, 8)),
        message: message('restore.tooDeep', { depth: MAX_DEPTH }),
      };
    if (Array.isArray(current)) current.forEach((item, i) => stack.push({ value: item, path: [...path, i] }));
    else if (isPlainObject(current))
      for (const key of Object.keys(current)) stack.push({ value: current[key], path: [...path, key] });
    else return { path: formatPath(path), message: message('restore.notJsonData') };
  }
  return null;
}

function parseText(text: string): { ok: true; value: unknown } | { ok: false; result: RestoreResult } {
  if (text.length > MAX_TEXT_BYTES) return { ok: false, result: fail('', message('restore.tooLarge')) };
  try {
    return { ok: true, value: JSON.parse(text.replace(/^\uFEFF/, '')) };
  } catch {
    return { ok: false, result: fail('', message('restore.notJson')) };
  }
}

/**
 * The one door into the app: brings a backup file, a single-charter file, stored rows (assembled into a
 * backup document) or their JSON text to the current schema, or says exactly what is wrong. Never throws.
 */
export function restore(input: unknown, options: { migrations?: readonly Migration[] } = {}): RestoreResult {
  try {
    return restoreUnsafe(input, options.migrations ?? releasedMigrations);
  } catch {
    return fail('', message('restore.unreadable'));
  }
}

function restoreUnsafe(input: unknown, migrationList: readonly Migration[]): RestoreResult {
  let value = input;
  if (typeof value === 'string') {
    const parsed = parseText(value);
    if (!parsed.ok) return parsed.result;
    value = parsed.value;
  }
  const problem = findShapeProblem(value);
  if (problem) return { ok: false, errors: [problem] };
  if (!isPlainObject(value)) return fail('', message('restore.notCharterFile'));

  const format = value.format;
  if (format !== BACKUP_FORMAT && format !== CHARTER_FORMAT) return fail('', message('restore.wrongFormat'));
  const version = value.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    return fail('version', message('restore.badVersion'));
  if (version > CURRENT_VERSION)
    return fail('version', message('restore.newerVersion', { version, current: CURRENT_VERSION }));

  // A single-charter file is a backup holding one charter; errors keep the file's own paths.
  const single = format === CHARTER_FORMAT;
  const document: JsonObject = single
    ? { format: BACKUP_FORMAT, version, exportedAt: value.exportedAt, charters: [value.charter] }
    : value;
  if (single && value.charter === undefined) return fail('charter', message('issue.missing'));

  let migrated: { data: JsonObject; applied: string[] };
  try {
    migrated = runMigrations(document, version, CURRENT_VERSION, migrationList);
  } catch {
    return fail('', message('restore.cannotUpgrade', { version }));
  }

  // reportInput lets the messages tell a wrong type ("must be text") from a missing value.
  const parsed = backupSchema.safeParse(migrated.data, { reportInput: true });
  if (!parsed.success) {
    const errors = issuesToErrors(parsed.error.issues);
    return {
      ok: false,
      errors: single
        ? errors.map((e) => ({ ...e, path: e.path.replace(/^charters\[0\]/, 'charter') }))
        : errors,
    };
  }
  return { ok: true, backup: parsed.data, migrated: migrated.applied };
}
