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

/**
 * English singular or plural of a counted word by the number: "1 visit", "2 visits", "1 check-in".
 * Labels are typed in the plural ("visits"); the singular drops the plural ending.
 */
function countedWord(label: string, value: number): string {
  if (new Intl.PluralRules('en-US').select(value) !== 'one') return label;
  const [, head = '', last = ''] = /^(.*?)(\S+)$/.exec(label) ?? [];
  const singular = /ies$/i.test(last)
    ? last.replace(/ies$/i, 'y')
    : /(ches|shes|sses|xes)$/i.test(last)
      ? last.slice(0, -2)
      : /[^s]s$/i.test(last)
        ? last.slice(0, -1)
        : last;
  return head + singular;
}

// Parentheses typed into a counted label would nest inside the sentence's own: they are dropped.
const plainLabel = (label: string) => label.replace(/[()]/g, ' ').replace(/\s+/g, ' ').trim();

/** "1,500,000원", "$120", "$49.50", "1 visit" / "방문 2회", "5%": cents only when there are any. */
export function formatAmount(t: AmountTarget, locale: Locale): string {
  const n = number(t.value, locale);
  switch (t.unit) {
    case 'KRW':
      return locale === 'ko' ? `${n}원` : `₩${n}`;
    case 'percent':
      return `${n}%`;
    case 'count': {
      const label = plainLabel(t.label);
      // Korean: a counter word follows the number (4회, 2건); a noun comes first (방문 2회).
      if (locale === 'ko') {
        if (label === '') return `${n}회`;
        return KO_COUNTERS.has(label) ? `${n}${label}` : `${label} ${n}회`;
      }
      return label ? `${n} ${countedWord(label, t.value)}` : n;
    }
    default:
      return new Intl.NumberFormat(locale === 'ko' ? 'ko-KR' : 'en-US', {
        style: 'currency',
        currency: t.unit,
        ...(Number.isInteger(t.value) ? { minimumFractionDigits: 0, maximumFractionDigits: 0 } : {}),
      }).format(t.value);
  }
}

// How often an amount applies, as the sentence says it: "거래당 500,000원 이하", "at least 2 visits a year".
const PERIOD: Record<Extract<Commitment, { kind: 'amount' }>['period'], Record<Locale, string>> = {
  'per-deal': { en: 'per deal', ko: '거래당' },
  'per-month': { en: 'a month', ko: '월' },
  'per-quarter': { en: 'a quarter', ko: '분기' },
  'per-year': { en: 'a year', ko: '연' },
};

const sentence = (text: string) => {
  const t = text.trim();
  return /[.!?。]$/.test(t) ? t : `${t}.`;
};
const dropStop = (text: string) => text.trim().replace(/[.!?。]+$/, '');
// Inside a sentence, lower-case a capitalised everyday first word ("A missed call" → "a missed call"),
// never a name or an acronym ("Samsung", "VIP").
const EVERYDAY =
  /^(A|An|The|Any|Each|Every|Your|You|My|Our|This|That|When|After|Before|On|In|At|Delivery|Order|Purchase|Contract|Signing|Installation|Handover|Renewal|Request|Inquiry|Complaint|Closing|Move-in|Payment|Go-live|Equipment|Commissioning|Start|Policy|Quote|Price|Claim|Review|Listing|Offer|Escrow|Onboarding|Renewals?)\b/;
const lowerFirst = (t: string) => (EVERYDAY.test(t) ? t[0]!.toLowerCase() + t.slice(1) : t);
/** "Return every call" → "I return every call"; text already starting with I/We is kept. */
const firstPerson = (what: string) => {
  const t = dropStop(what);
  if (/^(I|We)\b/.test(t)) return t;
  // `what` starts with a verb ("Return every call"); keep acronyms ("VIP") as written.
  return `I ${/^[A-Z][a-z]/.test(t) ? t[0]!.toLowerCase() + t.slice(1) : t}`;
};
// A trigger that is a clause ("I learn that…", "you receive…") follows "after"; a noun follows "of".
const CLAUSE = /^(I|you|we|they|he|she|it|the customer|your team)\s+\S/i;
// The promise already names its date ("by the delivery date we agree", "약속한 인도일까지"): no second one.
const NAMES_DATE = { en: /\b(date|day|deadline)\b/i, ko: /날짜|일까지|일에|일을|기일/ };

