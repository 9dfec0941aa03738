import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { describeIssue, issuesToErrors } from '../../../src/domain/interchange/errors';
import { describeCsvProblem, problem } from '../../../src/domain/interchange/csv-columns';
import { parseCsv } from '../../../src/domain/interchange/csv-read';
import { message } from '../../../src/domain/text/message';
import { translateMessage } from '../../../src/lib/i18n';
import { en } from '../../../src/i18n/en';
import { messageText } from '../../../src/i18n/message-text';
import { inBoth } from './in-both';

// The domain says what is wrong as a code and its values; the interface words it in either language, with
// the plural and the Korean particle its values need.

const issuesOf = (schema: z.ZodType, value: unknown) => {
  const parsed = schema.safeParse(value, { reportInput: true });
  return parsed.success ? [] : parsed.error.issues;
};

describe('domain messages, worded by the catalogues', () => {
  it('a zod issue becomes a code and its values, never zod’s own English', () => {
    const [issue] = issuesOf(z.string().max(1), 'ab');
    expect(describeIssue(issue!)).toEqual({ code: 'issue.maxChars', params: { max: 1 } });
    expect(inBoth(describeIssue(issue!))).toEqual({
      en: 'must be at most 1 character',
      ko: '1자 이하여야 합니다',
    });
    const [long] = issuesOf(z.string().max(4_000), 'x'.repeat(4_001));
    expect(inBoth(describeIssue(long!))).toEqual({
      en: 'must be at most 4,000 characters',
      ko: '4,000자 이하여야 합니다',
    });
  });

  it('counts the problems left out in the plural each language needs', () => {
    const issues = issuesOf(z.array(z.string()), [1, 2]);
    expect(issuesToErrors(issues, [], 1).map((e) => inBoth(e.message))).toEqual([
      { en: 'must be text', ko: '글자여야 합니다' },
      { en: 'and 1 more problem', ko: '그 밖에 문제 1개' },
    ]);
    const many = issuesOf(z.array(z.string()), [1, 2, 3]);
    expect(inBoth(issuesToErrors(many, [], 1)[1]!.message)).toEqual({
      en: 'and 2 more problems',
      ko: '그 밖에 문제 2개',
    });
  });

  it('a schema rule names its code; the Korean particle follows the value as it is read', () => {
    const unique = z.array(z.string()).superRefine((ids, ctx) => {
      ids.forEach((id, i) => {
        if (ids.indexOf(id) !== i)
          ctx.addIssue({ code: 'custom', path: [i], params: { code: 'issue.repeatedId', values: { id } } });
      });
    });
    const said = (ids: string[]) => inBoth(describeIssue(issuesOf(unique, ids)[0]!)).ko;
    expect(said(['c1', 'c1'])).toBe('id "c1"이 중복됩니다'); // 일이
    expect(said(['c2', 'c2'])).toBe('id "c2"가 중복됩니다'); // 이가
    expect(said(['BMW', 'BMW'])).toBe('id "BMW"가 중복됩니다'); // 더블유가
  });

  it('a CSV problem says where it is, in either language, around the reason', () => {
    const atRow = problem(7, '기록 ID', 'csvProblem.otherCharter', { id: 'r-7' });
    expect(inBoth(describeCsvProblem(atRow))).toEqual({
      en: `row 7, column '기록 ID': record "r-7" belongs to another charter; remove the id to import it as a new record`,
      ko: `7행, '기록 ID' 열: 기록 "r-7"은 다른 헌장의 기록입니다. 새 기록으로 가져오려면 ID를 지우세요`,
    });
    const other = problem(3, null, 'csvProblem.otherCharter', { id: 'r-2' });
    expect(inBoth(describeCsvProblem(other)).ko).toBe(
      '3행: 기록 "r-2"는 다른 헌장의 기록입니다. 새 기록으로 가져오려면 ID를 지우세요',
    );
  });

  it('groups large numbers and picks the plural', () => {
    const rows = Array.from({ length: 100_001 }, (_, i) => `r${i}`).join('\n');
    const result = parseCsv(`Record id\n${rows}`);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(inBoth(describeCsvProblem(result.problems[0]!))).toEqual({
      en: 'the file has 100,001 rows; at most 100,000 can be imported at once',
      ko: '행이 100,001개입니다. 한 번에 100,000개까지 가져올 수 있습니다',
    });
  });

  it('words a nested message (a lint suggestion inside a review problem) in the same language', () => {
    const vague = message('charterProblem.commitmentVague', {
      n: 2,
      term: '바로',
      suggestion: message('promiseLint.tight', { minutes: 5, aim: 10 }),
    });
    expect(inBoth(vague)).toEqual({
      en: 'Commitment 2: “바로” is vague. 5 minutes is hard to keep every time. Promise "within 30 minutes" and aim for 10 minutes.',
      ko: '약속 2: “바로”는 모호합니다. 5분은 매번 지키기 어렵습니다. "30분 이내"로 약속하고 목표는 10분으로 두세요.',
    });
    // The command line words messages from a catalogue it holds, the same way.
    expect(messageText(en, 'en', vague)).toBe(translateMessage('en', vague));
  });

  it('only codes the catalogues word type-check', () => {
    // @ts-expect-error 'issue.nope' is not a domain message code
    const unknown = message('issue.nope');
    expect(translateMessage('en', unknown)).toBe('issue.nope');
  });
});
