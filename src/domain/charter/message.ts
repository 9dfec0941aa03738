/** The placeholders a moment's message may use. */
export const PLACEHOLDERS = ['customer', 'product', 'date', 'owner'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

/**
 * `template` with each `{customer}`, `{product}`, `{date}` and `{owner}` replaced by its value; unknown
 * `{words}` are left as written so the user sees them.
 */
export function fillMessage(template: string, values: Record<Placeholder, string>): string {
  return template.replace(/\{(customer|product|date|owner)\}/g, (_m, name: Placeholder) => values[name]);
}

/** The `{words}` in `template` that are not known placeholders, once each, in order of appearance. */
export function unknownPlaceholders(template: string): string[] {
  const found = [...template.matchAll(/\{([^{}\s]{1,40})\}/g)].map((m) => m[1]!);
  return [...new Set(found.filter((name) => !(PLACEHOLDERS as readonly string[]).includes(name)))];
}
