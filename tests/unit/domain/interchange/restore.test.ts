import { describe, expect, it } from 'vitest';
import { defaultBusinessCalendar } from '../../../../src/domain/tracker/business-calendar';
import {
  BACKUP_FORMAT,
  CHARTER_FORMAT,
  CURRENT_VERSION,
  emptyBackup,
} from '../../../../src/domain/interchange/backup';
import type { Backup } from '../../../../src/domain/interchange/backup';
import { restore } from '../../../../src/domain/interchange/restore';
import type { RestoreResult } from '../../../../src/domain/interchange/restore';
import { readInBoth } from '../../i18n/in-both';
import { richTextFromPlain, richTextToPlain } from '../../../../src/domain/rich-text/rich-text';
import type { RichTextDoc } from '../../../../src/domain/rich-text/rich-text';
import { defaultSettings } from '../../../../src/domain/settings';
import { createBackup, createCharter, createCommitment, createCustomer } from '../../factories';

const EXPORTED_AT = '2026-04-01T12:00:00.000Z';

/** A fresh valid backup changed by `change` (which may mutate it freely). */
function backupWith(change: (b: Backup) => void): Backup {
  const backup = createBackup();
  change(backup);
  return backup;
}

/** A single-charter file holding `charter`. */
const charterFile = (charter: unknown) => ({
  format: CHARTER_FORMAT,
  version: CURRENT_VERSION,
  exportedAt: EXPORTED_AT,
  charter,
});

/** The errors of a failed restore, each message read in both languages as the interface shows it. */
const errorsOf = (result: RestoreResult) => (result.ok ? [] : readInBoth(result.errors));

const linkDoc = (href: string): RichTextDoc => ({
  type: 'doc',
  content: [
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: '자세한 내용은 ' },
        { type: 'text', text: '여기', marks: [{ type: 'link', attrs: { href } }] },
      ],
    },
  ],
});

describe('restore: valid input', () => {
  it('round-trips a full backup through JSON text unchanged', () => {
    const backup = createBackup();
    const result = restore(JSON.stringify(backup));

    expect(result).toStrictEqual({ ok: true, backup, migrated: [] });
  });

  it('accepts the backup as an object too, returning an equal copy', () => {
    const backup = createBackup();
    const result = restore(backup);

    expect(result).toStrictEqual({ ok: true, backup, migrated: [] });
  });

  it('accepts JSON text that starts with a byte-order mark (as saved by Windows Notepad)', () => {
    const backup = createBackup();

    expect(restore(`\uFEFF${JSON.stringify(backup, null, 2)}`)).toStrictEqual({
      ok: true,
      backup,
      migrated: [],
    });
  });

  it('accepts instants with a time-zone offset', () => {
    const result = restore(backupWith((b) => void (b.exportedAt = '2026-04-01T21:00:00+09:00')));

    expect(result.ok && result.backup.exportedAt).toBe('2026-04-01T21:00:00+09:00');
  });

  it('fills missing collections and settings with defaults', () => {
    const result = restore({ format: BACKUP_FORMAT, version: CURRENT_VERSION, exportedAt: EXPORTED_AT });

    expect(result).toStrictEqual({ ok: true, backup: emptyBackup(EXPORTED_AT), migrated: [] });
    expect(result.ok && result.backup.settings).toEqual({
      language: null,
      persistenceAsked: false,
      atRiskShare: 0.75,
      calendar: defaultBusinessCalendar,
      publicBaseUrl: '',
    });
  });

  it('does not hand out the shared default settings or lists (editing one restore leaves the next alone)', () => {
    const first = restore({ format: BACKUP_FORMAT, version: CURRENT_VERSION, exportedAt: EXPORTED_AT });
    if (!first.ok) throw new Error('expected ok');
    first.backup.settings.atRiskShare = 0.5;
    first.backup.customers.push(createCustomer());
    const second = restore({ format: BACKUP_FORMAT, version: CURRENT_VERSION, exportedAt: EXPORTED_AT });

    expect(defaultSettings.atRiskShare).toBe(0.75);
    expect(second.ok && second.backup.settings.atRiskShare).toBe(0.75);
    expect(second.ok && second.backup.customers).toEqual([]);
  });

  it('treats an undefined value as an absent key: stored rows without settings get the defaults', () => {
    const backup = createBackup();
    const result = restore({ ...backup, settings: undefined });

    expect(result).toStrictEqual({
      ok: true,
      backup: { ...backup, settings: defaultSettings },
      migrated: [],
    });
  });

  it('reads a vision written from plain text with empty lines, as kept in memory (content: undefined)', () => {
    const vision = richTextFromPlain('고객이 먼저입니다.\n\n약속은 적게, 실천은 더 많이.');
    const result = restore(backupWith((b) => void (b.charters[0]!.vision = vision)));

    expect(result.ok).toBe(true);
    expect(result.ok && richTextToPlain(result.backup.charters[0]!.vision)).toBe(
      '고객이 먼저입니다.\n\n약속은 적게, 실천은 더 많이.',
    );
  });

  it('reports a required field set to undefined as missing', () => {
    const input = backupWith((b) => void ((b.customers[0] as { name?: string }).name = undefined));

    expect(errorsOf(restore(input))).toEqual([
      { path: 'customers[0].name', message: { en: 'is missing', ko: '값이 없습니다' } },
    ]);
  });

  it('drops keys it does not know', () => {
    const result = restore({ ...createBackup(), comment: 'exported by hand', charters: [] });

    expect(result.ok && Object.keys(result.backup)).not.toContain('comment');
  });

  it('reads a single-charter file as a backup holding that one charter', () => {
    const charter = createCharter();
    const result = restore(JSON.stringify(charterFile(charter)));

    expect(result).toStrictEqual({
      ok: true,
      backup: { ...emptyBackup(EXPORTED_AT), charters: [charter] },
      migrated: [],
    });
  });
});

