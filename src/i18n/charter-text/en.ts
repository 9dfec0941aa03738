// Wording of the messages that say a charter's promises (src/domain/charter/commitment-text.ts, handover.ts):
// durations, amounts, commitment sentences, the handover and when a moment happens. Spread into the domain
// sections of en.ts and ko.ts (domain/*.ts) for the interface; the PDF imports this part alone.
export const enCharterText = {
  duration: {
    minutes: '{n, plural, one {# minute} other {# minutes}}',
    hours: '{n, plural, one {# hour} other {# hours}}',
    days: '{n, plural, one {# day} other {# days}}',
    weeks: '{n, plural, one {# week} other {# weeks}}',
    businessHours: '{n, plural, one {# business hour} other {# business hours}}',
    businessDays: '{n, plural, one {# business day} other {# business days}}',
    everyMinute: 'every minute',
    everyHour: 'every hour',
    everyDay: 'every day',
    everyWeek: 'every week',
    every: 'every {duration}',
  },
  amount: {
    krw: '₩{n, number}',
    percent: '{n, number}%',
    count: '{n, number}',
    // `label` is the user's word, already singular or plural for the number ("1 visit", "2 visits").
    counted: '{n, number} {label}',
    counter: '{n, number} {label}',
    currency: '{money}',
    perDeal: 'per deal',
    perMonth: 'a month',
    perQuarter: 'a quarter',
    perYear: 'a year',
    atMost: 'at most {amount}',
    atLeast: 'at least {amount}',
    atMostPer: 'at most {amount} {period}',
    atLeastPer: 'at least {amount} {period}',
  },
  commitmentText: {
    noWhat: '(what you promise)',
    // The owner says the promise: "Return every call" → "I return every call".
    firstPerson: 'I {what}',
    within: '{what} within {window}.',
    withinOf: '{what} within {window} of {trigger}.',
    withinAfter: '{what} within {window} after {trigger}.',
    byDate: '{what} by the date we agree on.',
    namesDate: '{what}.',
    amount: '{what}: {deadline}.',
    deadlineWithin: 'within {duration}',
    deadlineByDate: 'by the agreed date',
    agreedDate: 'the agreed date',
    beforeAgreedDate: '{duration} before the agreed date',
  },
  handoverName: {
    delivery: 'delivery',
    installation: 'installation',
    'move-in': 'move-in',
    closing: 'closing',
    'go-live': 'go-live',
    'policy-delivery': 'policy delivery',
  },
  handoverDay: {
    delivery: 'delivery date',
    installation: 'installation date',
    'move-in': 'move-in date',
    closing: 'closing date',
    'go-live': 'go-live date',
    'policy-delivery': 'policy delivery date',
  },
  // What a moment's message says where a value is missing (charter/message.ts `fillMessage`), in the
  // language of the message's own text: the owner speaks in the first person ("call me").
  messageFill: {
    product: 'your purchase',
    // After the message's own determiner ("your {product}"): the bare noun, never "your your purchase".
    productNoun: 'purchase',
    date: 'the date we set',
    delivery: 'the agreed date',
    owner: 'me',
    // An unnamed customer after a greeting ("Hi {customer}," → "Hi there,"); elsewhere the address is dropped.
    customer: 'there',
    // An unnamed customer before the message's own honorific (a Korean message's "{customer}님").
    customerBeforeHonorific: 'customer',
  },
  momentWhen: {
    signing: 'signing',
    sameDay: 'On the day of {from}',
    after: '{days, plural, one {{days} day} other {{days} days}} after {from}',
    before: '{days, plural, one {{days} day} other {{days} days}} before {from}',
  },
};

/** The shape of these sections in every language: the English keys, each holding a string. */
export type CharterTextMessages = {
  -readonly [S in keyof typeof enCharterText]: { -readonly [K in keyof (typeof enCharterText)[S]]: string };
};