/**
 * How a customer reads the commitment, built from its fields, in the charter's language, as one plain
 * sentence without nested parentheses: e.g. "I return every call within 4 business hours of a missed
 * call." / "부재중 전화 후 영업시간 기준 4시간 이내에 모든 전화에 회신합니다."
 */
export function describeCommitment(c: Commitment, locale: Locale): string {
  const what = dropStop(c.what) || (locale === 'ko' ? '(약속 내용)' : '(what you promise)');
  const trigger = dropStop(c.trigger);
  switch (c.kind) {
    case 'within':
    case 'done': {
      const window = formatDuration(c.promised, locale, c.businessTime);
      if (locale === 'ko') return sentence(`${trigger ? `${trigger} 후 ` : ''}${window} 이내에 ${what}`);
      const link = CLAUSE.test(trigger) ? 'after' : 'of';
      return sentence(
        `${firstPerson(what)} within ${window}${trigger ? ` ${link} ${lowerFirst(trigger)}` : ''}`,
      );
    }
    case 'by-date':
      if (NAMES_DATE[locale].test(what)) return sentence(locale === 'ko' ? what : firstPerson(what));
      if (locale === 'ko') return sentence(`고객님과 약속한 날짜까지 ${what}`);
      return sentence(`${firstPerson(what)} by the date we agree on`);
    case 'amount':
      return sentence(
        locale === 'ko'
          ? `${what}(${describeDeadline(c, locale)})`
          : `${firstPerson(what)}: ${describeDeadline(c, locale)}`,
      );
  }
}

/**
 * A promise's deadline or bound on its own, for the charter's bold column: "영업시간 기준 4시간",
 * "1 business day", "약속한 날짜", "거래당 500,000원 이하", "at least 2 visits a year".
 */
export function describeDeadline(c: Commitment, locale: Locale): string {
  switch (c.kind) {
    case 'within':
    case 'done':
      return locale === 'ko'
        ? `${formatDuration(c.promised, locale, c.businessTime)} 이내`
        : `within ${formatDuration(c.promised, locale, c.businessTime)}`;
    case 'by-date':
      return locale === 'ko' ? '약속한 날짜까지' : 'by the agreed date';
    case 'amount': {
      const amount = formatAmount(c.promised, locale);
      // A percentage judged deal by deal needs no "per deal": "at most 5%", "5% 이하" (a price rise at
      // renewal is not "5% per deal").
      const period = c.period === 'per-deal' && c.promised.unit === 'percent' ? '' : PERIOD[c.period][locale];
      if (locale === 'ko')
        return [period, amount, c.direction === 'at-most' ? '이하' : '이상'].filter(Boolean).join(' ');
      return [c.direction === 'at-most' ? 'at most' : 'at least', amount, period].filter(Boolean).join(' ');
    }
  }
}

const EVERY_ONE: Record<DurationUnit, Record<Locale, string>> = {
  minutes: { ko: '매분', en: 'every minute' },
  hours: { ko: '매시간', en: 'every hour' },
  days: { ko: '매일', en: 'every day' },
  weeks: { ko: '매주', en: 'every week' },
};

/** How often, in words: "매일", "2일마다", "every day", "every 2 days" (never "1일마다", "every 1 day"). */
export function formatEvery(d: Duration, locale: Locale, businessTime = false): string {
  if (d.value === 1 && !businessTime) return EVERY_ONE[d.unit][locale];
  const text = formatDuration(d, locale, businessTime);
  return locale === 'ko' ? `${text}마다` : `every ${text}`;
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
