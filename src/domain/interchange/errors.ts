import type { z } from 'zod';
import type { Bilingual } from '../common';
import { formatMessage } from '../text/format-message';

/** One reason a file, link or stored row could not be read: where (`charters[0].title`) and what, in ko and en. */
export type RestoreError = { path: string; message: Bilingual };

/** `['charters', 0, 'promised', 'value']` → `charters[0].promised.value`; odd keys are quoted. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else {
      const name = String(key);
      out += /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name)
        ? out === ''
          ? name
          : `.${name}`
        : `[${JSON.stringify(name)}]`;
    }
  }
  return out;
}

// Whole phrases, because the Korean ending depends on the noun (목록이어야 / 숫자여야).
const MUST_BE_TYPE: Record<string, Bilingual> = {
  string: { en: 'must be text', ko: '글자여야 합니다' },
  number: { en: 'must be a number', ko: '숫자여야 합니다' },
  int: { en: 'must be a whole number', ko: '정수여야 합니다' },
  boolean: { en: 'must be true or false', ko: '참 또는 거짓이어야 합니다' },
  array: { en: 'must be a list', ko: '목록이어야 합니다' },
  object: { en: 'must be an object', ko: '객체여야 합니다' },
  null: { en: 'must be empty (null)', ko: '빈 값(null)이어야 합니다' },
};

const MUST_BE_FORMAT: Record<string, Bilingual> = {
  datetime: {
    en: 'must be a date and time like 2026-11-22T09:00:00Z',
    ko: '2026-11-22T09:00:00Z 같은 날짜와 시각이어야 합니다',
  },
  date: { en: 'must be a date like 2026-11-22', ko: '2026-11-22 같은 날짜여야 합니다' },
  email: { en: 'must be an email address', ko: '이메일 주소여야 합니다' },
  url: { en: 'must be a web address', ko: '웹 주소여야 합니다' },
};

function isBilingual(value: unknown): value is Bilingual {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Bilingual).en === 'string' &&
    typeof (value as Bilingual).ko === 'string'
  );
}

const list = (values: readonly unknown[]) =>
  values
    .slice(0, 8)
    .map((v) => JSON.stringify(v))
    .join(', ') + (values.length > 8 ? ', …' : '');

/** A plain-language, bilingual message for one zod issue (never zod's own English text). */
export function describeIssue(issue: z.core.$ZodIssue): Bilingual {
  // Parsed with `reportInput`, an issue carries its input: an absent value is "missing", whatever was expected.
  const missing = 'input' in issue && issue.input === undefined;
  if (
    missing &&
    (issue.code === 'invalid_type' || issue.code === 'invalid_value' || issue.code === 'invalid_union')
  )
    return { en: 'is missing', ko: '값이 없습니다' };
  switch (issue.code) {
    case 'invalid_type': {
      return MUST_BE_TYPE[issue.expected] ?? { en: 'has the wrong type', ko: '형식이 맞지 않습니다' };
    }
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string')
        return min <= 1
          ? { en: 'must not be empty', ko: '비워 둘 수 없습니다' }
          : { en: `must be at least ${min} characters`, ko: `${min}자 이상이어야 합니다` };
      if (issue.origin === 'array')
        return {
          en: formatMessage('en', 'must have at least {min, plural, one {# item} other {# items}}', { min }),
          ko: `항목이 ${min}개 이상 있어야 합니다`,
        };
      if (min === 0 && !issue.inclusive)
        return { en: 'must be a positive number', ko: '0보다 큰 수여야 합니다' };
      return issue.inclusive
        ? { en: `must be at least ${min}`, ko: `${min} 이상이어야 합니다` }
        : { en: `must be greater than ${min}`, ko: `${min}보다 커야 합니다` };
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string')
        return { en: `must be at most ${max} characters`, ko: `${max}자 이하여야 합니다` };
      if (issue.origin === 'array')
        return { en: `must have at most ${max} items`, ko: `항목이 ${max}개 이하여야 합니다` };
      return issue.inclusive
        ? { en: `must be at most ${max}`, ko: `${max} 이하여야 합니다` }
        : { en: `must be less than ${max}`, ko: `${max}보다 작아야 합니다` };
    }
    case 'invalid_format': {
      const known = MUST_BE_FORMAT[issue.format];
      if (known) return known;
      return { en: 'contains characters that are not allowed', ko: '쓸 수 없는 글자가 들어 있습니다' };
    }
    case 'invalid_value':
      return { en: `must be one of ${list(issue.values)}`, ko: `${list(issue.values)} 중 하나여야 합니다` };
    case 'invalid_union':
      return issue.discriminator
        ? {
            en: `has an unknown "${issue.discriminator}"`,
            ko: `"${issue.discriminator}" 값을 알 수 없습니다`,
          }
        : { en: 'does not match any allowed form', ko: '허용되는 형식과 맞지 않습니다' };
    case 'custom':
      if (isBilingual(issue.params)) return { en: issue.params.en, ko: issue.params.ko };
      return { en: 'is not valid', ko: '올바르지 않습니다' };
    default:
      return { en: 'is not valid', ko: '올바르지 않습니다' };
  }
}

/** Zod issues as restore errors, at most `limit` of them plus a count of the rest. */
export function issuesToErrors(
  issues: readonly z.core.$ZodIssue[],
  prefix: PropertyKey[] = [],
  limit = 50,
): RestoreError[] {
  const errors = issues.slice(0, limit).map((issue) => ({
    path: formatPath([...prefix, ...issue.path]),
    message: describeIssue(issue),
  }));
  if (issues.length > limit) {
    const rest = issues.length - limit;
    errors.push({
      path: formatPath(prefix),
      message: {
        en: formatMessage('en', 'and {rest, plural, one {# more problem} other {# more problems}}', { rest }),
        ko: `그 밖에 문제 ${rest}개`,
      },
    });
  }
  return errors;
}
