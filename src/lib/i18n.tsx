import { createContext, useContext, useEffect, useMemo, useSyncExternalStore } from 'react';
import type { ReactNode } from 'react';
import type { FirstMessages, MessageKey, Messages } from '../i18n/messages';
import type { Locale } from '../domain/common';
import { formatMessage } from '../domain/text/format-message';
import type { Message } from '../domain/text/message';

// Each language comes in two chunks (layout: src/i18n/messages.ts): the sections the first screen shows,
// which the entry awaits before its first render, and the whole catalogue, loaded right after it and
// awaited by every screen loaded on demand. Only the language shown is fetched at first; the other arrives
// when the user (or a charter in that language) needs it. All are precached for offline use.
const firstImporters: Record<Locale, () => Promise<FirstMessages>> = {
  en: () => import('../i18n/first/en').then((m) => m.enFirst),
  ko: () => import('../i18n/first/ko').then((m) => m.koFirst),
};
const importers: Record<Locale, () => Promise<Messages>> = {
  en: () => import('../i18n/en').then((m) => m.en),
  ko: () => import('../i18n/ko').then((m) => m.ko),
};
// The most complete messages loaded for each language: its first-screen sections, then the whole catalogue.
const catalogues: Partial<Record<Locale, FirstMessages | Messages>> = {};
const complete = new Set<Locale>();
const loadingFirst = new Map<Locale, Promise<void>>();
const loading = new Map<Locale, Promise<void>>();
// The languages the interface has shown: a screen loaded on demand waits for their whole catalogues.
const shown = new Set<Locale>();
const listeners = new Set<() => void>();
let version = 0;
// Languages in which a message was asked for before it was loaded: what shows it must draw again.
const missed = new Set<Locale>();

function publish(locale: Locale, messages: FirstMessages | Messages, whole: boolean) {
  if (complete.has(locale)) return;
  const before = catalogues[locale];
  catalogues[locale] = messages;
  if (whole) complete.add(locale);
  // The whole catalogue holds the first one: when nothing on screen asked for a message beyond it, what is
  // drawn stays right, and the whole app is not drawn again (a long task on a phone, right after start).
  if (whole && before !== undefined && !missed.has(locale)) return;
  missed.delete(locale);
  version++;
  for (const listener of listeners) listener();
}

/** Loads `locale`'s whole catalogue (once); resolves when `translate` can use every message. */
export function loadCatalogue(locale: Locale): Promise<void> {
  let pending = loading.get(locale);
  if (!pending) {
    pending = importers[locale]().then((messages) => publish(locale, messages, true));
    pending.catch(() => loading.delete(locale)); // a failed fetch (offline, old deploy) may be retried
    loading.set(locale, pending);
  }
  return pending;
}

/**
 * Loads the messages of `locale`'s first screen (the app shell and Today), once; the entry awaits them
 * before its first render. The rest of the catalogue follows when `useCatalogue` asks for it.
 */
export function loadFirstMessages(locale: Locale): Promise<void> {
  shown.add(locale);
  let pending = loadingFirst.get(locale);
  if (!pending) {
    pending = firstImporters[locale]().then((messages) => publish(locale, messages, false));
    pending.catch(() => loadingFirst.delete(locale));
    loadingFirst.set(locale, pending);
  }
  return pending;
}

/** Resolves when the whole catalogue of every language the interface has shown is loaded. */
export function whenMessagesComplete(): Promise<void> {
  return Promise.all([...shown].map(loadCatalogue)).then(() => undefined);
}

const subscribeCatalogues = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/**
 * Which messages are loaded, as a number that changes whenever more arrive (0: none of `locale`'s yet).
 * Starts loading `locale`'s whole catalogue: at once when none of it is loaded, else once the page is idle
 * after its first paint, so it never competes with what the first screen needs.
 */
function useCatalogueVersion(locale: Locale): number {
  const current = useSyncExternalStore(subscribeCatalogues, () =>
    catalogues[locale] === undefined ? 0 : version,
  );
  useEffect(() => {
    shown.add(locale);
    if (complete.has(locale)) return;
    const load = () => void loadCatalogue(locale).catch(() => undefined);
    if (catalogues[locale] === undefined) return load();
    const idle = window.requestIdleCallback?.(load, { timeout: 1_000 });
    const timer = idle === undefined ? setTimeout(load, 200) : undefined;
    return () => {
      if (idle !== undefined) window.cancelIdleCallback(idle);
      clearTimeout(timer);
    };
  }, [locale]);
  return current;
}

/** Whether `locale`'s messages are loaded (at least its first screen's); starts loading them and re-renders when they arrive. */
export function useCatalogue(locale: Locale): boolean {
  return useCatalogueVersion(locale) > 0;
}

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

