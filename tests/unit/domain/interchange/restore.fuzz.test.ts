import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inBoth } from '../../i18n/in-both';
import {
  BACKUP_FORMAT,
  CHARTER_FORMAT,
  CURRENT_VERSION,
  backupSchema,
} from '../../../../src/domain/interchange/backup';
import { migrations } from '../../../../src/domain/interchange/migrations';
import { restore } from '../../../../src/domain/interchange/restore';
import type { RestoreResult } from '../../../../src/domain/interchange/restore';
import type { Message } from '../../../../src/domain/text/message';
import { createBackup, createCharter } from '../../factories';

// Properties of the one door into the app, for any input at all:
//  1. restore never throws;
//  2. it returns either a backup that the schema accepts, or at least one error, each with a string path
//     and a non-empty English and Korean message;
//  3. restoring a restored backup gives it back unchanged (idempotence).

const TIMEOUT = 60_000;

type Tally = { ok: number; refused: number };
const tally = (): Tally => ({ ok: 0, refused: 0 });

/**
 * Checks properties 2 and 3 of `result`; throws (failing the property) on a violation. For a single-charter
 * file without a `charters` key of its own, no error may name `charters` (paths are the file's own).
 */
function check(result: RestoreResult, counts: Tally, options: { singleCharter?: boolean } = {}): void {
  if (result.ok) {
    counts.ok += 1;
    const parsed = backupSchema.safeParse(result.backup);
    if (!parsed.success)
      throw new Error(`ok result fails the schema: ${JSON.stringify(parsed.error.issues[0])}`);
    // Older versions go through the released migrations, in order; the result is current and stable.
    const names = migrations.map((m) => m.name);
    expect(result.migrated).toEqual(names.slice(names.length - result.migrated.length));
    expect(restore(result.backup)).toStrictEqual({ ok: true, backup: result.backup, migrated: [] });
    return;
  }
  counts.refused += 1;
  if (!Array.isArray(result.errors) || result.errors.length === 0) throw new Error('refused without errors');
  for (const error of result.errors) {
    if (typeof error.path !== 'string') throw new Error(`path is not text: ${String(error.path)}`);
    // Read as the interface shows it: worded in both languages, every value filled in. The values come from
    // the file and may hold braces of their own (an id "{"): they are worded without, so that a brace left
    // is a placeholder the wording did not fill.
    const { en, ko } = inBoth(withoutBraces(error.message));
    if (en.trim() === '' || en === error.message.code || /[{}]/.test(en))
      throw new Error(`no English message at ${error.path}: ${en}`);
    if (ko.trim() === '' || ko === error.message.code || /[{}]/.test(ko))
      throw new Error(`no Korean message at ${error.path}: ${ko}`);
    if (options.singleCharter && /^charters\b/.test(error.path))
      throw new Error(`single-charter file reported at ${error.path}`);
  }
}

/** `message` with every brace in its text values (nested messages too) replaced by "·". */
function withoutBraces(message: Message): Message {
  if (!message.params) return message;
  const params = Object.fromEntries(
    Object.entries(message.params).map(([name, value]) => [
      name,
      typeof value === 'string'
        ? value.replace(/[{}]/g, '·')
        : typeof value === 'number'
          ? value
          : withoutBraces(value),
    ]),
  );
  return { ...message, params };
}

/** Runs `restore` on `input` and checks the result; a throw fails the property with the input shown. */
function restoreAndCheck(input: unknown, counts: Tally, options?: { singleCharter?: boolean }): void {
  check(restore(input), counts, options);
}

