import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { defaultCharter } from '../../../../src/domain/charter/charter';
import type { Charter, Moment } from '../../../../src/domain/charter/charter';
import { charterProblems, stepCompletion } from '../../../../src/domain/charter/review';
import type { Problem } from '../../../../src/domain/charter/review';
import { restore } from '../../../../src/domain/interchange/restore';
import { createCharter, createCommitment, nextId, resetIds } from '../../factories';
import { inBoth } from '../../i18n/in-both';

const NOW = '2026-03-02T00:00:00.000Z';

/** A problem without its message: where it is fixed, which field, and whether it blocks publishing. */
const brief = (p: Problem) => ({ step: p.step, path: p.path, severity: p.severity });
const errors = (c: Charter) =>
  charterProblems(c)
    .filter((p) => p.severity === 'error')
    .map(brief);
const warnings = (c: Charter) =>
  charterProblems(c)
    .filter((p) => p.severity === 'warning')
    .map(brief);

const ALL_DONE = {
  'service-level': true,
  commitments: true,
  readiness: true,
  phases: true,
  buffer: true,
  moments: true,
  recovery: true,
  alternatives: true,
  'after-sales': true,
  review: true,
};

function moment(label: string): Moment {
  return {
    id: nextId('moment'),
    kind: 'custom',
    label,
    anchor: 'delivery',
    offsetDays: 7,
    channel: 'sms',
    message: `{customer}님, ${label} 안내드립니다. - {owner}`,
  };
}
const moments = (n: number) => Array.from({ length: n }, (_, i) => moment(`순간 ${i + 1}`));

/** The factory charter made publishable: every commitment confirmed and five moments that matter. */
function completeCharter(overrides: Partial<Charter> = {}): Charter {
  const base = createCharter();
  return {
    ...base,
    commitments: base.commitments.map((c) => ({ ...c, readiness: 'confirmed' as const })),
    moments: moments(5),
    ...overrides,
  };
}

beforeEach(() => resetIds());

describe('charterProblems on an empty draft', () => {
  const empty = defaultCharter({ id: 'c-1', now: NOW, locale: 'ko' });

  it('blocks publishing on title, name, vision, commitments, moments and recovery', () => {
    expect(errors(empty)).toEqual([
      { step: 'service-level', path: 'title', severity: 'error' },
      { step: 'service-level', path: 'owner.name', severity: 'error' },
      { step: 'service-level', path: 'vision', severity: 'error' },
      { step: 'commitments', path: 'commitments', severity: 'error' },
      { step: 'moments', path: 'moments', severity: 'error' },
      { step: 'recovery', path: 'recovery.steps', severity: 'error' },
    ]);
  });

  it('suggests check-ins for each phase, alternatives and the after-sales texts', () => {
    expect(warnings(empty)).toEqual([
      { step: 'phases', path: 'checkIns.before', severity: 'warning' },
      { step: 'phases', path: 'checkIns.during', severity: 'warning' },
      { step: 'phases', path: 'checkIns.after', severity: 'warning' },
      { step: 'alternatives', path: 'alternatives', severity: 'warning' },
      { step: 'after-sales', path: 'afterSales.orderCheck.practice', severity: 'warning' },
      { step: 'after-sales', path: 'afterSales.careTips', severity: 'warning' },
      { step: 'after-sales', path: 'lostSale.message', severity: 'warning' },
    ]);
  });

  it('says every problem in Korean and English', () => {
    for (const p of charterProblems(empty)) {
      const { en, ko } = inBoth(p.message);
      expect(ko.trim()).not.toBe('');
      expect(en.trim()).not.toBe('');
      expect(`${en} ${ko}`).not.toMatch(/[{}]/); // every value filled in
    }
    expect(inBoth(charterProblems(empty).find((p) => p.path === 'moments')!.message)).toEqual({
      en: 'Choose 5 to 10 moments that matter (now 0).',
      ko: '중요한 순간을 5~10개 고르세요(현재 0개).',
    });
  });

  it('has no step complete', () => {
    expect(Object.values(stepCompletion(empty)).every((done) => !done)).toBe(true);
  });
});

