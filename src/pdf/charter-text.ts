import type { Charter } from '../domain/charter/charter';

/** Every piece of text in the charter joined together, for choosing a font that covers all of it. */
export function charterText(charter: Charter): string {
  const parts: string[] = [];
  const walk = (value: unknown) => {
    if (typeof value === 'string') {
      if (!value.startsWith('data:')) parts.push(value);
    } else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(charter);
  return parts.join('\n');
}