describe('restore: refused input says where and what, in both languages', () => {
  const cases: {
    name: string;
    input: () => unknown;
    errors: { path: string; message: { en: string; ko: string } }[];
  }[] = [
    {
      name: 'a promised window of 0 (the documented example)',
      input: () =>
        backupWith(
          (b) =>
            void (b.charters[0]!.commitments[2] = createCommitment('done', {
              promised: { value: 0, unit: 'days' },
            })),
        ),
      errors: [
        {
          path: 'charters[0].commitments[2].promised.value',
          message: { en: 'must be a positive number', ko: '0보다 큰 수여야 합니다' },
        },
      ],
    },
    {
      name: 'a negative internal window',
      input: () =>
        backupWith(
          (b) =>
            void (b.charters[1]!.commitments[0] = createCommitment('within', {
              internal: { value: -2, unit: 'hours' },
            })),
        ),
      errors: [
        {
          path: 'charters[1].commitments[0].internal.value',
          message: { en: 'must be a positive number', ko: '0보다 큰 수여야 합니다' },
        },
      ],
    },
    {
      name: 'a missing charter title',
      input: () => backupWith((b) => void delete (b.charters[0] as Partial<Backup['charters'][0]>).title),
      errors: [{ path: 'charters[0].title', message: { en: 'is missing', ko: '값이 없습니다' } }],
    },
    {
      name: 'a missing exportedAt',
      input: () => backupWith((b) => void delete (b as Partial<Backup>).exportedAt),
      errors: [{ path: 'exportedAt', message: { en: 'is missing', ko: '값이 없습니다' } }],
    },
    {
      name: 'an unknown locale',
      input: () => backupWith((b) => void ((b.charters[0] as { locale: string }).locale = 'fr')),
      errors: [
        {
          path: 'charters[0].locale',
          message: { en: 'must be one of "ko", "en"', ko: '"ko", "en" 중 하나여야 합니다' },
        },
      ],
    },
    {
      name: 'an unknown deal status',
      input: () => backupWith((b) => void ((b.deals[1] as { status: string }).status = 'pending')),
      errors: [
        {
          path: 'deals[1].status',
          message: {
            en: 'must be one of "open", "won", "lost"',
            ko: '"open", "won", "lost" 중 하나여야 합니다',
          },
        },
      ],
    },
    {
      name: 'an unknown commitment kind',
      input: () =>
        backupWith((b) => void ((b.charters[0]!.commitments[1] as { kind: string }).kind = 'someday')),
      errors: [
        {
          path: 'charters[0].commitments[1].kind',
          message: { en: 'has an unknown "kind"', ko: '"kind" 값을 알 수 없습니다' },
        },
      ],
    },
    ...['2026-04-01', '2026-04-01 12:00', '2026-04-01T12:00:00', '2026-13-01T00:00:00Z', 'yesterday'].map(
      (bad) => ({
        name: `the instant ${JSON.stringify(bad)}`,
        input: () => backupWith((b) => void (b.deliveries[1]!.dueAt = bad)),
        errors: [
          {
            path: 'deliveries[1].dueAt',
            message: {
              en: 'must be a date and time like 2026-11-22T09:00:00Z',
              ko: '2026-11-22T09:00:00Z 같은 날짜와 시각이어야 합니다',
            },
          },
        ],
      }),
    ),
    ...['2026/03/02', '2026-02-30', '2026-02-29', '26-03-02', '2026-03-02T00:00:00Z'].map((bad) => ({
      name: `the calendar date ${JSON.stringify(bad)}`,
      input: () => backupWith((b) => void (b.deals[0]!.openedOn = bad)),
      errors: [
        {
          path: 'deals[0].openedOn',
          message: { en: 'must be a date like 2026-11-22', ko: '2026-11-22 같은 날짜여야 합니다' },
        },
      ],
    })),
    {
      name: 'a title longer than 120 characters',
      input: () => backupWith((b) => void (b.charters[1]!.title = '가'.repeat(121))),
      errors: [
        {
          path: 'charters[1].title',
          message: { en: 'must be at most 120 characters', ko: '120자 이하여야 합니다' },
        },
      ],
    },
    {
      name: 'an id with a space',
      input: () => backupWith((b) => void (b.charters[1]!.id = 'alex park')),
      errors: [
        {
          path: 'charters[1].id',
          message: { en: 'contains characters that are not allowed', ko: '쓸 수 없는 글자가 들어 있습니다' },
        },
      ],
    },
    {
      name: 'two customers with the same id',
      input: () =>
        backupWith((b) => {
          b.customers[1]!.id = b.customers[0]!.id;
          b.deals.forEach((d) => (d.customerId = b.customers[0]!.id));
        }),
      errors: [
        {
          path: 'customers[1].id',
          message: { en: 'repeats the id "customer-ID"', ko: 'id "customer-ID"가 중복됩니다' },
        },
      ],
    },
    {
      name: 'two charters with the same id',
      input: () => backupWith((b) => void (b.charters[1]!.id = b.charters[0]!.id)),
      errors: [
        {
          path: 'charters[1].id',
          message: { en: 'repeats the id "charter-ID"', ko: 'id "charter-ID"가 중복됩니다' },
        },
      ],
    },
    {
      name: 'the same published version twice',
      input: () => backupWith((b) => void b.charterVersions.push(structuredClone(b.charterVersions[0]!))),
      errors: [
        {
          path: 'charterVersions[1].version',
          message: {
            en: 'repeats version 1 of charter "charter-ID"',
            ko: '헌장 "charter-ID"의 버전 1이 중복됩니다',
          },
        },
      ],
    },
    {
      name: 'a deal naming a customer not in the file',
      input: () => backupWith((b) => void (b.deals[2]!.customerId = 'ghost')),
      errors: [
        {
          path: 'deals[2].customerId',
          message: {
            en: 'names customer "ghost", which is not in the file',
            ko: '파일에 없는 고객 "ghost"를 가리킵니다',
          },
        },
      ],
    },
    {
      name: 'a recovery case naming a delivery record not in the file',
      input: () => backupWith((b) => void (b.recoveryCases[0]!.recordId = 'record-gone')),
      errors: [
        {
          path: 'recoveryCases[0].recordId',
          message: {
            en: 'names delivery record "record-gone", which is not in the file',
            ko: '파일에 없는 약속 기록 "record-gone"을 가리킵니다',
          },
        },
      ],
    },
    ...[
      'javascript:alert(document.cookie)',
      'JavaScript:alert(1)',
      ' javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
    ].map((href) => ({
      name: `the link ${JSON.stringify(href)} in the vision`,
      input: () => backupWith((b) => void (b.charters[0]!.vision = linkDoc(href))),
      errors: [
        {
          path: 'charters[0].vision.content[0].content[1].marks[0].attrs.href',
          message: {
            en: 'must be an http, https, mailto or tel link',
            ko: 'http, https, mailto, tel 링크만 쓸 수 있습니다',
          },
        },
      ],
    })),
    {
      name: 'a javascript: link in the care tips of a published copy',
      input: () =>
        backupWith(
          (b) => void (b.charterVersions[0]!.charter.afterSales.careTips = linkDoc('javascript:void(0)')),
        ),
      errors: [
        {
          path: 'charterVersions[0].charter.afterSales.careTips.content[0].content[1].marks[0].attrs.href',
          message: {
            en: 'must be an http, https, mailto or tel link',
            ko: 'http, https, mailto, tel 링크만 쓸 수 있습니다',
          },
        },
      ],
    },
    {
      name: 'settings with an at-risk share of 1',
      input: () => backupWith((b) => void (b.settings.atRiskShare = 1)),
      errors: [
        { path: 'settings.atRiskShare', message: { en: 'must be less than 1', ko: '1보다 작아야 합니다' } },
      ],
    },
    {
      name: 'another app’s file',
      input: () => ({ format: 'other-app/export', version: 1, data: [] }),
      errors: [
        {
          // Said of the whole file, in plain words: no format ids or field names.
          path: '',
          message: {
            en: 'is not a backup or charter file exported by this app (it comes from another program)',
            ko: '이 앱에서 내보낸 백업이나 헌장 파일이 아닙니다(다른 프로그램의 파일입니다)',
          },
        },
      ],
    },
    ...[[], null, 42, 'null', '[1,2]', '"a backup"'].map((input) => ({
      name: `the top-level value ${JSON.stringify(input)}`,
      input: () => input,
      errors: [
        { path: '', message: { en: 'is not a service charter file', ko: '서비스 헌장 파일이 아닙니다' } },
      ],
    })),
  ];

  it.each(cases)('$name', ({ input, errors }) => {
    const result = restore(input());
    // Ids come from a counter; compare them by shape (the Korean particle after one follows its last digit).
    const normalised = errorsOf(result).map((e) => ({
      path: e.path,
      message: {
        en: e.message.en.replace(/"(customer|charter)-\d+"/, '"$1-ID"'),
        ko: e.message.ko.replace(
          /"(customer|charter)-\d+"([이가]?)/,
          (_, kind: string, particle: string) => `"${kind}-ID"${particle && '가'}`,
        ),
      },
    }));

    expect(result.ok).toBe(false);
    expect(normalised).toEqual(errors);
  });

  it('reports the first 50 problems and counts the rest', () => {
    const customers = Array.from({ length: 60 }, () => ({ ...createCustomer(), archived: 'no' }));
    const errors = errorsOf(
      restore({ format: BACKUP_FORMAT, version: CURRENT_VERSION, exportedAt: EXPORTED_AT, customers }),
    );

    expect(errors).toHaveLength(51);
    expect(errors[0]!.path).toBe('customers[0].archived');
    expect(errors[49]!.path).toBe('customers[49].archived');
    expect(errors[50]).toEqual({
      path: '',
      message: { en: 'and 10 more problems', ko: '그 밖에 문제 10개' },
    });
  });

  it('refuses a value of the wrong type at its path', () => {
    const errors = errorsOf(
      restore(backupWith((b) => void ((b.charters[0] as { title: unknown }).title = 42))),
    );

    expect(errors).toEqual([
      { path: 'charters[0].title', message: { en: 'must be text', ko: '글자여야 합니다' } },
    ]);
  });

  it.each([
    [
      'a list',
      (b: Backup) => void ((b as { charters: unknown }).charters = 'x'),
      'charters',
      'must be a list',
      '목록이어야 합니다',
    ],
    [
      'true or false',
      (b: Backup) => void ((b.charters[0]!.serviceLevel as { ownsService: unknown }).ownsService = 'yes'),
      'charters[0].serviceLevel.ownsService',
      'must be true or false',
      '참 또는 거짓이어야 합니다',
    ],
  ])('names the expected type (%s) with the right Korean ending', (_name, change, path, en, ko) => {
    expect(errorsOf(restore(backupWith(change)))).toEqual([{ path, message: { en, ko } }]);
  });
});

