import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lintPromise } from '../../../../src/domain/charter/promise-linter';
import type { LintFinding } from '../../../../src/domain/charter/promise-linter';
import { inBoth } from '../../i18n/in-both';

type Kind = LintFinding['kind'];
/** A finding without its suggestion: what is highlighted, where, and why. */
type Flag = [term: string, index: number, kind: Kind];

const flags = (text: string): Flag[] => lintPromise(text).map((f) => [f.term, f.index, f.kind]);

/** Checks what every finding must satisfy for the editor to highlight it; returns nothing, throws on a breach. */
function expectWellFormed(text: string, findings: LintFinding[]): void {
  let end = 0;
  for (const f of findings) {
    expect(f.index).toBeGreaterThanOrEqual(end); // sorted by position and not overlapping
    expect(f.length).toBe(f.term.length);
    expect(f.length).toBeGreaterThan(0);
    expect(f.index + f.length).toBeLessThanOrEqual(text.length);
    expect(text.slice(f.index, f.index + f.length)).toBe(f.term);
    expect(inBoth(f.suggestion).ko.trim()).not.toBe('');
    expect(inBoth(f.suggestion).en.trim()).not.toBe('');
    end = f.index + f.length;
  }
}

describe('lintPromise: Korean', () => {
  it.each<[string, Flag[]]>([
    ['즉시 회신합니다', [['즉시', 0, 'vague-time']]],
    ['전화 주시면 바로 연락드립니다', [['바로', 7, 'vague-time']]],
    ['곧 연락드리겠습니다', [['곧', 0, 'vague-time']]],
    ['곧바로 처리해 드립니다', [['곧바로', 0, 'vague-time']]],
    ['최대한 빨리 보내 드립니다', [['최대한 빨리', 0, 'vague-time']]],
    ['견적은 가능한 한 빨리 드립니다', [['가능한 한 빨리', 4, 'vague-time']]],
    ['빠른 시일 내에 연락드리겠습니다', [['빠른 시일 내에', 0, 'vague-time']]],
    ['문의는 신속히 처리합니다', [['신속히', 4, 'vague-time']]],
    ['금방 찾아뵙겠습니다', [['금방', 0, 'vague-time']]],
    ['고객님께 최선을 다하겠습니다', [['최선을 다하겠습니다', 5, 'vague-effort']]],
    ['부재중 전화는 5분 안에 회신합니다', [['5분 안에', 8, 'too-tight']]],
    ['10분 이내 회신', [['10분 이내', 0, 'too-tight']]],
    ['도착까지 5 분 내에 전화드립니다', [['5 분 내에', 5, 'too-tight']]],
    ['최선을 다해 돕겠습니다', [['최선을 다해', 0, 'vague-effort']]],
    [
      '즉시 연락드리고 5분 안에 방문합니다',
      [
        ['즉시', 0, 'vague-time'],
        ['5분 안에', 9, 'too-tight'],
      ],
    ],
  ])('flags %j', (text, expected) => {
    expect(flags(text)).toEqual(expected);
  });

  it.each([
    '30분 이내 회신합니다',
    '실수는 바로잡겠습니다',
    '바로가기',
    '곧은 자세로 응대합니다',
    '곧이곧대로 말씀드립니다',
    '영업시간 기준 4시간 이내에 회신합니다',
    '계약 후 3영업일 안에 인도일을 알려 드립니다',
  ])('does not flag %j', (text) => {
    expect(lintPromise(text)).toEqual([]);
  });

  it('flags 곧장 ("straight away") at its start as a vague time', () => {
    const [finding, ...rest] = lintPromise('곧장 찾아가겠습니다');

    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ term: '곧장', index: 0, length: 2, kind: 'vague-time' });
  });

  it.each([
    ['빨리 보내 드립니다', '빨리'],
    ['조속히 처리하겠습니다', '조속히'],
    ['빠르게 답변드립니다', '빠르게'],
  ])('flags a bare speed word in %j', (text, term) => {
    expect(lintPromise(text).map((f) => f.term)).toEqual([term]);
  });

  it('reports 최대한 빨리 once, as the whole phrase, not also its parts', () => {
    const findings = lintPromise('최대한 빨리, 곧바로 연락드립니다');

    expect(findings.map((f) => [f.term, f.index, f.length])).toEqual([
      ['최대한 빨리', 0, 6],
      ['곧바로', 8, 3],
    ]);
  });
});

