import fc from 'fast-check';
import type { Arbitrary } from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { inBoth } from '../../i18n/in-both';
import { CURRENT_VERSION, backupSchema } from '../../../../src/domain/interchange/backup';
import type { Backup } from '../../../../src/domain/interchange/backup';
import type { RestoreError } from '../../../../src/domain/interchange/errors';
import { planImport } from '../../../../src/domain/interchange/merge';
import { restore } from '../../../../src/domain/interchange/restore';
import { createBackup } from '../../factories';

// The import path — restore(file) and then planImport(current, restored, replace | merge) — fed more than
// 10,000 malformed and hostile files. For every one: nothing throws, a refusal carries at least one error
// with a non-empty English and Korean message, anything accepted is a valid backup made of plain objects
// only, and no prototype is touched.

const TIMEOUT = 180_000;
const current: Backup = createBackup();
const VALID_TEXT = JSON.stringify(createBackup());

const PROTOTYPES = [Object.prototype, Array.prototype, Function.prototype, String.prototype];
const prototypeShapes = () =>
  PROTOTYPES.map((p) =>
    Object.getOwnPropertyNames(p)
      .sort()
      .map((name) => `${name}:${typeof Object.getOwnPropertyDescriptor(p, name)?.value}`)
      .join(','),
  );
const PRISTINE = prototypeShapes();

type Tally = { runs: number; refused: number; accepted: number; planRefused: number };
const tallies: Record<string, Tally> = {};
afterAll(() => console.table(tallies));

function checkErrors(errors: readonly RestoreError[], where: string): void {
  if (errors.length === 0) throw new Error(`${where}: refused without an error`);
  for (const e of errors) {
    if (typeof e.path !== 'string') throw new Error(`${where}: path is not text`);
    // Read as the interface shows it: worded in both languages, every value filled in. A brace left once
    // the values themselves are taken out is an unfilled placeholder (a value may hold braces: an id "{").
    const { en, ko } = inBoth(e.message);
    const values = Object.values(e.message.params ?? {}).filter(
      (v): v is string => typeof v === 'string' && v !== '',
    );
    const unfilled = (text: string) => /[{}]/.test(values.reduce((t, v) => t.split(v).join(''), text));
    if (en.trim() === '' || en === e.message.code || unfilled(en))
      throw new Error(`${where}: no English message at "${e.path}": ${en}`);
    if (ko.trim() === '' || ko === e.message.code || unfilled(ko))
      throw new Error(`${where}: no Korean message at "${e.path}": ${ko}`);
  }
}

/** Throws when anything reachable from `value` is not a plain object or array, or has an own `__proto__`. */
function checkPlain(value: unknown): void {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v !== 'object' || v === null) continue;
    const proto: unknown = Object.getPrototypeOf(v);
    if (proto !== Object.prototype && proto !== Array.prototype)
      throw new Error('a result object has an odd prototype');
    if (Object.hasOwn(v, '__proto__')) throw new Error('a result object has an own __proto__ key');
    stack.push(...Object.values(v));
  }
}

/** One file through the whole import path; throws (failing the property) on any broken promise. */
function importPath(input: unknown, tally: Tally): void {
  tally.runs += 1;
  const restored = restore(input);
  if (!restored.ok) {
    tally.refused += 1;
    checkErrors(restored.errors, 'restore');
  } else {
    tally.accepted += 1;
    checkPlain(restored.backup);
    for (const mode of ['replace', 'merge'] as const) {
      const plan = planImport(current, restored.backup, mode);
      if (!plan.ok) {
        tally.planRefused += 1;
        checkErrors(plan.errors, `planImport ${mode}`);
        continue;
      }
      if (!backupSchema.safeParse(plan.backup).success) throw new Error(`planImport ${mode}: invalid result`);
      checkPlain(plan.backup);
    }
  }
  if (({} as Record<string, unknown>).polluted !== undefined)
    throw new Error('Object.prototype was polluted');
  const shapes = prototypeShapes();
  if (shapes.some((s, i) => s !== PRISTINE[i])) throw new Error('a built-in prototype changed');
}

function run<T>(
  name: string,
  arb: Arbitrary<T>,
  numRuns: number,
  toInput: (value: T) => unknown = (v) => v,
): void {
  const tally: Tally = { runs: 0, refused: 0, accepted: 0, planRefused: 0 };
  tallies[name] = tally;
  fc.assert(
    fc.property(arb, (value) => importPath(toInput(value), tally)),
    { numRuns },
  );
  expect(tally.runs).toBe(numRuns);
}

/** Every path (keys and indices) to a value inside `value`, the root excluded. */
function pathsIn(
  value: unknown,
  prefix: (string | number)[] = [],
  out: (string | number)[][] = [],
): (string | number)[][] {
  if (typeof value !== 'object' || value === null) return out;
  for (const [key, child] of Object.entries(value)) {
    const path = [...prefix, Array.isArray(value) ? Number(key) : key];
    out.push(path);
    pathsIn(child, path, out);
  }
  return out;
}
const VALID_PATHS = pathsIn(JSON.parse(VALID_TEXT));

/** A fresh copy of the valid backup with the value at `path` replaced by `replacement`. */
function replaced(path: readonly (string | number)[], replacement: unknown): unknown {
  const copy = JSON.parse(VALID_TEXT) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path.at(-1)!] = replacement;
  return copy;
}

const pathArb = fc.constantFrom(...VALID_PATHS);
const odd: Arbitrary<unknown> = fc.oneof(
  fc.anything({
    withBigInt: true,
    withBoxedValues: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withNullPrototype: true,
    withSparseArray: true,
    withTypedArray: true,
    maxDepth: 3,
  }),
  fc.constantFrom(
    NaN,
    Infinity,
    -Infinity,
    -0,
    1e308,
    Number.MIN_VALUE,
    '',
    ' ',
    '\u0000',
    [],
    {},
    () => 1,
    Symbol('s'),
  ),
  fc.jsonValue({ maxDepth: 3 }),
);

