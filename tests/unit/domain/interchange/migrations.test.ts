import { existsSync, readFileSync } from 'node:fs';
import { readInBoth } from '../../i18n/in-both';
import { defaultBusinessCalendar } from '../../../../src/domain/tracker/business-calendar';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CHARTER_FORMAT, CURRENT_VERSION } from '../../../../src/domain/interchange/backup';
import type { Backup } from '../../../../src/domain/interchange/backup';
import { migrations, runMigrations, zoneOfFixedOffset } from '../../../../src/domain/interchange/migrations';
import { zoneOf } from '../../../../src/domain/clock/time-zone';
import type { JsonObject, Migration } from '../../../../src/domain/interchange/migrations';
import { restore } from '../../../../src/domain/interchange/restore';
import { createBackup, createCharter } from '../../factories';
import { commitmentLabel } from '../../../../src/domain/charter/short-name';

const fixturePath = (name: string) => fileURLToPath(new URL(`../../../fixtures/${name}`, import.meta.url));
const readFixture = (name: string) => readFileSync(fixturePath(name), 'utf8');

/** Every schema version this build can read: 1 … CURRENT_VERSION. */
const versions = Array.from({ length: CURRENT_VERSION }, (_, i) => i + 1);

/** Names of the released migrations a file of `version` goes through, in order. */
const stepsFrom = (version: number) => migrations.filter((m) => m.from >= version).map((m) => m.name);

/**
 * One entry per released migration, keyed by its name: a frozen fixture of the migration's input version
 * (under tests/fixtures/) and what the migrated backup must hold. Adding a migration without an entry here
 * fails the "covers every released migration" test.
 */
const covered: Record<string, { fixture: string; expect: (backup: Backup) => void }> = {
  'deal-timeline-done': {
    fixture: 'backup-v1.json',
    expect: (backup) => {
      // Every deal starts with nothing done; nothing else about the deals changes.
      expect(backup.deals.map((d) => [d.id, d.status, d.timelineDone])).toEqual([
        ['de-jeong-health', 'won', []],
        ['de-jeong-child', 'open', []],
        ['de-acme-press', 'lost', []],
      ]);
      expect(backup.deals[0]).toMatchObject({ closedOn: '2026-02-03', deliveryOn: '2026-02-10' });
    },
  },
  'calendar-time-zone': {
    fixture: 'backup-v3-calendar.json',
    expect: (backup) => {
      // UTC−05:00 all year becomes the zone that keeps exactly that offset; the rest of the calendar stays.
      expect(backup.settings.calendar).toEqual({
        timeZone: 'Etc/GMT+5',
        workingDays: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'],
        opensAt: '08:30',
        closesAt: '17:30',
        holidays: [{ date: '2026-07-03', name: 'Independence Day (observed)' }],
      });
    },
  },
  'charter-handover': {
    fixture: 'backup-v4.json',
    expect: (backup) => {
      // Until version 5 every timeline counted from delivery: charters and the published snapshot keep
      // saying so until their owner picks the trade's word.
      expect(backup.charters.map((c) => [c.id, c.handover])).toEqual([
        ['charter-yujin-2026', 'delivery'],
        ['charter-daniel-b2b', 'delivery'],
      ]);
      expect(backup.charterVersions.map((v) => v.charter.handover)).toEqual(['delivery']);
    },
  },
  'commitment-short-name': {
    fixture: 'backup-v5.json',
    expect: (backup) => {
      // Not named yet: pickers show commitmentLabel until the owner names them.
      expect(backup.charters.map((c) => c.commitments.map((m) => m.shortName))).toEqual([
        ['', '', '', ''],
        ['', '', ''],
      ]);
      expect(backup.charterVersions[0]!.charter.commitments.map((m) => m.shortName)).toEqual(
        backup.charters[0]!.commitments.map((m) => m.shortName),
      );
    },
  },
  'timeline-step-outcome': {
    fixture: 'backup-v6.json',
    expect: (backup) => {
      // A skip and a done step were stored alike before version 7: every settled step comes through done.
      expect(backup.deals.map((d) => d.timelineDone.map((s) => [s.stepId, s.outcome]))).toEqual([
        [
          ['moment:mo-order', 'done'],
          ['first-use', 'done'],
        ],
        [],
        [['lost-sale', 'done']],
      ]);
      expect(backup.deals[0]!.timelineDone[0]!.doneAt).toBe('2026-02-03T06:00:00.000Z');
    },
  },
  'amount-promise-above-zero': {
    fixture: 'backup-v2.json',
    expect: (backup) => {
      // No promised amount of 0 in this file: the amounts and their readiness come through unchanged.
      const amounts = backup.charters.flatMap((c) => c.commitments.filter((m) => m.kind === 'amount'));
      expect(amounts.map((m) => [m.promised.value, m.promised.unit, m.readiness])).toEqual([
        [185_000, 'KRW', 'confirmed'],
        [1, 'count', 'confirmed'],
      ]);
    },
  },
};

