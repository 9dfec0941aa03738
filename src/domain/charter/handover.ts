import type { Locale } from '../common';
import type { Moment } from './charter';

/**
 * The event the after-sale timeline counts from, named as the trade names it: a car's delivery, an
 * appliance's installation, a home's move-in or closing, a system's go-live, a policy's delivery.
 */
export type Handover = 'delivery' | 'installation' | 'move-in' | 'closing' | 'go-live' | 'policy-delivery';

const NAME: Record<Handover, Record<Locale, string>> = {
  delivery: { ko: '인도', en: 'delivery' },
  installation: { ko: '설치', en: 'installation' },
  'move-in': { ko: '입주', en: 'move-in' },
  closing: { ko: '잔금', en: 'closing' },
  'go-live': { ko: '오픈', en: 'go-live' },
  'policy-delivery': { ko: '증권 전달', en: 'policy delivery' },
};

// What a moment anchored on the won deal counts from.
const SIGNING: Record<Locale, string> = { ko: '계약', en: 'signing' };

/** The handover as the trade says it: "입주" / "move-in", "오픈" / "go-live". */
export function handoverName(handover: Handover, locale: Locale): string {
  return NAME[handover][locale];
}

/** When a moment happens, in words: "입주 7일 후", "계약 당일", "3 days before go-live", "On signing day". */
export function momentWhen(
  moment: Pick<Moment, 'anchor' | 'offsetDays'>,
  handover: Handover,
  locale: Locale,
) {
  const from = moment.anchor === 'deal-won' ? SIGNING[locale] : handoverName(handover, locale);
  const days = Math.abs(moment.offsetDays);
  const after = moment.offsetDays > 0;
  if (locale === 'ko') return days === 0 ? `${from} 당일` : `${from} ${days}일 ${after ? '후' : '전'}`;
  if (days === 0) return `On the day of ${from}`;
  const unit = new Intl.PluralRules('en-US').select(days) === 'one' ? 'day' : 'days';
  return `${days} ${unit} ${after ? 'after' : 'before'} ${from}`;
}

/** `moments` in time order: those counted from the won deal first, then from the handover, by days. */
export function momentsInOrder<M extends Pick<Moment, 'anchor' | 'offsetDays'>>(moments: readonly M[]): M[] {
  const rank = (m: M) => (m.anchor === 'deal-won' ? 0 : 1);
  return [...moments].sort((a, b) => rank(a) - rank(b) || a.offsetDays - b.offsetDays);
}
