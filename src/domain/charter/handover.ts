import { z } from 'zod';
import type { Locale } from '../common';

/**
 * The event the after-sale timeline counts from, named as the trade names it: a car's delivery, an
 * appliance's or a machine's installation, a home's move-in or closing (잔금), a system's go-live, an
 * insurance policy's delivery (the free-look period counts from it). Signing is not one: it is the other
 * anchor a moment may count from (the won deal, "계약").
 */
export const handoverSchema = z.enum([
  'delivery',
  'installation',
  'move-in',
  'closing',
  'go-live',
  'policy-delivery',
]);
export type Handover = z.infer<typeof handoverSchema>;
/** What a charter counts from when it does not say (and what every charter before schema 5 counted from). */
export const defaultHandover: Handover = 'delivery';

/** Every handover, in the order the editor offers them. */
export const HANDOVERS = handoverSchema.options;

const NAME: Record<Handover, Record<Locale, string>> = {
  delivery: { ko: '인도', en: 'delivery' },
  installation: { ko: '설치', en: 'installation' },
  'move-in': { ko: '입주', en: 'move-in' },
  closing: { ko: '잔금', en: 'closing' },
  'go-live': { ko: '오픈', en: 'go-live' },
  'policy-delivery': { ko: '증권 전달', en: 'policy delivery' },
};

// The day of the handover, as a date field or a customer message names it: "입주일", "go-live date".
const DAY: Record<Handover, Record<Locale, string>> = {
  delivery: { ko: '인도일', en: 'delivery date' },
  installation: { ko: '설치일', en: 'installation date' },
  'move-in': { ko: '입주일', en: 'move-in date' },
  closing: { ko: '잔금일', en: 'closing date' },
  'go-live': { ko: '오픈일', en: 'go-live date' },
  'policy-delivery': { ko: '증권 전달일', en: 'policy delivery date' },
};

// What a moment anchored on the won deal counts from.
const SIGNING: Record<Locale, string> = { ko: '계약', en: 'signing' };

/** The handover as the trade says it: "입주" / "move-in", "오픈" / "go-live". */
export function handoverName(handover: Handover, locale: Locale): string {
  return NAME[handover][locale];
}

/** The handover's day as the trade says it: "입주일" / "move-in date", "오픈일" / "go-live date". */
export function handoverDayName(handover: Handover, locale: Locale): string {
  return DAY[handover][locale];
}

/** What a moment's timing is counted from: the won deal, or the charter's handover. */
type Timing = { anchor: 'deal-won' | 'delivery'; offsetDays: number };

/** When a moment happens, in words: "입주 7일 후", "계약 당일", "3 days before go-live", "On signing day". */
export function momentWhen(moment: Timing, handover: Handover, locale: Locale) {
  const from = moment.anchor === 'deal-won' ? SIGNING[locale] : handoverName(handover, locale);
  const days = Math.abs(moment.offsetDays);
  const after = moment.offsetDays > 0;
  if (locale === 'ko') return days === 0 ? `${from} 당일` : `${from} ${days}일 ${after ? '후' : '전'}`;
  if (days === 0) return `On the day of ${from}`;
  const unit = new Intl.PluralRules('en-US').select(days) === 'one' ? 'day' : 'days';
  return `${days} ${unit} ${after ? 'after' : 'before'} ${from}`;
}

/** `moments` in time order: those counted from the won deal first, then from the handover, by days. */
export function momentsInOrder<M extends Timing>(moments: readonly M[]): M[] {
  const rank = (m: M) => (m.anchor === 'deal-won' ? 0 : 1);
  return [...moments].sort((a, b) => rank(a) - rank(b) || a.offsetDays - b.offsetDays);
}
