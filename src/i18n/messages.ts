// Layout of the interface text (one text system: src/lib/i18n.tsx `translate`):
// - first/en.ts, first/ko.ts: the sections the first screen shows (app shell, nav, save status, Today,
//   reminders, offline notices). Loaded before the first render, so keep them small.
// - en.ts, ko.ts: every other section (one per screen or topic); each spreads its first/ part, so `en` and
//   `ko` are still the whole catalogues. Loaded right after the first render, and awaited by every screen
//   loaded on demand.
// - domain/en.ts, domain/ko.ts: the wording of the messages the domain produces as codes
//   (src/domain/text/message.ts), spread into en.ts and ko.ts as their own sections.
// - charter-text/en.ts, charter-text/ko.ts: the words that say a charter's promises (durations, amounts,
//   commitment sentences, handovers, when a moment happens), also domain message codes; spread into en.ts and
//   ko.ts, and bundled alone with the PDF, share links and the command line by charter-message.ts.
// - cli/*.ts, pdf/*.ts: the command line's words and the PDF's (in the charter's language), same format, kept
//   out of en.ts and ko.ts because the app never shows them; worded by formatMessage and src/pdf/pdf-words.ts.
// Add a key to the section it belongs to, in both languages. A new section the shell or Today shows from the
// first render goes in first/*.ts.
import type { en } from './en';
import type { enFirst } from './first/en';

type Widen<T> = { -readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** The shape every catalogue has: the English catalogue's keys, each holding a string. */
export type Messages = Widen<typeof en>;

/** The sections of a catalogue the first screen shows (first/en.ts, first/ko.ts). */
export type FirstMessages = Widen<typeof enFirst>;

type Paths<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Paths<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** A dotted key of a message, e.g. `charters.new`. */
export type MessageKey = Paths<Messages>;
