import type { Bilingual } from '../common';
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

const fail = (path: string, message: Bilingual): RestoreResult => ({
  ok: false,
  errors: [{ path, message }],
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
    if (++visited > MAX_VALUES)
      return { path: '', message: { en: 'holds too many values', ko: '값이 너무 많습니다' } };
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
      if (!Number.isFinite(current))
        return {
          path: formatPath(path),
          message: { en: 'must be a finite number', ko: '유한한 숫자여야 합니다' },
        };
      continue;
    }
    if (typeof current !== 'object')
      return { path: formatPath(path), message: { en: 'is not JSON data', ko: 'JSON 데이터가 아닙니다' } };
    if (path.length > MAX_DEPTH)
      return {
        path: formatPath(path.slice(0, 8)),
        message: {
          en: `nests deeper than ${MAX_DEPTH} levels`,
          ko: `${MAX_DEPTH}단계보다 깊게 중첩되어 있습니다`,
        },
      };
    if (Array.isArray(current)) current.forEach((item, i) => stack.push({ value: item, path: [...path, i] }));
    else if (isPlainObject(current))
      for (const key of Object.keys(current)) stack.push({ value: current[key], path: [...path, key] });
    else return { path: formatPath(path), message: { en: 'is not JSON data', ko: 'JSON 데이터가 아닙니다' } };
  }
  return null;
}

function parseText(text: string): { ok: true; value: unknown } | { ok: false; result: RestoreResult } {
  if (text.length > MAX_TEXT_BYTES)
    return {
      ok: false,
      result: fail('', { en: 'the file is too large (over 200 MB)', ko: '파일이 너무 큽니다(200MB 초과)' }),
    };
  try {
    return { ok: true, value: JSON.parse(text.replace(/^\uFEFF/, '')) };
  } catch {
    return {
      ok: false,
      result: fail('', {
        en: 'is not valid JSON (the file may be cut off or not a backup)',
        ko: '올바른 JSON이 아닙니다(파일이 잘렸거나 백업 파일이 아닐 수 있습니다)',
      }),
    };
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
    return fail('', { en: 'could not be read', ko: '읽을 수 없습니다' });
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
  if (!isPlainObject(value))
    return fail('', { en: 'is not a service charter file', ko: '서비스 헌장 파일이 아닙니다' });

  const format = value.format;
  if (format !== BACKUP_FORMAT && format !== CHARTER_FORMAT)
    return fail('format', {
      en: `must be "${BACKUP_FORMAT}" or "${CHARTER_FORMAT}": this is not a service charter file`,
      ko: `"${BACKUP_FORMAT}" 또는 "${CHARTER_FORMAT}"이어야 합니다: 서비스 헌장 파일이 아닙니다`,
    });
  const version = value.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    return fail('version', { en: 'must be a whole number from 1 up', ko: '1 이상의 정수여야 합니다' });
  if (version > CURRENT_VERSION)
    return fail('version', {
      en: `is ${version}, made by a newer version of this app (this one reads up to ${CURRENT_VERSION}); update the app and try again`,
      ko: `${version}입니다. 더 새로운 버전의 앱에서 만든 파일입니다(이 앱은 ${CURRENT_VERSION}까지 읽습니다). 앱을 업데이트한 뒤 다시 시도하세요`,
    });

  // A single-charter file is a backup holding one charter; errors keep the file's own paths.
  const single = format === CHARTER_FORMAT;
  const document: JsonObject = single
    ? { format: BACKUP_FORMAT, version, exportedAt: value.exportedAt, charters: [value.charter] }
    : value;
  if (single && value.charter === undefined)
    return fail('charter', { en: 'is missing', ko: '값이 없습니다' });

  let migrated: { data: JsonObject; applied: string[] };
  try {
    migrated = runMigrations(document, version, CURRENT_VERSION, migrationList);
  } catch {
    return fail('', {
      en: `could not be upgraded from version ${version}: the data does not have that version's shape`,
      ko: `버전 ${version}에서 변환할 수 없습니다: 그 버전의 형식과 맞지 않습니다`,
    });
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