describe('frozen backups of every released version', () => {
  it.each(versions)('tests/fixtures/backup-v%i.json exists and is labelled with its version', (version) => {
    const name = `backup-v${version}.json`;

    expect(existsSync(fixturePath(name)), `missing fixture tests/fixtures/${name}`).toBe(true);
    expect(JSON.parse(readFixture(name))).toMatchObject({ format: 'service-charter/backup', version });
  });

  it.each(versions)('backup-v%i.json restores, through every later migration in order', (version) => {
    const result = restore(readFixture(`backup-v${version}.json`));

    expect(result.ok ? [] : result.errors).toEqual([]);
    expect(result.ok && result.migrated).toEqual(stepsFrom(version));
  });

  it('backup-v1.json keeps its content: two charters, the published one with its version, and the records', () => {
    const result = restore(readFixture('backup-v1.json'));
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const { charters, charterVersions, customers, deals, deliveries, recoveryCases, settings } =
      result.backup;

    expect(charters.map((c) => [c.id, c.locale, c.status, c.version])).toEqual([
      ['charter-yujin-2026', 'ko', 'published', 1],
      ['charter-daniel-b2b', 'en', 'draft', 1],
    ]);
    expect(charters[0]!.title).toBe('최유진 설계사의 서비스 헌장');
    expect(charterVersions).toHaveLength(1);
    expect(charterVersions[0]).toMatchObject({ charterId: 'charter-yujin-2026', version: 1 });
    expect(charterVersions[0]!.charter).toEqual(charters[0]);
    expect(new Set(charters.flatMap((c) => c.commitments.map((m) => m.kind)))).toEqual(
      new Set(['within', 'by-date', 'amount', 'done']),
    );
    expect(charters[0]!.moments).toHaveLength(6);
    expect(charters[0]!.recovery.steps.map((s) => s.id)).toEqual(['rs-call', 'rs-plan', 'rs-visit']);
    expect(charters[0]!.alternatives[1]!.offers).toEqual(['청구 서류 대행 접수', '지급 진행 상황 매일 안내']);
    expect(customers.map((c) => c.name)).toEqual(['정하늘', 'Sarah Kim']);
    expect(deals.map((d) => d.status)).toEqual(['won', 'open', 'lost']);
    expect(deliveries).toHaveLength(5);
    expect(recoveryCases[0]).toMatchObject({ recordId: 'dr-claim-missed', outcome: 'reordered' });
    // Version-1 files written before the calendar existed get the default calendar.
    expect(settings).toEqual({
      language: 'ko',
      persistenceAsked: true,
      atRiskShare: 0.8,
      calendar: defaultBusinessCalendar,
      publicBaseUrl: '',
    });
  });
});

describe('backup-v2.json', () => {
  it('keeps the timeline steps already done', () => {
    const result = restore(readFixture('backup-v2.json'));
    if (!result.ok) throw new Error(JSON.stringify(result.errors));

    expect(result.migrated).toEqual(stepsFrom(2));
    expect(result.backup.deals.map((d) => d.timelineDone.map((s) => s.stepId))).toEqual([
      ['moment:mo-order', 'first-use'],
      [],
      ['lost-sale'],
    ]);
  });

  it('refuses a deal that lists the same step twice, naming the path', () => {
    const file = JSON.parse(readFixture('backup-v2.json')) as { deals: { timelineDone: unknown[] }[] };
    file.deals[0]!.timelineDone.push(file.deals[0]!.timelineDone[0]);
    const result = restore(JSON.stringify(file));

    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.map((e) => e.path)).toEqual(['deals[0].timelineDone']);
  });
});

