/** Longest name, in characters, a commitment gets in pickers before it is shortened. */
export const SHORT_NAME_MAX = 24;

/**
 * A commitment's `what` short enough for a one-tap picker: the whole text when it has at most
 * SHORT_NAME_MAX characters, else its first words up to that length (cut at a space or comma when one
 * falls in the second half) followed by "…".
 */
export function shortName(what: string): string {
  const text = what.trim().replace(/\s+/g, ' ');
  const chars = Array.from(text);
  if (chars.length <= SHORT_NAME_MAX) return text;
  const head = chars.slice(0, SHORT_NAME_MAX).join('');
  const cut = Math.max(head.lastIndexOf(' '), head.lastIndexOf(','));
  return `${(cut >= SHORT_NAME_MAX / 2 ? head.slice(0, cut) : head).replace(/[,\s]+$/, '')}…`;
}
