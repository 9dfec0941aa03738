import { describe, expect, it } from 'vitest';
import { shortName } from '../../../../src/domain/charter/short-name';

describe('shortName', () => {
  it('keeps a short promise whole and cuts a long one at a word boundary', () => {
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