describe('charterProblems on a complete charter', () => {
  it('finds nothing, and every step is complete', () => {
    const charter = completeCharter();

    expect(charterProblems(charter)).toEqual([]);
    expect(stepCompletion(charter)).toEqual(ALL_DONE);
  });

  it('the car-sales template, once the name is given and every commitment confirmed, is ready too', () => {
    const file = fileURLToPath(new URL('../../../../templates/car-sales.ko.json', import.meta.url));
    const restored = restore(JSON.parse(readFileSync(file, 'utf8')));
    if (!restored.ok) throw new Error(JSON.stringify(restored.errors));
    const template = restored.backup.charters[0]!;

    // As shipped: only the owner's name and the readiness of each of its 7 commitments block it.
    expect(errors(template)).toEqual([
      { step: 'service-level', path: 'owner.name', severity: 'error' },
      ...template.commitments.map((_, i) => ({
        step: 'readiness',
        path: `commitments[${i}].readiness`,
        severity: 'error',
      })),
    ]);
    expect(template.commitments).toHaveLength(7);

    const filled: Charter = {
      ...template,
      owner: { ...template.owner, name: '김민준' },
      commitments: template.commitments.map((c) => ({ ...c, readiness: 'confirmed' as const })),
    };

    expect(charterProblems(filled)).toEqual([]);
    expect(stepCompletion(filled)).toEqual(ALL_DONE);
  });
});

