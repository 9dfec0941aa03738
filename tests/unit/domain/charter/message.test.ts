import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  PLACEHOLDERS,
  fillMessage as fillWith,
  unknownPlaceholders,
} from '../../../../src/domain/charter/message';
import { fillWords } from '../../../../src/i18n/charter-message';

/** `fillMessage` with the catalogues' words for missing values. */
const fillMessage = (template: string, values: Parameters<typeof fillWith>[1]) =>
  fillWith(template, values, fillWords);

const KO = {
  customer: '이서연',
  product: '아이오닉 6',
  date: '3월 24일',
  delivery: '3월 27일',
  owner: '김민준',
};
const EN = {
  customer: 'Ms Lee',
  product: 'the Ioniq 6',
  date: 'March 24',
  delivery: 'March 27',
  owner: 'Minjun',
};

describe('fillMessage', () => {
  it.each<[string, typeof KO, string]>([
    [
      '{customer}님, {product} 출고일은 {date}입니다. - {owner}',
      KO,
      '이서연님, 아이오닉 6 출고일은 3월 24일입니다. - 김민준',
    ],
    [
      '{customer}님, {customer}님의 {product}를 준비했습니다.',
      KO,
      '이서연님, 이서연님의 아이오닉 6을 준비했습니다.',
    ],
    ['{customer}님, {매장}에서 뵙겠습니다.', KO, '이서연님, {매장}에서 뵙겠습니다.'],
    [
      'Dear {customer}, {product} arrives on {date}. {owner}',
      EN,
      'Dear Ms Lee, the Ioniq 6 arrives on March 24. Minjun',
    ],
    ['Hi {customer}! Bye {customer}!', EN, 'Hi Ms Lee! Bye Ms Lee!'],
    ['Dear {name}, see you at {store}. {owner}', EN, 'Dear {name}, see you at {store}. Minjun'],
    ['{Customer} and { customer } and {customer', EN, '{Customer} and { customer } and {customer'],
    ['No placeholders at all.', EN, 'No placeholders at all.'],
  ])('%j', (template, values, text) => {
    expect(fillMessage(template, values)).toBe(text);
  });

  it('inserts values literally, even ones that look like replacement patterns or placeholders', () => {
    const values = { customer: '$& $1 $$', product: '{owner}', date: '', owner: '김민준' };

    expect(fillMessage('{customer}/{product}/{date}/{owner}', values)).toBe(
      '$& $1 $$/{owner}/the date we set/김민준',
    );
  });

  it.each<[string, Partial<typeof KO>, string]>([
    // {date} is the moment's own date, {delivery} the deal's handover date.
    [
      '{customer}님, {date}에 연락드렸고 {delivery}에 인도합니다.',
      KO,
      '이서연님, 3월 24일에 연락드렸고 3월 27일에 인도합니다.',
    ],
    // The honorific is never doubled, whatever the name was typed with.
    ['{customer}님, 안녕하세요.', { ...KO, customer: '김지현 고객님' }, '김지현님, 안녕하세요.'],
    ['{customer} 고객님, 안녕하세요.', { ...KO, customer: '김지현님' }, '김지현 고객님, 안녕하세요.'],
    ['{customer}님, 안녕하세요.', { ...KO, customer: '' }, '고객님, 안녕하세요.'],
    // Particles follow the value's final consonant.
    ['{owner}를 소개해 주십시오.', { ...KO, owner: '최유진' }, '최유진을 소개해 주십시오.'],
    ['{owner}을 소개해 주십시오.', { ...KO, owner: '김민수' }, '김민수를 소개해 주십시오.'],
    [
      '{owner}와 함께, {product}로 갑니다.',
      { ...KO, owner: '박준', product: '새 차' },
      '박준과 함께, 새 차로 갑니다.',
    ],
    ['{date}이며 좋습니다.', KO, '3월 24일이며 좋습니다.'],
    // Missing values get neutral words, never a gap or a bare placeholder.
    ['{delivery}에 인도해 드릴 예정입니다.', { ...KO, delivery: '' }, '약속한 날에 인도해 드릴 예정입니다.'],
    [
      'Hi {customer}, see you on {delivery}.',
      { ...EN, customer: '', delivery: '' },
      'Hi there, see you on the agreed date.',
    ],
    ['Congratulations, {customer}!', { ...EN, customer: ' ' }, 'Congratulations!'],
  ])('%j with %j', (template, values, text) => {
    expect(fillMessage(template, values)).toBe(text);
  });

  it('leaves any text without a "{" unchanged', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => {
        const template = text.replaceAll('{', '');
        expect(fillMessage(template, KO)).toBe(template);
      }),
      { numRuns: 300 },
    );
  });

  it('replaces every known placeholder between arbitrary brace-free text', () => {
    const piece = fc.string({ maxLength: 20 }).map((s) => s.replaceAll('{', '').replaceAll('}', ''));
    fc.assert(
      fc.property(fc.array(fc.tuple(piece, fc.constantFrom(...PLACEHOLDERS))), piece, (parts, tail) => {
        const template = parts.map(([text, name]) => `${text}{${name}}`).join('') + tail;
        const expected = parts.map(([text, name]) => text + KO[name]).join('') + tail;
        expect(fillMessage(template, KO)).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });
});

describe('unknownPlaceholders', () => {
  it.each<[string, string[]]>([
    ['{customer}님, {product} 출고일은 {date}입니다. - {owner}', []],
    ['{name}님, {customer}님, {name}님 {date} {회사}', ['name', '회사']],
    ['Dear {name}, {Customer} from {store} — {name} again, {store} again', ['name', 'Customer', 'store']],
    ['{ customer } {} {a b} {{x}}', ['x']],
    ['No braces here', []],
    // A known placeholder with its own words for an empty value is known.
    ['{product|차량}을 {delivery|아직 확정 전} {product|your new car} {매장|본점}', ['매장']],
  ])('%j → %j', (template, names) => {
    expect(unknownPlaceholders(template)).toEqual(names);
  });

  it.each<[string, Partial<typeof KO>, string]>([
    // The particle follows how the value is read: 6 육, K8 케이팔, XC90 구십, BMW 더블유.
    ['{product}를 준비했습니다.', { product: '아이오닉 6' }, '아이오닉 6을 준비했습니다.'],
    ['{product}로 가시죠.', { product: 'K8' }, 'K8로 가시죠.'],
    ['{product}가 도착했습니다.', { product: 'XC90' }, 'XC90이 도착했습니다.'],
    ['{product}을 준비했습니다.', { product: 'BMW' }, 'BMW를 준비했습니다.'],
    // The template's own words when the value is empty, with the particle chosen for them.
    ['{product|차량}이 출고되었습니다.', { product: '' }, '차량이 출고되었습니다.'],
    ['{product|차량}이 출고되었습니다.', { product: '아이오닉 6' }, '아이오닉 6이 출고되었습니다.'],
    ['{delivery|사흘 뒤}가 잔금일입니다.', { delivery: '' }, '사흘 뒤가 잔금일입니다.'],
    ['Your {product|new car} is ready.', { product: '' }, 'Your new car is ready.'],
    ['Your {product|new car} is ready.', { product: 'Ioniq 6' }, 'Your Ioniq 6 is ready.'],
  ])('%j with %j → %j', (template, values, expected) => {
    expect(fillMessage(template, values)).toBe(expected);
  });

  it('never lists a known placeholder and lists each unknown name once', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (template) => {
        const names = unknownPlaceholders(template);
        expect(new Set(names).size).toBe(names.length);
        for (const name of names) {
          expect(PLACEHOLDERS as readonly string[]).not.toContain(name);
          // As written: `{name}`, or `{name|words for an empty value}`.
          expect(template.includes(`{${name}}`) || template.includes(`{${name}|`)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
