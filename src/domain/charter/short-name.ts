import { SHORT_NAME_MAX } from './commitment';
import type { Commitment } from './commitment';
import { TEMPLATE_SHORT_NAMES } from './template-short-names';

/** Longest text, in characters, `shortName` keeps before it shortens (a picker chip's width). */
const TITLE_MAX = 24;

/**
 * A text (a charter's title) short enough for a one-tap picker: the whole text when it has at most 24
 * characters, else its first words up to that length (cut at a space or comma when one falls in the
 * second half) followed by "…".
 */
export function shortName(what: string): string {
  const text = what.trim().replace(/\s+/g, ' ');
  const chars = Array.from(text);
  if (chars.length <= TITLE_MAX) return text;
  const head = chars.slice(0, TITLE_MAX).join('');
  const cut = Math.max(head.lastIndexOf(' '), head.lastIndexOf(','));
  return `${(cut >= TITLE_MAX / 2 ? head.slice(0, cut) : head).replace(/[,\s]+$/, '')}…`;
}

// Punctuation a name never ends with (a clause or sentence mark left by the cut).
const TRAILING_MARKS = /[\s,;:.!?。、·…\-–—(]+$/u;
// A word that ends a clause ("written,", "(brackets") or a dash between clauses: a cut may fall after it.
const ENDS_CLAUSE = /[,;:)]$/u;
const STARTS_CLAUSE = /^[(\-–—]/u;
// Words that leave a name hanging when they end it ("Deliver your policy with", "서류 및").
const HANGING_WORDS = new Set([
  'a',
  'about',
  'after',
  'an',
  'and',
  'at',
  'before',
  'by',
  'for',
  'from',
  'in',
  'into',
  'of',
  'on',
  'or',
  'the',
  'that',
  'to',
  'when',
  'with',
  'within',
  'your',
  'my',
  '및',
  '또는',
  '등',
]);

/** Drops the marks and hanging words a cut leaves at the end; keeps `words` whole when that empties it. */
function tidyEnd(words: string[]): string[] {
  const out = [...words];
  for (;;) {
    const last = out.length - 1;
    if (last < 0) return words;
    const tidied = out[last]!.replace(TRAILING_MARKS, '');
    if (tidied === '' || (HANGING_WORDS.has(tidied.toLowerCase()) && out.length > 1)) out.pop();
    else if (tidied !== out[last]) out[last] = tidied;
    else return out.length > 0 ? out : words;
  }
}

/**
 * The short name derived from a commitment's text: `what` with whitespace collapsed and trailing marks
 * dropped when that has at most SHORT_NAME_MAX (24) UTF-16 units; else its longest run of first whole
 * words within the limit, cut back to the last clause boundary in it (after a word ending in , ; : ) or
 * before one starting with ( or a dash) when that keeps at least a third of the limit, with trailing
 * marks and hanging words (a, the, with, 및, 등…) dropped. A first word longer than the limit is cut at
 * the limit (the only cut inside a word). '' only for a blank text.
 */
export function deriveShortName(what: string): string {
  const collapsed = what.trim().replace(/\s+/g, ' ');
  const text = collapsed.replace(TRAILING_MARKS, '') || collapsed;
  if (text.length <= SHORT_NAME_MAX) return text;
  const words = text.split(' ');
  const first = words[0]!;
  if (first.length > SHORT_NAME_MAX) {
    let cut = '';
    for (const char of first) {
      if (cut.length + char.length > SHORT_NAME_MAX) break;
      cut += char;
    }
    return cut.replace(TRAILING_MARKS, '') || cut;
  }
  const kept = [first];
  let length = first.length;
  for (const word of words.slice(1)) {
    if (length + 1 + word.length > SHORT_NAME_MAX) break;
    kept.push(word);
    length += 1 + word.length;
  }
  // The last clause boundary inside the kept words: a name that ends where a clause does reads whole.
  let clauseEnd = 0;
  let at = 0;
  kept.forEach((word, i) => {
    if (i > 0 && STARTS_CLAUSE.test(word) && at - 1 >= SHORT_NAME_MAX / 3) clauseEnd = i;
    at += word.length + 1;
    if (i < kept.length - 1 && ENDS_CLAUSE.test(word) && at - 1 >= SHORT_NAME_MAX / 3) clauseEnd = i + 1;
  });
  return tidyEnd(clauseEnd > 0 ? kept.slice(0, clauseEnd) : kept).join(' ');
}

/**
 * The name a commitment goes by in pickers: its owner's short name when set; else, for a bundled template's
 * text word for word, the template's name (TEMPLATE_SHORT_NAMES); else deriveShortName(what).
 */
export function commitmentLabel(commitment: Pick<Commitment, 'shortName' | 'what'>): string {
  return (
    commitment.shortName.trim() ||
    TEMPLATE_SHORT_NAMES.get(commitment.what.trim()) ||
    deriveShortName(commitment.what)
  );
}
