/**
 * The placeholders a moment's message may use: `{date}` is the date of the moment itself, `{delivery}` the
 * deal's handover date (delivery, installation, move-in, go-live… as the charter names it).
 */
export const PLACEHOLDERS = ['customer', 'product', 'date', 'delivery', 'owner'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

import type { Locale } from '../common';
import { withTextAfter } from '../text/particle';

// A Korean particle written after a placeholder ("{owner}를") is chosen again for the value put in
// ("최유진을", "김민준을", "아이오닉 6을", "BMW를"), by how the value ends when read aloud: digits and Latin
// letters as a Korean speaker says them (see domain/text/particle). Only standalone particles: "{date}이며"
// is left alone.

const HANGUL = /[\uac00-\ud7a3]/;

/**
 * What an empty value is replaced by, per language of the message's text, so a message never leaves the app
 * with a gap or a bare "{…}": `productNoun` after the message's own determiner ("your {product}"),
 * `customer` for an unnamed customer (in English only after "Hi "), `customerBeforeHonorific` before the
 * message's own "님". The words are in the catalogues (src/i18n/charter-text `messageFill`).
 */
export type FillWords = Readonly<
  Record<
    Locale,
    Readonly<
      Record<
        Exclude<Placeholder, 'customer'> | 'productNoun' | 'customer' | 'customerBeforeHonorific',
        string
      >
    >
  >
>;

// An English product after its own determiner ("your {product}", "the {product}", "new {product}") takes
// the bare noun, never "your your purchase".
const EN_DETERMINER_BEFORE = /\b(your|the|a|an|my|our|this|that|new)\s+$/i;

// A signature that names the owner ("— {owner}", "– {owner} 드림") is dropped when there is no name to sign.
const SIGNATURE = /[ \t]*[-–—][ \t]*\{owner\}([ \t]*드림)?[ \t]*$/gm;

// "{customer}님" / "{customer} 고객님" with a name typed as "김지현 고객님" or "김지현님": the honorific
// the template adds is the only one kept ("김지현 고객님", never "김지현 고객님님").
const HONORIFIC_END = /\s*(고객님|님|고객)$/;

function fillCustomer(template: string, name: string, korean: boolean, words: FillWords[Locale]): string {
  const trimmed = name.trim();
  return template.replace(/(Hi |, )?\{customer\}(\s*고객님|님)?/g, (_m, lead: string = '', after = '') => {
    if (korean) {
      if (after) return lead + (trimmed.replace(HONORIFIC_END, '') || words.customerBeforeHonorific) + after;
      return lead + (trimmed === '' ? words.customer : trimmed);
    }
    if (trimmed !== '') return lead + trimmed + after;
    // No name: "Hi {customer}," becomes "Hi there,"; "Congratulations, {customer}!" loses the address.
    return lead === 'Hi ' ? `${lead}${words.customer}${after}` : after;
  });
}

/**
 * `template` with its placeholders filled for one customer; an empty or missing value gets neutral words
 * from `words` in the template's language (Korean when it holds Hangul), the customer's honorific is never
 * doubled, and unknown `{words}` are left as written so the user sees them.
 */
export function fillMessage(
  template: string,
  values: Partial<Record<Placeholder, string>>,
  words: FillWords,
): string {
  const korean = HANGUL.test(template);
  const fallback = words[korean ? 'ko' : 'en'];
  const unsigned = (values.owner ?? '').trim() === '' ? template.replace(SIGNATURE, '') : template;
  const withCustomer = fillCustomer(unsigned, values.customer ?? '', korean, fallback);
  return withCustomer.replace(
    /\{(product|date|delivery|owner)(?:\|([^{}|]{1,40}))?\}(으로|로|을|를|이|가|은|는|와|과)?(?=[\s.,!?)]|$)|\{(product|date|delivery|owner)(?:\|([^{}|]{1,40}))?\}/g,
    (
      _m,
      name: string | undefined,
      own: string | undefined,
      particle: string | undefined,
      bare: string | undefined,
      bareOwn: string | undefined,
      offset: number,
      whole: string,
    ) => {
      const key = (name ?? bare) as Exclude<Placeholder, 'customer'>;
      const given = (values[key] ?? '').trim();
      // The template's own words for an empty value ("{product|차량}", "your {product|car}") fit its trade
      // better than the neutral ones ("제품", "purchase").
      const ownFallback = (own ?? bareOwn)?.trim();
      const bareNoun = !korean && key === 'product' && EN_DETERMINER_BEFORE.test(whole.slice(0, offset));
      const value = given || ownFallback || (bareNoun ? fallback.productNoun : fallback[key]);
      return particle ? withTextAfter(value, particle) : value;
    },
  );
}

/**
 * The `{words}` in `template` that are not known placeholders, once each, in order of appearance. A known
 * placeholder with words for an empty value (`{product|차량}`) is known.
 */
export function unknownPlaceholders(template: string): string[] {
  const found = [...template.matchAll(/\{([^{}\s|]{1,40})(?:\|[^{}|]{1,40})?\}/g)].map((m) => m[1]!);
  return [...new Set(found.filter((name) => !(PLACEHOLDERS as readonly string[]).includes(name)))];
}
