import { describe, expect, it } from 'vitest';
import { en } from '../../../src/i18n/en';
import { ko } from '../../../src/i18n/ko';
import { enCli } from '../../../src/i18n/cli/en';
import { koCli } from '../../../src/i18n/cli/ko';
import { enPdf } from '../../../src/i18n/pdf/en';
import { koPdf } from '../../../src/i18n/pdf/ko';
import { formatMessage } from '../../../src/domain/text/format-message';
import type { Locale } from '../../../src/domain/common';

// Every message of both catalogues, filled with sample values, must read as a person wrote it: no particle
// left for the reader to pick ("을(를)"), no "(s)" plural, no doubled honorific, no placeholder left unfilled.

type Tree = { readonly [key: string]: string | Tree };

function* messages(tree: Tree, prefix = ''): Generator<[string, string]> {
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') yield [prefix + key, value];
    else yield* messages(value, `${prefix}${key}.`);
  }
}

/** The placeholder names of a message: `{name}`, `{name:을}`, and the number of a plural or `{n, number}`. */
function placeholders(text: string): { plain: Set<string>; plural: Set<string> } {
  // Plurals and `{n, number}` need numbers; every other placeholder takes text.
  const plural = new Set(
    [...text.matchAll(/\{\s*(\w+)\s*,\s*(?:plural\s*,|number\s*\})/g)].map((m) => m[1] ?? ''),
  );
  const plain = new Set(
    [...text.matchAll(/\{(\w+)(?::[^\s{}]+|\s*,\s*particle\s*,[^{}]+)?\}/g)]
      .map((m) => m[1] ?? '')
      .filter((n) => !plural.has(n)),
  );
  return { plain, plural };
}

const FORBIDDEN = [
  /\((으|을|를|이|가|은|는|와|과)\)/u, // "(으)로", "을(를)", "이(가)"
  /\([^()]*\)(을|를|이|가|은|는|와|과|로|으로)?\(/u, // "을(를)" written the other way round
  /[a-z]\(s\)/, // "problem(s)"
  /\(es\)/,
  /님님/,
  /\{[^}]*\}/, // an unfilled placeholder
];

// Values that exercise both particle forms and the plural categories of both languages.
const STRINGS = ['준비 점검', '비전', '버전 1', 'Vision', 'BMW'];
const COUNTS = [0, 1, 2, 21];

function renderings(locale: Locale, text: string): string[] {
  const { plain, plural } = placeholders(text);
  const out: string[] = [];
  for (const sample of STRINGS) {
    for (const count of COUNTS) {
      const values: Record<string, string | number> = {};
      for (const name of plain) values[name] = sample;
      for (const name of plural) values[name] = count;
      out.push(formatMessage(locale, text, values));
    }
  }
  return out;
}

// The command line's and the PDF's words (kept out of the app's catalogues) are held to the same standard.
const catalogues = {
  en: { ...en, cli: enCli, pdf: enPdf } as Tree,
  ko: { ...ko, cli: koCli, pdf: koPdf } as Tree,
} satisfies Record<Locale, Tree>;

describe('catalogue copy', () => {
  for (const locale of ['ko', 'en'] as const) {
    it(`every ${locale} message reads whole with sample values`, () => {
      const faults: string[] = [];
      for (const [key, text] of messages(catalogues[locale])) {
        for (const filled of renderings(locale, text)) {
          const fault = FORBIDDEN.find((pattern) => pattern.test(filled));
          if (fault) {
            faults.push(`${key}: ${filled}`);
            break;
          }
        }
      }
      expect(faults).toEqual([]);
    });
  }

  it('a message takes the same values in both languages', () => {
    const koMessages = new Map(messages(catalogues.ko));
    const faults: string[] = [];
    for (const [key, text] of messages(catalogues.en)) {
      const other = koMessages.get(key);
      if (other === undefined) continue; // the type checker already requires every key in both
      const names = (t: string) => {
        const { plain, plural } = placeholders(t);
        return [...new Set([...plain, ...plural])].sort().join(',');
      };
      if (names(text) !== names(other)) faults.push(`${key}: en {${names(text)}} ko {${names(other)}}`);
    }
    expect(faults).toEqual([]);
  });

  it('the checks catch the faults they are for', () => {
    expect(
      renderings('ko', '“{title}”을(를) 삭제했습니다.').some((t) => FORBIDDEN.some((p) => p.test(t))),
    ).toBe(true);
    expect(renderings('en', '{count} problem(s)').some((t) => FORBIDDEN.some((p) => p.test(t)))).toBe(true);
    expect(renderings('ko', '{name}님님').some((t) => FORBIDDEN.some((p) => p.test(t)))).toBe(true);
    expect(
      renderings('en', 'Hi {name} {missing, select, a {b}}').some((t) => FORBIDDEN.some((p) => p.test(t))),
    ).toBe(true);
    expect(
      renderings('ko', '버전 {version:을} 게시했습니다.').some((t) => FORBIDDEN.some((p) => p.test(t))),
    ).toBe(false);
  });
});
