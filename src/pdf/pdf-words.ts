import type { Locale } from '../domain/common';
import { formatMessage } from '../domain/text/format-message';
import { enPdf } from '../i18n/pdf/en';
import type { PdfMessages } from '../i18n/pdf/en';
import { koPdf } from '../i18n/pdf/ko';

// The PDF's words (src/i18n/pdf/*) through the one message format. A key's values are typed from its English
// text: `version: 'Version {version}'` takes { version } (text, or a number written as it is), and a plural
// or `{n, number}` takes a number (grouped for the language).

type En = typeof enPdf;

/** A key of the PDF's words: `charter`, or `section.key` inside a section (`channels.call`). */
export type PdfKey = {
  [K in keyof En & string]: En[K] extends string ? K : `${K}.${keyof En[K] & string}`;
}[keyof En & string];

type TextOf<K extends string> = K extends `${infer S}.${infer J}`
  ? S extends keyof En
    ? J extends keyof En[S]
      ? En[S][J]
      : never
    : never
  : K extends keyof En
    ? En[K]
    : never;

type Trim<S extends string> = S extends ` ${infer R}` ? Trim<R> : S extends `${infer R} ` ? Trim<R> : S;
type NameOf<Inner extends string> = Inner extends `${infer N},${string}`
  ? Trim<N>
  : Inner extends `${infer N}:${string}`
    ? N
    : Inner;
type Part<Inner extends string> =
  NameOf<Inner> extends `${string}${' ' | '#'}${string}` ? never : NameOf<Inner>;
/** The placeholder names of a message (a plural's branches hold `#`, never a name). */
type Names<S> = S extends `${string}{${infer Inner}}${infer Rest}` ? Part<Inner> | Names<Rest> : never;
/** The names a message needs as numbers: `{n, number}` and `{n, plural, …}`. */
type NumberNames<S> = S extends `${string}{${infer Inner}}${infer Rest}`
  ? | (Inner extends `${infer N},${string}${'number' | 'plural'}${string}` ? Trim<N> : never)
    | NumberNames<Rest>
  : never;

/** The values the message at `K` takes. */
export type PdfValues<K extends string> = {
  readonly [N in Names<TextOf<K>>]: N extends NumberNames<TextOf<K>> ? number : string | number;
};

/** The PDF's words in one language: `t('version', { version: 2 })`. */
export type PdfWords = <K extends PdfKey>(
  key: K,
  ...values: [Names<TextOf<K>>] extends [never] ? [] : [PdfValues<K>]
) => string;

const catalogues: Record<Locale, PdfMessages> = { en: enPdf, ko: koPdf };

/** The PDF's words in `locale` (the charter's language), filled in by the one message format. */
export function pdfWords(locale: Locale): PdfWords {
  const words = catalogues[locale];
  return (key, ...values) => {
    let node: unknown = words;
    for (const part of key.split('.')) node = (node as Record<string, unknown>)[part];
    return formatMessage(locale, typeof node === 'string' ? node : key, values[0] ?? {});
  };
}
