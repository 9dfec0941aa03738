import type { Duration, DurationUnit, Locale } from '../common';
import type { AmountTarget, Commitment } from './commitment';

const MINUTES: Record<DurationUnit, number> = { minutes: 1, hours: 60, days: 1_440, weeks: 10_080 };

/** The length of `d` in minutes, counting a day as 1,440 and a week as 10,080 (business or not alike). */
export function durationMinutes(d: Duration): number {
  return d.value * MINUTES[d.unit];
}

const EN_UNITS: Record<DurationUnit, [string, string]> = {
  minutes: ['minute', 'minutes'],
  hours: ['hour', 'hours'],
  days: ['day', 'days'],
  weeks: ['week', 'weeks'],
};
const KO_COUNTERS = new Set(['회', '건', '번', '개', '명', '차례', '통', '부']);
const KO_UNITS: Record<DurationUnit, string> = { minutes: '분', hours: '시간', days: '일', weeks: '주' };

const number = (value: number, locale: Locale) =>
  new Intl.NumberFormat(locale === 'ko' ? 'ko-KR' : 'en-US').format(value);

/** "4 business hours" / "영업시간 기준 4시간"; business time only matters for hours and days. */
export function formatDuration(d: Duration, locale: Locale, businessTime = false): string {
  const business = businessTime && (d.unit === 'hours' || d.unit === 'days');
  if (locale === 'ko') {
    const prefix = business ? (d.unit === 'hours' ? '영업시간 기준 ' : '영업일 기준 ') : '';
    return `${prefix}${number(d.value, locale)}${KO_UNITS[d.unit]}`;
  }
  const [one, many] = EN_UNITS[d.unit];
  return `${number(d.value, locale)} ${business ? 'business ' : ''}${d.value === 1 ? one : many}`;
}

/** "1,500,000원", "$120.00", "4 visits" / "4회", "5%". */
export function formatAmount(t: AmountTarget, locale: Locale): string {
  const n = number(t.value, locale);
  switch (t.unit) {
    case 'KRW':
      return locale === 'ko' ? `${n}원` : `₩${n}`;
    case 'percent':
      return `${n}%`;
    case 'count':
      // Korean: a counter word follows the number (4회, 2건); a noun comes first (방문 2회).
      if (locale === 'ko') {
        const label = t.label.trim();
        if (label === '') return `${n}회`;
        return KO_COUNTERS.has(label) ? `${n}${label}` : `${label} ${n}회`;
      }
      return t.label.trim() ? `${n} ${t.label.trim()}` : n;
    default:
      return new Intl.NumberFormat(locale === 'ko' ? 'ko-KR' : 'en-US', {
        style: 'currency',
        currency: t.unit,
      }).format(t.value);
  }
}

const PERIOD: Record<Extract<Commitment, { kind: 'amount' }>['period'], Record<Locale, string>> = {
  'per-deal': { en: 'per deal', ko: '거래마다' },
  'per-month': { en: 'per month', ko: '매월' },
  'per-quarter': { en: 'per quarter', ko: '분기마다' },
  'per-year': { en: 'per year', ko: '매년' },
};

const sentence = (text: string) => {
  const t = text.trim();
  return /[.!?。]$/.test(t) ? t : `${t}.`;
};
const dropStop = (text: string) => text.trim().replace(/[.!?。]+$/, '');
// Inside a sentence, lower-case a capitalised everyday first word ("A missed call" → "a missed call"),
// never a name or an acronym ("Samsung", "VIP").
const EVERYDAY =
  /^(A|An|The|Any|Each|Every|Your|You|My|Our|This|That|When|After|Before|On|In|At|Delivery|Order|Purchase|Contract|Signing|Installation|Handover|Renewal|Request|Inquiry|Complaint|Closing|Move-in|Payment)\b/;
const lowerFirst = (t: string) => (EVERYDAY.test(t) ? t[0]!.toLowerCase() + t.slice(1) : t);
/** "Return every call" → "I return every call"; text already starting with I/We is kept. */
const firstPerson = (what: string) => {
  const t = dropStop(what);
  if (/^(I|We)\b/.test(t)) return t;
  // `what` starts with a verb ("Return every call"); keep acronyms ("VIP") as written.
  return `I ${/^[A-Z][a-z]/.test(t) ? t[0]!.toLowerCase() + t.slice(1) : t}`;
};

/**
 * How a customer reads the commitment, built from its fields, in the charter's language: e.g.
 * "I return every call within 4 business hours of a missed call." /
 * "영업시간 기준 4시간 이내에 모든 전화에 회신합니다(시작: 부재중 전화)."
 */
export function describeCommitment(c: Commitment, locale: Locale): string {
  const what = dropStop(c.what) || (locale === 'ko' ? '(약속 내용)' : '(what you promise)');
  const trigger = dropStop(c.trigger);
  const koTrigger = trigger ? `(시작: ${trigger})` : '';
  switch (c.kind) {
    case 'within':
    case 'done': {
      const window = formatDuration(c.promised, locale, c.businessTime);
      if (locale === 'ko') return sentence(`${window} 이내에 ${what}${koTrigger}`);
      return sentence(`${firstPerson(what)} within ${window}${trigger ? ` of ${lowerFirst(trigger)}` : ''}`);
    }
    case 'by-date':
      if (locale === 'ko') return sentence(`${what}(고객님과 약속한 날짜까지)`);
      return sentence(`${firstPerson(what)} (by the date we agree on)`);
    case 'amount': {
      const amount = formatAmount(c.promised, locale);
      const period = PERIOD[c.period][locale];
      if (locale === 'ko')
        return sentence(`${what}(${period} ${c.direction === 'at-most' ? '최대' : '최소'} ${amount})`);
      return sentence(
        `${firstPerson(what)}: ${c.direction === 'at-most' ? 'at most' : 'at least'} ${amount} ${period}`,
      );
    }
  }
}

/** The internal target in words ("2 business hours", "1 day before the agreed date", "₩0"). */
export function describeInternalTarget(c: Commitment, locale: Locale): string {
  switch (c.kind) {
    case 'within':
    case 'done':
      return formatDuration(c.internal, locale, c.businessTime);
    case 'by-date':
      if (!c.internalLead) return locale === 'ko' ? '약속한 날짜' : 'the agreed date';
      return locale === 'ko'
        ? `약속한 날짜 ${formatDuration(c.internalLead, locale, c.businessTime)} 전`
        : `${formatDuration(c.internalLead, locale, c.businessTime)} before the agreed date`;
    case 'amount':
      return formatAmount(c.internal, locale);
  }
}