describe('calendar-time-zone', () => {
  it.each([
    [540, 'Asia/Seoul'],
    [0, 'UTC'],
    [-300, 'Etc/GMT+5'],
    [60, 'Etc/GMT-1'],
    [330, 'Asia/Kolkata'],
    [345, 'Asia/Kathmandu'],
    [840, 'Etc/GMT-14'],
    [-720, 'Etc/GMT+12'],
  ])('a fixed offset of %i minutes becomes %s, which keeps that offset all year', (minutes, zone) => {
    expect(zoneOfFixedOffset(minutes)).toBe(zone);
    for (const month of [0, 6])
      expect(zoneOf(zone).offsetAt(Date.UTC(2027, month, 15))).toBe(minutes * 60_000);
  });

  it('leaves a settings object without a calendar to the default', () => {
    const result = restore(readFixture('backup-v3.json'));
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.backup.settings.calendar).toEqual(defaultBusinessCalendar);
  });
});

describe('charter-handover', () => {
  const step = migrations.find((m) => m.name === 'charter-handover')!;

  it('keeps the handover a charter already names (a share link carries it) and leaves non-objects alone', () => {
    const named = { id: 'a', handover: 'move-in' };
    const out = step.migrate({
      charters: [named, { id: 'b' }, 7],
      charterVersions: [{ charter: named }, null],
    });

    expect(out.charters).toEqual([named, { id: 'b', handover: 'delivery' }, 7]);
    expect(out.charterVersions).toEqual([{ charter: named }, null]);
  });

  it('backup-v5.json keeps each charter’s own handover: policy delivery for the planner, installation for B2B', () => {
    const result = restore(readFixture('backup-v5.json'));
    if (!result.ok) throw new Error(JSON.stringify(result.errors));

    expect(result.migrated).toEqual(stepsFrom(5));
    expect(result.backup.charters.map((c) => [c.id, c.handover])).toEqual([
      ['charter-yujin-2026', 'policy-delivery'],
      ['charter-daniel-b2b', 'installation'],
    ]);
    expect(result.backup.charterVersions[0]!.charter.handover).toBe('policy-delivery');
  });

  it('refuses a handover this app does not know, naming the path', () => {
    const file = JSON.parse(readFixture('backup-v5.json')) as { charters: { handover: string }[] };
    file.charters[1]!.handover = 'shipping';
    const result = restore(JSON.stringify(file));

    expect(!result.ok && result.errors.map((e) => e.path)).toEqual(['charters[1].handover']);
  });
});

