import { describe, expect, it } from 'vitest';
import { formatMessage } from '../../../../src/domain/text/format-message';

describe('formatMessage', () => {
  it('fills plain placeholders and leaves numbers as given (a year stays 2026)', () => {
    expect(formatMessage('en', 'Version {version} of {year}', { version: 3, year: 2026 })).toBe(
      'Version 3 of 2026',
    );
  });

  it('chooses English plurals by Intl.PluralRules, with # as the grouped number', () => {
    const template = '{count, plural, one {# check-in} other {# check-ins}} planned';
    expect(formatMessage('en', template, { count: 0 })).toBe('0 check-ins planned');
    expect(formatMessage('en', template, { count: 1 })).toBe('1 check-in planned');
    expect(formatMessage('en', template, { count: 2 })).toBe('2 check-ins planned');
    expect(formatMessage('en', template, { count: 1200 })).toBe('1,200 check-ins planned');
  });

  it('prefers an exact =N branch and fills placeholders inside a branch', () => {
    const template =
      '{count, plural, =0 {No problems} one {# problem in {step}} other {# problems in {step}}}';
    expect(formatMessage('en', template, { count: 0, step: 'Vision' })).toBe('No problems');
    expect(formatMessage('en', template, { count: 1, step: 'Vision' })).toBe('1 problem in Vision');
    expect(formatMessage('en', template, { count: 3, step: 'Vision' })).toBe('3 problems in Vision');
  });

  it('lets Korean use one form for every count', () => {
    // A value filled into the branch keeps its own # (only the branch's text names the number).
    expect(
      formatMessage('en', '{count, plural, one {# reply to {what}} other {# replies to {what}}}', {
        count: 2,
        what: 'Order #12',
      }),
    ).toBe('2 replies to Order #12');
    expect(formatMessage('ko', '{count, plural, other {#건}}', { count: 1 })).toBe('1건');
    expect(formatMessage('ko', '{count, plural, other {#건}}', { count: 12000 })).toBe('12,000건');
  });

  it('groups a number placeholder for the locale', () => {
    expect(formatMessage('ko', '약속 기록 {records, number}건', { records: 12000 })).toBe(
      '약속 기록 12,000건',
    );
    expect(formatMessage('en', '{records, number} records', { records: 1234567 })).toBe('1,234,567 records');
  });

  it('writes the particle that fits the value', () => {
    expect(formatMessage('ko', '버전 {version:을} 게시했습니다.', { version: 1 })).toBe(
      '버전 1을 게시했습니다.',
    );
    expect(formatMessage('ko', '버전 {version:을} 게시했습니다.', { version: 2 })).toBe(
      '버전 2를 게시했습니다.',
    );
    expect(formatMessage('ko', '{step:으로} 가기', { step: '준비 점검' })).toBe('준비 점검으로 가기');
    expect(formatMessage('ko', '{step:으로} 가기', { step: '비전' })).toBe('비전으로 가기');
    expect(
      formatMessage('ko', '“{title}”{title, particle, 을} 삭제했습니다.', { title: '아이오닉 6 헌장' }),
    ).toBe('“아이오닉 6 헌장”을 삭제했습니다.');
    expect(formatMessage('ko', '“{title}”{title, particle, 을} 삭제했습니다.', { title: '나의 약속' })).toBe(
      '“나의 약속”을 삭제했습니다.',
    );
    expect(formatMessage('ko', '“{title}”{title, particle, 을} 삭제했습니다.', { title: '서비스' })).toBe(
      '“서비스”를 삭제했습니다.',
    );
  });

  it('leaves a placeholder without a value as written, so tests can find it', () => {
    expect(formatMessage('en', 'Hello {name}', {})).toBe('Hello {name}');
    expect(formatMessage('en', '{count, plural, one {#} other {#}}', {})).toBe(
      '{count, plural, one {#} other {#}}',
    );
  });

  it('never throws on unbalanced braces', () => {
    expect(formatMessage('en', 'a {b', { b: 1 })).toBe('a {b');
    expect(formatMessage('en', 'a } b', {})).toBe('a } b');
  });
});
