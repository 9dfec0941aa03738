// The PDF's own words (src/pdf), in the catalogues' message format, in the charter's language (not the
// interface language): the customer reads them. Kept out of en.ts: the app never shows them, so its
// catalogue does not carry them. pdf/ko.ts must have the same keys; src/pdf/pdf-words.ts fills them in.
export const enPdf = {
  charter: 'Service charter',
  version: 'Version {version}',
  draft: 'Draft of version {version}',
  publishedOn: 'Published {date}',
  contact: 'Contact',
  atAGlance: 'My main promises at a glance',
  fullCharter: 'Everything I promise, and how I measure it, is on the following pages.',
  deadline: 'Deadline',
  vision: 'My service vision',
  serviceLevel: 'My service level',
  tiers: { essential: 'Essential', attentive: 'Attentive', exceptional: 'Exceptional' },
  tierText: {
    essential: 'Every promise kept, clearly and on time.',
    attentive: 'Every promise kept, plus contact from me at the moments that matter.',
    exceptional: 'Attentive service, plus personal help beyond the sale.',
  },
  ownsService: 'Your service is my personal responsibility. I do not hand it off to another department.',
  commitments: 'My commitments to you',
  promise: 'Promise',
  appliesTo: 'For',
  measuredBy: 'How it is measured',
  audiences: {
    everyone: 'Every customer',
    'new-customers': 'New customers',
    'existing-customers': 'Existing customers',
    'business-customers': 'Business customers',
  },
  phases: 'Staying close to you',
  before: 'Before the deal',
  during: 'During the deal',
  after: 'After the deal',
  moments: 'Moments that matter',
  channels: {
    call: 'Call',
    sms: 'Text',
    email: 'Email',
    visit: 'Visit',
    messenger: 'Messenger',
    letter: 'Letter',
  },
  // How I get in touch by each channel, as firstUse's {reach} reads it.
  reach: {
    call: 'call you',
    sms: 'text you',
    email: 'email you',
    visit: 'visit you',
    messenger: 'message you',
    letter: 'write to you',
  },
  recovery: 'If I fall short',
  within: 'within {duration}',
  alternatives: 'Instead of “I can’t”',
  youAsk: 'If you ask for',
  iOffer: 'I can offer',
  afterSales: 'After the sale',
  orderCheck: 'Your order',
  orderDelay: 'If anything slips, I tell you within {duration}, so you can re-plan.',
  firstUse: 'First use',
  firstUseText: 'Within {duration} of {handover}, I {reach} to make sure everything works the way you need.',
  service: 'Service requests',
  serviceText: 'I follow up on every request {every}.',
  serviceTextUntilConfirmed: 'I follow up on every request {every} until you confirm it is solved.',
  careTips: 'Care and usage tips',
  businessHelp: 'Help for your business',
  trackRecord: 'My track record',
  trackRecordPeriod: '{from} – {to}',
  trackRecordDays: 'The last {days, plural, one {# day} other {# days}}',
  asOf: 'as of {date}',
  kept: '{kept, number} of {total, number} kept',
  keptShare: '{percent} ({kept, number} of {total, number})',
  noData: 'no promises due yet',
  method:
    'Kept means done within the promised time, by the agreed date or within the promised amount. I record each promise myself as I make it; percentages appear from 5 promises on. The numbers can be recomputed from my records with the charter score command.',
  page: 'Page {page} of {total}',
  scan: 'Open this charter online',
  scanSummary:
    'Scan the code for my contacts and main promises on your phone; the whole charter is this document. The link below opens all of it online.',
  // The document's keywords, before the owner's role.
  keywords: 'service charter, customer service, promises',
} as const;

/** The shape of the PDF's words in every language: enPdf's keys, each holding a string. */
export type PdfMessages = {
  readonly [K in keyof typeof enPdf]: (typeof enPdf)[K] extends string
    ? string
    : { readonly [J in keyof (typeof enPdf)[K]]: string };
};