describe('commitment-short-name', () => {
  const step = migrations.find((m) => m.name === 'commitment-short-name')!;

  it('keeps a short name already there, leaves the others empty, in charters and snapshots; leaves non-objects', () => {
    const charter = {
      id: 'ch',
      commitments: [
        { id: 'a', what: 'Return every call within four business hours', shortName: 'Callback' },
        { id: 'b', what: 'Return every call within four business hours' },
        { id: 'c', what: 7 },
        'junk',
      ],
    };
    const out = step.migrate({ charters: [charter, null], charterVersions: [{ charter }, 3] });
    const expected = [
      { id: 'a', what: 'Return every call within four business hours', shortName: 'Callback' },
      { id: 'b', what: 'Return every call within four business hours', shortName: '' },
      { id: 'c', what: 7, shortName: '' },
      'junk',
    ];

    expect(out.charters).toEqual([{ id: 'ch', commitments: expected }, null]);
    expect(out.charterVersions).toEqual([{ charter: { id: 'ch', commitments: expected } }, 3]);
  });

  it('a charter made from a template before version 6 goes by the template’s own names in pickers', () => {
    // The car-sales template as a version-5 file wrote it: no short names.
    const file = JSON.parse(
      readFileSync(
        fileURLToPath(new URL('../../../../templates/car-sales.ko.json', import.meta.url)),
        'utf8',
      ),
    ) as { version: number; charter: { commitments: { shortName?: string }[] } };
    file.version = 5;
    for (const c of file.charter.commitments) delete c.shortName;
    const result = restore(JSON.stringify(file));
    if (!result.ok) throw new Error(JSON.stringify(result.errors));

    expect(result.backup.charters[0]!.commitments.map(commitmentLabel)).toEqual([
      '직접 답신',
      '서면 견적서',
      '약속한 날 인도',
      '부대 비용 한도',
      '기능 설정 확인 전화',
      '계절별 관리 안내',
      '1년간 안부 연락',
    ]);
  });

  it('backup-v6.json keeps the names the owner typed, an empty one included', () => {
    const result = restore(readFixture('backup-v6.json'));
    if (!result.ok) throw new Error(JSON.stringify(result.errors));

    expect(result.migrated).toEqual(['timeline-step-outcome']);
    expect(result.backup.charters.map((c) => c.commitments.map((m) => m.shortName))).toEqual([
      ['부재중 회신', '청구 서류 접수', '첫 달 보험료 한도', '1년 보장 점검'],
      ['Written quote', 'Account visits', ''],
    ]);
  });

  it('refuses a short name over 24 characters, naming the path', () => {
    const file = JSON.parse(readFixture('backup-v6.json')) as {
      charters: { commitments: { shortName: string }[] }[];
    };
    file.charters[1]!.commitments[0]!.shortName = 'Written quote with every fee';
    const result = restore(JSON.stringify(file));

    expect(!result.ok && result.errors.map((e) => e.path)).toEqual(['charters[1].commitments[0].shortName']);
  });
});

describe('timeline-step-outcome', () => {
  const step = migrations.find((m) => m.name === 'timeline-step-outcome')!;

  it('makes every settled step without an outcome done, keeps one already named, leaves non-objects', () => {
    const out = step.migrate({
      deals: [
        {
          id: 'd',
          timelineDone: [
            { stepId: 'first-use', doneAt: '2026-02-13T05:30:00.000Z' },
            { stepId: 'lost-sale', doneAt: '2026-05-12T02:00:00.000Z', outcome: 'skipped' },
            'junk',
          ],
        },
        { id: 'e' },
        null,
      ],
    });

    expect(out.deals).toEqual([
      {
        id: 'd',
        timelineDone: [
          { stepId: 'first-use', doneAt: '2026-02-13T05:30:00.000Z', outcome: 'done' },
          { stepId: 'lost-sale', doneAt: '2026-05-12T02:00:00.000Z', outcome: 'skipped' },
          'junk',
        ],
      },
      { id: 'e' },
      null,
    ]);
    expect(step.migrate({ settings: {} })).toEqual({ settings: {} });
  });

  it('backup-v7.json keeps a skipped step skipped and the done ones done', () => {
    const result = restore(readFixture('backup-v7.json'));
    if (!result.ok) throw new Error(JSON.stringify(result.errors));

    expect(result.migrated).toEqual([]);
    expect(result.backup.deals[0]!.timelineDone).toEqual([
      { stepId: 'moment:mo-order', doneAt: '2026-02-03T06:00:00.000Z', outcome: 'done' },
      { stepId: 'moment:mo-progress', doneAt: '2026-02-12T01:00:00.000Z', outcome: 'skipped' },
      { stepId: 'first-use', doneAt: '2026-02-13T05:30:00.000Z', outcome: 'done' },
    ]);
  });

  it('refuses an outcome this app does not know, naming the path', () => {
    const file = JSON.parse(readFixture('backup-v7.json')) as {
      deals: { timelineDone: { outcome: string }[] }[];
    };
    file.deals[0]!.timelineDone[1]!.outcome = 'ignored';
    const result = restore(JSON.stringify(file));

    expect(!result.ok && result.errors.map((e) => e.path)).toEqual(['deals[0].timelineDone[1].outcome']);
  });
});

