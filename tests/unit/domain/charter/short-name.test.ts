import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SHORT_NAME_MAX } from '../../../../src/domain/charter/commitment';
import { commitmentLabel, deriveShortName, shortName } from '../../../../src/domain/charter/short-name';

describe('shortName (charter titles in pickers)', () => {
  it('keeps a short title whole and cuts a long one at a word boundary', () => {
    expect(shortName('제가 직접 답신드립니다')).toBe('제가 직접 답신드립니다');
    // 24 characters: "차량 가격, 옵션, 할인, 할부·리스 조건을 모" → cut after "할부·리스".
    expect(shortName('차량 가격, 옵션, 할인, 할부·리스 조건을 모두 담은 서면 견적서를 보내 드립니다')).toBe(
      '차량 가격, 옵션, 할인, 할부·리스…',
    );
    expect(shortName('I return every call within four business hours')).toBe('I return every call…');
  });

  it('cuts inside a word only when no boundary falls in the second half', () => {
    expect(shortName('abcdefghijklmnopqrstuvwxyz0123')).toBe('abcdefghijklmnopqrstuvwx…');
  });
});

describe('deriveShortName (a commitment with no short name of its own)', () => {
  it('keeps a text of at most 24 characters whole, without its final full stop', () => {
    expect(deriveShortName('  부재중 전화에   회신합니다 ')).toBe('부재중 전화에 회신합니다');
    // Exactly 24 characters.
    expect(deriveShortName('보험금 청구 서류를 약속한 날까지 접수합니다')).toBe(
      '보험금 청구 서류를 약속한 날까지 접수합니다',
    );
    expect(deriveShortName('Send a written quote.')).toBe('Send a written quote');
  });

  it('keeps the first whole words within 24 characters, in Korean and English', () => {
    // 26 characters; "… 리포트를 보내" is 21, "… 드립니다" would make 26.
    expect(deriveShortName('가입 1년 후 보장 점검 리포트를 보내 드립니다')).toBe(
      '가입 1년 후 보장 점검 리포트를 보내',
    );
    // "Deliver your coverage" is 21; "review" would make 28.
    expect(deriveShortName('Deliver your coverage review by the date we agree')).toBe(
      'Deliver your coverage',
    );
  });

  it('ends at a clause boundary inside those words, and never on a hanging word', () => {
    // "Walk you through a claim" is exactly 24; the bracket starts the next clause.
    expect(
      deriveShortName('Walk you through a claim (which forms, which documents, what happens next)'),
    ).toBe('Walk you through a claim');
    // Words within 24: "Deliver your policy with"; "with" leaves it hanging.
    expect(
      deriveShortName('Deliver your policy with a one-page, plain-English summary of what it covers'),
    ).toBe('Deliver your policy');
    // Words within 24: "등록·탁송 등 부대 비용 때문에 최종 청구" (23): no clause ends inside them.
    expect(
      deriveShortName(
        '등록·탁송 등 부대 비용 때문에 최종 청구 금액이 견적서보다 늘어나더라도, 늘어난 금액은 한도를 넘기지 않습니다',
      ),
    ).toBe('등록·탁송 등 부대 비용 때문에 최종 청구');
    // Words within 24 end "할부·리스 조건을"; the last comma inside them falls after "할인," (14 ≥ 8).
    expect(
      deriveShortName('차량 가격, 옵션, 할인, 할부·리스 조건을 모두 담은 서면 견적서를 보내 드립니다'),
    ).toBe('차량 가격, 옵션, 할인');
  });

  it('cuts a first word longer than the limit at the limit, and gives nothing only for a blank text', () => {
    expect(deriveShortName('abcdefghijklmnopqrstuvwxyz0123')).toBe('abcdefghijklmnopqrstuvwx');
    expect(deriveShortName('   ')).toBe('');
    expect(deriveShortName('…')).toBe('…');
  });

  const words = fc.array(
    fc.oneof(
      fc.string({ minLength: 1, maxLength: 12 }),
      fc.constantFrom(
        '보험금',
        '청구',
        '서류를',
        'with',
        'the',
        '및',
        '(brackets',
        'fees,',
        '—',
        '할부·리스',
      ),
    ),
    { maxLength: 30 },
  );
  const sentence = words.map((w) => w.join(' '));

  it('is never longer than the limit, and never empty when the text is not blank', () => {
    fc.assert(
      fc.property(fc.oneof(sentence, fc.string({ maxLength: 300 })), (text) => {
        const name = deriveShortName(text);
        expect(name.length).toBeLessThanOrEqual(SHORT_NAME_MAX);
        expect(name === '').toBe(text.trim() === '');
      }),
    );
  });

  it('is the text’s start and never ends inside a word, unless the first word alone is too long', () => {
    fc.assert(
      fc.property(sentence, (text) => {
        const collapsed = text.trim().replace(/\s+/g, ' ');
        const name = deriveShortName(text);
        expect(collapsed.startsWith(name)).toBe(true);
        const next = collapsed.slice(name.length, name.length + 1);
        const firstWord = collapsed.split(' ')[0]!;
        if (firstWord.length <= SHORT_NAME_MAX && next !== '')
          // What follows the name is a space or the marks dropped from the word's end.
          expect(next).toMatch(/[\s,;:.!?。、·…\-–—(]/u);
      }),
    );
  });
});

describe('commitmentLabel', () => {
  it('is the owner’s short name when there is one, else the name derived from the text', () => {
    expect(
      commitmentLabel({ shortName: '견적 설명', what: '차량 가격과 옵션을 담은 견적서를 보내 드립니다' }),
    ).toBe('견적 설명');
    expect(commitmentLabel({ shortName: '  ', what: 'Send a written quote' })).toBe('Send a written quote');
  });
});