describe('lintPromise: English', () => {
  it.each<[string, Flag[]]>([
    ['I will reply asap', [['asap', 13, 'vague-time']]],
    ['Call you back ASAP.', [['ASAP', 14, 'vague-time']]],
    ['I will answer as soon as possible', [['as soon as possible', 14, 'vague-time']]],
    ['We respond promptly', [['promptly', 11, 'vague-time']]],
    ['Promptly, I call back.', [['Promptly', 0, 'vague-time']]],
    ['I will call right away', [['right away', 12, 'vague-time']]],
    ['Reply soon', [['soon', 6, 'vague-time']]],
    ['I act immediately', [['immediately', 6, 'vague-time']]],
    ['We will be in touch shortly', [['shortly', 20, 'vague-time']]],
    ['I fix it quickly', [['quickly', 9, 'vague-time']]],
    ['Quotes in a timely manner', [['in a timely manner', 7, 'vague-time']]],
    ['I will do my best', [['do my best', 7, 'vague-effort']]],
    ['We try our very best', [['try our very best', 3, 'vague-effort']]],
    ['Reply a.s.a.p.', [['a.s.a.p.', 6, 'vague-time']]],
    ['I answer as soon as I can', [['as soon as I can', 9, 'vague-time']]],
    ['Straight away, we call', [['Straight away', 0, 'vague-time']]],
    ['I call back within 5 minutes', [['within 5 minutes', 12, 'too-tight']]],
    ['Reply in 10 mins', [['in 10 mins', 6, 'too-tight']]],
    ['Call in 5 min', [['in 5 min', 5, 'too-tight']]],
    [
      'I will reply immediately, and do my best to call within 5 minutes',
      [
        ['immediately', 13, 'vague-time'],
        ['do my best', 30, 'vague-effort'],
        ['within 5 minutes', 49, 'too-tight'],
      ],
    ],
  ])('flags %j', (text, expected) => {
    expect(flags(text)).toEqual(expected);
  });

  it.each([
    'I call back within 45 minutes',
    'Reply within 4 business hours',
    'at your soonest convenience', // "soon" inside another word
    'assoon',
    'Promptness matters',
  ])('does not flag %j', (text) => {
    expect(lintPromise(text)).toEqual([]);
  });

  it('reports "as soon as possible" once, not also "soon" inside it', () => {
    expect(lintPromise('as soon as possible').map((f) => [f.term, f.index, f.length])).toEqual([
      ['as soon as possible', 0, 19],
    ]);
  });
});

describe('lintPromise: suggestions', () => {
  it('a window of 10 minutes or less suggests promising 30 and aiming for at least 10, in both languages', () => {
    expect(lintPromise('5분 안에 회신').map((f) => inBoth(f.suggestion))).toEqual([
      {
        ko: '5분은 매번 지키기 어렵습니다. "30분 이내"로 약속하고 목표는 10분으로 두세요.',
        en: '5 minutes is hard to keep every time. Promise "within 30 minutes" and aim for 10 minutes.',
      },
    ]);
    expect(inBoth(lintPromise('within 1 minute').at(0)!.suggestion).en).toBe(
      '1 minute is hard to keep every time. Promise "within 30 minutes" and aim for 10 minutes.',
    );
    expect(inBoth(lintPromise('10분 이내 도착').at(0)!.suggestion).ko).toBe(
      '10분은 매번 지키기 어렵습니다. "30분 이내"로 약속하고 목표는 10분으로 두세요.',
    );
  });

  it.each(['즉시 회신', '최선을 다해 돕겠습니다', 'asap', 'do my best', 'within 3 mins', '10분 내로 도착'])(
    'gives a non-empty Korean and English suggestion for %j',
    (text) => {
      const findings = lintPromise(text);

      expect(findings).toHaveLength(1);
      expectWellFormed(text, findings);
    },
  );

  it('vague effort and vague time get different advice', () => {
    const [time, effort] = lintPromise('즉시 연락하고 최선을 다하겠습니다');

    expect(time?.kind).toBe('vague-time');
    expect(effort?.kind).toBe('vague-effort');
    expect(inBoth(time!.suggestion).en).not.toBe(inBoth(effort!.suggestion).en);
  });
});

describe('lintPromise on arbitrary text', () => {
  // Pieces that make findings overlap and touch: triggers, their look-alikes, digits and separators.
  const pieces = [
    '즉시',
    '바로',
    '곧',
    '곧바로',
    '최대한',
    '빨리',
    '가능한',
    '한',
    '빠른',
    '시일',
    '내에',
    '최선을',
    '다하겠습니다',
    '분',
    '안에',
    '이내',
    '잡',
    'as',
    'soon',
    'asap',
    'within',
    'in',
    'minutes',
    'mins',
    'do my best',
    'right away',
    '5',
    '10',
    '45',
    ' ',
    '.',
    ',',
    '\n',
  ];
  const mixed = fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((parts) => parts.join(''));

  it.each<[string, fc.Arbitrary<string>]>([
    ['ASCII strings', fc.string({ maxLength: 200 })],
    ['full-Unicode strings (lone surrogates included)', fc.string({ unit: 'binary', maxLength: 200 })],
    ['grapheme strings', fc.string({ unit: 'grapheme', maxLength: 100 })],
    ['strings made of trigger words and their look-alikes', mixed],
  ])('never throws; findings lie inside the text, in order, without overlap: %s', (_label, text) => {
    fc.assert(
      fc.property(text, (t) => {
        expectWellFormed(t, lintPromise(t));
      }),
      { numRuns: 500 },
    );
  });

  it('finds nothing in text without any trigger word', () => {
    // No Korean trigger starts with these syllables, and no English trigger can be spelled without a vowel.
    const plain = fc.constantFrom(
      ...'고객님께연락드립니다합전화회문서요의을를에는',
      ...'bcdfghjklmnpqrstvwxyz',
      ...'0123456789',
      ' ',
      '.',
      ',',
      '\n',
    );
    fc.assert(
      fc.property(fc.array(plain, { maxLength: 80 }), (chars) => {
        expect(lintPromise(chars.join(''))).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });
});