describe('released migrations', () => {
  it('has exactly one step from each version below the current one, oldest first, with unique names', () => {
    expect(migrations.map((m) => m.from)).toEqual(versions.slice(0, -1));
    expect(new Set(migrations.map((m) => m.name)).size).toBe(migrations.length);
  });

  it('covers every released migration with a fixture test', () => {
    const missing = migrations.map((m) => m.name).filter((name) => !(name in covered));

    expect(missing, 'add an entry to `covered` for each new migration').toEqual([]);
  });

  it('has no covered entry for a migration that does not exist', () => {
    const released = new Set(migrations.map((m) => m.name));

    expect(Object.keys(covered).filter((name) => !released.has(name))).toEqual([]);
  });

  for (const [name, entry] of Object.entries(covered)) {
    it(`${name}: upgrades its frozen fixture ${entry.fixture}`, () => {
      const step = migrations.find((m) => m.name === name)!;
      const text = readFixture(entry.fixture);
      const input = JSON.parse(text) as JsonObject;

      expect(input.version, 'the fixture holds the migration’s input version').toBe(step.from);
      const result = restore(text);
      if (!result.ok) throw new Error(JSON.stringify(result.errors));
      expect(result.migrated).toContain(name);
      entry.expect(result.backup);
    });
  }
});

describe('runMigrations', () => {
  /** Two synthetic steps: v1 renames `name` to `title`, v2 adds `tags`. Each records that it ran. */
  const synthetic = (log: string[]): Migration[] => [
    // Listed newest first on purpose: steps are chosen by `from`, not by position.
    {
      name: 'add-tags',
      from: 2,
      migrate: (data) => {
        log.push(`add-tags saw version ${String(data.version)}`);
        return { ...data, tags: [] };
      },
    },
    {
      name: 'rename-name-to-title',
      from: 1,
      migrate: ({ name, ...rest }) => {
        log.push(`rename saw version ${String(rest.version)}`);
        return { ...rest, title: name };
      },
    },
  ];

  it('applies the steps in version order, each seeing the previous version stamped, and names them', () => {
    const log: string[] = [];
    const result = runMigrations({ version: 1, name: '헌장' }, 1, 3, synthetic(log));

    expect(log).toEqual(['rename saw version 1', 'add-tags saw version 2']);
    expect(result).toEqual({
      data: { version: 3, title: '헌장', tags: [] },
      applied: ['rename-name-to-title', 'add-tags'],
    });
  });

  it('starts from the given version, skipping earlier steps', () => {
    const log: string[] = [];
    const result = runMigrations({ version: 2, title: '헌장' }, 2, 3, synthetic(log));

    expect(log).toEqual(['add-tags saw version 2']);
    expect(result).toEqual({ data: { version: 3, title: '헌장', tags: [] }, applied: ['add-tags'] });
  });

  it('stamps the new version even when a step forgets or sets another one', () => {
    const list: Migration[] = [{ name: 'sloppy', from: 1, migrate: (data) => ({ ...data, version: 99 }) }];

    expect(runMigrations({ version: 1 }, 1, 2, list).data.version).toBe(2);
  });

  it('returns the data untouched and applies nothing when already at the target version', () => {
    const data = { version: 3, title: '헌장' };
    const result = runMigrations(data, 3, 3, synthetic([]));

    expect(result.data).toBe(data);
    expect(result.applied).toEqual([]);
  });

  it('does not change its input', () => {
    const input = { version: 1, name: '헌장' };
    runMigrations(input, 1, 3, synthetic([]));

    expect(input).toEqual({ version: 1, name: '헌장' });
  });

  it('throws, naming the version, when a step is missing', () => {
    const onlyFirst = synthetic([]).filter((m) => m.from === 1);

    expect(() => runMigrations({ version: 1, name: 'x' }, 1, 3, onlyFirst)).toThrow(
      'no migration from version 2',
    );
  });

  it('uses the released list by default, which brings a current file nowhere', () => {
    expect(runMigrations({ version: CURRENT_VERSION }, CURRENT_VERSION, CURRENT_VERSION)).toEqual({
      data: { version: CURRENT_VERSION },
      applied: [],
    });
  });
});

