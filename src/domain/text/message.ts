// Messages the domain produces (validation, restore, CSV import, charter review, promise lint) are codes with
// the values they fill in; their wording lives in the interface catalogues (src/i18n/domain/en.ts, ko.ts), so
// the domain holds no prose. A code is the message's dotted key in those catalogues: the interface's
// `translateMessage` type-checks only while every code below has an entry in both languages.

/** Every message the domain can produce, by section (`issue`: a value against its schema; `restore`: a file or link as a whole; `csvProblem`: a records CSV; `charterProblem`: the review before publishing; `promiseLint`: a vague promise; `duration`, `amount`, `commitmentText`, `handoverName`, `handoverDay`, `momentWhen`: a charter's promises in words). */
export type MessageCode =
  // A value against its schema (zod issues, and the schemas' own rules).
  | 'issue.missing'
  | 'issue.mustBeText'
  | 'issue.mustBeNumber'
  | 'issue.mustBeWholeNumber'
  | 'issue.mustBeBoolean'
  | 'issue.mustBeList'
  | 'issue.mustBeObject'
  | 'issue.mustBeNull'
  | 'issue.wrongType'
  | 'issue.notEmpty'
  | 'issue.minChars'
  | 'issue.minItems'
  | 'issue.positive'
  | 'issue.atLeast'
  | 'issue.greaterThan'
  | 'issue.maxChars'
  | 'issue.maxItems'
  | 'issue.atMost'
  | 'issue.lessThan'
  | 'issue.dateTime'
  | 'issue.date'
  | 'issue.email'
  | 'issue.url'
  | 'issue.badCharacters'
  | 'issue.oneOf'
  | 'issue.unknownKind'
  | 'issue.noAllowedForm'
  | 'issue.invalid'
  | 'issue.moreProblems'
  | 'issue.webAddress'
  | 'issue.emailLike'
  | 'issue.phoneLike'
  | 'issue.promisedAmountPositive'
  | 'issue.timelineStepTwice'
  | 'issue.decidedDealNeedsDate'
  | 'issue.beforeDealOpened'
  | 'issue.clockTime'
  | 'issue.closesAfterOpens'
  | 'issue.timeZone'
  | 'issue.required'
  | 'issue.linkScheme'
  | 'issue.repeatedId'
  | 'issue.repeatedVersion'
  | 'issue.unknownCustomer'
  | 'issue.unknownRecord'
  // A file or link as a whole.
  | 'restore.tooManyValues'
  | 'restore.notFinite'
  | 'restore.notJsonData'
  | 'restore.tooDeep'
  | 'restore.tooLarge'
  | 'restore.notJson'
  | 'restore.unreadable'
  | 'restore.notCharterFile'
  | 'restore.wrongFormat'
  | 'restore.badVersion'
  | 'restore.newerVersion'
  | 'restore.cannotUpgrade'
  | 'restore.templateNotFound'
  // A records CSV: where a problem is, the file, the column mapping, a row.
  | 'csvProblem.atRowColumn'
  | 'csvProblem.atRow'
  | 'csvProblem.atColumn'
  | 'csvProblem.emptyFile'
  | 'csvProblem.quoteNotClosed'
  | 'csvProblem.emptyHeader'
  | 'csvProblem.noRows'
  | 'csvProblem.tooManyRows'
  | 'csvProblem.chooseCommitment'
  | 'csvProblem.chooseTriggeredAt'
  | 'csvProblem.chooseDueAt'
  | 'csvProblem.columnTwice'
  | 'csvProblem.notDateTime'
  | 'csvProblem.repeatedId'
  | 'csvProblem.otherCharter'
  | 'csvProblem.noCommitmentId'
  | 'csvProblem.commitmentAmbiguous'
  | 'csvProblem.noCommitment'
  | 'csvProblem.noCustomerId'
  | 'csvProblem.customerAmbiguous'
  | 'csvProblem.noCustomerNamed'
  | 'csvProblem.noDealId'
  | 'csvProblem.dealAmbiguous'
  | 'csvProblem.noDeal'
  | 'csvProblem.noDealOfCustomer'
  | 'csvProblem.renegotiationPair'
  | 'csvProblem.notNumber'
  // What a charter still needs before it is published (review.ts).
  | 'charterProblem.title'
  | 'charterProblem.ownerName'
  | 'charterProblem.ownerEmail'
  | 'charterProblem.ownerPhone'
  | 'charterProblem.vision'
  | 'charterProblem.noCommitments'
  | 'charterProblem.commitmentWhat'
  | 'charterProblem.commitmentVague'
  | 'charterProblem.readiness'
  | 'charterProblem.noBuffer'
  | 'charterProblem.checkInBefore'
  | 'charterProblem.checkInDuring'
  | 'charterProblem.checkInAfter'
  | 'charterProblem.momentCount'
  | 'charterProblem.momentMessage'
  | 'charterProblem.momentVague'
  | 'charterProblem.noRecovery'
  | 'charterProblem.noAlternatives'
  | 'charterProblem.alternativeOffers'
  | 'charterProblem.orderCheck'
  | 'charterProblem.careTips'
  | 'charterProblem.lostSale'
  // Measurable wording for a vague promise (promise-linter.ts).
  | 'promiseLint.time'
  | 'promiseLint.effort'
  | 'promiseLint.tight'
  // How a charter says its promises (commitment-text.ts, handover.ts; wording in src/i18n/charter-text).
  | `duration.${'minutes' | 'hours' | 'days' | 'weeks' | 'businessHours' | 'businessDays'}`
  | `duration.${'everyMinute' | 'everyHour' | 'everyDay' | 'everyWeek' | 'every'}`
  | `amount.${'krw' | 'percent' | 'count' | 'counted' | 'counter' | 'currency'}`
  | `amount.${'perDeal' | 'perMonth' | 'perQuarter' | 'perYear'}`
  | `amount.${'atMost' | 'atLeast' | 'atMostPer' | 'atLeastPer'}`
  | `commitmentText.${'noWhat' | 'firstPerson' | 'within' | 'withinOf' | 'withinAfter' | 'byDate'}`
  | `commitmentText.${'namesDate' | 'amount' | 'deadlineWithin' | 'deadlineByDate'}`
  | `commitmentText.${'agreedDate' | 'beforeAgreedDate'}`
  | `${'handoverName' | 'handoverDay'}.${HandoverKey}`
  | `momentWhen.${'signing' | 'sameDay' | 'after' | 'before'}`;

// The handovers (charter/handover.ts), spelled here so this module imports nothing.
type HandoverKey = 'delivery' | 'installation' | 'move-in' | 'closing' | 'go-live' | 'policy-delivery';

/** The values a message fills in; a nested message (a reason inside a sentence) is translated first. */
export type MessageParams = { readonly [name: string]: string | number | Message };

/** A message as the domain says it: the code of its wording and the values it fills in. */
export type Message = { readonly code: MessageCode; readonly params?: MessageParams };

/** The message `code` with `params` (a shorthand that keeps call sites on one line). */
export const message = (code: MessageCode, params?: MessageParams): Message =>
  params === undefined ? { code } : { code, params };

/** A schema rule's own message code (the `issue` section). */
export type IssueCode = Extract<MessageCode, `issue.${string}`>;

/**
 * The `params` of a schema rule's zod issue, which `describeIssue` turns into the message:
 * `.refine(isZone, { params: issueParams('issue.timeZone') })`.
 */
export const issueParams = (code: IssueCode, values?: MessageParams) =>
  values === undefined ? { code } : { code, values };