function lookup(messages: FirstMessages | Messages | undefined, key: string): string | undefined {
  let node: unknown = messages;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/** The message at `key` in `locale`, its placeholders (plurals, particles) filled from `vars` by `formatMessage`. */
export function translate(locale: Locale, key: MessageKey, vars?: Record<string, string | number>): string {
  let text = lookup(catalogues[locale], key);
  if (text === undefined) {
    missed.add(locale);
    // Not loaded yet (a section beyond the first screen, or a language being switched to): load it, which
    // re-renders every reader, and meanwhile let the other loaded language stand in (never a blank label).
    if (!complete.has(locale)) void loadCatalogue(locale).catch(() => undefined);
    text = lookup(catalogues.en, key) ?? lookup(catalogues.ko, key) ?? key;
  }
  return vars ? formatMessage(locale, text, vars) : text;
}

/**
 * A domain `message` in `locale`: the catalogue text of its code, filled with its params (a nested message
 * translated first). Type-checks only while every domain message code has a catalogue entry.
 */
export function translateMessage(locale: Locale, message: Message): string {
  if (message.params === undefined) return translate(locale, message.code);
  const vars: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(message.params))
    vars[name] = typeof value === 'object' ? translateMessage(locale, value) : value;
  return translate(locale, message.code, vars);
}

/** The interface language a browser asks for: Korean when its first Korean/English preference is Korean. */
export function browserLocale(languages: readonly string[]): Locale {
  for (const tag of languages) {
    const primary = tag.toLowerCase().split('-')[0];
    if (primary === 'ko') return 'ko';
    if (primary === 'en') return 'en';
  }
  return 'en';
}

const bcp47: Record<Locale, string> = { ko: 'ko-KR', en: 'en-US' };

export type I18n = {
  locale: Locale;
  t: Translate;
  /** A domain message (a code and its params) in this language. */
  tm: (message: Message) => string;
  formatDate: (iso: string, style?: 'date' | 'datetime') => string;
  /** A calendar date (`YYYY-MM-DD`) as a date, the same day whatever the browser's time zone. */
  formatCalendarDate: (date: string) => string;
  formatNumber: (value: number) => string;
  formatMoney: (amount: number, currency: string) => string;
};

/**
 * Formatting and messages for one locale. Instants are shown on the wall clock of `timeZone` (the business
 * calendar's zone, so a due time reads the same as the rules that set it); undefined: the browser's zone.
 */
export function createI18n(locale: Locale, timeZone?: string): I18n {
  // Made on first use and shared: making a date format costs milliseconds (the first one in a page loads
  // the time-zone data), and a new I18n is made whenever more messages arrive.
  const tag = bcp47[locale];
  const dateFmt = () => dateFormat(tag, { dateStyle: 'medium', timeZone });
  const dateTimeFmt = () => dateFormat(tag, { dateStyle: 'medium', timeStyle: 'short', timeZone });
  const dayFmt = () => dateFormat(tag, { dateStyle: 'medium', timeZone: 'UTC' });
  const numberFmt = () => numberFormat(tag, {});
  return {
    locale,
    t: (key, vars) => translate(locale, key, vars),
    tm: (message) => translateMessage(locale, message),
    formatDate: (iso, style = 'date') => (style === 'date' ? dateFmt() : dateTimeFmt()).format(new Date(iso)),
    formatCalendarDate: (date) => dayFmt().format(Date.parse(`${date}T00:00:00Z`)),
    formatNumber: (value) => numberFmt().format(value),
    // Korean readers expect "1,500,000원" rather than "₩1,500,000".
    formatMoney: (amount, currency) =>
      locale === 'ko' && currency === 'KRW'
        ? `${numberFmt().format(amount)}원`
        : numberFormat(tag, { style: 'currency', currency }).format(amount),
  };
}

const formats = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function dateFormat(tag: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `date ${tag} ${JSON.stringify(options)}`;
  let format = formats.get(key) as Intl.DateTimeFormat | undefined;
  if (!format) formats.set(key, (format = new Intl.DateTimeFormat(tag, options)));
  return format;
}

function numberFormat(tag: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `number ${tag} ${JSON.stringify(options)}`;
  let format = formats.get(key) as Intl.NumberFormat | undefined;
  if (!format) formats.set(key, (format = new Intl.NumberFormat(tag, options)));
  return format;
}

const I18nContext = createContext<I18n>(createI18n('en'));

export function I18nProvider({
  locale,
  timeZone,
  children,
}: {
  locale: Locale;
  timeZone?: string;
  children: ReactNode;
}) {
  const loaded = useCatalogueVersion(locale);
  // The messages live in a module-level catalogue: a new value when more arrive re-renders every reader.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `loaded` is that signal
  const value = useMemo(() => createI18n(locale, timeZone), [locale, timeZone, loaded]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The current interface language's messages and formatters. */
export function useI18n(): I18n {
  return useContext(I18nContext);
}