describe('charterProblems: one thing missing or wrong', () => {
  it('an unconfirmed commitment blocks publishing at the readiness step, by its position', () => {
    const charter = completeCharter();
    charter.commitments[2] = { ...charter.commitments[2]!, readiness: 'unconfirmed' };

    expect(charterProblems(charter).map(brief)).toEqual([
      { step: 'readiness', path: 'commitments[2].readiness', severity: 'error' },
    ]);
    expect(stepCompletion(charter)).toEqual({ ...ALL_DONE, readiness: false, review: false });
  });

  it('a commitment without what it promises is an error on its what', () => {
    const charter = completeCharter();
    charter.commitments[1] = { ...charter.commitments[1]!, what: '   ' };

    expect(charterProblems(charter).map(brief)).toEqual([
      { step: 'commitments', path: 'commitments[1].what', severity: 'error' },
    ]);
    expect(stepCompletion(charter)).toEqual({ ...ALL_DONE, commitments: false, review: false });
  });

  it.each([
    ['ko', '문의에 즉시 회신합니다', '즉시', '는'],
    ['en', 'Reply to every quote request asap', 'asap', '는'], // read letter by letter: 에이에스에이피는
  ])(
    'a vague word in what (%s) is a warning on the commitments step naming it',
    (_locale, what, term, particle) => {
      const charter = completeCharter();
      charter.commitments[0] = { ...charter.commitments[0]!, what };

      const problems = charterProblems(charter);

      expect(problems.map(brief)).toEqual([
        { step: 'commitments', path: 'commitments[0].what', severity: 'warning' },
      ]);
      const { en, ko } = inBoth(problems[0]!.message);
      expect(en).toContain(`Commitment 1: “${term}” is vague. Name a time you can keep every time`);
      expect(ko).toContain(`약속 1: “${term}”${particle} 모호합니다. 매번 지킬 수 있는 시간을`);
      expect(stepCompletion(charter)).toEqual(ALL_DONE); // a warning does not block
    },
  );

  it('a vague word in the trigger is reported on the same commitment', () => {
    const charter = completeCharter();
    charter.commitments[0] = { ...charter.commitments[0]!, trigger: '곧 연락 달라는 요청' };

    expect(charterProblems(charter).map(brief)).toEqual([
      { step: 'commitments', path: 'commitments[0].what', severity: 'warning' },
    ]);
  });

  it('an internal target no stricter than the promise is a buffer warning', () => {
    const charter = completeCharter();
    charter.commitments[0] = createCommitment('within', {
      promised: { value: 4, unit: 'hours' },
      internal: { value: 4, unit: 'hours' },
    });

    expect(charterProblems(charter).map(brief)).toEqual([
      { step: 'buffer', path: 'commitments[0].internal', severity: 'warning' },
    ]);
    expect(stepCompletion(charter)).toEqual({ ...ALL_DONE, buffer: false });
  });

  it.each<[number, Problem['severity'] | null, boolean]>([
    [0, 'error', false],
    [1, 'warning', false],
    [4, 'warning', false],
    [5, null, true],
    [10, null, true],
    [11, 'warning', true],
  ])('%d moments: %s on moments; step complete: %s', (n, severity, complete) => {
    const charter = completeCharter({ moments: moments(n) });

    expect(charterProblems(charter).map(brief)).toEqual(
      severity ? [{ step: 'moments', path: 'moments', severity }] : [],
    );
    expect(stepCompletion(charter).moments).toBe(complete);
    expect(stepCompletion(charter).review).toBe(severity !== 'error');
  });

  it('a moment with no message, or a vague one, is a warning on that moment', () => {
    const list = moments(5);
    list[1] = { ...list[1]!, message: '' };
    list[3] = { ...list[3]!, message: '{customer}님, 곧 연락드리겠습니다.' };

    expect(charterProblems(completeCharter({ moments: list })).map(brief)).toEqual([
      { step: 'moments', path: 'moments[1].message', severity: 'warning' },
      { step: 'moments', path: 'moments[3].message', severity: 'warning' },
    ]);
  });

  it.each([
    ['minjun@', 'owner.email'],
    ['minjun.example.com', 'owner.email'],
    ['minjun kim@example.com', 'owner.email'],
    ['12', 'owner.phone'],
    ['call me', 'owner.phone'],
  ])('a malformed contact (%j) is an error on %s', (value, path) => {
    const base = completeCharter();
    const field = path === 'owner.email' ? 'email' : 'phone';
    const charter = { ...base, owner: { ...base.owner, [field]: value } };

    expect(charterProblems(charter).map(brief)).toEqual([{ step: 'service-level', path, severity: 'error' }]);
    expect(stepCompletion(charter)['service-level']).toBe(false);
  });

  it.each([
    ['', ''],
    ['minjun.kim@example.com', '010-1234-5678'],
    ['a@b.co', '+82 2 555 0100'],
  ])('a contact left empty or well formed (%j, %j) is fine', (email, phone) => {
    const base = completeCharter();

    expect(charterProblems({ ...base, owner: { ...base.owner, email, phone } })).toEqual([]);
  });

  it.each([
    ['the title', 'service-level', 'error', false, (c: Charter): Charter => ({ ...c, title: '   ' })],
    [
      'the recovery steps',
      'recovery',
      'error',
      false,
      (c: Charter): Charter => ({ ...c, recovery: { ...c.recovery, steps: [] } }),
    ],
    [
      'check-ins during the deal',
      'phases',
      'warning',
      false,
      (c: Charter): Charter => ({ ...c, checkIns: { ...c.checkIns, during: [] } }),
    ],
    ['alternatives', 'alternatives', 'warning', false, (c: Charter): Charter => ({ ...c, alternatives: [] })],
    [
      // The request is filled in, so the step counts as done; the warning remains.
      'the offers of an alternative (blank only)',
      'alternatives',
      'warning',
      true,
      (c: Charter): Charter => ({ ...c, alternatives: [{ ...c.alternatives[0]!, offers: ['  '] }] }),
    ],
    [
      'the lost-sale message',
      'after-sales',
      'warning',
      false,
      (c: Charter): Charter => ({ ...c, lostSale: { ...c.lostSale, message: '' } }),
    ],
  ] as const)('missing %s: one %s-step %s; step complete: %s', (_label, step, severity, complete, edit) => {
    const charter = edit(completeCharter());
    const problems = charterProblems(charter);

    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ step, severity });
    expect(stepCompletion(charter)[step]).toBe(complete);
    expect(stepCompletion(charter).review).toBe(severity === 'warning');
  });
});

describe('charterProblems order', () => {
  it('lists problems step by step: every readiness problem before any buffer problem', () => {
    const base = defaultCharter({ id: 'order', now: '2026-11-22T00:00:00.000Z', locale: 'en' });
    const charter: Charter = {
      ...base,
      commitments: [
        { ...defaultCommitmentFor('a'), internal: { value: 4, unit: 'hours' } },
        defaultCommitmentFor('b'),
      ],
    };
    const steps = charterProblems(charter)
      .filter((p) => p.step === 'readiness' || p.step === 'buffer')
      .map((p) => `${p.step} ${p.path}`);
    expect(steps).toEqual([
      'readiness commitments[0].readiness',
      'readiness commitments[1].readiness',
      'buffer commitments[0].internal',
    ]);
  });
});

function defaultCommitmentFor(id: string) {
  return {
    id,
    what: 'return every call',
    shortName: '',
    trigger: 'a missed call',
    appliesTo: 'everyone' as const,
    measuredBy: '',
    readiness: 'unconfirmed' as const,
    kind: 'within' as const,
    promised: { value: 4, unit: 'hours' as const },
    internal: { value: 2, unit: 'hours' as const },
    businessTime: true,
  };
}