describe('restore on arbitrary input', () => {
  it(
    'handles any JSON value given as an object',
    () => {
      const counts = tally();
      fc.assert(
        fc.property(fc.jsonValue(), (value) => restoreAndCheck(value, counts)),
        { numRuns: 10_000 },
      );
      expect(counts.ok + counts.refused).toBe(10_000);
    },
    TIMEOUT,
  );

  it(
    'handles any JavaScript value, including Maps, Dates, boxed values, sparse arrays and null prototypes',
    () => {
      const counts = tally();
      const anything = fc.anything({
        withBigInt: true,
        withBoxedValues: true,
        withDate: true,
        withMap: true,
        withNullPrototype: true,
        withObjectString: true,
        withSet: true,
        withSparseArray: true,
        withTypedArray: true,
        withUnicodeString: true,
      });
      fc.assert(
        fc.property(anything, (value) => restoreAndCheck(value, counts)),
        { numRuns: 10_000 },
      );
      expect(counts.ok + counts.refused).toBe(10_000);
    },
    TIMEOUT,
  );

  it(
    'handles any text, and any JSON text',
    () => {
      const counts = tally();
      const text = fc.oneof(
        fc.string(),
        fc.string({ unit: 'binary', maxLength: 200 }),
        fc.json(),
        fc.json().map((json) => `\uFEFF${json}`),
      );
      fc.assert(
        fc.property(text, (value) => restoreAndCheck(value, counts)),
        { numRuns: 10_000 },
      );
      expect(counts.ok + counts.refused).toBe(10_000);
    },
    TIMEOUT,
  );

  it(
    'handles arbitrary content inside a correct envelope (format, version and date right)',
    () => {
      const counts = tally();
      const junk = fc.oneof(
        fc.jsonValue({ maxDepth: 4 }),
        fc.anything({ maxDepth: 3, withNullPrototype: true }),
      );
      const collection = fc.oneof(junk, fc.array(junk, { maxLength: 3 }), fc.constant([]));
      const envelope = fc.record(
        {
          format: fc.constantFrom(BACKUP_FORMAT, CHARTER_FORMAT),
          version: fc.constant(CURRENT_VERSION),
          exportedAt: fc.oneof(fc.constant('2026-04-01T12:00:00.000Z'), junk),
          charter: junk,
          charters: collection,
          charterVersions: collection,
          customers: collection,
          deals: collection,
          deliveries: collection,
          recoveryCases: collection,
          settings: fc.oneof(
            junk,
            fc.constant({ language: 'en', persistenceAsked: false, atRiskShare: 0.5 }),
          ),
        },
        { requiredKeys: ['format', 'version', 'exportedAt'] },
      );
      fc.assert(
        fc.property(envelope, (value) =>
          restoreAndCheck(value, counts, {
            singleCharter: value.format === CHARTER_FORMAT && !('charters' in value),
          }),
        ),
        { numRuns: 10_000 },
      );
      // Only the files with nothing but defaults come through: the point is the refusals, deep inside.
      expect(counts.refused).toBeGreaterThan(5_000);
    },
    TIMEOUT,
  );
});

// ---------------------------------------------------------------------------------------------------------
// Mutated valid files

type Path = (string | number)[];
type Json = unknown;

/** Every path in `value` (the root `[]` first), depth first. */
function pathsOf(value: Json, path: Path = [], out: Path[] = []): Path[] {
  out.push(path);
  if (Array.isArray(value)) value.forEach((item, i) => pathsOf(item, [...path, i], out));
  else if (typeof value === 'object' && value !== null)
    for (const [key, item] of Object.entries(value)) pathsOf(item, [...path, key], out);
  return out;
}

function getAt(root: Json, path: Path): Json {
  return path.reduce<Json>((node, key) => (node as Record<string | number, Json>)[key], root);
}

/** `root` with the value at `path` replaced by `value` (the root itself when `path` is empty). */
function setAt(root: Json, path: Path, value: Json): Json {
  if (path.length === 0) return value;
  const parent = getAt(root, path.slice(0, -1)) as Record<string | number, Json>;
  parent[path[path.length - 1]!] = value;
  return root;
}

function deleteAt(root: Json, path: Path): Json {
  if (path.length === 0) return root;
  const parent = getAt(root, path.slice(0, -1));
  const key = path[path.length - 1]!;
  if (Array.isArray(parent)) parent.splice(key as number, 1);
  else delete (parent as Record<string, Json>)[key];
  return root;
}

type Mutation =
  | { op: 'delete'; pick: number }
  | { op: 'replace'; pick: number; value: Json }
  | { op: 'string'; pick: number; value: string }
  | { op: 'number'; pick: number; value: number }
  | { op: 'version'; value: Json }
  | { op: 'wrap'; pick: number }
  | { op: 'duplicate'; pick: number };

const pick = fc.nat();
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('delete' as const), pick }),
  fc.record({ op: fc.constant('replace' as const), pick, value: fc.jsonValue({ maxDepth: 3 }) }),
  fc.record({
    op: fc.constant('string' as const),
    pick,
    value: fc.oneof(
      fc.constant(''),
      fc.string(),
      fc.integer({ min: 100, max: 300_000 }).map((n) => 'x'.repeat(n)),
      fc.integer({ min: 1, max: 50_000 }).map((n) => '가나다'.repeat(n)),
      fc.constantFrom('javascript:alert(1)', '2026-02-30', '2026-04-01T12:00:00Z', 'ko', 'within', '\u0000'),
    ),
  }),
  fc.record({
    op: fc.constant('number' as const),
    pick,
    value: fc.oneof(
      fc.constantFrom(0, -0, -1, 0.5, 1, 1e15, 1e16, Number.MAX_SAFE_INTEGER),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
    ),
  }),
  fc.record({
    op: fc.constant('version' as const),
    value: fc.oneof(fc.jsonValue({ maxDepth: 1 }), fc.integer({ min: -2, max: 3 })),
  }),
  fc.record({ op: fc.constant('wrap' as const), pick }),
  fc.record({ op: fc.constant('duplicate' as const), pick }),
);

