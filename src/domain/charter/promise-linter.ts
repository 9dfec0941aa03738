import { message } from '../text/message';
import type { Message } from '../text/message';

/** A vague or unkeepable phrase found in a promise, with measurable wording to use instead. */
export type LintFinding = {
  /** The phrase as written. */
  term: string;
  /** Where it starts in the text (UTF-16 index) and how long it is. */
  index: number;
  length: number;
  kind: 'vague-time' | 'vague-effort' | 'too-tight';
  /** Measurable wording to use instead (promiseLint.time, .effort or .tight). */
  suggestion: Message;
};

const SUGGEST_TIME = message('promiseLint.time');
const SUGGEST_EFFORT = message('promiseLint.effort');
// Promise 30 minutes and keep the owner's own window (at least 10 minutes) as the aim.
const suggestTight = (minutes: number) =>
  message('promiseLint.tight', { minutes, aim: Math.max(minutes, 10) });

// Korean has no spaces between a word and its particles, so a term must start a word (not follow Hangul)
// and short ones must not run into a longer word (바로잡다, 곧다).
const NOT_AFTER_HANGUL = '(?<![가-힣])';
const patterns: { re: RegExp; kind: LintFinding['kind'] }[] = [
  {
    re: new RegExp(`${NOT_AFTER_HANGUL}(?:최대한|가능한 한|가능한|되도록) ?(?:빨리|빠르게|신속하게)`, 'g'),
    kind: 'vague-time',
  },
  { re: new RegExp(`${NOT_AFTER_HANGUL}빠른 ?시일 ?내(?:에|로)?`, 'g'), kind: 'vague-time' },
  { re: new RegExp(`${NOT_AFTER_HANGUL}곧(?:바로|장)`, 'g'), kind: 'vague-time' },
  { re: new RegExp(`${NOT_AFTER_HANGUL}(?:즉시|즉각|신속히|신속하게|금방|얼른)`, 'g'), kind: 'vague-time' },
  { re: new RegExp(`${NOT_AFTER_HANGUL}바로(?![잡가])`, 'g'), kind: 'vague-time' },
  { re: new RegExp(`${NOT_AFTER_HANGUL}곧(?![다고은게이])`, 'g'), kind: 'vague-time' },
  { re: new RegExp(`${NOT_AFTER_HANGUL}(?:빨리|빠르게|조속히)`, 'g'), kind: 'vague-time' },
  { re: new RegExp(`${NOT_AFTER_HANGUL}최선을 ?다(?:해|하여|하겠습니다)`, 'g'), kind: 'vague-effort' },
  { re: /\b(?:asap|a\.s\.a\.p\.?|as soon as (?:possible|we can|I can))(?![\w])/gi, kind: 'vague-time' },
  {
    re: /\b(?:promptly|right away|straight away|immediately|shortly|quickly|soon|in a timely (?:manner|fashion))\b/gi,
    kind: 'vague-time',
  },
  { re: /\b(?:do|try) (?:my|our) (?:very )?best\b/gi, kind: 'vague-effort' },
];
// "5분 안에", "within 5 minutes": a window of 10 minutes or less is the classic broken callback promise.
const tight = [
  /(\d{1,2}) ?분 ?(?:안에|이내|내에|내로|만에)/g,
  /\bwithin (\d{1,2}) ?(?:minutes?|mins?)\b/gi,
  /\bin (\d{1,2}) ?(?:minutes?|mins?)\b/gi,
];

/**
 * Every vague or unkeepable phrase in `text` (Korean and English): vague times (즉시, 바로, 곧, 빨리, 최대한 빨리, 조속히,
 * asap, promptly, right away, soon…), vague effort (최선을 다해, do my best) and windows of ≤ 10 minutes,
 * in order of position, each with a measurable suggestion that keeps a buffer.
 */
export function lintPromise(text: string): LintFinding[] {
  const findings: LintFinding[] = [];
  const taken: [number, number][] = [];
  const add = (index: number, term: string, kind: LintFinding['kind'], suggestion: Message) => {
    const end = index + term.length;
    if (taken.some(([s, e]) => index < e && end > s)) return; // the longer phrase already covers it
    taken.push([index, end]);
    findings.push({ term, index, length: term.length, kind, suggestion });
  };
  for (const re of tight)
    for (const m of text.matchAll(re)) {
      const minutes = Number(m[1]);
      if (minutes <= 10) add(m.index, m[0], 'too-tight', suggestTight(minutes));
    }
  for (const { re, kind } of patterns)
    for (const m of text.matchAll(re))
      add(m.index, m[0], kind, kind === 'vague-effort' ? SUGGEST_EFFORT : SUGGEST_TIME);
  return findings.sort((a, b) => a.index - b.index);
}