describe('restore: single-charter files keep their own paths', () => {
  it('reports a bad window at charter.…, not charters[0].…', () => {
    const charter = createCharter();
    charter.commitments[2] = createCommitment('done', { promised: { value: 0, unit: 'days' } });

    expect(errorsOf(restore(charterFile(charter)))).toEqual([
      {
        path: 'charter.commitments[2].promised.value',
        message: { en: 'must be a positive number', ko: '0보다 큰 수여야 합니다' },
      },
    ]);
  });

  it('reports a missing charter at "charter"', () => {
    const { charter: _omitted, ...file } = charterFile(createCharter());

    expect(errorsOf(restore(file))).toEqual([
      { path: 'charter', message: { en: 'is missing', ko: '값이 없습니다' } },
    ]);
  });

  it('reports a charter that is not an object at "charter"', () => {
    const errors = errorsOf(restore(charterFile('my charter')));

    expect(errors.map((e) => e.path)).toEqual(['charter']);
  });

  it('never names charters[0] for many problems at once', () => {
    const charter: Record<string, unknown> = {
      ...createCharter(),
      title: 7,
      locale: 'de',
      status: 'final',
      vision: null,
    };
    delete charter.owner;
    const errors = errorsOf(restore(JSON.stringify(charterFile(charter))));

    expect(errors.map((e) => e.path).sort()).toEqual([
      'charter.locale',
      'charter.owner',
      'charter.status',
      'charter.title',
      'charter.vision',
    ]);
  });

  it('reports a bad exportedAt at the top level', () => {
    const file = { ...charterFile(createCharter()), exportedAt: 'today' };

    expect(errorsOf(restore(file)).map((e) => e.path)).toEqual(['exportedAt']);
  });
});