describe('the import path on hostile files', () => {
  it(
    'JSON text of a valid backup cut anywhere, or cut and followed by garbage (2,500)',
    () => {
      run(
        'truncated text',
        fc.tuple(
          fc.integer({ min: 0, max: VALID_TEXT.length - 1 }),
          fc.option(fc.string({ maxLength: 20 }), { nil: '' }),
        ),
        2_500,
        ([cut, tail]) => VALID_TEXT.slice(0, cut) + tail,
      );
    },
    TIMEOUT,
  );

  it(
    'a valid backup with one value anywhere replaced by a value of another type (3,000)',
    () => {
      run('wrong types', fc.tuple(pathArb, odd), 3_000, ([path, value]) => replaced(path, value));
    },
    TIMEOUT,
  );

  it(
    '__proto__, constructor and prototype keys anywhere, as text and as parsed objects (2,000)',
    () => {
      const key = fc.constantFrom('__proto__', 'constructor', 'prototype');
      const payload = fc.oneof(
        fc.constant({ polluted: true }),
        fc.constant({ toString: 'x', valueOf: 1, hasOwnProperty: null }),
        fc.constant({ prototype: { polluted: true } }),
        fc.constant([1, 2]),
        fc.constant(null),
        fc.jsonValue({ maxDepth: 2 }),
      );
      const objectPaths = [[], ...VALID_PATHS].filter((p) => {
        let node: unknown = JSON.parse(VALID_TEXT);
        for (const k of p) node = (node as Record<string | number, unknown>)[k];
        return typeof node === 'object' && node !== null && !Array.isArray(node);
      });
      run(
        'prototype keys',
        fc.tuple(fc.constantFrom(...objectPaths), key, payload, fc.boolean()),
        2_000,
        ([path, name, value, asText]) => {
          // A placeholder key, renamed in the text: JSON.parse then makes a real own "__proto__" property.
          const copy = JSON.parse(VALID_TEXT) as Record<string | number, unknown>;
          let node = copy;
          for (const k of path) node = node[k] as Record<string | number, unknown>;
          node.__PLACEHOLDER__ = value;
          const text = JSON.stringify(copy).replace('"__PLACEHOLDER__"', JSON.stringify(name));
          return asText ? text : (JSON.parse(text) as unknown);
        },
      );
    },
    TIMEOUT,
  );

  it(
    'deep nesting, as text and as objects, anywhere in the file (600)',
    () => {
      run(
        'deep nesting',
        fc.tuple(
          fc.integer({ min: 60, max: 200_000 }),
          fc.constantFrom('array', 'object'),
          fc.boolean(),
          pathArb,
        ),
        600,
        ([depth, kind, asText, path]) => {
          if (asText) {
            const deep =
              kind === 'array'
                ? '['.repeat(depth) + ']'.repeat(depth)
                : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
            return VALID_TEXT.replace('"charterVersions":[', `"charterVersions":[${deep},`);
          }
          let nested: unknown = 1;
          for (let i = 0; i < Math.min(depth, 20_000); i++)
            nested = kind === 'array' ? [nested] : { a: nested };
          return replaced(path, nested);
        },
      );
    },
    TIMEOUT,
  );

  it(
    'huge strings as values and as keys (300)',
    () => {
      run(
        'huge strings',
        fc.tuple(
          fc.integer({ min: 10_000, max: 3_000_000 }),
          fc.constantFrom('가', 'a', '😀', '\ud800'),
          fc.boolean(),
          pathArb,
        ),
        300,
        ([length, unit, asKey, path]) => {
          const huge = unit.repeat(Math.ceil(length / unit.length));
          return asKey ? replaced(path, { [huge]: 1 }) : replaced(path, huge);
        },
      );
    },
    TIMEOUT,
  );

  it(
    'wrong, newer and odd format versions, as text and as objects (2,000)',
    () => {
      const version = fc.oneof(
        fc.integer({ min: 2, max: Number.MAX_SAFE_INTEGER }),
        fc.integer({ min: -1_000, max: 0 }),
        fc.double({ noNaN: false }),
        fc.constantFrom('1', '2', '', null, true, [1], { major: 1 }, 1.0000001, 2 ** 53, -0),
      );
      const format = fc.oneof(
        fc.constantFrom(
          'service-charter/backup',
          'service-charter/charter',
          'SERVICE-CHARTER/BACKUP',
          '',
          'backup',
        ),
        fc.string({ maxLength: 30 }),
      );
      run('versions', fc.tuple(version, format, fc.boolean()), 2_000, ([v, f, asText]) => {
        const copy = { ...(JSON.parse(VALID_TEXT) as Record<string, unknown>), version: v, format: f };
        return asText ? JSON.stringify(copy) : copy;
      });
    },
    TIMEOUT,
  );

  it('a newer version is refused with a message that says to update the app', () => {
    const result = restore({ ...(JSON.parse(VALID_TEXT) as object), version: CURRENT_VERSION + 1 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]!.path).toBe('version');
    expect(inBoth(result.errors[0]!.message).en).toMatch(/newer version/);
    expect(inBoth(result.errors[0]!.message).ko).toMatch(/업데이트/);
  });

  it('counted more than 10,000 hostile files in all', () => {
    const total = Object.values(tallies).reduce((sum, t) => sum + t.runs, 0);
    expect(total).toBeGreaterThanOrEqual(10_000);
  });
});
