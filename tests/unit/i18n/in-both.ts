import { translateMessage } from '../../../src/lib/i18n';
import type { Message } from '../../../src/domain/text/message';

// Domain messages are codes; tests read them as a user does, in both languages (the catalogues are loaded
// by the test setup).

/** `message` as the interface shows it in English and in Korean. */
export const inBoth = (message: Message) => ({
  en: translateMessage('en', message),
  ko: translateMessage('ko', message),
});

/** Each item with its `message` read in both languages (restore errors, review problems, CSV problems). */
export const readInBoth = <T extends { message: Message }>(items: readonly T[]) =>
  items.map((item) => ({ ...item, message: inBoth(item.message) }));
