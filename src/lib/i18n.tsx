import { createContext, useContext, useMemo } from 'react';
import type { ReactNode } from 'react';
import { en } from '../i18n/en';
import { ko } from '../i18n/ko';
import type { MessageKey, Messages } from '../i18n/messages';
import type { Locale } from '../domain/common';

const catalogues: Record<Locale, Messages> = { en, ko };

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

/** The message at `key` in `locale`, with `{name}` placeholders filled from `vars`. */
export function translate(locale: Locale, key: MessageKey, vars?: Record<string, string | number>): string {
  let node: unknown = catalogues[locale];
  for (const part of key.split('.')) node = (node as Record<string, unknown>)[part];
  const text = typeof node === 'string' ? node : key;
  return vars
    ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m))
    : text;
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

/** Formatting and messages for one locale; built once per locale. */
export function createI18n(locale: Locale): I18n {
  const dateFmt = new Intl.DateTimeFormat(bcp47[locale], { dateStyle: 'medium' });
  const dateTimeFmt = new Intl.DateTimeFormat(bcp47[locale], { dateStyle: 'medium', timeStyle: 'short' });
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

export function I18nProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  const value = useMemo(() => createI18n(locale), [locale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The current interface language's messages and formatters. */
export function useI18n(): I18n {
  return useContext(I18nContext);
}
