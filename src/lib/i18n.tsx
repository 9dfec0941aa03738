import { createContext, useContext, useEffect, useMemo, useSyncExternalStore } from 'react';
import type { ReactNode } from 'react';
import type { MessageKey, Messages } from '../i18n/messages';
import type { Locale } from '../domain/common';
import { formatMessage } from '../domain/text/format-message';

// Each catalogue is its own chunk: the first page load fetches only the language it shows, and the other
// arrives when the user (or a charter in that language) needs it. Both are precached for offline use.
const catalogues: Partial<Record<Locale, Messages>> = {};
const importers: Record<Locale, () => Promise<Messages>> = {
  en: () => import('../i18n/en').then((m) => m.en),
  ko: () => import('../i18n/ko').then((m) => m.ko),
};
const loading = new Map<Locale, Promise<void>>();
const listeners = new Set<() => void>();

/** Loads the messages of `locale` (once); resolves when `translate` can use them. */
export function loadCatalogue(locale: Locale): Promise<void> {
  let pending = loading.get(locale);
  if (!pending) {
    pending = importers[locale]().then((messages) => {
      catalogues[locale] = messages;
      for (const listener of listeners) listener();
    });
    pending.catch(() => loading.delete(locale)); // a failed fetch (offline, old deploy) may be retried
    loading.set(locale, pending);
  }
  return pending;
}

const subscribeCatalogues = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** Whether `locale`'s messages are loaded; starts loading them and re-renders when they arrive. */
export function useCatalogue(locale: Locale): boolean {
  const ready = useSyncExternalStore(subscribeCatalogues, () => catalogues[locale] !== undefined);
  useEffect(() => {
    if (!ready) void loadCatalogue(locale).catch(() => undefined);
  }, [locale, ready]);
  return ready;
}

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

/** The message at `key` in `locale`, its placeholders (plurals, particles) filled from `vars` by `formatMessage`. */
export function translate(locale: Locale, key: MessageKey, vars?: Record<string, string | number>): string {
  // Until a language's messages arrive, the other loaded language stands in (never a blank label).
  let node: unknown = catalogues[locale] ?? catalogues.en ?? catalogues.ko;
  for (const part of key.split('.')) node = (node as Record<string, unknown>)[part];
  const text = typeof node === 'string' ? node : key;
  return vars ? formatMessage(locale, text, vars) : text;
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
  const dateFmt = new Intl.DateTimeFormat(bcp47[locale], { dateStyle: 'medium', timeZone });
  const dateTimeFmt = new Intl.DateTimeFormat(bcp47[locale], {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone,
  });
  const dayFmt = new Intl.DateTimeFormat(bcp47[locale], { dateStyle: 'medium', timeZone: 'UTC' });
  const numberFmt = new Intl.NumberFormat(bcp47[locale]);
  return {
    locale,
    t: (key, vars) => translate(locale, key, vars),
    formatDate: (iso, style = 'date') => (style === 'date' ? dateFmt : dateTimeFmt).format(new Date(iso)),
    formatCalendarDate: (date) => dayFmt.format(Date.parse(`${date}T00:00:00Z`)),
    formatNumber: (value) => numberFmt.format(value),
    // Korean readers expect "1,500,000원" rather than "₩1,500,000".
    formatMoney: (amount, currency) =>
      locale === 'ko' && currency === 'KRW'
        ? `${numberFmt.format(amount)}원`
        : new Intl.NumberFormat(bcp47[locale], { style: 'currency', currency }).format(amount),
  };
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
  const ready = useCatalogue(locale);
  // The messages live in a module-level catalogue: a new value when they arrive re-renders every reader.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `ready` is that signal
  const value = useMemo(() => createI18n(locale, timeZone), [locale, timeZone, ready]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The current interface language's messages and formatters. */
export function useI18n(): I18n {
  return useContext(I18nContext);
}
