import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { josa } from 'es-hangul';
import { particleFor, withParticle } from '../../../../src/domain/text/particle';

describe('Korean particles after a word', () => {
  it('follow the final consonant of Hangul words, with 로 after ㄹ', () => {
    expect(withParticle('준비 점검', '으로')).toBe('준비 점검으로');
    expect(withParticle('서울', '으로')).toBe('서울로');
    expect(withParticle('회의', '으로')).toBe('회의로');
    expect(withParticle('고객', '을')).toBe('고객을');
    expect(withParticle('차량', '를')).toBe('차량을');
    expect(withParticle('최유진', '이')).toBe('최유진이');
    expect(withParticle('김민수', '가')).toBe('김민수가');
    expect(withParticle('약속', '와')).toBe('약속과');
    expect(withParticle('기록', '은')).toBe('기록은');
  });

  it('read digits as Korean numbers: 일, 이, 삼 … and 십, 백, 천, 만', () => {
    expect(withParticle('버전 1', '을')).toBe('버전 1을'); // 일
    expect(withParticle('버전 2', '을')).toBe('버전 2를'); // 이
    expect(withParticle('아이오닉 6', '를')).toBe('아이오닉 6을'); // 육
    expect(withParticle('버전 3', '이')).toBe('버전 3이'); // 삼
    expect(withParticle('버전 4', '이')).toBe('버전 4가'); // 사
    expect(withParticle('버전 7', '으로')).toBe('버전 7로'); // 칠: ㄹ takes 로
    expect(withParticle('버전 6', '으로')).toBe('버전 6으로'); // 육
    expect(withParticle('버전 10', '으로')).toBe('버전 10으로'); // 십
    expect(withParticle('버전 12', '으로')).toBe('버전 12로'); // 십이
    expect(withParticle('100', '을')).toBe('100을'); // 백
    expect(withParticle('1.5', '를')).toBe('1.5를'); // 일 점 오
  });

  it('read acronyms letter by letter and English words by their sound', () => {
    expect(withParticle('BMW', '을')).toBe('BMW를'); // 더블유
    expect(withParticle('KTX', '이')).toBe('KTX가'); // 엑스
    expect(withParticle('LG', '은')).toBe('LG는'); // 지
    expect(withParticle('TV', '으로')).toBe('TV로'); // 브이
    expect(withParticle('URL', '으로')).toBe('URL로'); // 엘
    expect(withParticle('PDF', '을')).toBe('PDF를'); // 에프
    expect(withParticle('iPhone', '을')).toBe('iPhone을'); // 아이폰
    expect(withParticle('e-mail', '으로')).toBe('e-mail로'); // 메일
  });

  it('skip closing quotes and brackets, which are not read aloud', () => {
    expect(withParticle('“헌장”', '을')).toBe('“헌장”을');
    expect(withParticle('“아이오닉 6”', '을')).toBe('“아이오닉 6”을');
    expect(withParticle('상담(전화)', '로')).toBe('상담(전화)로');
  });

  it('agree with es-hangul on every Hangul word', () => {
    const syllable = fc.integer({ min: 0xac00, max: 0xd7a3 }).map((c) => String.fromCharCode(c));
    const word = fc.array(syllable, { minLength: 1, maxLength: 4 }).map((s) => s.join(''));
    fc.assert(
      fc.property(
        word,
        fc.constantFrom('을/를', '이/가', '은/는', '와/과', '으로/로') as fc.Arbitrary<'을/를'>,
        (w, pair) => {
          const first = pair.split('/')[0] as '을';
          expect(w + particleFor(w, first)).toBe(josa(w, pair));
        },
      ),
    );
  });
});