describe('restore and versions', () => {
  const backupOf = (version: unknown) => ({ ...createBackup(), version }) as unknown;
  const charterFileOf = (version: unknown) => ({
    format: CHARTER_FORMAT,
    version,
    exportedAt: '2026-04-01T12:00:00.000Z',
    charter: createCharter(),
  });

  it.each([
    ['a backup', backupOf],
    ['a single-charter file', charterFileOf],
  ])(
    'refuses %s from a newer app (version CURRENT_VERSION + 1) at path "version", in both languages',
    (_, make) => {
      const next = CURRENT_VERSION + 1;
      const result = restore(make(next));

      expect({ ...result, errors: result.ok ? [] : readInBoth(result.errors) }).toEqual({
        ok: false,
        errors: [
          {
            path: 'version',
            message: {
              en: `is ${next}, made by a newer version of this app (this one reads up to ${CURRENT_VERSION}); update the app and try again`,
              ko: `${next}입니다. 더 새로운 버전의 앱에서 만든 파일입니다(이 앱은 ${CURRENT_VERSION}까지 읽습니다). 앱을 업데이트한 뒤 다시 시도하세요`,
            },
          },
        ],
      });
    },
  );

  it.each([0, -1, 1.5, '1', null, true, [1], undefined])(
    'refuses version %j as not a whole number from 1 up',
    (version) => {
      const input: Record<string, unknown> = { ...createBackup(), version };
      if (version === undefined) delete input.version;

      const result = restore(input);
      expect({ ...result, errors: result.ok ? [] : readInBoth(result.errors) }).toEqual({
        ok: false,
        errors: [
          {
            path: 'version',
            message: { en: 'must be a whole number from 1 up', ko: '1 이상의 정수여야 합니다' },
          },
        ],
      });
    },
  );

  it('does not run a migration on a file already at the current version', () => {
    const throwing: Migration[] = [
      {
        name: 'never',
        from: CURRENT_VERSION,
        migrate: () => {
          throw new Error('must not run');
        },
      },
    ];
    const result = restore(createBackup(), { migrations: throwing });

    expect(result.ok && result.migrated).toEqual([]);
  });
});

describe('amount-promise-above-zero', () => {
  const zero = (unit: string, direction: string) => ({
    id: `c-${unit}`,
    kind: 'amount',
    direction,
    readiness: 'confirmed',
    promised: { value: 0, unit, label: '' },
    internal: { value: 0, unit, label: '' },
  });
  const step = migrations.find((m) => m.name === 'amount-promise-above-zero')!;

  it('turns a promised 0 into the unit’s smallest step, marks it unconfirmed, in charters and snapshots', () => {
    const charter = {
      id: 'ch',
      commitments: [zero('KRW', 'at-least'), zero('USD', 'at-most'), zero('percent', 'at-most')],
    };
    const out = step.migrate({ charters: [charter], charterVersions: [{ version: 1, charter }] });
    const values = (c: unknown) =>
      (c as { commitments: { promised: { value: number }; readiness: string }[] }).commitments.map((m) => [
        m.promised.value,
        m.readiness,
      ]);
    const expected = [
      [1, 'unconfirmed'],
      [0.01, 'unconfirmed'],
      [0.1, 'unconfirmed'],
    ];

    expect(values((out.charters as unknown[])[0])).toEqual(expected);
    expect(values((out.charterVersions as { charter: unknown }[])[0]!.charter)).toEqual(expected);
  });

  it('leaves a non-zero amount, other kinds and the internal target alone', () => {
    const kept = { ...zero('KRW', 'at-most'), promised: { value: 5, unit: 'KRW', label: '' } };
    const other = { id: 'w', kind: 'within', promised: { value: 0, unit: 'hours' } };
    const out = step.migrate({ charters: [{ commitments: [kept, other] }] });

    expect(out.charters).toEqual([{ commitments: [kept, other] }]);
  });
});
