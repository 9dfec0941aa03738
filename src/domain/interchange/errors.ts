import type { z } from 'zod';
import { message } from '../text/message';
import type { Message, MessageCode, MessageParams } from '../text/message';

/** One reason a file, link or stored row could not be read: where (`charters[0].title`) and what (a message code). */
export type RestoreError = { path: string; message: Message };

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
const MUST_BE_TYPE: Record<string, MessageCode> = {
  string: 'issue.mustBeText',
  number: 'issue.mustBeNumber',
  int: 'issue.mustBeWholeNumber',
  boolean: 'issue.mustBeBoolean',
  array: 'issue.mustBeList',
  object: 'issue.mustBeObject',
  null: 'issue.mustBeNull',
};

const MUST_BE_FORMAT: Record<string, MessageCode> = {
  datetime: 'issue.dateTime',
  date: 'issue.date',
  email: 'issue.email',
  url: 'issue.url',
};

/** The code a schema's own rule names in `params` (`refine(…, { params: { code: 'issue.timeZone' } })`). */
function customCode(params: unknown): MessageCode | undefined {
  if (typeof params !== 'object' || params === null) return undefined;
  const { code } = params as { code?: unknown };
  return typeof code === 'string' && code.startsWith('issue.') ? (code as MessageCode) : undefined;
}

/** The values a schema's own rule passes with its code (`params: { code, values: { id } }`). */
function customValues(params: unknown): MessageParams | undefined {
  const values = (params as { values?: unknown }).values;
  return typeof values === 'object' && values !== null ? (values as MessageParams) : undefined;
}

const list = (values: readonly unknown[]) =>
  values
    .slice(0, 8)
    .map((v) => JSON.stringify(v))
    .join(', ') + (values.length > 8 ? ', …' : '');

/** A plain-language message for one zod issue (never zod's own English text), as a code and its values. */
export function describeIssue(issue: z.core.$ZodIssue): Message {
  // Parsed with `reportInput`, an issue carries its input: an absent value is "missing", whatever was expected.
  const missing = 'input' in issue && issue.input === undefined;
  if (
    missing &&
    (issue.code === 'invalid_type' || issue.code === 'invalid_value' || issue.code === 'invalid_union')
  )
    return message('issue.missing');
  switch (issue.code) {
    case 'invalid_type':
      return message(MUST_BE_TYPE[issue.expected] ?? 'issue.wrongType');
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string')
        return min <= 1 ? message('issue.notEmpty') : message('issue.minChars', { min });
      if (issue.origin === 'array') return message('issue.minItems', { min });
      if (min === 0 && !issue.inclusive) return message('issue.positive');
      return message(issue.inclusive ? 'issue.atLeast' : 'issue.greaterThan', { min });
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return message('issue.maxChars', { max });
      if (issue.origin === 'array') return message('issue.maxItems', { max });
      return message(issue.inclusive ? 'issue.atMost' : 'issue.lessThan', { max });
    }
    case 'invalid_format':
      return message(MUST_BE_FORMAT[issue.format] ?? 'issue.badCharacters');
    case 'invalid_value':
      return message('issue.oneOf', { values: list(issue.values) });
    case 'invalid_union':
      return issue.discriminator
        ? message('issue.unknownKind', { key: issue.discriminator })
        : message('issue.noAllowedForm');
    case 'custom': {
      const code = customCode(issue.params);
      return code ? message(code, customValues(issue.params)) : message('issue.invalid');
    }
    default:
      return message('issue.invalid');
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
      message: message('issue.moreProblems', { rest }),
    });
  }
  return errors;
}
