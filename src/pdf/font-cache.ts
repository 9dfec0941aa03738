import type { Font as FontkitFont, Glyph, GlyphRun } from 'fontkit';

/** The two methods of a fontkit font this module wraps. */
export type LayoutFont = Pick<FontkitFont, 'layout' | 'getGlyph'>;

type GlyphClass = new (id: number, codePoints: number[], font: LayoutFont) => Glyph;

const tuned = new WeakSet<object>();
const nameTokens = new Map<string, string>();

/**
 * Characters of shaped text kept per font. A charter document shapes about 3,500 characters in some 150
 * runs and a keystroke changes one or two of them, so this holds dozens of versions of a document while
 * bounding the memory (a long editing session starts over instead of growing without end).
 */
const MAX_CACHED_CHARS = 100_000;

const sameCodePoints = (a: readonly number[], b: readonly number[]) =>
  a.length === b.length && a.every((cp, i) => cp === b[i]);

/**
 * Makes a fontkit font (as react-pdf loaded it) fast and correct across documents. Idempotent.
 *
 * - **Correct text layer.** fontkit keeps one glyph object per glyph id, with the characters of whichever
 *   call created it first, and pdfkit writes those characters into the PDF's ToUnicode map. pdfkit's
 *   subsetter asks for composite glyphs' components with no characters (Pretendard's comma is drawn
 *   from the ’ glyph), so after one document with a comma, every later ’ extracted as garbage. Here a
 *   glyph asked for with other characters than the cached one carries the characters it was asked for.
 * - **Fast re-renders.** Shaping (fontkit's GSUB/GPOS lookups) was half of a warm render, and a live
 *   preview re-shapes the same paragraphs on every keystroke. Runs are cached by their exact input and
 *   handed out with their own positions (pdfkit scales them in place); the glyph array is shared, and
 *   neither react-pdf nor pdfkit changes it.
 */
export function tuneFont(font: LayoutFont): void {
  if (tuned.has(font)) return;
  tuned.add(font);

  const getGlyph = font.getGlyph.bind(font);
  const relabelled = new Map<string, Glyph>();
  font.getGlyph = (id: number, codePoints: number[] = []): Glyph => {
    const glyph = getGlyph(id, codePoints);
    if (!glyph || codePoints.length === 0 || sameCodePoints(glyph.codePoints, codePoints)) return glyph;
    const key = `${id}:${codePoints.join(',')}`;
    let copy = relabelled.get(key);
    if (!copy) {
      // Same class as fontkit's own glyph (TrueType, CFF, …), so outlines and metrics behave alike.
      copy = new (glyph.constructor as GlyphClass)(id, codePoints, font);
      relabelled.set(key, copy);
    }
    return copy;
  };

  // pdfkit checks whether a run's font is one it has embedded by comparing JSON.stringify of the font's
  // name records, on every text run (≈10 ms a render). The records never change: serialise them once.
  const internals = font as unknown as { name?: unknown; _tables?: { name?: { records?: unknown } } };
  void internals.name; // fontkit decodes a table when it is first read
  const records = internals._tables?.name?.records;
  if (records && typeof records === 'object') {
    // Equal records get the same short token, so the comparison keeps its meaning (italic and upright
    // are registered from the same file and still share one embedded font).
    const json = JSON.stringify(records);
    const token = nameTokens.get(json) ?? `name-records-${nameTokens.size + 1}`;
    nameTokens.set(json, token);
    Object.defineProperty(records, 'toJSON', { value: () => token });
  }

  const layout = font.layout.bind(font);
  const runs = new Map<string, GlyphRun>();
  let cachedChars = 0;
  font.layout = (string, features, script, language, direction): GlyphRun => {
    const key = `${JSON.stringify([features ?? null, script ?? null, language ?? null, direction ?? null])}\u0000${string}`;
    let run = runs.get(key);
    if (!run) {
      run = layout(string, features, script, language, direction);
      if (cachedChars + string.length > MAX_CACHED_CHARS) {
        runs.clear();
        cachedChars = 0;
      }
      runs.set(key, run);
      cachedChars += string.length;
    }
    // Fresh position objects on every call: pdfkit scales a run's positions in place when it lays text
    // out itself (the page numbers, see PageNumber), which would corrupt the cached run for later calls.
    return Object.assign(Object.create(Object.getPrototypeOf(run) as object) as GlyphRun, run, {
      positions: run.positions.map((p) => ({ ...p })),
    });
  };
}
