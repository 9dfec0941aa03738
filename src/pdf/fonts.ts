import { Font } from '@react-pdf/renderer';
import { tuneFont } from './font-cache';

/** Where the four font files are: URLs in the browser, file paths in Node. */
export type FontSources = {
  subset: { regular: string; bold: string };
  full: { regular: string; bold: string };
};

export const SUBSET_FAMILY = 'Pretendard';
export const FULL_FAMILY = 'Pretendard Full';

let registered: string | null = null;

/**
 * Registers both families once (the subset for everyday documents, the full font for rare syllables).
 * Pretendard has no italic: the upright files also serve italic so emphasised text never fails to render.
 */
export function registerFonts(sources: FontSources): void {
  const key = JSON.stringify(sources);
  if (registered === key) return;
  registered = key;
  for (const [family, files] of [
    [SUBSET_FAMILY, sources.subset],
    [FULL_FAMILY, sources.full],
  ] as const) {
    Font.register({
      family,
      fonts: [
        { src: files.regular, fontWeight: 400 },
        { src: files.bold, fontWeight: 700 },
        { src: files.regular, fontWeight: 400, fontStyle: 'italic' },
        { src: files.bold, fontWeight: 700, fontStyle: 'italic' },
      ],
    });
    // Each font is tuned as soon as react-pdf has loaded it, before its first use (see tuneFont).
    for (const source of Font.getRegisteredFonts()[family]?.sources ?? []) {
      const load = source.load.bind(source);
      source.load = async () => {
        await load();
        if (source.data) tuneFont(source.data);
      };
    }
  }
  Font.registerHyphenationCallback(hyphenate);
}

const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]/;
const LONG = 24;
/**
 * Where a URL or an e-mail address may break: after its separators, as print style guides break them (not
 * after a hyphen: react-pdf adds a hyphen of its own at a break, and '--' reads as part of the address).
 */
const AFTER_SEPARATOR = /(?<=[/.@?&=#_:;,~])(?=.)/u;

/**
 * Break points for a word: none, so Korean words stay whole and English words are not hyphenated; only a
 * word too long for a line or a table column (a URL, an e-mail address, a pasted code) gets break points:
 * after its separators (`/`, `.`, `@`, `?`, `&`, …), and every 24 characters within a longer stretch.
 * react-pdf draws a hyphen where it breaks a word; that is the price of never running past the margin.
 */
export function hyphenate(word: string): string[] {
  if (word.length <= LONG) return [word];
  if (HANGUL.test(word) && word.length <= 80) return [word];
  const parts: string[] = [];
  for (const piece of word.split(AFTER_SEPARATOR)) {
    const chars = Array.from(piece);
    for (let i = 0; i < chars.length; i += LONG) parts.push(chars.slice(i, i + LONG).join(''));
  }
  return parts;
}

/**
 * The family to render `text` with: the subset unless some Hangul syllable in it is missing from the
 * subset (per `coverage`, the base64 bitmap of covered syllables), in which case the full font.
 */
export function pickFontFamily(text: string, coverage: string): string {
  const bits = atob(coverage);
  for (let i = 0; i < text.length; i++) {
    const cp = text.charCodeAt(i);
    if (cp < 0xac00 || cp > 0xd7a3) continue;
    const n = cp - 0xac00;
    if (((bits.charCodeAt(n >> 3) >> (n & 7)) & 1) === 0) return FULL_FAMILY;
  }
  return SUBSET_FAMILY;
}
