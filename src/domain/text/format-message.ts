import type { Locale } from '../common';
import { isParticle, particleFor, withTextAfter } from './particle';

// The one message syntax of the app's catalogues (a small subset of ICU MessageFormat):
//   {name}                                       the value of `name`
//   {name, number}                               a number grouped for the locale ("12,000")
//   {name:을}                                     the value, then the Korean particle that fits it ("버전 1을")
//   {name, particle, 을}                          only the particle, for a value in quotes: “{title}”{title, particle, 을}
//   {count, plural, one {# check-in} other {# check-ins}}   a plural chosen by Intl.PluralRules; # is the number
// A placeholder without a value is left as written, so a test can find it.

export type MessageValues = Readonly<Record<string, string | number>>;

const pluralRules = new Map<Locale, Intl.PluralRules>();
const numberFormats = new Map<Locale, Intl.NumberFormat>();
const tags: Record<Locale, string> = { ko: 'ko-KR', en: 'en-US' };

function rulesOf(locale: Locale): Intl.PluralRules {
  let rules = pluralRules.get(locale);
  if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(tags[locale])));
  return rules;
}
function numbersOf(locale: Locale): Intl.NumberFormat {
  let format = numberFormats.get(locale);
  if (!format) numberFormats.set(locale, (format = new Intl.NumberFormat(tags[locale])));
  return format;
}

/** Index just past the `}` that closes the `{` at `open`, or -1 when it is never closed. */
function closing(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i + 1;
  }
  return -1;
}

/** The `{…}` branches of a plural, keyed by selector: `one {# item} other {# items}` → { one, other }. */
function branchesOf(body: string): Map<string, string> {
  const branches = new Map<string, string>();
  let rest = body;
  for (;;) {
    const head = /^\s*(=\d+|zero|one|two|few|many|other)\s*\{/.exec(rest);
    if (!head?.[1]) return branches;
    const open = head[0].length - 1;
    const end = closing(rest, open);
    if (end < 0) return branches;
    branches.set(head[1], rest.slice(open + 1, end - 1));
    rest = rest.slice(end);
  }
}

function plural(locale: Locale, value: number, body: string, values: MessageValues): string {
  const branches = branchesOf(body);
  const chosen =
    branches.get(`=${value}`) ?? branches.get(rulesOf(locale).select(value)) ?? branches.get('other') ?? '';
  // # is the branch's own number: replaced in the branch's text only, never inside a value filled in (a
  // customer's "Order #12" stays as typed) nor inside a nested placeholder.
  const number = numbersOf(locale).format(value);
  let depth = 0;
  let text = '';
  for (const c of chosen) {
    if (c === '{') depth++;
    else if (c === '}') depth--;
    text += c === '#' && depth === 0 ? number : c;
  }
  return formatMessage(locale, text, values);
}

/** `template` with its placeholders filled from `values`, in `locale` (plurals, Korean particles). */
export function formatMessage(locale: Locale, template: string, values: MessageValues = {}): string {
  let out = '';
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('{', i);
    if (open < 0) break;
    const end = closing(template, open);
    if (end < 0) break;
    out += template.slice(i, open);
    const inner = template.slice(open + 1, end - 1);
    out += fill(locale, inner, values) ?? template.slice(open, end);
    i = end;
  }
  return out + template.slice(i);
}

function fill(locale: Locale, inner: string, values: MessageValues): string | undefined {
  const pluralHead = /^\s*(\w+)\s*,\s*plural\s*,/.exec(inner);
  if (pluralHead?.[1]) {
    const value = values[pluralHead[1]];
    return typeof value === 'number'
      ? plural(locale, value, inner.slice(pluralHead[0].length), values)
      : undefined;
  }
  const numberHead = /^\s*(\w+)\s*,\s*number\s*$/.exec(inner);
  if (numberHead?.[1]) {
    const value = values[numberHead[1]];
    return typeof value === 'number' ? numbersOf(locale).format(value) : undefined;
  }
  const particleHead = /^\s*(\w+)\s*,\s*particle\s*,\s*(\S+)\s*$/.exec(inner);
  if (particleHead?.[1] && particleHead[2] && isParticle(particleHead[2])) {
    const value = values[particleHead[1]];
    return value === undefined ? undefined : particleFor(String(value), particleHead[2]);
  }
  const simple = /^(\w+)(?::(\S+))?$/.exec(inner);
  if (!simple?.[1] || !(simple[1] in values)) return undefined;
  const raw = values[simple[1]];
  // Callers format their own numbers and dates (a year must not become "2,026"); only # is grouped.
  const text = String(raw);
  const particle = simple[2];
  return particle === undefined ? text : withTextAfter(text, particle);
}
