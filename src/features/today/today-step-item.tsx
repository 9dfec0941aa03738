import { useCopy } from '../../lib/use-copy';
import { nowIso } from '../../lib/id';
import { markTimelineStep, mailtoHref, smsHref } from '../../domain/tracker/deal-timeline';
import type { TimelineOutcome } from '../../domain/tracker/deal-timeline';
import { stepMessage } from '../../domain/tracker/step-message';
import type { TodayItem } from '../../domain/tracker/today';
import { useWorkspace, useWorkspaceState } from '../../persistence/workspace-context';
import { createI18n, useI18n } from '../../lib/i18n';
import type { MessageKey } from '../../i18n/messages';
import { fillWords } from '../../i18n/charter-message';
import type { TodayNotice } from './today-item';

/**
 * A moment or follow-up due today: its message for this customer, to copy or send, and "Done"; an overdue
 * one can also be skipped when it no longer applies (settled without the contact: it leaves Today).
 */
export function StepItem({
  item,
  onNotice,
}: {
  item: Extract<TodayItem, { kind: 'moment' | 'follow-up' }>;
  onNotice: (notice: TodayNotice) => void;
}) {
  const workspace = useWorkspace();
  const { data } = useWorkspaceState();
  const { t, formatCalendarDate } = useI18n();
  const [copied, copyText] = useCopy();
  const { deal, step } = item;
  const customer = data.customers.get(deal.customerId) ?? null;
  const charter = deal.charterId ? data.charters.get(deal.charterId) : undefined;
  const title =
    step.kind === 'first-use'
      ? t('customers.firstUse')
      : step.kind === 'lost-sale'
        ? t('customers.lostSale')
        : step.label.trim() || t(`moments.kinds.${step.momentKind ?? 'custom'}` as MessageKey);
  const message =
    charter && step.message.trim()
      ? stepMessage(step, {
          customer,
          deal,
          charter,
          formattedDate: step.date ? createI18n(charter.locale).formatCalendarDate(step.date) : '',
          // Without it the Today message said "약속한 날" where the timeline gives the delivery date.
          formattedDelivery: deal.deliveryOn
            ? createI18n(charter.locale).formatCalendarDate(deal.deliveryOn)
            : '',
          words: fillWords,
        })
      : '';
  const what = `${title} — ${customer?.name ?? ''} (${deal.product})`;
  // A skip is stored as skipped, not done: the deal card shows it as such and can undo it.
  // The card leaves Today at once, so the confirmation (with its undo) is shown by the page.
  const settle = (outcome: TimelineOutcome) => {
    const latest = workspace.getState().data.deals.get(deal.id) ?? deal;
    const at = nowIso();
    workspace.put('deals', markTimelineStep(latest, step.id, at, at, outcome));
    onNotice({
      text: t(outcome === 'done' ? 'customers.markedDone' : 'customers.markedSkipped', { what }),
      action: {
        label: t('customers.undo'),
        run: () => {
          const now = workspace.getState().data.deals.get(deal.id);
          if (now) workspace.put('deals', markTimelineStep(now, step.id, null, nowIso()));
        },
      },
    });
  };
  return (
    <>
      <p className="today-item__what">{what}</p>
      {step.date && (
        <p className="today-item__when">{t('today.dueOn', { date: formatCalendarDate(step.date) })}</p>
      )}
      {message && (
        <p className="message-text" lang={charter?.locale}>
          {message}
        </p>
      )}
      <div className="today-item__actions">
        <button
          type="button"
          className="button button--primary"
          aria-label={t('today.doneLabel', { what })}
          onClick={() => settle('done')}
        >
          {t('today.done')}
        </button>
        {item.urgency === 'overdue' && (
          <button
            type="button"
            className="button"
            aria-label={t('today.skipFor', { what })}
            onClick={() => settle('skipped')}
          >
            {t('today.skip')}
          </button>
        )}
        {message && (
          <>
            <button
              type="button"
              className="button"
              aria-label={t('today.copyFor', { what })}
              onClick={() => void copyText(message)}
            >
              {t('today.copy')}
            </button>
            {customer?.phone && (
              <a className="button" href={smsHref(customer.phone, message)}>
                {t('today.sms')}
              </a>
            )}
            {customer?.email && (
              <a className="button" href={mailtoHref(customer.email, title, message)}>
                {t('today.email')}
              </a>
            )}
          </>
        )}
      </div>
      {copied && (
        <p role="status" className="note">
          {t(copied === 'ok' ? 'today.copied' : 'today.copyFailed')}
        </p>
      )}
    </>
  );
}
