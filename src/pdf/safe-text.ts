import type { Charter } from '../domain/charter/charter';

// Characters the PDF engine cannot lay out safely with Pretendard, found by the robustness tests:
// - a text of soft hyphens alone crashes text layout (soft hyphens are invisible: dropped);
// - a letter followed by a combining mark the font cannot position crashes glyph positioning: after
//   composing what can be composed ('e' + U+0301 → 'é'), remaining marks are dropped (Hangul syllables
//   are precomposed and unaffected; emoji keycaps and variation selectors fall back to the plain character);
// - bidi override/isolate controls can reorder text misleadingly (dropped).
const SOFT_HYPHEN = /\u00ad/g;
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;
const MARKS = /\p{M}/gu;

/** `text` made safe for the PDF engine (see the notes above); everything else is kept as written. */
export function pdfSafeText(text: string): string {
  return text.normalize('NFC').replace(SOFT_HYPHEN, '').replace(BIDI_CONTROLS, '').replace(MARKS, '');
}

/** A copy of `charter` with every text passed through pdfSafeText (the photo's data URL is left alone). */
export function pdfSafeCharter(charter: Charter): Charter {
  const walk = (value: unknown, key: string): unknown => {
    if (typeof value === 'string') return key === 'photo' || key === 'href' ? value : pdfSafeText(value);
    if (Array.isArray(value)) return value.map((v) => walk(v, ''));
    if (value && typeof value === 'object')
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, k)]));
    return value;
  };
  return walk(charter, '') as Charter;
}