function applyMutation(doc: Json, m: Mutation): Json {
  const all = pathsOf(doc);
  const among = (paths: Path[], n: number) => (paths.length === 0 ? undefined : paths[n % paths.length]);
  switch (m.op) {
    case 'delete': {
      const path = among(all.slice(1), m.pick);
      return path ? deleteAt(doc, path) : doc;
    }
    case 'replace':
      return setAt(doc, among(all, m.pick)!, m.value);
    case 'string': {
      const path = among(
        all.filter((p) => typeof getAt(doc, p) === 'string'),
        m.pick,
      );
      return path ? setAt(doc, path, m.value) : doc;
    }
    case 'number': {
      const path = among(
        all.filter((p) => typeof getAt(doc, p) === 'number'),
        m.pick,
      );
      return path ? setAt(doc, path, m.value) : doc;
    }
    case 'version':
      return typeof doc === 'object' && doc !== null && !Array.isArray(doc)
        ? { ...doc, version: m.value }
        : doc;
    case 'wrap': {
      const path = among(all, m.pick)!;
      return setAt(doc, path, [getAt(doc, path)]);
    }
    case 'duplicate': {
      const path = among(
        all.filter((p) => Array.isArray(getAt(doc, p)) && (getAt(doc, p) as Json[]).length > 0),
        m.pick,
      );
      if (!path) return doc;
      const list = getAt(doc, path) as Json[];
      list.push(structuredClone(list[m.pick % list.length]));
      return doc;
    }
  }
}

type Encoding = { as: 'object' } | { as: 'text' } | { as: 'truncated'; at: number };
const encoding: fc.Arbitrary<Encoding> = fc.oneof(
  { weight: 4, arbitrary: fc.constant({ as: 'object' as const }) },
  { weight: 3, arbitrary: fc.constant({ as: 'text' as const }) },
  { weight: 1, arbitrary: fc.record({ as: fc.constant('truncated' as const), at: fc.nat() }) },
);

function encode(doc: Json, e: Encoding): unknown {
  if (e.as === 'object') return doc;
  const text = JSON.stringify(doc) ?? '';
  return e.as === 'text' ? text : text.slice(0, e.at % Math.max(text.length, 1));
}

const fixture = JSON.parse(
  readFileSync(fileURLToPath(new URL('../../../fixtures/backup-v1.json', import.meta.url)), 'utf8'),
) as Json;
const bases: { name: string; doc: Json }[] = [
  { name: 'createBackup()', doc: createBackup() },
  { name: 'backup-v1.json', doc: fixture },
  {
    name: 'single-charter file',
    doc: {
      format: CHARTER_FORMAT,
      version: 1,
      exportedAt: '2026-04-01T12:00:00.000Z',
      charter: createCharter(),
    },
  },
];

describe('restore on mutated valid files', () => {
  it(
    'never throws, refuses with messages or returns a valid backup, and is idempotent',
    () => {
      const counts = tally();
      const scenario = fc.record({
        base: fc.nat({ max: bases.length - 1 }),
        mutations: fc.array(mutation, { minLength: 1, maxLength: 4 }),
        encoding,
      });
      fc.assert(
        fc.property(scenario, ({ base, mutations, encoding: e }) => {
          let doc = structuredClone(bases[base]!.doc);
          for (const m of mutations) doc = applyMutation(doc, m);
          const singleCharter =
            typeof doc === 'object' &&
            doc !== null &&
            (doc as { format?: unknown }).format === CHARTER_FORMAT &&
            !('charters' in doc);
          restoreAndCheck(encode(doc, e), counts, { singleCharter });
        }),
        { numRuns: 4_000 },
      );
      // About 7% of mutated files stay valid; enough of them must, or idempotence would go untested.
      expect(counts.ok).toBeGreaterThan(150);
      expect(counts.refused).toBeGreaterThan(2_000);
    },
    TIMEOUT,
  );

  it('restores every base file unchanged', () => {
    for (const { name, doc } of bases) {
      const result = restore(structuredClone(doc));
      expect(result.ok, name).toBe(true);
    }
  });
});
