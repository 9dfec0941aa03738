import type { Duration, DurationUnit, Locale } from '../common';
import { message } from '../text/message';
import type { Message, MessageCode } from '../text/message';
import type { AmountTarget, Commitment } from './commitment';

const MINUTES: Record<DurationUnit, number> = { minutes: 1, hours: 60, days: 1_440, weeks: 10_080 };

/** The length of `d` in minutes, counting a day as 1,440 and a week as 10,080 (business or not alike). */
export function durationMinutes(d: Duration): number {
  return d.value * MINUTES[d.unit];
}

// The words are in the catalogues (src/i18n/charter-text): these functions return message codes and the
// values they fill in, and apply only the rules that depend on what the user typed (a counted word's
// singular, "I" before a verb, a trigger's article), in the charter's language.

const DURATION_CODE: Record<DurationUnit, MessageCode> = {
  minutes: 'duration.minutes',
  hours: 'duration.hours',
  days: 'duration.days',
  weeks: 'duration.weeks',
};
// Korean counter words: the number comes first ("4회", "2건"); any other label is a noun counted in 회.
const KO_COUNTERS = new Set(['회', '건', '번', '개', '명', '차례', '통', '부']);

/** "4 business hours" / "영업시간 기준 4시간": business time only matters for hours and days. */
export function describeDuration(d: Duration, businessTime = false): Message {
  if (businessTime && d.unit === 'hours') return message('duration.businessHours', { n: d.value });
  if (businessTime && d.unit === 'days') return message('duration.businessDays', { n: d.value });
  return message(DURATION_CODE[d.unit], { n: d.value });
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
export function describeAmount(t: AmountTarget, locale: Locale): Message {
  const n = t.value;
  switch (t.unit) {
    case 'KRW':
      return message('amount.krw', { n });
    case 'percent':
      return message('amount.percent', { n });
    case 'count': {
      const label = plainLabel(t.label);
      if (label === '') return message('amount.count', { n });
      if (locale === 'ko')
        return message(KO_COUNTERS.has(label) ? 'amount.counter' : 'amount.counted', { n, label });
      return message('amount.counted', { n, label: countedWord(label, t.value) });
    }
    default:
      return message('amount.currency', {
        money: new Intl.NumberFormat(locale === 'ko' ? 'ko-KR' : 'en-US', {
          style: 'currency',
          currency: t.unit,
          ...(Number.isInteger(t.value) ? { minimumFractionDigits: 0, maximumFractionDigits: 0 } : {}),
        }).format(t.value),
      });
  }
}

// How often an amount applies, as the sentence says it: "거래당 500,000원 이하", "at least 2 visits a year".
const PERIOD: Record<Extract<Commitment, { kind: 'amount' }>['period'], MessageCode> = {
  'per-deal': 'amount.perDeal',
  'per-month': 'amount.perMonth',
  'per-quarter': 'amount.perQuarter',
  'per-year': 'amount.perYear',
};

// A typed text inside a sentence loses its final marks (the catalogue's sentence ends with its own full stop).
const dropStop = (text: string) => text.trim().replace(/[.!?。\s]+$/, '');
// Inside a sentence, lower-case a capitalised everyday first word ("A missed call" → "a missed call"),
// never a name or an acronym ("Samsung", "VIP").
const EVERYDAY =
  /^(A|An|The|Any|Each|Every|Your|You|My|Our|This|That|When|After|Before|On|In|At|Delivery|Order|Purchase|Contract|Signing|Installation|Handover|Renewal|Request|Inquiry|Complaint|Closing|Move-in|Payment|Go-live|Equipment|Commissioning|Start|Policy|Quote|Price|Claim|Review|Listing|Offer|Escrow|Onboarding|Renewals?)\b/;
const lowerFirst = (t: string) => (EVERYDAY.test(t) ? t[0]!.toLowerCase() + t.slice(1) : t);
/** "Return every call" → "I return every call" (English); text already starting with I/We is kept. */
const firstPerson = (what: string | Message): string | Message => {
  if (typeof what === 'string' && /^(I|We)\b/.test(what)) return what;
  // `what` starts with a verb ("Return every call"); keep acronyms ("VIP") as written.
  const verb =
    typeof what === 'string' && /^[A-Z][a-z]/.test(what) ? what[0]!.toLowerCase() + what.slice(1) : what;
  return message('commitmentText.firstPerson', { what: verb });
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
export function describeCommitment(c: Commitment, locale: Locale): Message {
  const typed = dropStop(c.what);
  // English says the promise in the first person ("I …"), also with no text yet ("I (what you promise)").
  const subject =
    locale === 'en'
      ? firstPerson(typed || message('commitmentText.noWhat'))
      : typed || message('commitmentText.noWhat');
  const trigger = dropStop(c.trigger);
  switch (c.kind) {
    case 'within':
    case 'done': {
      const window = describeDuration(c.promised, c.businessTime);
      if (trigger === '') return message('commitmentText.within', { what: subject, window });
      const code =
        locale === 'en' && CLAUSE.test(trigger) ? 'commitmentText.withinAfter' : 'commitmentText.withinOf';
      return message(code, {
        what: subject,
        window,
        trigger: locale === 'en' ? lowerFirst(trigger) : trigger,
      });
    }
    case 'by-date':
      if (typed !== '' && NAMES_DATE[locale].test(typed))
        return message('commitmentText.namesDate', { what: subject });
      return message('commitmentText.byDate', { what: subject });
    case 'amount':
      return message('commitmentText.amount', { what: subject, deadline: describeDeadline(c, locale) });
  }
}

/**
 * A promise's deadline or bound on its own, for the charter's bold column: "영업시간 기준 4시간 이내",
 * "within 1 business day", "약속한 날짜까지", "거래당 500,000원 이하", "at least 2 visits a year".
 */
export function describeDeadline(c: Commitment, locale: Locale): Message {
  switch (c.kind) {
    case 'within':
    case 'done':
      return message('commitmentText.deadlineWithin', {
        duration: describeDuration(c.promised, c.businessTime),
      });
    case 'by-date':
      return message('commitmentText.deadlineByDate');
    case 'amount': {
      const amount = describeAmount(c.promised, locale);
      const atMost = c.direction === 'at-most';
      // A percentage judged deal by deal needs no "per deal": "at most 5%", "5% 이하" (a price rise at
      // renewal is not "5% per deal").
      if (c.period === 'per-deal' && c.promised.unit === 'percent')
        return message(atMost ? 'amount.atMost' : 'amount.atLeast', { amount });
      return message(atMost ? 'amount.atMostPer' : 'amount.atLeastPer', {
        amount,
        period: message(PERIOD[c.period]),
      });
    }
  }
}

const EVERY_ONE: Record<DurationUnit, MessageCode> = {
  minutes: 'duration.everyMinute',
  hours: 'duration.everyHour',
  days: 'duration.everyDay',
  weeks: 'duration.everyWeek',
};

/** How often, in words: "매일", "2일마다", "every day", "every 2 days" (never "1일마다", "every 1 day"). */
export function describeEvery(d: Duration, businessTime = false): Message {
  if (d.value === 1 && !businessTime) return message(EVERY_ONE[d.unit]);
  return message('duration.every', { duration: describeDuration(d, businessTime) });
}

/** The internal target in words ("2 business hours", "1 day before the agreed date", "₩0"). */
export function describeInternalTarget(c: Commitment, locale: Locale): Message {
  switch (c.kind) {
    case 'within':
    case 'done':
      return describeDuration(c.internal, c.businessTime);
    case 'by-date':
      if (!c.internalLead) return message('commitmentText.agreedDate');
      return message('commitmentText.beforeAgreedDate', {
        duration: describeDuration(c.internalLead, c.businessTime),
      });
    case 'amount':
      return describeAmount(c.internal, locale);
  }
}
