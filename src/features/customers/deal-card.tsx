import { useState } from 'react';
import { Controller, useWatch } from 'react-hook-form';
import { dealDetailsOf, dealDetailsSchema, applyDealDetails } from '../../domain/tracker/tracker';
import type { Customer, Deal } from '../../domain/tracker/tracker';
import { dealTimeline } from '../../domain/tracker/deal-timeline';
import { localDateOf } from '../../domain/tracker/business-calendar';
import { useWorkspace, useWorkspaceState } from '../../persistence/workspace-context';
import { FieldGroup, SelectField, TextAreaField } from '../../components/fields';
import { TextField } from '../../components/text-field';
import { ActionBar } from '../../components/action-bar';
import { FormNumberField } from '../../components/number-field';
import { RadioGroup } from '../../components/radio-group';
import { nowIso } from '../../lib/id';
import { useI18n } from '../../lib/i18n';
import { useNow } from '../../lib/use-now';
import type { MessageKey } from '../../i18n/messages';
import { useDetailsForm } from '../../lib/form';
import { saveStepDone, TimelineStepItem } from './timeline-step';
import { exportDealCalendar } from './deal-calendar';

const STATUS_KEY: Record<Deal['status'], MessageKey> = {
  open: 'customers.dealStatus.open',
  won: 'customers.dealStatus.won',
  lost: 'customers.dealStatus.lost',
};

/** A deal: what and when, its timeline of moments (won) or follow-up (lost), and its calendar export. */
export function DealCard({ deal, customer }: { deal: Deal; customer: Customer }) {
  const workspace = useWorkspace();
  const { data } = useWorkspaceState();
  const { t, formatCalendarDate, formatMoney } = useI18n();
  const [editing, setEditing] = useState(false);
  const now = useNow();
  const today = localDateOf(now, workspace.settings.calendar);
  const charter = deal.charterId ? data.charters.get(deal.charterId) : undefined;
  const steps = charter ? dealTimeline(deal, charter) : [];
  const titleId = `deal-${deal.id}`;
  return (
    <article className="card deal" aria-labelledby={titleId}>
      <h3 id={titleId} className="card__title">
        {deal.product} <span className={`badge deal--${deal.status}`}>{t(STATUS_KEY[deal.status])}</span>
      </h3>
      <p className="card__meta">
        {[
          t('customers.openedOn', { date: formatCalendarDate(deal.openedOn) }),
          deal.closedOn &&
            t(deal.status === 'lost' ? 'customers.lostOn' : 'customers.closedOn', {
              date: formatCalendarDate(deal.closedOn),
            }),
          deal.deliveryOn && t('customers.deliveryOn', { date: formatCalendarDate(deal.deliveryOn) }),
          deal.value && formatMoney(deal.value.amount, deal.value.currency),
        ]
          .filter(Boolean)
          .join(' · ')}
      </p>
      {editing ? (
        <DealForm
          deal={deal}
          onSave={(next) => {
            workspace.put('deals', next);
            setEditing(false);
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <div className="card__actions">
          <button type="button" className="button" onClick={() => setEditing(true)}>
            {t('customers.editDeal', { product: deal.product })}
          </button>
          {charter && steps.some((s) => s.date !== null) && (
            <button
              type="button"
              className="button"
              onClick={() => exportDealCalendar({ deal, customer, charter, steps, now: nowIso() })}
            >
              {t('customers.exportCalendar')}
            </button>
          )}
        </div>
      )}
      {deal.status === 'open' ? (
        <p className="note">{t('customers.openDealHint')}</p>
      ) : !charter ? (
        <p className="note">{t('customers.noCharterForDeal')}</p>
      ) : (
        <section aria-label={t('customers.timelineFor', { product: deal.product })}>
          <h4>{t(deal.status === 'won' ? 'customers.timeline' : 'customers.followUp')}</h4>
          {steps.length === 0 ? (
            <p className="note">{t('customers.noMoments')}</p>
          ) : (
            <ol className="timeline">
              {steps.map((step) => (
                <TimelineStepItem
                  key={step.id}
                  step={step}
                  today={today}
                  deal={deal}
                  customer={customer}
                  charter={charter}
                  onDone={(done) => saveStepDone(workspace, deal.id, step.id, done)}
                />
              ))}
            </ol>
          )}
        </section>
      )}
    </article>
  );
}

/** The deal form (new or edit), validated by the domain's deal details schema. */
export function DealForm({
  deal,
  isNew = false,
  onSave,
  onCancel,
}: {
  deal: Deal;
  isNew?: boolean;
  onSave: (deal: Deal) => void;
  onCancel: () => void;
}) {
  const { data } = useWorkspaceState();
  const { t } = useI18n();
  const { form, errorAt } = useDetailsForm(dealDetailsSchema, dealDetailsOf(deal));
  const charters = [...data.charters.values()];
  const submit = form.handleSubmit((details) => onSave(applyDealDetails(deal, details, nowIso())));
  const currency = useWatch({ control: form.control, name: 'currency' });
  return (
    <form
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-label={t(isNew ? 'customers.newDeal' : 'customers.editDealForm')}
    >
      <FieldGroup legend={t(isNew ? 'customers.newDeal' : 'customers.editDealForm')}>
        <Controller
          control={form.control}
          name="status"
          render={({ field }) => (
            <RadioGroup
              label={t('customers.dealStatusLabel')}
              options={(['open', 'won', 'lost'] as const).map((s) => [s, t(STATUS_KEY[s])] as const)}
              value={field.value}
              onChange={field.onChange}
            />
          )}
        />
        <div className="grid-2">
          <TextField
            label={t('customers.product')}
            maxLength={200}
            error={errorAt('product')}
            {...form.register('product')}
          />
          <SelectField
            label={t('customers.charter')}
            hint={t('customers.charterHint')}
            options={[
              ['', t('customers.noCharter')],
              ...charters.map((c) => [c.id, c.title.trim() || t('charters.untitled')] as const),
            ]}
            {...form.register('charterId')}
          />
          <TextField
            label={t('customers.openedOnLabel')}
            type="date"
            error={errorAt('openedOn')}
            {...form.register('openedOn')}
          />
          <TextField
            label={t('customers.closedOnLabel')}
            type="date"
            error={errorAt('closedOn')}
            {...form.register('closedOn')}
          />
          <TextField
            label={t('customers.deliveryOnLabel')}
            type="date"
            error={errorAt('deliveryOn')}
            {...form.register('deliveryOn')}
          />
          <SelectField
            label={t('customers.currency')}
            options={(['KRW', 'USD', 'EUR', 'JPY'] as const).map((c) => [c, c] as const)}
            {...form.register('currency')}
          />
          {/* "78,900,000" and "₩78,900,000" are read as typed; the form keeps the digits the schema coerces. */}
          <FormNumberField
            control={form.control}
            name="amount"
            store="string"
            label={t('customers.value')}
            currency={currency}
            narrow={false}
          />
        </div>
        <TextAreaField label={t('customers.notes')} rows={2} maxLength={4_000} {...form.register('notes')} />
      </FieldGroup>
      <ActionBar>
        <button type="button" className="button" onClick={onCancel}>
          {t('customers.cancel')}
        </button>
        <button type="submit" className="button button--primary">
          {t(isNew ? 'customers.createDeal' : 'customers.saveDeal')}
        </button>
      </ActionBar>
    </form>
  );
}