describe('restore: hostile or broken input is refused without throwing', () => {
  const NOT_JSON = {
    en: 'is not valid JSON (the file may be cut off or not a backup)',
    ko: '올바른 JSON이 아닙니다(파일이 잘렸거나 백업 파일이 아닐 수 있습니다)',
  };

  it.each([
    ['plain words', 'this is not a backup'],
    ['empty text', ''],
    ['only a byte-order mark', '\uFEFF'],
    ['a cut-off file', JSON.stringify(createBackup()).slice(0, 500)],
    ['a trailing comma', '{"format":"service-charter/backup","version":1,}'],
    ['NaN written in the text', '{"format":"service-charter/backup","version":NaN}'],
    ['single quotes', "{'format':'service-charter/backup'}"],
  ])('refuses %s as not JSON', (_name, text) => {
    expect(restore(text).ok).toBe(false);
    expect(errorsOf(restore(text))).toEqual([{ path: '', message: NOT_JSON }]);
  });

  const DEEP = { en: 'nests deeper than 64 levels', ko: '64단계보다 깊게 중첩되어 있습니다' };

  it('refuses JSON text nested 10,000 levels deep', () => {
    const text = '['.repeat(10_000) + ']'.repeat(10_000);

    expect(restore(text).ok).toBe(false);
    expect(errorsOf(restore(text))).toEqual([{ path: '[0][0][0][0][0][0][0][0]', message: DEEP }]);
  });

  it('refuses an object nested 10,000 levels deep inside a backup', () => {
    let deep: unknown = { text: '바닥' };
    for (let i = 0; i < 10_000; i++) deep = { content: [deep] };
    const input = backupWith(
      (b) => void ((b.charters[0] as unknown as Record<string, unknown>).vision = deep),
    );

    expect(errorsOf(restore(input))).toEqual([
      { path: 'charters[0].vision.content[0].content[0].content', message: DEEP },
    ]);
  });

  it('refuses a reference cycle', () => {
    const backup = createBackup() as unknown as Record<string, unknown>;
    const settings = backup.settings as Record<string, unknown>;
    settings.self = settings;

    expect(errorsOf(restore(backup))).toEqual([
      { path: 'settings.self.self.self.self.self.self.self', message: DEEP },
    ]);
  });

  it('refuses a cycle through an array', () => {
    const list: unknown[] = [];
    list.push(list);

    expect(
      errorsOf(
        restore({ format: BACKUP_FORMAT, version: CURRENT_VERSION, exportedAt: EXPORTED_AT, charters: list }),
      ),
    ).toEqual([{ path: 'charters[0][0][0][0][0][0][0]', message: DEEP }]);
  });

  class Settings {
    language = null;
    persistenceAsked = false;
    atRiskShare = 0.75;
  }
  const NOT_DATA = { en: 'is not JSON data', ko: 'JSON 데이터가 아닙니다' };

  it.each([
    ['a Map', 'settings', new Map([['language', 'ko']])],
    ['a Set', 'charters', new Set()],
    ['a Date', 'exportedAt', new Date('2026-04-01T12:00:00Z')],
    ['a function', 'settings', () => defaultSettings],
    ['a class instance', 'settings', new Settings()],
    ['a symbol', 'exportedAt', Symbol('now')],
    ['a bigint', 'version', 1n],
    ['a boxed string', 'exportedAt', new String(EXPORTED_AT)],
    ['a typed array', 'customers', new Uint8Array(4)],
  ])('refuses %s where data belongs', (_name, key, value) => {
    const input = { ...createBackup(), [key]: value };

    expect(errorsOf(restore(input))).toEqual([{ path: key, message: NOT_DATA }]);
  });

  it.each([NaN, Infinity, -Infinity])('refuses the number %s', (value) => {
    const input = backupWith((b) => void (b.settings.atRiskShare = value));

    expect(errorsOf(restore(input))).toEqual([
      {
        path: 'settings.atRiskShare',
        message: { en: 'must be a finite number', ko: '유한한 숫자여야 합니다' },
      },
    ]);
  });

  it('refuses a getter that throws, without throwing', () => {
    const input = Object.defineProperty({ ...createBackup() }, 'customers', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });

    expect(errorsOf(restore(input))).toEqual([
      { path: '', message: { en: 'could not be read', ko: '읽을 수 없습니다' } },
    ]);
  });

  it('does not let __proto__ or constructor keys in JSON text pollute prototypes or reach the output', () => {
    const backup = createBackup();
    const text = JSON.stringify(backup)
      .replace(/^\{/, '{"__proto__":{"polluted":"top"},"constructor":{"prototype":{"polluted":"ctor"}},')
      .replace('"settings":{', '"settings":{"__proto__":{"polluted":"settings","atRiskShare":0.1},')
      .replace('"owner":{', '"owner":{"__proto__":{"isAdmin":true},');
    const result = restore(text);

    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(result).toStrictEqual({ ok: true, backup, migrated: [] });
    if (!result.ok) return;
    expect(Object.getPrototypeOf(result.backup)).toBe(Object.prototype);
    expect(Object.hasOwn(result.backup, '__proto__')).toBe(false);
    expect(Object.hasOwn(result.backup, 'constructor')).toBe(false);
    expect(Object.hasOwn(result.backup.settings, '__proto__')).toBe(false);
    expect(result.backup.settings.atRiskShare).toBe(0.75);
    expect(Object.hasOwn(result.backup.charters[0]!.owner, '__proto__')).toBe(false);
    expect((result.backup.charters[0]!.owner as Record<string, unknown>).isAdmin).toBeUndefined();
  });
});
