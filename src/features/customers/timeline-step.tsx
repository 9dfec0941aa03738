import { useCopy } from '../../lib/use-copy';
import type { Charter } from '../../domain/charter/charter';
import type { Locale } from '../../domain/common';
import type { Customer, Deal } from '../../domain/tracker/tracker';
import { fillMessage } from '../../domain/charter/message';
import { fillWords } from '../../i18n/charter-message';
import { mailtoHref, markTimelineStep, smsHref, timelineState } from '../../domain/tracker/deal-timeline';
import type { Workspace } from '../../persistence/workspace';
import { nowIso } from '../../lib/id';
import type { TimelineState, TimelineStep } from '../../domain/tracker/deal-timeline';
import { createI18n, translate, useI18n } from '../../lib/i18n';
import type { MessageKey } from '../../i18n/messages';

const STATE_KEY: Record<TimelineState, MessageKey> = {
  done: 'customers.state.done',
  skipped: 'customers.state.skipped',
  unscheduled: 'customers.state.unscheduled',
  overdue: 'customers.state.overdue',
  today: 'customers.state.today',
  upcoming: 'customers.state.upcoming',
};

/** A step's name in `locale`: the moment's label, or the after-sales step it is. */
export function stepTitle(step: TimelineStep, locale: Locale): string {
  if (step.kind === 'first-use') return translate(locale, 'customers.firstUse');
  if (step.kind === 'lost-sale') return translate(locale, 'customers.lostSale');
  return step.label.trim() || translate(locale, `moments.kinds.${step.momentKind ?? 'custom'}` as MessageKey);
}

/** A step's name in the interface language. */
export function StepTitle({ step }: { step: TimelineStep }) {
  const { locale } = useI18n();
  return <>{stepTitle(step, locale)}</>;
}

/** Marks step `stepId` of the stored deal `dealId` done now (or not done), on its latest stored version. */
export function saveStepDone(workspace: Workspace, dealId: string, stepId: string, done: boolean): void {
  const deal = workspace.getState().data.deals.get(dealId);
  if (!deal) return;
  const at = nowIso();
  workspace.put('deals', markTimelineStep(deal, stepId, done ? at : null, at));
}

/**
 * One step of a deal's timeline: date, state, a done checkbox (a skipped step is not ticked: it was not
 * done; ticking it marks it done instead), undo for a skip, and the message for this customer in the
 * charter's language with copy, email and text-message actions.
 */
export function TimelineStepItem({
  step,
  today,
  deal,
  customer,
  charter,
  onDone,
}: {
  step: TimelineStep;
  today: string;
  deal: Deal;
  customer: Customer | null;
  charter: Charter;
  onDone: (done: boolean) => void;
}) {
  const { t, formatCalendarDate } = useI18n();
  const [copied, copyText] = useCopy();
  const state = timelineState(step, today);
  const title = stepTitle(step, charter.locale);
  const charterDates = createI18n(charter.locale);
  // {date} is this step's own date, {delivery} the deal's handover date (see fillMessage).
  const message = step.message.trim()
    ? fillMessage(
        step.message,
        {
          customer: customer?.name ?? '',
          product: deal.product,
          date: step.date ? charterDates.formatCalendarDate(step.date) : '',
          delivery: deal.deliveryOn ? charterDates.formatCalendarDate(deal.deliveryOn) : '',
          owner: charter.owner.name,
        },
        fillWords,
      )
    : '';
  return (
    <li className={`timeline__step timeline__step--${state}`}>
      <div className="field field--check">
        <input
          id={`done-${deal.id}-${step.id}`}
          type="checkbox"
          checked={step.doneAt !== null}
          onChange={(e) => onDone(e.target.checked)}
        />
        <label htmlFor={`done-${deal.id}-${step.id}`}>
          {step.date ? formatCalendarDate(step.date) : t('customers.noDateYet')} — <StepTitle step={step} />
        </label>
      </div>
      <span
        className={`badge status--${state === 'done' ? 'kept' : state === 'overdue' ? 'overdue' : 'open'}`}
      >
        {t(STATE_KEY[state])}
      </span>{' '}
      <span className="note">{t(`channels.${step.channel}` as MessageKey)}</span>{' '}
      {state === 'skipped' && (
        <button
          type="button"
          className="button"
          aria-label={t('customers.undoSkipFor', { what: title })}
          onClick={() => onDone(false)}
        >
          {t('customers.undoSkip')}
        </button>
      )}
      {message ? (
        <details className="timeline__message">
          <summary>{t('customers.message')}</summary>
          <p lang={charter.locale} className="message-text">
            {message}
          </p>
          <div className="group__actions">
            <button type="button" className="button" onClick={() => void copyText(message)}>
              {t('customers.copy')}
            </button>
            <a className="button" href={mailtoHref(customer?.email ?? '', title, message)}>
              {t('customers.sendEmail')}
            </a>
            <a className="button" href={smsHref(customer?.phone ?? '', message)}>
              {t('customers.sendSms')}
            </a>
          </div>
          {copied && (
            <p role="status" className="note">
              {t(copied === 'ok' ? 'customers.copied' : 'customers.copyFailed')}
            </p>
          )}
        </details>
      ) : (
        step.kind !== 'first-use' && <p className="note">{t('customers.noMessage')}</p>
      )}
    </li>
  );
}
