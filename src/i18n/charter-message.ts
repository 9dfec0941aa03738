import type { Locale } from '../domain/common';
import type { FillWords } from '../domain/charter/message';
import type { Message } from '../domain/text/message';
import { enCharterText } from './charter-text/en';
import type { CharterTextMessages } from './charter-text/en';
import { koCharterText } from './charter-text/ko';
import { messageText } from './message-text';

// Text that leaves the app in the charter's language (the PDF, a share link's track record, the command
// line) is worded here from both languages' charter-text sections, a few kilobytes bundled with it, so it
// never waits for (or falls back from) an interface catalogue. On screen, lib/i18n.tsx `translateMessage`
// words the same codes from the loaded catalogues.
const catalogues: Record<Locale, CharterTextMessages> = { en: enCharterText, ko: koCharterText };

/** The words a moment's message takes where a value is missing, in each language (`fillMessage`). */
export const fillWords: FillWords = { en: enCharterText.messageFill, ko: koCharterText.messageFill };

/** A message that says a charter's promises (commitment-text.ts, handover.ts) in `locale`. */
export function charterMessage(locale: Locale, message: Message): string {
  return messageText(catalogues[locale], locale, message);
}
