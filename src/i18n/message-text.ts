import type { Locale } from '../domain/common';
import { formatMessage } from '../domain/text/format-message';
import type { Message } from '../domain/text/message';
import type { CharterTextMessages } from './charter-text/en';
import type { MessageKey, Messages } from './messages';

// For code that holds a catalogue itself: the command line (a whole one), charter-message.ts (its part);
// the interface uses lib/i18n.tsx `translateMessage`, which also loads catalogues on demand.

/** A whole catalogue, or the part of one that says a charter's promises (src/i18n/charter-text). */
type Catalogue = Messages | CharterTextMessages;

/** The text at a dotted `key` of `messages` (`cli.wrote`), or the key itself when there is none. */
export function textAt(messages: Catalogue, key: MessageKey): string {
  let node: unknown = messages;
  for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  return typeof node === 'string' ? node : key;
}

/** A domain `message` worded from `messages`, the catalogue of `locale` (a nested message worded first). */
export function messageText(messages: Catalogue, locale: Locale, message: Message): string {
  const vars: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(message.params ?? {}))
    vars[name] = typeof value === 'object' ? messageText(messages, locale, value) : value;
  return formatMessage(locale, textAt(messages, message.code), vars);
}
